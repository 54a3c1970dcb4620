import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The sparse solver taking rows by falling regret in its greedy start and
/// single-row phases (``SparseShortestAugmentingPathSolver/rowsInOrder()``):
/// the order is a permutation of the rows by the direct formula's regret, and
/// the solve reaches the same optimum as the index order and the dense solver
/// (brute force on small cases), with its invariants, on plateaus, integer
/// ties, forbidden pairs, rows with no pair, capacities 1–5, more and fewer
/// rows than places, both senses, cold and with far-off price hints,
/// provisional or not.
@Suite struct RegretOrderTests {
  @Test func orderFollowsTheDirectRegret() {
    var generator = SeededRandomNumberGenerator(seed: 13_100)
    var dense = ScalingAuctionTests.integerTies(
      rows: 70, columns: 13, capacities: 1...5, forbiddenShare: 0.5, sense: .maximize, using: &generator)
    // Row 3 has no allowed pair; row 5 one.
    var scores = dense.scores
    for j in 0..<13 {
      scores[3 * 13 + j] = AssignmentProblem.forbidden
      scores[5 * 13 + j] = j == 4 ? 7 : AssignmentProblem.forbidden
    }
    dense = AssignmentProblem(rows: 70, columns: 13, scores: scores, capacities: dense.capacities, sense: .maximize)
    let sparse = SparseAssignmentProblem(dense)
    var solver = SparseShortestAugmentingPathSolver(
      sparse, priceHint: BlockingPhaseTests.hint(columns: 13, spread: 3, using: &generator))
    #expect(!solver.takesRowsByRegret, "off by default")
    solver.takesRowsByRegret = true
    let order = solver.rowsInOrder()
    #expect(order.sorted() == Array(0..<sparse.rows), "a permutation of the rows")
    // The regret by its definition: sort the row's reduced costs.
    var direct = [Double](repeating: -1, count: sparse.rows)
    for r in 0..<sparse.rows {
      let reduced = (sparse.rowStart[r]..<sparse.rowStart[r + 1])
        .map { solver.cost[$0] - solver.v[Int(sparse.columnIndex[$0])] }.sorted()
      guard let least = reduced.first else { continue }
      direct[r] = min(reduced.count > 1 ? reduced[1] : .infinity, solver.unassignedCost) - least
    }
    #expect(solver.regrets() == direct, "regrets by the direct formula")
    #expect(direct[3] == -1, "a row with no allowed pair: regret -1")
    #expect(direct[5] == solver.unassignedCost - (solver.cost[sparse.rowStart[5]] - solver.v[4]), "one pair: P − least")
    #expect(order.last == 3, "the row with no pair comes last")
    for (a, b) in zip(order, order.dropFirst()) {
      #expect(direct[a] > direct[b] || (direct[a] == direct[b] && a < b), "falling regret, ties by index")
    }
    var byIndex = solver
    byIndex.takesRowsByRegret = false
    #expect(byIndex.rowsInOrder() == Array(0..<sparse.rows))
  }

  /// The cost of a solve in the solver's units: its pairs' costs plus `P` per
  /// row left out (what every order must minimise alike), summed exactly in
  /// whole numbers (each term is a whole number below `2^52`).
  static func objective(_ solver: SparseShortestAugmentingPathSolver) -> Int {
    var total = 0
    for i in 0..<solver.problem.rows {
      total += Int(solver.pairOf[i] >= 0 ? solver.cost[solver.pairOf[i]] : solver.unassignedCost)
    }
    return total
  }

  @Test(arguments: [AssignmentProblem.Sense.maximize, .minimize])
  func sameOptimumInEitherOrder(sense: AssignmentProblem.Sense) {
    var generator = SeededRandomNumberGenerator(seed: 13_200 + (sense == .maximize ? 0 : 1))
    var differentPlans = 0
    for trial in 0..<12 {
      for (label, problem, hint) in ScalingAuctionTests.orderTrialCases(trial: trial, sense: sense, using: &generator) {
        let sparse = SparseAssignmentProblem(problem)
        for provisional in [false, true] {
          let label = "\(label), provisional \(provisional)"
          var byRegret = SparseShortestAugmentingPathSolver(sparse, priceHint: hint, provisional: provisional)
          byRegret.takesRowsByRegret = true
          byRegret.run()
          var byIndex = SparseShortestAugmentingPathSolver(sparse, priceHint: hint, provisional: provisional)
          byIndex.takesRowsByRegret = false
          byIndex.run()
          #expect(Self.objective(byRegret) == Self.objective(byIndex), "\(label): the same optimum")
          #expect(byRegret.invariantViolations(resolvedColumns: problem.columns).isEmpty, "\(label)")
          let c = byRegret.counters
          #expect(
            c.greedyPlaced + c.blockingPlaced + c.singlePhases == problem.rows,
            "\(label): every row handled by one phase")
          if byRegret.holding.columnOf != byIndex.holding.columnOf { differentPlans += 1 }
          if !provisional {
            let dense = CapacitatedAssignment.solve(problem)
            let solution = byRegret.solution()
            #expect(solution.assignedCount == dense.assignedCount, "\(label)")
            #expect(abs(solution.totalScore - dense.totalScore) < 1e-9, "\(label)")
            #expect(solution.verify(against: problem).isEmpty, "\(label)")
          }
        }
      }
    }
    #expect(differentPlans > 0, "the order changes which tied optimum is found on some cases")
  }

  /// Tiny shapes and a row with no allowed pair, against brute force.
  @Test func smallProblemsMatchBruteForce() {
    var generator = SeededRandomNumberGenerator(seed: 13_300)
    for trial in 0..<40 {
      let problem = ScalingAuctionTests.tinyIntegerTies(trial: trial, using: &generator)
      let best = BruteForceAssignment.solve(problem)
      var solver = SparseShortestAugmentingPathSolver(SparseAssignmentProblem(problem))
      solver.takesRowsByRegret = true
      solver.run()
      let solution = solver.solution()
      #expect(solution.assignedCount == best.assignedCount, "small trial \(trial)")
      #expect(abs(solution.totalScore - best.totalScore) < 1e-9, "small trial \(trial)")
      #expect(solver.invariantViolations(resolvedColumns: problem.columns).isEmpty, "small trial \(trial)")
    }
  }
}
