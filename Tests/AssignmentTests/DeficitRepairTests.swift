import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The sparse solver starts from any prices; columns left with room at a
/// positive price ("deficits") are repaired by backward phases.
@Suite struct DeficitRepairTests {
  /// Raw hints, not normalised: prices far above the score range, on columns
  /// that cannot fill, so that deficits are certain.
  @Test func anyStartingPricesGiveTheBruteForceOptimum() {
    var generator = SeededRandomNumberGenerator(seed: 2026)
    var deficitsSeen = 0
    for trial in 0..<400 {
      let rows = trial % 7
      let columns = 1 + trial % 4
      let problem = RandomAssignmentProblems.make(
        rows: rows, columns: columns, capacities: 0...3, forbiddenShare: Double(trial % 3) * 0.25,
        kind: trial % 2 == 0 ? .continuous : .smallIntegers, sense: trial % 5 == 4 ? .minimize : .maximize,
        using: &generator)
      let sparse = SparseAssignmentProblem(problem)
      let hint = (0..<columns).map { _ in Double.random(in: 0...4, using: &generator) }
      let preferred: [Int?] = (0..<rows).map { _ in
        Bool.random(using: &generator) ? Int.random(in: 0..<columns, using: &generator) : nil
      }
      var solver = SparseShortestAugmentingPathSolver(sparse, priceHint: hint, preferred: preferred)
      solver.greedyStart()
      for r in 0..<rows where !solver.processed[r] { solver.augment(from: r) }
      if (0..<columns).contains(where: { solver.v[$0] < 0 && solver.holding.load[$0] < problem.capacities[$0] }) {
        deficitsSeen += 1
      }
      solver.resolveDeficits()
      let solution = solver.solution()
      let oracle = BruteForceAssignment.solve(problem)
      #expect(solution.assignedCount == oracle.assignedCount, "trial \(trial)")
      #expect(abs(solution.totalScore - oracle.totalScore) < 1e-9, "trial \(trial)")
      #expect(solution.verify(against: problem).isEmpty, "trial \(trial)")
    }
    #expect(deficitsSeen > 50)
  }

  /// Larger problems, capacity short and long, against the dense solver.
  @Test func anyStartingPricesGiveTheDenseOptimum() {
    var generator = SeededRandomNumberGenerator(seed: 11)
    for trial in 0..<30 {
      let problem = RandomAssignmentProblems.make(
        rows: 120, columns: 10 + trial, capacities: 0...(2 + trial % 6), forbiddenShare: 0.3,
        kind: trial % 2 == 0 ? .continuous : .smallIntegers, using: &generator)
      let sparse = SparseAssignmentProblem(problem)
      let cold = CapacitatedAssignment.solve(problem)
      let hint = (0..<problem.columns).map { _ in Double.random(in: 0...10, using: &generator) }
      var solver = SparseShortestAugmentingPathSolver(sparse, priceHint: hint, preferred: nil)
      solver.run()
      let warm = solver.solution()
      #expect(warm.assignedCount == cold.assignedCount)
      #expect(abs(warm.totalScore - cold.totalScore) < 1e-9)
      #expect(warm.verify(against: problem).isEmpty)
    }
  }
}
