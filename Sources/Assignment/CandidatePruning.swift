/// The first pass of ``CertifiedAssignment``: every allowed pair is scored
/// once, and each row keeps its best `perRow` columns, each column its best
/// rows, on several threads (``ParallelBlockPass``).
///
/// Rows rank columns by score net of `entryPrices` (zero for a cold start;
/// a previous solution's prices for a warm one) and keep their `previous`
/// column too. Ties go to a fixed per-row rotation of column indices
/// (``TopOrder/spread(_:row:columns:)``), and columns' ties among rows to the
/// same rotation of row indices by column. The result does not depend on the
/// number of threads.
struct CandidatePruning {
  /// The kept pairs.
  var candidates: CandidateSet
  /// The lowest and highest allowed score in a column with a positive
  /// capacity (`+∞…−∞` when there is none).
  var low = Double.infinity
  var high = -Double.infinity
  /// The number of allowed pairs (in any column).
  var allowed = 0

  private struct State {
    /// One list: the current row's best columns (keyed by net score, indexed by spread column).
    var row: TopLists
    /// One list per column: its rows by regret, with their scores.
    var columns: TopLists
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
    let n = source.rows
    let sign = sense == .maximize ? 1.0 : -1.0
    // Each column's best rows (the "column" of a column selector is the row
    // index): 12 per place, at least 8 and at most 4 · max(k, 8). Without
    // them a column that few rows rank highly would have too few candidates
    // to fill its places, and the first round's prices would mislead.
    // Capacities are clamped to the row count first (a column never holds
    // more), so `12 · capacity` cannot overflow.
    // One column further, TopOrder.spread(i, row: j, columns: n) grows by this (mod n).
    let step = TopOrder.spread(0, row: 1, columns: n)
    let perColumn = capacities.map { min(max(8, 12 * min($0, source.rows)), 4 * max(k, 8)) }
    let states = ParallelBlockPass.run(
      over: source, workers: workers,
      makeState: { State(row: TopLists(capacities: [k]), columns: TopLists(capacities: perColumn)) },
      body: { state, block, b in
        let rowList = state.row
        let columnLists = state.columns
        var low = state.low
        var high = state.high
        var allowed = 0
        entryPrices.withUnsafeBufferPointer { prices in
          for (r, i) in block.enumerated() {
            rowList.reset(0)
            let base = r * m
            var best = -Double.infinity
            // TopOrder.spread(j, row: i, columns: m), advanced by one per
            // column instead of divided out per pair (the same values).
            var spread = TopOrder.spread(0, row: i, columns: m)
            for j in 0..<m {
              let rowIndex = spread
              spread = spread + 1 == m ? 0 : spread + 1
              let s = b[base + j]
              if s.isNaN { continue }
              allowed += 1
              // A zero-capacity column's pairs can never be made: they are
              // neither candidates nor part of the score range.
              if capacities[j] == 0 { continue }
              if s < low { low = s }
              if s > high { high = s }
              let net = sign * s - prices[j]
              if net > best { best = net }
              rowList.offer(0, key: net, index: rowIndex)
            }
            // Columns rank rows by regret: how little the row gives up, against
            // its best column, by taking this one. Equal regrets go to a
            // column-dependent rotation of row indices, as the rows' ties do:
            // under tie-heavy scores many rows have regret 0 for the same
            // strong columns, and the lowest-numbered rows would otherwise
            // fill every such column's list.
            // TopOrder.spread(i, row: j, columns: n), advanced by 7919 mod n
            // per column (the same values, no division per pair).
            var columnIndex = TopOrder.spread(i, row: 0, columns: n)
            for j in 0..<m {
              let index = columnIndex
              columnIndex += step
              if columnIndex >= n { columnIndex -= n }
              guard capacities[j] > 0 else { continue }
              let s = b[base + j]
              if s.isNaN { continue }
              columnLists.offer(j, key: sign * s - prices[j] - best, index: index, payload: s)
            }
            let previousColumn = previous?[i]
            var keptPrevious = false
            for entry in rowList.sorted(0) {
              let column = TopOrder.unspread(entry.index, row: i, columns: m)
              if column == previousColumn { keptPrevious = true }
              state.kept.append(row: i, column: column, score: b[base + column])
            }
            if let j = previousColumn, !keptPrevious, !b[base + j].isNaN, capacities[j] > 0 {
              state.kept.append(row: i, column: j, score: b[base + j])
            }
          }
        }
        state.low = low
        state.high = high
        state.allowed += allowed
      })
    candidates = CandidateSet(rows: source.rows)
    for state in states {
      candidates.add(state.kept)
      low = min(low, state.low)
      high = max(high, state.high)
      allowed += state.allowed
    }
    let merged = TopLists(capacities: perColumn)
    for j in 0..<m {
      for state in states {
        for entry in state.columns.sorted(j) {
          merged.offer(j, key: entry.key, index: entry.index, payload: entry.payload)
        }
      }
      for entry in merged.sorted(j) {
        let i = TopOrder.unspread(entry.index, row: j, columns: n)
        if !candidates.contains(row: i, column: j) { candidates.add(row: i, column: j, score: entry.payload) }
      }
    }
  }
}
