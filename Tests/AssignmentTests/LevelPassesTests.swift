import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The certified solve on few whole-number levels (``LevelScores``,
/// ``LevelPruning``, ``LevelPricing``) against the generic passes it
/// replaces, the dense solver and brute force.
@Suite struct LevelPassesTests {
  /// Whole numbers in `low...high`, some forbidden; capacities in `capacities`.
  static func integers(
    rows: Int, columns: Int, low: Int, high: Int, capacities: ClosedRange<Int>, forbiddenShare: Double,
    sense: AssignmentProblem.Sense = .maximize, using generator: inout SeededRandomNumberGenerator
  ) -> AssignmentProblem {
    var scores = [Double](repeating: 0, count: rows * columns)
    for k in scores.indices {
      scores[k] =
        Double.random(in: 0..<1, using: &generator) < forbiddenShare
        ? AssignmentProblem.forbidden : Double(Int.random(in: low...high, using: &generator))
    }
    let caps = (0..<columns).map { _ in Int.random(in: capacities, using: &generator) }
    return AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: caps, sense: sense)
  }

  /// Ranks decode to the scores exactly; other scores have no ranks.
  @Test func ranksDecodeToTheScores() {
    var generator = SeededRandomNumberGenerator(seed: 41)
    for sense in AssignmentProblem.Sense.allCases {
      let problem = Self.integers(
        rows: 30, columns: 20, low: -7, high: 12, capacities: 0...3, forbiddenShare: 0.2, sense: sense,
        using: &generator)
      let levels = LevelScores(problem)!
      #expect(levels.levels <= 20)
      for k in problem.scores.indices {
        if problem.scores[k].isNaN {
          #expect(levels.ranks[k] == LevelScores.forbidden)
        } else {
          #expect(levels.score(rank: Int(levels.ranks[k])) == problem.scores[k])
        }
      }
    }
    func oneRow(_ scores: [Double]) -> AssignmentProblem {
      AssignmentProblem(
        rows: 1, columns: scores.count, scores: scores, capacities: [Int](repeating: 1, count: scores.count))
    }
    #expect(LevelScores(oneRow([0, 0.5, 1])) == nil)
    #expect(LevelScores(oneRow([0, -0.0, 1])) == nil)
    #expect(LevelScores(oneRow([0, 64])) == nil)
    #expect(LevelScores(oneRow([0, 63]))?.levels == 64)
    #expect(LevelScores(oneRow([.nan, .nan]))?.levels == 0)
  }

  /// Ranks are the same however many threads encode them (large enough to be split).
  @Test func ranksDoNotDependOnTheWorkers() {
    var generator = SeededRandomNumberGenerator(seed: 43)
    let problem = Self.integers(
      rows: 400, columns: 400, low: 3, high: 40, capacities: 1...2, forbiddenShare: 0.05, using: &generator)
    let one = LevelScores(problem, workers: 1)!
    for workers in [2, 3] {
      let split = LevelScores(problem, workers: workers)!
      #expect(split.ranks == one.ranks && split.lowest == one.lowest && split.levels == one.levels)
    }
    var spoiled = problem.scores
    spoiled[spoiled.count - 7] = 3.5
    let wide = AssignmentProblem(
      rows: 400, columns: 400, scores: spoiled, capacities: problem.capacities, sense: problem.sense)
    #expect(LevelScores(wide, workers: 3) == nil)
    spoiled[spoiled.count - 7] = 3 + 64
    #expect(
      LevelScores(
        AssignmentProblem(rows: 400, columns: 400, scores: spoiled, capacities: problem.capacities), workers: 3) == nil)
  }

  /// The level pruning keeps the same candidates, in the same order, as
  /// ``CandidatePruning``, for any number of workers.
  @Test(arguments: [1, 2, 5, 24])
  func pruningEqualsTheGenericPass(k: Int) {
    var generator = SeededRandomNumberGenerator(seed: 700 + UInt64(k))
    for trial in 0..<16 {
      let sense: AssignmentProblem.Sense = trial % 3 == 2 ? .minimize : .maximize
      let problem = Self.integers(
        rows: 5 + 13 * trial, columns: 1 + 3 * trial, low: -2, high: 1 + trial % 9, capacities: 0...(1 + trial % 5),
        forbiddenShare: trial % 4 == 0 ? 0 : 0.15, sense: sense, using: &generator)
      let generic = CandidatePruning(
        DenseScoreSource(problem, blockRows: 7), capacities: problem.capacities, sense: sense,
        perRow: min(k, problem.columns),
        entryPrices: [Double](repeating: 0, count: problem.columns), previous: nil, workers: 3)
      for workers in [1, 2, 5] {
        let levels = LevelPruning(
          LevelScores(problem)!, capacities: problem.capacities, perRow: min(k, problem.columns), workers: workers)
        #expect(levels.candidates.columns == generic.candidates.columns, "trial \(trial), \(workers) workers")
        #expect(
          levels.candidates.scores.map { $0.map(\.bitPattern) }
            == generic.candidates.scores.map { $0.map(\.bitPattern) })
        #expect(levels.allowed == generic.allowed)
        #expect(levels.low == generic.low && levels.high == generic.high)
      }
    }
  }

  /// The whole solve equals the generic certified solve on the dense source:
  /// the same pairs, duals and certificate; and its objective equals the
  /// dense solver's.
  @Test(arguments: AssignmentProblem.Sense.allCases)
  func solveEqualsTheGenericSolve(sense: AssignmentProblem.Sense) {
    var generator = SeededRandomNumberGenerator(seed: sense == .maximize ? 811 : 812)
    for trial in 0..<20 {
      let problem = Self.integers(
        rows: 20 + 17 * trial, columns: 2 + 2 * trial, low: 0, high: 1 + trial % 10, capacities: 1...5,
        forbiddenShare: trial % 3 == 0 ? 0.3 : 0, sense: sense, using: &generator)
      let candidates = [1, 3, 24][trial % 3]
      let (generic, genericCertificate) = CertifiedAssignment.solve(
        DenseScoreSource(problem), capacities: problem.capacities, sense: sense, candidatesPerRow: candidates)
      let (fast, certificate) = CertifiedAssignment.solve(dense: problem, candidatesPerRow: candidates)
      #expect(fast.columnOfRow == generic.columnOfRow, "trial \(trial)")
      #expect(fast.columnPrices == generic.columnPrices && fast.rowValues == generic.rowValues)
      #expect(fast.totalScore == generic.totalScore && fast.assignedCount == generic.assignedCount)
      #expect(certificate == genericCertificate)
      #expect(certificate.exact)
      #expect(fast.verify(against: problem).isEmpty)
      let dense = CapacitatedAssignment.solve(problem)
      #expect(fast.assignedCount == dense.assignedCount && fast.totalScore == dense.totalScore)
    }
  }

  /// Tiny problems: the optimum of brute force, non-square, capacities 1 to 5,
  /// forbidden cells and zero-capacity columns included.
  @Test func tinyProblemsMatchBruteForce() {
    var generator = SeededRandomNumberGenerator(seed: 97)
    for trial in 0..<60 {
      let problem = Self.integers(
        rows: 1 + trial % 6, columns: 1 + trial % 4, low: 0, high: 1 + trial % 9,
        capacities: (trial % 2)...(1 + trial % 5),
        forbiddenShare: 0.25, sense: trial % 5 == 4 ? .minimize : .maximize, using: &generator)
      let optimum = BruteForceAssignment.solve(problem)
      let (solution, certificate) = CertifiedAssignment.solve(dense: problem, candidatesPerRow: 1 + trial % 3)
      #expect(solution.assignedCount == optimum.assignedCount, "trial \(trial)")
      #expect(solution.totalScore == optimum.totalScore, "trial \(trial)")
      #expect(certificate.exact)
      #expect(solution.verify(against: problem).isEmpty)
    }
  }

  /// A wrong plan never passes the level certificate: with prices lowered
  /// below feasibility and every allowed pair a candidate (so that pricing
  /// finds no violation outside them and the pass must check the
  /// certificate), the level pass rejects it as the generic pass does; with
  /// fewer candidates both find violations and leave the certificate to the
  /// pass that can end the loop.
  @Test func levelCertificateRejectsAWrongPlan() {
    var generator = SeededRandomNumberGenerator(seed: 5)
    let problem = Self.integers(
      rows: 40, columns: 8, low: 0, high: 9, capacities: 2...5, forbiddenShare: 0.1, using: &generator)
    let levels = LevelScores(problem)!
    let (solution, _) = CertifiedAssignment.solve(dense: problem)
    var wrong = solution
    for j in wrong.columnPrices.indices { wrong.columnPrices[j] = 0 }
    for i in wrong.rowValues.indices { wrong.rowValues[i] = max(0, wrong.rowValues[i] - 1) }
    let resolution = ScoreResolution(problem)
    var everyPair = CandidateSet(rows: problem.rows)
    for i in 0..<problem.rows {
      for j in 0..<problem.columns {
        if let s = problem.score(row: i, column: j) { everyPair.add(row: i, column: j, score: s) }
      }
    }
    for collect in [true, false] {
      let generic = PricingPass(
        DenseScoreSource(problem), solution: wrong, candidates: everyPair, capacities: problem.capacities,
        resolution: resolution, perRow: 24, returnedBonus: wrong.cardinalityBonus)
      let pass = LevelPricing(
        levels, solution: wrong, candidates: everyPair, capacities: problem.capacities, resolution: resolution,
        perRow: 24, margin: 0, returnedBonus: wrong.cardinalityBonus, collectAdditions: collect)
      #expect(generic.violations == 0 && generic.certificateChecked && !generic.certificateViolations.isEmpty)
      #expect(pass.violations == 0 && pass.certificateChecked)
      #expect(pass.certificateViolations == generic.certificateViolations)
      #expect(pass.onGrid == generic.onGrid)
    }
    let pruning = LevelPruning(levels, capacities: problem.capacities, perRow: 2)
    let generic = PricingPass(
      DenseScoreSource(problem), solution: wrong, candidates: pruning.candidates, capacities: problem.capacities,
      resolution: resolution, perRow: 24, returnedBonus: wrong.cardinalityBonus)
    let pass = LevelPricing(
      levels, solution: wrong, candidates: pruning.candidates, capacities: problem.capacities,
      resolution: resolution, perRow: 24, margin: 0, returnedBonus: wrong.cardinalityBonus)
    #expect(generic.violations > 0 && !generic.certificateChecked)
    #expect(pass.violations == generic.violations && !pass.certificateChecked && pass.certificateViolations.isEmpty)
    #expect(pass.unassignedRowsWithPairs == generic.unassignedRowsWithPairs)
    let counting = LevelPricing(
      levels, solution: wrong, candidates: pruning.candidates, capacities: problem.capacities,
      resolution: resolution, perRow: 24, margin: 0, returnedBonus: wrong.cardinalityBonus, collectAdditions: false)
    #expect(counting.violations == pass.violations && counting.additions.rows.isEmpty)
    #expect(counting.unassignedRowsWithPairs == pass.unassignedRowsWithPairs)
  }

  /// Each rank's least certificate price in a row comes from a scan of the
  /// columns in price order (``LevelPricing``): with unequal prices (some
  /// lowered below feasibility, so that some rows fail), rows that lack some
  /// ranks, forbidden pairs and zero-capacity columns, and every allowed pair
  /// a candidate (so that the pass checks the certificate), the level pass
  /// finds the same certificate violations and grid flag as ``PricingPass``.
  @Test func levelCertificateEqualsTheGenericOneAtUnequalPrices() {
    var generator = SeededRandomNumberGenerator(seed: 19)
    var rejected = 0
    var accepted = 0
    for trial in 0..<16 {
      let sense: AssignmentProblem.Sense = trial % 3 == 2 ? .minimize : .maximize
      let problem = Self.integers(
        rows: 20 + 7 * trial, columns: 3 + trial, low: -1, high: 2 + trial % 8, capacities: 0...4,
        forbiddenShare: trial % 2 == 0 ? 0.35 : 0.05, sense: sense, using: &generator)
      let levels = LevelScores(problem)!
      let (solution, _) = CertifiedAssignment.solve(dense: problem)
      var priced = solution
      if trial % 4 != 0 {
        for j in priced.columnPrices.indices {
          priced.columnPrices[j] *= Double.random(in: 0.25...1, using: &generator)
        }
      }
      let resolution = ScoreResolution(problem)
      var everyPair = CandidateSet(rows: problem.rows)
      for i in 0..<problem.rows {
        for j in 0..<problem.columns {
          if let s = problem.score(row: i, column: j) { everyPair.add(row: i, column: j, score: s) }
        }
      }
      let generic = PricingPass(
        DenseScoreSource(problem), solution: priced, candidates: everyPair, capacities: problem.capacities,
        resolution: resolution, perRow: 24, returnedBonus: priced.cardinalityBonus)
      for workers in [1, 3] {
        let pass = LevelPricing(
          levels, solution: priced, candidates: everyPair, capacities: problem.capacities, resolution: resolution,
          perRow: 24, margin: 0, returnedBonus: priced.cardinalityBonus, collectAdditions: false, workers: workers)
        #expect(generic.certificateChecked && pass.certificateChecked, "trial \(trial)")
        #expect(pass.certificateViolations == generic.certificateViolations, "trial \(trial), \(workers) workers")
        #expect(pass.onGrid == generic.onGrid)
      }
      if generic.certificateViolations.isEmpty { accepted += 1 } else { rejected += 1 }
    }
    // Both verdicts occur, so the least prices decided something.
    #expect(accepted > 0 && rejected > 0)
  }
}
