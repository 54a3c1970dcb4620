import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The single-row phases reading each row's pairs in the order of a lower
/// bound on their reduced cost and stopping at the search's limit
/// (``SparseRowOrder``): the order is a sorted permutation of each row's
/// pairs, and the solver settles the same columns and finds the same
/// assignment and duals as when it reads every pair, on plateaus, integer
/// ties, forbidden pairs, rows with no pair, capacities 1–5, more and fewer
/// rows than places, both senses, cold and with far-off price hints,
/// provisional or not, re-ordered often or never; and it reaches the dense
/// solver's optimum.
@Suite struct RowOrderTests {
  @Test func orderIsASortedPermutationOfEachRow() {
    var generator = SeededRandomNumberGenerator(seed: 12_100)
    let dense = AuctionPriceEstimateTests.plateau(
      rows: 60, columns: 17, capacities: 1...5, forbiddenShare: 0.4, using: &generator)
    let sparse = SparseAssignmentProblem(dense)
    let solver = SparseShortestAugmentingPathSolver(
      sparse, priceHint: BlockingPhaseTests.hint(columns: 17, spread: 1, using: &generator))
    var order = SparseRowOrder(sparse)
    #expect(
      (0..<sparse.rows).allSatisfy { order.rows[$0].orderedIn == -1 && !order.rows[$0].readOnce }, "nothing ordered yet"
    )
    order.epoch = 2
    for i in 0..<sparse.rows {
      order.order(row: i, sparse, cost: solver.cost, v: solver.v)
      #expect(order.rows[i].orderedIn == 2)
      let range = sparse.rowStart[i]..<sparse.rowStart[i + 1]
      #expect(Set(range.map { Int(order.entries[$0].pair) }) == Set(range), "row \(i): a permutation of its pairs")
      for q in range {
        let entry = order.entries[q]
        let p = Int(entry.pair)
        #expect(Int(entry.column) == Int(sparse.columnIndex[p]))
        #expect(entry.cost == solver.cost[p])
        #expect(entry.key == solver.cost[p] - solver.v[Int(sparse.columnIndex[p])])
        if q > range.lowerBound { #expect(order.entries[q - 1].key <= entry.key, "row \(i): sorted") }
      }
    }
  }

  /// The order is the one total order by key, ties by pair, both when the
  /// keys are whole units (one packed word per pair sorted) and when they
  /// are not (fractional or negative keys: the comparison sort).
  @Test(arguments: [0, 1, 2])
  func orderIsByKeyThenPair(keys: Int) {
    var generator = SeededRandomNumberGenerator(seed: 12_120)
    let dense = AuctionPriceEstimateTests.plateau(
      rows: 50, columns: 13, capacities: 1...5, forbiddenShare: 0.3, using: &generator)
    let sparse = SparseAssignmentProblem(dense)
    let solver = SparseShortestAugmentingPathSolver(
      sparse, priceHint: BlockingPhaseTests.hint(columns: 13, spread: 1, using: &generator))
    // 0: whole units as in the solver; 1: half units; 2: all negative.
    let shift = [0, 0.5, (solver.cost.max() ?? 0) - (solver.v.min() ?? 0) + 1][keys]
    let v = solver.v.map { $0 + shift }
    var order = SparseRowOrder(sparse)
    var ties = 0
    for i in 0..<sparse.rows {
      let range = sparse.rowStart[i]..<sparse.rowStart[i + 1]
      order.order(row: i, sparse, cost: solver.cost, v: v)
      // Writes the same entries again when it packs, nothing when it does not.
      let packs = order.orderPacked(start: range.lowerBound, end: range.upperBound, sparse, cost: solver.cost, v: v)
      #expect(packs == (keys == 0 || range.count < 2), "row \(i): packed words only for whole, non-negative keys")
      let expected = range.sorted { a, b in
        let (ka, kb) = (solver.cost[a] - v[Int(sparse.columnIndex[a])], solver.cost[b] - v[Int(sparse.columnIndex[b])])
        return ka < kb || (ka == kb && a < b)
      }
      #expect(range.map { Int(order.entries[$0].pair) } == expected, "row \(i), keys \(keys)")
      for q in range {
        let p = Int(order.entries[q].pair)
        #expect(order.entries[q].key == solver.cost[p] - v[Int(sparse.columnIndex[p])])
        #expect(order.entries[q].cost == solver.cost[p] && order.entries[q].column == sparse.columnIndex[p])
        if q > range.lowerBound && order.entries[q - 1].key == order.entries[q].key { ties += 1 }
      }
    }
    #expect(ties > 0, "plateaus give tied keys, so the tie rule is exercised")
  }

  /// Each row's record holds its pair range, and a search's reads order it
  /// on the second reach and again on the first reach of a later epoch.
  @Test func rowRecordsFollowTheReachesAndEpochs() {
    var generator = SeededRandomNumberGenerator(seed: 12_150)
    let dense = AuctionPriceEstimateTests.plateau(
      rows: 40, columns: 11, capacities: 1...5, forbiddenShare: 0.4, using: &generator)
    let sparse = SparseAssignmentProblem(dense)
    let solver = SparseShortestAugmentingPathSolver(sparse)
    var order = SparseRowOrder(sparse)
    #expect(MemoryLayout<SparseRowOrder.Row>.stride == 16, "one record in a quarter of a cache line")
    for i in 0..<sparse.rows {
      #expect(Int(order.rows[i].start) == sparse.rowStart[i] && Int(order.rows[i].end) == sparse.rowStart[i + 1])
      let first = order.prepareRead(row: i, sparse, cost: solver.cost, v: solver.v)
      #expect(first.start == sparse.rowStart[i] && first.end == sparse.rowStart[i + 1], "row \(i)")
      #expect(!first.ordered && !first.orderedNow && order.rows[i].readOnce, "row \(i): first reach reads in full")
      let second = order.prepareRead(row: i, sparse, cost: solver.cost, v: solver.v)
      #expect(second.ordered && second.orderedNow && !order.rows[i].readOnce, "row \(i): second reach orders")
      let third = order.prepareRead(row: i, sparse, cost: solver.cost, v: solver.v)
      #expect(third.ordered && !third.orderedNow && order.rows[i].orderedIn == 0, "row \(i): same epoch")
      #expect(third.start == second.start && third.end == second.end)
    }
    order.epoch = 1
    for i in 0..<sparse.rows {
      let again = order.prepareRead(row: i, sparse, cost: solver.cost, v: solver.v)
      #expect(again.ordered && again.orderedNow && order.rows[i].orderedIn == 1, "row \(i): re-ordered in a new epoch")
      #expect(order.isOrdered(row: i))
    }
  }

  /// Solves with and without the row order (re-ordered after
  /// `reorderAfterReads` pairs read) and checks that both do the same and
  /// are optimal.
  @discardableResult
  static func expectSameSolve(
    _ problem: AssignmentProblem, hint: [Double]?, provisional: Bool, reorderAfterReads: Int?, _ label: String
  ) -> SparseSolveCounters {
    let sparse = SparseAssignmentProblem(problem)
    var plain = SparseShortestAugmentingPathSolver(sparse, priceHint: hint, provisional: provisional)
    plain.ordersRows = false
    plain.run()
    var ordered = SparseShortestAugmentingPathSolver(sparse, priceHint: hint, provisional: provisional)
    ordered.reorderAfterReads = reorderAfterReads
    ordered.run()
    #expect(ordered.holding.columnOf == plain.holding.columnOf, "\(label): the same assignment")
    #expect(ordered.pairOf == plain.pairOf, "\(label): the same pairs")
    #expect(ordered.u == plain.u && ordered.v == plain.v, "\(label): the same duals")
    #expect(ordered.counters.settledColumns == plain.counters.settledColumns, "\(label): the same searches")
    #expect(ordered.counters.singlePhases == plain.counters.singlePhases, "\(label)")
    #expect(ordered.counters.relaxations <= plain.counters.relaxations, "\(label): never more reads")
    #expect(plain.counters.rowsOrdered == 0, "\(label)")
    #expect(ordered.rowOrder == nil, "\(label): the order is dropped after the forward phases")
    #expect(ordered.invariantViolations(resolvedColumns: problem.columns).isEmpty, "\(label)")
    if !provisional {
      let dense = CapacitatedAssignment.solve(problem)
      let solution = ordered.solution()
      #expect(solution.assignedCount == dense.assignedCount, "\(label)")
      #expect(abs(solution.totalScore - dense.totalScore) < 1e-9, "\(label)")
      #expect(solution.verify(against: problem).isEmpty, "\(label)")
    }
    return ordered.counters
  }

  @Test(arguments: [AssignmentProblem.Sense.maximize, .minimize])
  func sameSearchesAndTheDenseOptimum(sense: AssignmentProblem.Sense) {
    var generator = SeededRandomNumberGenerator(seed: 12_200 + (sense == .maximize ? 0 : 1))
    var rowsOrdered = 0
    for trial in 0..<12 {
      for (label, problem, hint) in ScalingAuctionTests.orderTrialCases(trial: trial, sense: sense, using: &generator) {
        for provisional in [false, true] {
          for reorderAfterReads in [nil, 0, 40, Int.max] {
            let counters = Self.expectSameSolve(
              problem, hint: hint, provisional: provisional, reorderAfterReads: reorderAfterReads,
              "\(label), provisional \(provisional), reorder after \(String(describing: reorderAfterReads)) reads")
            rowsOrdered += counters.rowsOrdered
          }
        }
      }
    }
    #expect(rowsOrdered > 0, "rows were read in order, not only in full")
  }

  /// Rows with no allowed pair and tiny shapes, checked against brute force.
  @Test func smallProblemsMatchBruteForce() {
    var generator = SeededRandomNumberGenerator(seed: 12_300)
    for trial in 0..<40 {
      let problem = ScalingAuctionTests.tinyIntegerTies(trial: trial, using: &generator)
      Self.expectSameSolve(problem, hint: nil, provisional: false, reorderAfterReads: nil, "small trial \(trial)")
      let best = BruteForceAssignment.solve(problem)
      let sparse = SparseAssignmentProblem(problem)
      var solver = SparseShortestAugmentingPathSolver(sparse)
      solver.run()
      let solution = solver.solution()
      #expect(solution.assignedCount == best.assignedCount, "small trial \(trial)")
      #expect(abs(solution.totalScore - best.totalScore) < 1e-9, "small trial \(trial)")
    }
  }
}
