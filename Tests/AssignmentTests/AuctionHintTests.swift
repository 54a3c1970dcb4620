import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// When the first round starts from the auction's prices and when from zero.
@Suite struct AuctionHintTests {
  static func sparse(scores: [Double], rows: Int, columns: Int) -> SparseAssignmentProblem {
    SparseAssignmentProblem(
      AssignmentProblem(
        rows: rows, columns: columns, scores: scores, capacities: [Int](repeating: 2, count: columns)))
  }

  /// Up to 64 distinct scores: no auction; 65 or more: the auction's prices.
  @Test func theAuctionRunsOnlyOnManyScoreLevels() {
    let rows = 40
    let columns = 20
    for levels in [1, 2, 10, 64, 65, 200] {
      let scores = (0..<(rows * columns)).map { Double($0 % levels) / 7 }
      let problem = Self.sparse(scores: scores, rows: rows, columns: columns)
      #expect(AuctionPriceEstimate.isUseful(for: problem) == (levels > 64), "levels \(levels)")
      #expect((AuctionPriceEstimate.hint(problem) != nil) == (levels > 64), "levels \(levels)")
    }
  }

  /// Either way the certified solve reaches the dense optimum: on whole-number
  /// scores (few levels, zero prices) and on the same scores plus a small
  /// continuous term (many levels, the auction's prices).
  @Test func bothStartsReachTheDenseOptimum() {
    var generator = SeededRandomNumberGenerator(seed: 8_128)
    for trial in 0..<10 {
      let rows = 150 + 40 * trial
      let columns = 20 + 5 * trial
      let whole = (0..<(rows * columns)).map { _ in Double(Int.random(in: 0...9, using: &generator)) }
      let jittered = whole.map { $0 + Double.random(in: 0..<0.01, using: &generator) }
      for scores in [whole, jittered] {
        let problem = AssignmentProblem(
          rows: rows, columns: columns, scores: scores,
          capacities: (0..<columns).map { _ in Int.random(in: 1...8, using: &generator) })
        let dense = CapacitatedAssignment.solve(problem)
        let (solution, certificate) = CertifiedAssignment.solve(
          DenseScoreSource(problem, blockRows: 50), capacities: problem.capacities, candidatesPerRow: 3)
        #expect(solution.assignedCount == dense.assignedCount, "trial \(trial)")
        #expect(abs(solution.totalScore - dense.totalScore) < 1e-9, "trial \(trial)")
        #expect(solution.verify(against: problem).isEmpty, "trial \(trial)")
        #expect(certificate.violationsPerRound.last == 0)
      }
    }
  }
}
