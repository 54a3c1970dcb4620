import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The certified solve on whole-number scores held as bytes
/// (``WholeScoreMatrix``, as `solve` reads ratings) against the same scores
/// as doubles through ``CertifiedAssignment/solve(dense:candidatesPerRow:)``,
/// the dense solver and brute force.
@Suite struct WholeScoreMatrixTests {
  /// Scores `offset + code` with codes in `low...high`, some forbidden.
  static func matrix(
    rows: Int, columns: Int, offset: Int, low: UInt8, high: UInt8, forbiddenShare: Double,
    using generator: inout SeededRandomNumberGenerator
  ) -> WholeScoreMatrix {
    let codes = (0..<(rows * columns)).map { _ in
      Double.random(in: 0..<1, using: &generator) < forbiddenShare
        ? WholeScoreMatrix.forbidden : UInt8.random(in: low...high, using: &generator)
    }
    let allowed = codes.filter { $0 != WholeScoreMatrix.forbidden }
    return WholeScoreMatrix(
      rows: rows, columns: columns, offset: offset, codes: codes,
      codeRange: allowed.isEmpty ? nil : allowed.min()!...allowed.max()!)
  }

  static func problem(_ matrix: WholeScoreMatrix, capacities: [Int], sense: AssignmentProblem.Sense)
    -> AssignmentProblem
  {
    AssignmentProblem(
      rows: matrix.rows, columns: matrix.columns, scores: matrix.scores, capacities: capacities, sense: sense)
  }

  /// The ranks of the bytes equal the ranks of the doubles, and decode to
  /// the scores bit for bit (0 included when minimising); codes from 0
  /// (as the reader gives them) included, whose ranks, maximising, are the codes shared.
  @Test(arguments: AssignmentProblem.Sense.allCases)
  func ranksEqualThoseOfTheDoubles(sense: AssignmentProblem.Sense) {
    var generator = SeededRandomNumberGenerator(seed: sense == .maximize ? 61 : 62)
    for trial in 0..<16 {
      let low: UInt8 = trial % 4 == 3 ? 0 : 120
      let matrix = Self.matrix(
        rows: 3 + 11 * trial, columns: 1 + 7 * trial % 30, offset: [-128, -130, 0, 1000][trial % 4], low: low,
        high: low + UInt8(trial * 5 % 64), forbiddenShare: 0.2, using: &generator)
      let problem = Self.problem(matrix, capacities: [Int](repeating: 1, count: matrix.columns), sense: sense)
      let bytes = LevelScores(matrix, sense: sense, workers: 1 + trial % 3)!
      let doubles = LevelScores(problem)!
      #expect(bytes.ranks == doubles.ranks && bytes.levels == doubles.levels, "trial \(trial)")
      #expect(bytes.lowest.bitPattern == doubles.lowest.bitPattern)
      for k in problem.scores.indices where !problem.scores[k].isNaN {
        #expect(bytes.score(rank: Int(bytes.ranks[k])).bitPattern == problem.scores[k].bitPattern)
      }
    }
  }

  /// The whole solve equals the solve of the same scores as doubles: the
  /// same pairs, duals, total and certificate; its objective equals the
  /// dense solver's. Non-square, capacities 0–5, forbidden cells, both senses.
  @Test(arguments: AssignmentProblem.Sense.allCases)
  func solveEqualsTheDoubleSolve(sense: AssignmentProblem.Sense) throws {
    var generator = SeededRandomNumberGenerator(seed: sense == .maximize ? 71 : 72)
    for trial in 0..<24 {
      let matrix = Self.matrix(
        rows: 10 + 19 * trial, columns: 1 + 3 * trial, offset: [-128, -125, 7, -300][trial % 4], low: 128,
        high: 128 + UInt8(1 + trial % 12), forbiddenShare: trial % 3 == 0 ? 0 : 0.25, using: &generator)
      let capacities = (0..<matrix.columns).map { _ in Int.random(in: (trial % 2)...(1 + trial % 5), using: &generator)
      }
      let problem = Self.problem(matrix, capacities: capacities, sense: sense)
      let candidates = [1, 3, 24][trial % 3]
      let (whole, wholeCertificate) = try #require(
        CertifiedAssignment.solve(whole: matrix, capacities: capacities, sense: sense, candidatesPerRow: candidates))
      let (doubles, certificate) = CertifiedAssignment.solve(dense: problem, candidatesPerRow: candidates)
      #expect(whole.columnOfRow == doubles.columnOfRow, "trial \(trial)")
      #expect(whole.columnPrices == doubles.columnPrices && whole.rowValues == doubles.rowValues)
      #expect(whole.totalScore.bitPattern == doubles.totalScore.bitPattern)
      #expect(whole.assignedCount == doubles.assignedCount)
      #expect(wholeCertificate == certificate && wholeCertificate.exact)
      #expect(whole.verify(against: problem).isEmpty)
      #expect(ScoreResolution.refusal(for: problem) == nil)
      let dense = CapacitatedAssignment.solve(problem)
      #expect(whole.assignedCount == dense.assignedCount && whole.totalScore == dense.totalScore)
    }
  }

  /// Tiny problems: brute force's optimum.
  @Test func tinyProblemsMatchBruteForce() throws {
    var generator = SeededRandomNumberGenerator(seed: 73)
    for trial in 0..<50 {
      let matrix = Self.matrix(
        rows: 1 + trial % 6, columns: 1 + trial % 4, offset: -128 - trial % 3, low: 128,
        high: 128 + UInt8(trial % 9), forbiddenShare: 0.25, using: &generator)
      let capacities = (0..<matrix.columns).map { _ in Int.random(in: 0...(1 + trial % 5), using: &generator) }
      let sense: AssignmentProblem.Sense = trial % 5 == 4 ? .minimize : .maximize
      let problem = Self.problem(matrix, capacities: capacities, sense: sense)
      let optimum = BruteForceAssignment.solve(problem)
      let (solution, certificate) = try #require(
        CertifiedAssignment.solve(whole: matrix, capacities: capacities, sense: sense, candidatesPerRow: 1 + trial % 3))
      #expect(solution.assignedCount == optimum.assignedCount, "trial \(trial)")
      #expect(solution.totalScore == optimum.totalScore, "trial \(trial)")
      #expect(certificate.exact && solution.verify(against: problem).isEmpty)
    }
  }

  /// More than 64 levels, or so many rows that the resolution could hide a
  /// score: the caller must take the doubles.
  @Test func declinesWhatNeedsTheDoubles() {
    var generator = SeededRandomNumberGenerator(seed: 74)
    let wide = Self.matrix(rows: 30, columns: 10, offset: -128, low: 0, high: 200, forbiddenShare: 0, using: &generator)
    #expect(wide.levels > 64)
    #expect(CertifiedAssignment.solve(whole: wide, capacities: [Int](repeating: 3, count: 10), sense: .maximize) == nil)
    let ratings = Self.matrix(
      rows: 30, columns: 10, offset: -128, low: 128, high: 137, forbiddenShare: 0, using: &generator)
    #expect(CertifiedAssignment.isCertifiable(ratings, rows: ratings.rows, sense: .maximize))
    #expect(!CertifiedAssignment.isCertifiable(ratings, rows: 1 << 24, sense: .maximize))
    let none = WholeScoreMatrix(
      rows: 2, columns: 2, offset: 0, codes: [255, 255, 255, 255], codeRange: nil)
    let (solution, _) = CertifiedAssignment.solve(whole: none, capacities: [1, 1], sense: .maximize)!
    #expect(solution.assignedCount == 0)
  }
}
