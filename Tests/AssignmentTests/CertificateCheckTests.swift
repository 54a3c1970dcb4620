import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The certificate over all pairs (`CertificateCheck`) trusts nothing of the
/// sparse solve: plans and duals that are right on the candidate pairs only,
/// or corrupted afterwards, are rejected.
@Suite struct CertificateCheckTests {
  func isGapTooLarge(_ v: CertificateViolation) -> Bool { if case .gapTooLarge = v { true } else { false } }

  /// The exact optimum of the candidate pairs, with its duals, in the full
  /// problem's units: right wherever the candidates reach.
  func candidateOptimum(_ problem: AssignmentProblem, keep: (Int, Int) -> Bool) -> AssignmentSolution {
    var candidates = CandidateSet(rows: problem.rows)
    for i in 0..<problem.rows {
      for j in 0..<problem.columns where keep(i, j) && problem.capacities[j] > 0 {
        if let s = problem.score(row: i, column: j) { candidates.add(row: i, column: j, score: s) }
      }
    }
    let bounds = ScoreResolution.eligibleBounds(problem) ?? 0...0
    return CapacitatedAssignment.solve(
      candidates.problem(columns: problem.columns, capacities: problem.capacities, sense: problem.sense, bounds: bounds)
    )
  }

  /// A sparse optimum over a random half of the pairs is accepted exactly
  /// when it is optimal for all pairs; worse plans are always rejected.
  @Test func theCandidateGraphsOptimumIsCheckedOverEveryPair() {
    var generator = SeededRandomNumberGenerator(seed: 404)
    var rejected = 0
    for trial in 0..<300 {
      let problem = RandomAssignmentProblems.make(
        rows: 1 + trial % 7, columns: 1 + trial % 4, capacities: 1...2, forbiddenShare: 0.2,
        kind: trial % 2 == 0 ? .smallIntegers : .continuous, sense: trial % 3 == 2 ? .minimize : .maximize,
        using: &generator)
      let mask = (0..<(problem.rows * problem.columns)).map { _ in Bool.random(using: &generator) }
      let partial = candidateOptimum(problem) { i, j in mask[i * problem.columns + j] }
      let oracle = BruteForceAssignment.solve(problem)
      let sign = problem.sense == .maximize ? 1.0 : -1.0
      let worse =
        partial.assignedCount < oracle.assignedCount
        || sign * (oracle.totalScore - partial.totalScore) > 1e-9 * max(1, abs(oracle.totalScore))
      let violations = partial.verify(
        against: DenseScoreSource(problem), capacities: problem.capacities, sense: problem.sense)
      if worse {
        #expect(!violations.isEmpty, "trial \(trial): a worse plan passed")
        rejected += 1
      }
    }
    // The candidates miss the optimum often enough for the test to mean something.
    #expect(rejected > 50)
  }

  /// A plan worse by one exchange: two rows swap their columns (loads
  /// unchanged, both new pairs allowed), or `nil` when no swap is worse.
  func worseSwap(_ solution: AssignmentSolution, _ problem: AssignmentProblem) -> AssignmentSolution? {
    for a in 0..<problem.rows {
      for b in (a + 1)..<problem.rows {
        guard let ja = solution.columnOfRow[a], let jb = solution.columnOfRow[b], ja != jb,
          let sab = problem.score(row: a, column: jb), let sba = problem.score(row: b, column: ja)
        else { continue }
        let before = problem.score(row: a, column: ja)! + problem.score(row: b, column: jb)!
        guard sab + sba < before else { continue }
        var swapped = solution
        swapped.columnOfRow[a] = jb
        swapped.columnOfRow[b] = ja
        swapped.totalScore = solution.totalScore - before + sab + sba
        return swapped
      }
    }
    return nil
  }

  /// Two rows exchange their columns: the total gets worse and the plan,
  /// with the optimum's duals, is rejected.
  @Test func aSwappedPairIsRejected() {
    var generator = SeededRandomNumberGenerator(seed: 405)
    var swaps = 0
    for trial in 0..<60 {
      let problem = RandomAssignmentProblems.make(
        rows: 40, columns: 6, capacities: 2...5, forbiddenShare: 0.1, kind: .smallIntegers, using: &generator)
      let source = DenseScoreSource(problem, blockRows: 7)
      let (solution, certificate) = CertifiedAssignment.solve(
        source, capacities: problem.capacities, candidatesPerRow: 2)
      #expect(solution.verify(against: source, capacities: problem.capacities, claimsExact: certificate.exact).isEmpty)
      guard let swapped = worseSwap(solution, problem) else { continue }
      let violations = swapped.verify(against: source, capacities: problem.capacities)
      #expect(violations.contains(where: isGapTooLarge), "trial \(trial)")
      swaps += 1
    }
    #expect(swaps > 30)
  }

  /// A price raised by one score unit (whole-number scores) no longer proves
  /// the plan: the column's assigned pairs are no longer tight.
  @Test func aShiftedPriceIsRejected() {
    var generator = SeededRandomNumberGenerator(seed: 406)
    var shifted = 0
    for _ in 0..<40 {
      let problem = RandomAssignmentProblems.make(
        rows: 30, columns: 5, capacities: 1...4, forbiddenShare: 0.1, kind: .smallIntegers, using: &generator)
      let source = DenseScoreSource(problem)
      let (solution, _) = CertifiedAssignment.solve(source, capacities: problem.capacities, candidatesPerRow: 1)
      for j in 0..<problem.columns where solution.loads[j] > 0 {
        var up = solution
        up.columnPrices[j] += 1
        #expect(up.verify(against: source, capacities: problem.capacities).contains(where: isGapTooLarge))
        shifted += 1
      }
    }
    #expect(shifted > 50)
  }

  /// The pricing pass never priced candidate pairs; its certificate does:
  /// with every pair a candidate, a swapped pair or a raised price is no
  /// pricing violation, but fails the certificate — the same with the
  /// pruning pass's summary of the scores (``EligibleScoreSummary``) as
  /// without, carrying or not.
  @Test func thePricingPassesCertificateCoversCandidatePairs() {
    var generator = SeededRandomNumberGenerator(seed: 407)
    var caught = 0
    for _ in 0..<30 {
      let problem = RandomAssignmentProblems.make(
        rows: 25, columns: 5, capacities: 1...3, forbiddenShare: 0, kind: .smallIntegers, using: &generator)
      let source = DenseScoreSource(problem, blockRows: 4)
      let optimum = candidateOptimum(problem) { _, _ in true }
      var candidates = CandidateSet(rows: problem.rows)
      for i in 0..<problem.rows {
        for j in 0..<problem.columns { candidates.add(row: i, column: j, score: problem.score(row: i, column: j)!) }
      }
      let resolution = ScoreResolution(problem)
      let summary = CandidatePruning(
        source, capacities: problem.capacities, sense: problem.sense, perRow: 2,
        entryPrices: [Double](repeating: 0, count: problem.columns), previous: nil
      ).summary
      func price(_ solution: AssignmentSolution) -> PricingPass {
        let pass = PricingPass(
          source, solution: solution, candidates: candidates, capacities: problem.capacities,
          resolution: resolution, perRow: 2)
        for carrying in [false, true] {
          let given = PricingPass(
            source, solution: solution, candidates: candidates, capacities: problem.capacities,
            resolution: resolution, perRow: 2, carrying: carrying, scores: summary)
          #expect(given.certificateChecked == pass.certificateChecked)
          #expect(given.certificateViolations == pass.certificateViolations)
          if carrying, let carried = given.carry?.certificate {
            #expect(carried.low == summary?.low && carried.high == summary?.high)
            #expect(carried.gridExponent == summary?.gridExponent)
          }
        }
        return pass
      }
      let clean = price(optimum)
      #expect(clean.violations == 0 && clean.certificateViolations.isEmpty)
      var raised = optimum
      if let j = (0..<problem.columns).first(where: { optimum.loads[$0] > 0 }) { raised.columnPrices[j] += 1 }
      for corrupted in [raised, worseSwap(optimum, problem)].compactMap({ $0 }) {
        let pricing = price(corrupted)
        #expect(pricing.violations == 0, "every pair is a candidate: pricing alone sees nothing")
        #expect(pricing.certificateViolations.contains(where: isGapTooLarge))
        caught += 1
      }
    }
    #expect(caught > 40)
  }

  /// The check gives the same verdict on any number of threads and blocks,
  /// and the same as the dense verifier.
  @Test func theVerdictDoesNotDependOnThreadsOrBlocks() {
    var generator = SeededRandomNumberGenerator(seed: 408)
    for trial in 0..<20 {
      let problem = RandomAssignmentProblems.make(
        rows: 50, columns: 7, capacities: 0...6, forbiddenShare: 0.3, kind: .continuous, using: &generator)
      var solution = CapacitatedAssignment.solve(problem)
      if trial % 2 == 1, let j = solution.columnPrices.indices.first(where: { solution.columnPrices[$0] > 0 }) {
        solution.columnPrices[j] *= 0.5
      }
      let expected = solution.verify(against: problem)
      for (blockRows, workers) in [(1, 1), (3, 2), (7, 7), (50, 3)] {
        let got = solution.verify(
          against: DenseScoreSource(problem, blockRows: blockRows), capacities: problem.capacities,
          workers: workers)
        #expect(got == expected, "trial \(trial)")
      }
    }
  }
}
