import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The pruning pass's selection without heaps for the rows (``RowSelection``,
/// threshold scan in spread order) and with a floor test before any column
/// offer, against the heap-based pass it replaced (``HeapPruningReference``,
/// kept here as it was): the same candidates in the same order with the same
/// scores, the same score range and count, on plateaus, ties, forbidden
/// pairs, zero-capacity columns, `k` at or above the columns, rows with no
/// eligible pair, warm starts and both senses, on 1 and 2 workers.
@Suite struct RowSelectionTests {
  /// Each case: rows, columns, capacities, forbidden share, score kind, k.
  static let cases: [(Int, Int, ClosedRange<Int>, Double, RandomAssignmentProblems.ScoreKind, Int)] = [
    (40, 13, 0...3, 0.2, .smallIntegers, 3),
    (57, 19, 0...3, 0.2, .continuous, 3),
    (30, 7, 0...2, 0.5, .smallIntegers, 9),
    (25, 5, 1...2, 0.0, .smallIntegers, 5),
    (33, 11, 0...1, 0.95, .continuous, 4),
    (200, 90, 0...4, 0.1, .smallIntegers, 2),
    (150, 300, 0...2, 0.3, .smallIntegers, 20),
    (120, 260, 1...3, 0.05, .continuous, 70),
    (64, 17, 0...0, 0.1, .continuous, 3),
    (9, 1, 1...1, 0.3, .smallIntegers, 1),
    (12, 6, 0...3, 0.2, .smallIntegers, 0),
  ]

  @Test(arguments: 0..<11, [false, true]) func sameCandidatesAsTheHeapPass(index: Int, warm: Bool) {
    let (n, m, capacities, forbidden, kind, k) = Self.cases[index]
    var generator = SeededRandomNumberGenerator(seed: UInt64(100 + index))
    let sense: AssignmentProblem.Sense = index % 3 == 2 ? .minimize : .maximize
    var problem = RandomAssignmentProblems.make(
      rows: n, columns: m, capacities: capacities, forbiddenShare: forbidden, kind: kind, sense: sense,
      using: &generator)
    // Some rows with no eligible pair at all.
    var scores = problem.scores
    for i in stride(from: 3, to: n, by: 7) {
      for j in 0..<m { scores[i * m + j] = AssignmentProblem.forbidden }
    }
    problem = AssignmentProblem(
      rows: n, columns: m, scores: scores, capacities: problem.capacities, sense: sense)
    let prices =
      warm
      ? (0..<m).map { j in kind == .smallIntegers ? Double(j % 3) : Double.random(in: 0...0.5, using: &generator) }
      : [Double](repeating: 0, count: m)
    let previous: [Int?]? = warm ? (0..<n).map { $0 % 5 == 0 ? nil : ($0 * 7) % m } : nil
    for workers in [1, 2] {
      for blockRows in [1, 4, n] {
        let source = DenseScoreSource(problem, blockRows: blockRows)
        let reference = HeapPruningReference(
          source, capacities: problem.capacities, sense: sense, perRow: k, entryPrices: prices, previous: previous,
          workers: workers)
        let pruning = CandidatePruning(
          source, capacities: problem.capacities, sense: sense, perRow: k, entryPrices: prices, previous: previous,
          workers: workers)
        #expect(pruning.candidates.columns == reference.candidates.columns)
        #expect(
          pruning.candidates.scores.map { $0.map(\.bitPattern) }
            == reference.candidates.scores.map { $0.map(\.bitPattern) })
        #expect(pruning.low.bitPattern == reference.low.bitPattern)
        #expect(pruning.high.bitPattern == reference.high.bitPattern)
        #expect(pruning.allowed == reference.allowed)
      }
    }
  }

  /// Rows whose net scores are all the least finite value (scores at
  /// `∓greatestFiniteMagnitude`), some with forbidden pairs or one ordinary
  /// pair, among ordinary rows: the walk screens the columns' offers against
  /// a running best that starts at the least finite value, so rows whose best
  /// stays there take the plain second walk; the same candidates, in the same
  /// order, as the heap pass. (Net scores of −∞, from prices that overflow,
  /// are left out: the rows' threshold scan never keeps a −∞ key where the
  /// heap pass did, since `prune2`; Docs/performance.md, `prune6`.)
  @Test(arguments: [AssignmentProblem.Sense.maximize, .minimize])
  func extremeNetScoresKeepTheHeapPassCandidates(sense: AssignmentProblem.Sense) {
    let (n, m) = (36, 8)
    var generator = SeededRandomNumberGenerator(seed: 8)
    let base = RandomAssignmentProblems.make(
      rows: n, columns: m, capacities: 1...2, forbiddenShare: 0.1, kind: .continuous, sense: sense,
      using: &generator)
    let extreme = sense == .maximize ? -Double.greatestFiniteMagnitude : Double.greatestFiniteMagnitude
    var scores = base.scores
    for i in 0..<n where i % 3 != 0 {
      for j in 0..<m {
        switch i % 4 {
        case 1: scores[i * m + j] = extreme  // every pair at the extreme
        case 2: scores[i * m + j] = j % 2 == 0 ? extreme : AssignmentProblem.forbidden
        default: if j != i % m { scores[i * m + j] = extreme }  // one ordinary pair
        }
      }
    }
    let problem = AssignmentProblem(rows: n, columns: m, scores: scores, capacities: base.capacities, sense: sense)
    let prices = (0..<m).map { Double($0 % 2) }
    for workers in [1, 2] {
      for blockRows in [1, 5, n] {
        let source = DenseScoreSource(problem, blockRows: blockRows)
        for k in [1, 3, m] {
          let reference = HeapPruningReference(
            source, capacities: problem.capacities, sense: sense, perRow: k, entryPrices: prices, previous: nil,
            workers: workers)
          let pruning = CandidatePruning(
            source, capacities: problem.capacities, sense: sense, perRow: k, entryPrices: prices, previous: nil,
            workers: workers)
          #expect(pruning.candidates.columns == reference.candidates.columns)
          #expect(
            pruning.candidates.scores.map { $0.map(\.bitPattern) }
              == reference.candidates.scores.map { $0.map(\.bitPattern) })
          #expect(pruning.allowed == reference.allowed)
          #expect(pruning.low.bitPattern == reference.low.bitPattern)
          #expect(pruning.high.bitPattern == reference.high.bitPattern)
        }
      }
    }
  }

  /// The selection alone keeps the best `k` keys offered above its
  /// threshold, best first, ties to the earlier offer, against sorting
  /// everything; long runs force many selections, few distinct keys many ties.
  @Test(arguments: [0, 1, 2, 5, 40, 100]) func keepsTheBestKeysInOfferOrder(k: Int) {
    var generator = SeededRandomNumberGenerator(seed: UInt64(7 + k))
    let selection = RowSelection(k: k)
    for round in 0..<20 {
      let length = [0, 1, k, 3 * k + 200, 1_000][round % 5]
      let distinct = round % 2 == 0 ? 4 : 1_000_000
      let keys = (0..<length).map { _ in Double(Int.random(in: 0..<distinct, using: &generator)) }
      selection.reset()
      var threshold = selection.threshold
      for (t, key) in keys.enumerated() where key > threshold {
        threshold = selection.append(key: key, column: t)
      }
      selection.finish()
      let expected = keys.indices.sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.prefix(k)
      #expect((0..<selection.count).map { selection.columns[$0] } == Array(expected))
      #expect((0..<selection.count).map { selection.keys[$0] } == expected.map { keys[$0] })
    }
  }

  /// Selection by rank against sorting, with duplicates.
  @Test func selectFindsEveryRank() {
    var generator = SeededRandomNumberGenerator(seed: 5)
    for count in [1, 2, 3, 10, 77] {
      let values = (0..<count).map { _ in Double(Int.random(in: 0..<6, using: &generator)) }
      let sorted = values.sorted(by: >)
      for rank in 0..<count {
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { scratch.deallocate() }
        for t in 0..<count { scratch[t] = values[t] }
        #expect(RowSelection.select(scratch, count: count, rank: rank) == sorted[rank])
      }
    }
  }
}

/// ``CandidatePruning`` as it was before ``RowSelection``: a heap per row and
/// an offer to every column's heap, one test per pair. The straightforward
/// reference of ``RowSelectionTests``.
extension RowSelectionTests {
  struct HeapPruningReference {
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
}
