import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The passes over all pairs run on several threads; what they find must not
/// depend on how many.
@Suite struct ParallelPassTests {
  func problem(seed: UInt64) -> AssignmentProblem {
    var generator = SeededRandomNumberGenerator(seed: seed)
    return RandomAssignmentProblems.make(
      rows: 600, columns: 23, capacities: 20...40, forbiddenShare: 0.2,
      kind: seed % 2 == 0 ? .smallIntegers : .continuous,
      using: &generator)
  }

  /// Statistics as comparable values (`.nan` never equals itself).
  func bits(_ s: CertifiedAssignment.RowStatistics) -> [[UInt64]] {
    [
      s.eligibleColumns.map { UInt64($0) }, s.betterColumns.map { UInt64($0) },
      s.bestColumn.map { UInt64(bitPattern: Int64($0)) },
      s.bestScore.map(\.bitPattern), s.assignedScore.map(\.bitPattern),
    ]
  }

  @Test(arguments: [1, 2, 5]) func pruningIsTheSameOnAnyNumberOfThreads(seed: UInt64) {
    let problem = problem(seed: seed)
    let source = DenseScoreSource(problem, blockRows: 4)
    let prices = (0..<problem.columns).map { Double($0 % 3) * 0.5 }
    let previous: [Int?] = (0..<problem.rows).map { $0 % 4 == 0 ? nil : $0 % problem.columns }
    let runs = [1, 2, 7].map { workers in
      CandidatePruning(
        source, capacities: problem.capacities, sense: .maximize, perRow: 3, entryPrices: prices,
        previous: previous, workers: workers)
    }
    for run in runs.dropFirst() {
      #expect(run.candidates.columns == runs[0].candidates.columns)
      #expect(run.candidates.scores == runs[0].candidates.scores)
      #expect(run.allowed == runs[0].allowed && run.low == runs[0].low && run.high == runs[0].high)
    }
    #expect(runs[0].allowed == problem.scores.filter { !$0.isNaN }.count)
  }

  @Test(arguments: [3, 4]) func pricingIsTheSameOnAnyNumberOfThreads(seed: UInt64) {
    let problem = problem(seed: seed)
    let source = DenseScoreSource(problem, blockRows: 5)
    // Each row lists only its first allowed column: pricing must find better ones.
    var candidates = CandidateSet(rows: problem.rows)
    for i in 0..<problem.rows {
      if let j = (0..<problem.columns).first(where: { problem.score(row: i, column: $0) != nil }) {
        candidates.add(row: i, column: j, score: problem.score(row: i, column: j)!)
      }
    }
    let bounds = problem.scores.filter { !$0.isNaN }.min()!...problem.scores.filter { !$0.isNaN }.max()!
    let solution = CapacitatedAssignment.solve(
      candidates.problem(columns: problem.columns, capacities: problem.capacities, sense: .maximize, bounds: bounds))
    let runs = [1, 2, 6].map { workers in
      PricingPass(
        source, solution: solution, candidates: candidates, capacities: problem.capacities,
        resolution: ScoreResolution(rows: problem.rows, sense: .maximize, bounds: bounds), perRow: 2,
        workers: workers)
    }
    #expect(runs[0].violations > 0)
    for run in runs.dropFirst() {
      #expect(run.violations == runs[0].violations)
      // Workers find rows in different orders; each row's additions are the same.
      var mine = candidates
      mine.add(run.additions)
      var theirs = candidates
      theirs.add(runs[0].additions)
      #expect(mine.columns == theirs.columns && mine.scores == theirs.scores)
      #expect(bits(run.statistics) == bits(runs[0].statistics))
    }
  }

  @Test func certifiedSolveIsTheSameWithOneBlockOrMany() {
    let problem = problem(seed: 9)
    let (one, oneCertificate) = CertifiedAssignment.solve(
      DenseScoreSource(problem), capacities: problem.capacities, candidatesPerRow: 2)
    let (many, manyCertificate) = CertifiedAssignment.solve(
      DenseScoreSource(problem, blockRows: 3), capacities: problem.capacities, candidatesPerRow: 2)
    #expect(one == many)
    #expect(oneCertificate.violationsPerRound == manyCertificate.violationsPerRound)
    #expect(many.verify(against: problem).isEmpty)
  }
}
