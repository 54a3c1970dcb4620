import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// Tie-heavy scores, as the covered-growth term gives at scale: every row
/// scores many columns at exactly the same top value.
@Suite struct TiePlateauTests {
  /// A plateau problem: each row scores a random share of "strong" columns at
  /// 1 plus a coarse side term (0, 0.1 or 0.2), the rest at 0, 0.25 or 0.5;
  /// places about equal to rows.
  static func plateau(
    rows: Int, columns: Int, strongShare: Double, using generator: inout SeededRandomNumberGenerator
  ) -> AssignmentProblem {
    let strong = (0..<columns).map { _ in Double.random(in: 0..<1, using: &generator) < strongShare }
    var scores = [Double](repeating: 0, count: rows * columns)
    for i in 0..<rows {
      for j in 0..<columns {
        let side = Double(Int.random(in: 0...2, using: &generator)) / 10
        scores[i * columns + j] =
          strong[j] && Bool.random(using: &generator)
          ? 1 + side : Double(Int.random(in: 0...2, using: &generator)) / 4
      }
    }
    let capacity = max(1, (rows + columns - 1) / columns)
    return AssignmentProblem(
      rows: rows, columns: columns, scores: scores, capacities: [Int](repeating: capacity, count: columns))
  }

  /// The certified sparse path reaches the dense optimum on plateaus, with
  /// hard pruning, and its duals certify it over every pair.
  @Test(arguments: [1, 3, 24])
  func plateausAgreeWithTheDenseSolver(candidates: Int) {
    var generator = SeededRandomNumberGenerator(seed: 900 + UInt64(candidates))
    for trial in 0..<12 {
      let problem = Self.plateau(
        rows: 60 + 20 * trial, columns: 8 + 2 * trial, strongShare: 0.3, using: &generator)
      let dense = CapacitatedAssignment.solve(problem)
      let (solution, certificate) = CertifiedAssignment.solve(
        DenseScoreSource(problem, blockRows: 7), capacities: problem.capacities, candidatesPerRow: candidates)
      #expect(solution.assignedCount == dense.assignedCount, "trial \(trial)")
      #expect(abs(solution.totalScore - dense.totalScore) < 1e-9, "trial \(trial)")
      #expect(solution.verify(against: problem).isEmpty, "trial \(trial)")
      #expect(certificate.violationsPerRound.last == 0)
    }
  }

  /// Small plateaus against brute force.
  @Test func smallPlateausMatchBruteForce() {
    var generator = SeededRandomNumberGenerator(seed: 31)
    for trial in 0..<40 {
      let problem = Self.plateau(rows: 1 + trial % 6, columns: 1 + trial % 4, strongShare: 0.5, using: &generator)
      let (solution, _) = CertifiedAssignment.solve(
        DenseScoreSource(problem), capacities: problem.capacities, candidatesPerRow: 1)
      let oracle = BruteForceAssignment.solve(problem)
      #expect(solution.assignedCount == oracle.assignedCount, "trial \(trial)")
      #expect(abs(solution.totalScore - oracle.totalScore) < 1e-9, "trial \(trial)")
    }
  }

  /// When every score ties, the columns' regret lists do not all keep the
  /// lowest-numbered rows: ties go to a column-dependent rotation of rows.
  @Test func columnListsSpreadTiedRows() {
    let rows = 400
    let columns = 10
    let problem = AssignmentProblem(
      rows: rows, columns: columns, scores: [Double](repeating: 0.5, count: rows * columns),
      capacities: [Int](repeating: 1, count: columns))
    let pruning = CandidatePruning(
      DenseScoreSource(problem, blockRows: 33), capacities: problem.capacities, sense: .maximize, perRow: 1,
      entryPrices: [Double](repeating: 0, count: columns), previous: nil)
    // Each row keeps one column of its own; the columns' lists (12 rows each
    // for one place) add the rest.
    let rowsWithExtras = (0..<rows).filter { pruning.candidates.columns[$0].count > 1 }.count
    #expect(pruning.candidates.columns.allSatisfy { !$0.isEmpty })
    // Without the rotation the same 12 rows would take every column's list.
    #expect(rowsWithExtras > 12 * columns / 2)
    // Each column's list holds exactly the rows first in its own rotation.
    for j in 0..<columns {
      let kept = Set((0..<rows).filter { pruning.candidates.columns[$0].contains(Int32(j)) })
      let expected = (0..<rows).filter { TopOrder.spread($0, row: j, columns: rows) < 12 }
      #expect(expected.allSatisfy(kept.contains), "column \(j)")
    }
  }

  /// The pruning does not depend on the number of workers, ties included.
  @Test func tiedPruningIsTheSameOnAnyNumberOfWorkers() {
    var generator = SeededRandomNumberGenerator(seed: 5)
    let problem = Self.plateau(rows: 150, columns: 12, strongShare: 0.5, using: &generator)
    let runs = [1, 2, 5].map { workers in
      CandidatePruning(
        DenseScoreSource(problem, blockRows: 9), capacities: problem.capacities, sense: .maximize, perRow: 3,
        entryPrices: [Double](repeating: 0, count: problem.columns), previous: nil, workers: workers
      ).candidates.columns
    }
    #expect(runs[0] == runs[1])
    #expect(runs[0] == runs[2])
  }
}
