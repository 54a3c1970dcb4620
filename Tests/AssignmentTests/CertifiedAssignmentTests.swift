import Assignment
import CohortGenerator
import Testing
import _TestSupport

@Suite struct CertifiedAssignmentTests {
  @Test(arguments: [1, 2, 4, 100])
  func agreesWithTheDenseSolverWhateverThePruning(candidates: Int) {
    var generator = SeededRandomNumberGenerator(seed: UInt64(candidates))
    var repaired = 0
    for trial in 0..<60 {
      let sense: AssignmentProblem.Sense = trial % 4 == 3 ? .minimize : .maximize
      let problem = RandomAssignmentProblems.make(
        rows: 5 + trial % 40, columns: 2 + trial % 9, capacities: 0...3, forbiddenShare: Double(trial % 3) * 0.2,
        kind: trial % 2 == 0 ? .continuous : .smallIntegers, sense: sense, using: &generator)
      let dense = CapacitatedAssignment.solve(problem)
      let (solution, certificate) = CertifiedAssignment.solve(
        DenseScoreSource(problem), capacities: problem.capacities, sense: sense, candidatesPerRow: candidates)
      #expect(solution.assignedCount == dense.assignedCount)
      #expect(abs(solution.totalScore - dense.totalScore) < 1e-9)
      // The sparse duals certify optimality over every pair of the full problem.
      #expect(solution.verify(against: problem).isEmpty)
      #expect(certificate.violationsPerRound.last == 0)
      #expect(certificate.allowedPairs == problem.scores.filter { !$0.isNaN }.count)
      if certificate.rounds > 1 { repaired += 1 }
    }
    if candidates <= 2 {
      // Pruning this hard must miss the optimum somewhere, and the loop must repair it.
      #expect(repaired > 0)
    }
  }

  @Test func matchesBruteForceOnSmallShapes() {
    var generator = SeededRandomNumberGenerator(seed: 77)
    for rows in 0...6 {
      for columns in 0...4 {
        let problem = RandomAssignmentProblems.make(
          rows: rows, columns: columns, capacities: 0...2, forbiddenShare: 0.3, kind: .smallIntegers,
          using: &generator)
        let (solution, _) = CertifiedAssignment.solve(
          DenseScoreSource(problem), capacities: problem.capacities, candidatesPerRow: 1)
        let oracle = BruteForceAssignment.solve(problem)
        #expect(solution.assignedCount == oracle.assignedCount)
        #expect(abs(solution.totalScore - oracle.totalScore) < 1e-9)
      }
    }
  }

  @Test func sparseSolverEqualsDenseSolverOnAllPairs() {
    var generator = SeededRandomNumberGenerator(seed: 8)
    for _ in 0..<30 {
      let problem = RandomAssignmentProblems.make(
        rows: 60, columns: 12, capacities: 1...5, forbiddenShare: 0.4, kind: .continuous, using: &generator)
      let sparse = CapacitatedAssignment.solve(SparseAssignmentProblem(problem))
      let dense = CapacitatedAssignment.solve(problem)
      #expect(sparse.assignedCount == dense.assignedCount)
      #expect(abs(sparse.totalScore - dense.totalScore) < 1e-9)
      #expect(sparse.verify(against: problem).isEmpty)
    }
  }

  @Test func certifiesALargerInstanceWithFewCandidates() {
    var generator = SeededRandomNumberGenerator(seed: 12)
    let problem = RandomAssignmentProblems.make(
      rows: 600, columns: 120, capacities: 1...6, forbiddenShare: 0.2, kind: .continuous, using: &generator)
    let (solution, certificate) = CertifiedAssignment.solve(
      DenseScoreSource(problem), capacities: problem.capacities, candidatesPerRow: 3)
    let dense = CapacitatedAssignment.solve(problem)
    #expect(abs(solution.totalScore - dense.totalScore) < 1e-9)
    #expect(solution.verify(against: problem).isEmpty)
    #expect(certificate.finalCandidatePairs < certificate.allowedPairs)
  }
}

@Suite struct WarmStartTests {
  @Test func anyPriceHintGivesTheSameOptimum() {
    var generator = SeededRandomNumberGenerator(seed: 31)
    for trial in 0..<40 {
      let problem = RandomAssignmentProblems.make(
        rows: 30, columns: 8, capacities: 0...5, forbiddenShare: 0.3,
        kind: trial % 2 == 0 ? .continuous : .smallIntegers,
        using: &generator)
      let sparse = SparseAssignmentProblem(problem)
      let cold = CapacitatedAssignment.solve(sparse)
      let hint = (0..<problem.columns).map { _ in Double.random(in: 0...3, using: &generator) }
      let warm = CapacitatedAssignment.solve(sparse, priceHint: hint)
      #expect(warm.assignedCount == cold.assignedCount)
      #expect(abs(warm.totalScore - cold.totalScore) < 1e-9)
      #expect(warm.verify(against: problem).isEmpty)
    }
  }

  /// Capacity short: the old plan leaves rows out, so its prices carry the
  /// cardinality bonus, which moves with the new score range.
  @Test func aWarmStartWhenCapacityIsShortGivesTheColdAnswer() {
    var generator = SeededRandomNumberGenerator(seed: 17)
    for trial in 0..<6 {
      let before = RandomAssignmentProblems.make(
        rows: 300, columns: 40, capacities: 1...4, forbiddenShare: 0.2,
        kind: trial % 2 == 0 ? .continuous : .smallIntegers, using: &generator)
      let after = AssignmentProblem(
        rows: before.rows, columns: before.columns,
        scores: before.scores.map { $0.isNaN ? $0 : $0 * 1.3 + Double.random(in: -0.05...0.05, using: &generator) },
        capacities: before.capacities)
      let (previous, _) = CertifiedAssignment.solve(DenseScoreSource(before), capacities: before.capacities)
      #expect(previous.assignedCount < before.rows)
      let (cold, _) = CertifiedAssignment.solve(DenseScoreSource(after), capacities: after.capacities)
      let (warm, certificate) = CertifiedAssignment.solve(
        DenseScoreSource(after, blockRows: 16), capacities: after.capacities, candidatesPerRow: 3, warmStart: previous)
      #expect(warm.assignedCount == cold.assignedCount)
      #expect(abs(warm.totalScore - cold.totalScore) < 1e-9)
      #expect(warm.verify(against: after).isEmpty)
      #expect(certificate.violationsPerRound.last == 0)
    }
  }

  @Test func aWarmStartAfterAWeightChangeGivesTheColdAnswer() {
    var generator = SeededRandomNumberGenerator(seed: 5)
    let before = RandomAssignmentProblems.make(
      rows: 400, columns: 80, capacities: 5...5, forbiddenShare: 0.1, kind: .continuous, using: &generator)
    // A small change of every score, as a change of weights gives.
    let after = AssignmentProblem(
      rows: before.rows, columns: before.columns,
      scores: before.scores.map { $0.isNaN ? $0 : $0 * 1.05 + Double.random(in: -0.02...0.02, using: &generator) },
      capacities: before.capacities)
    let (previous, _) = CertifiedAssignment.solve(DenseScoreSource(before), capacities: before.capacities)
    let (cold, _) = CertifiedAssignment.solve(DenseScoreSource(after), capacities: after.capacities)
    let (warm, certificate) = CertifiedAssignment.solve(
      DenseScoreSource(after), capacities: after.capacities, warmStart: previous)
    #expect(warm.assignedCount == cold.assignedCount)
    #expect(abs(warm.totalScore - cold.totalScore) < 1e-9)
    #expect(warm.verify(against: after).isEmpty)
    #expect(certificate.violationsPerRound.last == 0)
  }
}

@Suite struct ProvisionalRoundTests {
  /// Placing the last row takes a chain of five moves that each lose the whole
  /// score range: more than the provisional bonus pays, so the provisional
  /// round leaves it out, and the certified answer must still place everyone.
  @Test func aRowLeftOutProvisionallyIsPlacedByTheExactRound() {
    let nan = Double.nan
    // Row k scores 1 with column k and 0 with column k + 1; row 5 can only take column 0.
    var scores = [Double](repeating: nan, count: 6 * 6)
    for k in 0..<5 {
      scores[k * 6 + k] = 1
      scores[k * 6 + k + 1] = 0
    }
    scores[5 * 6 + 0] = 0
    let problem = AssignmentProblem(rows: 6, columns: 6, scores: scores, capacities: [1, 1, 1, 1, 1, 1])
    let (solution, certificate) = CertifiedAssignment.solve(DenseScoreSource(problem), capacities: problem.capacities)
    let oracle = BruteForceAssignment.solve(problem)
    #expect(oracle.assignedCount == 6)
    #expect(solution.assignedCount == 6)
    #expect(abs(solution.totalScore - oracle.totalScore) < 1e-12)
    #expect(solution.verify(against: problem).isEmpty)
    // One provisional round, then the exact one.
    #expect(certificate.rounds == 2)
  }

  /// When a provisional round places every row, its duals are converted, not re-solved.
  @Test func aProvisionalRoundThatPlacesEveryRowIsFinal() {
    var generator = SeededRandomNumberGenerator(seed: 12)
    let problem = RandomAssignmentProblems.make(
      rows: 40, columns: 10, capacities: 5...5, forbiddenShare: 0, kind: .continuous, using: &generator)
    let (solution, certificate) = CertifiedAssignment.solve(
      DenseScoreSource(problem), capacities: problem.capacities, candidatesPerRow: 100)
    #expect(solution.assignedCount == 40)
    #expect(certificate.rounds == 1)
    #expect(solution.verify(against: problem).isEmpty)
    #expect(abs(solution.totalScore - CapacitatedAssignment.solve(problem).totalScore) < 1e-9)
  }
}
