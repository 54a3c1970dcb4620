import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The shortcuts of the passes over all pairs: the pruning pass's tie-break
/// indices advanced per column instead of divided out per pair, and the
/// pricing pass's certificate skipped once a round is known not to be the last.
@Suite struct PassShortcutTests {
  /// The pruning pass keeps exactly each row's best `k` columns and each
  /// column's best rows by regret, in ``TopOrder`` with the
  /// ``TopOrder/spread(_:row:columns:)`` indices, computed here directly
  /// (sorting every row and column) on tie-heavy and continuous scores.
  @Test(arguments: [11, 12, 13, 14, 15, 16]) func pruningKeepsTheBestPairsInTheSpreadOrder(seed: UInt64) {
    var generator = SeededRandomNumberGenerator(seed: seed)
    let n = 37 + Int(seed % 3) * 11
    let m = 13 + Int(seed % 2) * 6
    let problem = RandomAssignmentProblems.make(
      rows: n, columns: m, capacities: 0...3, forbiddenShare: 0.2,
      kind: seed % 2 == 0 ? .smallIntegers : .continuous, using: &generator)
    let prices = (0..<m).map { j in seed % 3 == 0 ? 0 : Double(j % 4) * 0.5 }
    let k = 3
    let pruning = CandidatePruning(
      DenseScoreSource(problem, blockRows: 5), capacities: problem.capacities, sense: .maximize, perRow: k,
      entryPrices: prices, previous: nil, workers: 2)
    let eligible = { (i: Int, j: Int) -> Double? in
      problem.capacities[j] > 0 ? problem.score(row: i, column: j) : nil
    }
    var expected = Set<[Int]>()
    var best = [Double](repeating: -.infinity, count: n)
    for i in 0..<n {
      let ranked = (0..<m).compactMap { j in eligible(i, j).map { (key: $0 - prices[j], j: j) } }
        .sorted { a, b in
          TopOrder.below(
            b.key, TopOrder.spread(b.j, row: i, columns: m), a.key, TopOrder.spread(a.j, row: i, columns: m))
        }
      best[i] = ranked.first?.key ?? -.infinity
      for entry in ranked.prefix(k) { expected.insert([i, entry.j]) }
    }
    for j in 0..<m where problem.capacities[j] > 0 {
      let perColumn = min(max(8, 12 * min(problem.capacities[j], n)), 4 * max(k, 8))
      let ranked = (0..<n).compactMap { i in eligible(i, j).map { (key: $0 - prices[j] - best[i], i: i) } }
        .sorted { a, b in
          TopOrder.below(
            b.key, TopOrder.spread(b.i, row: j, columns: n), a.key, TopOrder.spread(a.i, row: j, columns: n))
        }
      for entry in ranked.prefix(perColumn) { expected.insert([entry.i, j]) }
    }
    var kept = Set<[Int]>()
    for i in 0..<n {
      for j in pruning.candidates.columns[i] { kept.insert([i, Int(j)]) }
    }
    #expect(kept == expected)
    #expect(pruning.allowed == problem.scores.count { !$0.isNaN })
  }

  /// A pricing pass that finds a violation leaves the certificate unchecked
  /// (the round is not the last); once every pair is a candidate, the pass
  /// of the optimum finds none and checks it, and it holds.
  @Test(arguments: [21, 22, 23, 24]) func theCertificateIsCheckedExactlyWhenNothingViolates(seed: UInt64) {
    var generator = SeededRandomNumberGenerator(seed: seed)
    let problem = RandomAssignmentProblems.make(
      rows: 60, columns: 9, capacities: 1...4, forbiddenShare: 0.2,
      kind: seed % 2 == 0 ? .smallIntegers : .continuous, using: &generator)
    let source = DenseScoreSource(problem, blockRows: 7)
    let scores = problem.scores.filter { !$0.isNaN }
    let bounds = scores.min()!...scores.max()!
    let resolution = ScoreResolution(rows: problem.rows, sense: .maximize, bounds: bounds)
    // Each row lists only its worst allowed column: pricing must find better ones.
    var few = CandidateSet(rows: problem.rows)
    var all = CandidateSet(rows: problem.rows)
    for i in 0..<problem.rows {
      let allowed = (0..<problem.columns).filter { problem.score(row: i, column: $0) != nil }
      for j in allowed { all.add(row: i, column: j, score: problem.score(row: i, column: j)!) }
      if let j = allowed.min(by: { problem.score(row: i, column: $0)! < problem.score(row: i, column: $1)! }) {
        few.add(row: i, column: j, score: problem.score(row: i, column: j)!)
      }
    }
    let partial = CapacitatedAssignment.solve(
      few.problem(columns: problem.columns, capacities: problem.capacities, sense: .maximize, bounds: bounds))
    for workers in [1, 3] {
      let pricing = PricingPass(
        source, solution: partial, candidates: few, capacities: problem.capacities, resolution: resolution,
        perRow: 2, workers: workers)
      #expect(pricing.violations > 0)
      #expect(!pricing.certificateChecked && pricing.certificateViolations.isEmpty)
    }
    let optimum = CapacitatedAssignment.solve(
      all.problem(columns: problem.columns, capacities: problem.capacities, sense: .maximize, bounds: bounds))
    for workers in [1, 3] {
      let pricing = PricingPass(
        source, solution: optimum, candidates: all, capacities: problem.capacities, resolution: resolution,
        perRow: 2, workers: workers)
      #expect(pricing.violations == 0)
      #expect(pricing.certificateChecked && pricing.certificateViolations.isEmpty)
    }
    // The certified solve returns the dense optimum's total.
    let (certified, _) = CertifiedAssignment.solve(source, capacities: problem.capacities, candidatesPerRow: 1)
    let dense = CapacitatedAssignment.solve(problem)
    #expect(certified.assignedCount == dense.assignedCount)
    #expect(abs(certified.totalScore - dense.totalScore) <= 1e-9 * max(1, abs(dense.totalScore)))
  }
}

/// A provisional round that leaves out rows with eligible pairs and finds
/// violations makes the next round take the full bonus at once.
@Suite struct FullBonusAfterViolationsTests {
  /// Capacity short of the rows and one candidate per row: the first round
  /// leaves rows out and finds violations; the certified plan still equals
  /// the dense optimum, and it ends with one clean pass, not a clean
  /// provisional pass followed by a full-bonus one.
  @Test func shortCapacityEndsWithOneCleanPassAndTheDenseOptimum() {
    var generator = SeededRandomNumberGenerator(seed: 9_101)
    var exercised = 0
    for trial in 0..<24 {
      // Tie plateaus with one place fewer than rows: some row with pairs stays out.
      let plateau = TiePlateauTests.plateau(
        rows: 60 + 20 * (trial % 12), columns: 8 + 2 * (trial % 12), strongShare: 0.3, using: &generator)
      var capacities = plateau.capacities
      for j in 0..<(capacities.reduce(0, +) - plateau.rows + 1) { capacities[j % capacities.count] -= 1 }
      let problem = AssignmentProblem(
        rows: plateau.rows, columns: plateau.columns, scores: plateau.scores, capacities: capacities)
      let (certified, certificate) = CertifiedAssignment.solve(
        DenseScoreSource(problem, blockRows: 6), capacities: problem.capacities, candidatesPerRow: 1)
      let dense = CapacitatedAssignment.solve(problem)
      #expect(certified.assignedCount == dense.assignedCount)
      #expect(abs(certified.totalScore - dense.totalScore) <= 1e-9 * max(1, abs(dense.totalScore)))
      #expect(certified.verify(against: problem).isEmpty)
      let rounds = certificate.violationsPerRound
      #expect(rounds.last == 0)
      if rounds.first ?? 0 > 0 && certified.assignedCount < problem.rows {
        exercised += 1
        #expect(rounds.dropLast().allSatisfy { $0 > 0 }, "one clean pass at the end: \(rounds)")
      }
    }
    #expect(exercised > 10)
  }
}
