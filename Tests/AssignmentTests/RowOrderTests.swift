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
    var order = SparseRowOrder(rows: sparse.rows)
    #expect(order.orderedIn.allSatisfy { $0 == -1 } && order.entries.isEmpty, "nothing ordered yet")
    order.epoch = 2
    for i in 0..<sparse.rows {
      order.order(row: i, sparse, cost: solver.cost, v: solver.v)
      #expect(order.orderedIn[i] == 2)
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
