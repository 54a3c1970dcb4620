/// The first pass of ``CertifiedAssignment``: every allowed pair is scored
/// once, and each row keeps its best `perRow` columns, each column its best
/// rows, on several threads (``ParallelBlockPass``).
///
/// Rows rank columns by score net of `entryPrices` (zero for a cold start;
/// a previous solution's prices for a warm one) and keep their `previous`
/// column too. Ties go to a fixed per-row rotation of column indices
/// (``TopSelector/spread(_:row:columns:)``). The result does not depend on the
/// number of threads.
struct CandidatePruning {
  /// The kept pairs.
  var candidates: CandidateSet
  /// The lowest and highest allowed score (`+∞…−∞` when none is allowed).
  var low = Double.infinity
  var high = -Double.infinity
  /// The number of allowed pairs.
  var allowed = 0

  private struct State {
    var selector: TopSelector
    var columnSelectors: [TopSelector]
    var kept = CandidateList()
    var low = Double.infinity
    var high = -Double.infinity
    var allowed = 0
  }

  /// Runs the pass.
  ///
  /// - Complexity: O(`rows · columns · log perRow`) time besides the scoring;
  ///   O(`rows · perRow + columns · perColumn`) memory per thread.
  init(
    _ source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense, perRow k: Int,
    entryPrices: [Double], previous: [Int?]?, workers: Int = ParallelBlockPass.defaultWorkers
  ) {
    let m = source.columns
    let sign = sense == .maximize ? 1.0 : -1.0
    // Each column's best rows (the "column" of a column selector is the row
    // index): 12 per place, at least 8 and at most 4 · max(k, 8). Without
    // them a column that few rows rank highly would have too few candidates
    // to fill its places, and the first round's prices would mislead.
    let perColumn = capacities.map { min(max(8, 12 * $0), 4 * max(k, 8)) }
    let states = ParallelBlockPass.run(
      over: source, workers: workers,
      makeState: {
        State(selector: TopSelector(capacity: k), columnSelectors: perColumn.map { TopSelector(capacity: $0) })
      },
      body: { state, block, b in
        for (r, i) in block.enumerated() {
          state.selector.reset()
          let base = r * m
          var best = -Double.infinity
          for j in 0..<m {
            let s = b[base + j]
            if s.isNaN { continue }
            state.allowed += 1
            if s < state.low { state.low = s }
            if s > state.high { state.high = s }
            let net = sign * s - entryPrices[j]
            if net > best { best = net }
            state.selector.offer(net, column: TopSelector.spread(j, row: i, columns: m))
          }
          // Columns rank rows by regret: how little the row gives up, against
          // its best column, by taking this one.
          for j in 0..<m {
            let s = b[base + j]
            if s.isNaN { continue }
            state.columnSelectors[j].offer(sign * s - entryPrices[j] - best, column: i, payload: s)
          }
          var kept: [Int] = []
          for (_, spread) in state.selector.sorted() {
            let column = TopSelector.unspread(spread, row: i, columns: m)
            kept.append(column)
            state.kept.append(row: i, column: column, score: b[base + column])
          }
          if let j = previous?[i], !b[base + j].isNaN, !kept.contains(j) {
            state.kept.append(row: i, column: j, score: b[base + j])
          }
        }
      })
    candidates = CandidateSet(rows: source.rows)
    for state in states {
      candidates.add(state.kept)
      low = min(low, state.low)
      high = max(high, state.high)
      allowed += state.allowed
    }
    for j in 0..<m {
      var merged = states[0].columnSelectors[j]
      for state in states.dropFirst() {
        for entry in state.columnSelectors[j].sortedWithPayloads() {
          merged.offer(entry.key, column: entry.column, payload: entry.payload)
        }
      }
      for entry in merged.sortedWithPayloads() where !candidates.contains(row: entry.column, column: j) {
        candidates.add(row: entry.column, column: j, score: entry.payload)
      }
    }
  }
}
