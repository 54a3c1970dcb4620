import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The blocking phases of the sparse solver (many rows placed per search) on
/// tie-heavy problems, against the dense solver, brute force and the solver
/// without them.
@Suite struct BlockingPhaseTests {
  /// Integer scores `0...9` (the peer benchmark's tie instance), a share of
  /// pairs forbidden, capacities in `capacities`.
  static func integers(
    rows: Int, columns: Int, capacities: ClosedRange<Int>, forbiddenShare: Double,
    using generator: inout SeededRandomNumberGenerator
  ) -> AssignmentProblem {
    let scores = (0..<(rows * columns)).map { _ in
      Double.random(in: 0..<1, using: &generator) < forbiddenShare
        ? AssignmentProblem.forbidden : Double(Int.random(in: 0...9, using: &generator))
    }
    let caps = (0..<columns).map { _ in Int.random(in: capacities, using: &generator) }
    return AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: caps)
  }

  /// Random non-negative price hints, in score units: some columns at 0, some
  /// up to twice the spread (far off, as a poor estimate would be).
  static func hint(columns: Int, spread: Double, using generator: inout SeededRandomNumberGenerator) -> [Double] {
    (0..<columns).map { _ in
      Bool.random(using: &generator) ? 0 : Double(Int.random(in: 0...8, using: &generator)) * spread / 4
    }
  }

  /// What a solve did: the solution and how many rows the blocking phases placed.
  struct Outcome {
    var solution: AssignmentSolution
    var phases: Int
    var placedByBlocking: Int
  }

  /// The phases of `run()` by hand: the greedy start, blocking phases (any
  /// number of free rows), single-row phases, backward phases; the invariants
  /// are checked after the blocking phases.
  static func solve(
    _ sparse: SparseAssignmentProblem, hint: [Double]?, provisional: Bool = false, blocking: Bool
  ) -> Outcome {
    var solver = SparseShortestAugmentingPathSolver(sparse, priceHint: hint, provisional: provisional)
    solver.greedyStart()
    let before = solver.processed.filter { $0 }.count
    let phases = blocking ? solver.blockingPhases(minimumRows: 0, minimumShare: 1_000_000) : 0
    let placed = solver.processed.filter { $0 }.count - before
    checkInvariants(solver)
    for r in 0..<sparse.rows where !solver.processed[r] { solver.augment(from: r) }
    solver.resolveDeficits()
    return Outcome(solution: solver.solution(), phases: phases, placedByBlocking: placed)
  }

  /// Reduced costs non-negative, assigned pairs tight, row duals at most the
  /// unassigned cost, column duals at most zero, capacities kept.
  static func checkInvariants(_ solver: SparseShortestAugmentingPathSolver) {
    let problem = solver.problem
    var load = [Int](repeating: 0, count: problem.columns)
    for i in 0..<problem.rows {
      #expect(solver.u[i] <= solver.unassignedCost, "row \(i) dual above the unassigned cost")
      for p in problem.rowStart[i]..<problem.rowStart[i + 1] {
        let j = Int(problem.columnIndex[p])
        let reduced = solver.cost[p] - solver.u[i] - solver.v[j]
        #expect(reduced >= 0, "pair (\(i), \(j)) has reduced cost \(reduced)")
        if solver.pairOf[i] == p { #expect(reduced == 0, "assigned pair (\(i), \(j)) not tight") }
      }
      if solver.holding.columnOf[i] >= 0 { load[solver.holding.columnOf[i]] += 1 }
    }
    #expect(solver.v.allSatisfy { $0 <= 0 })
    for j in 0..<problem.columns { #expect(load[j] <= problem.capacities[j] && load[j] == solver.holding.load[j]) }
  }

  /// Tie-heavy integer problems: the solve with blocking phases reaches the
  /// dense solver's optimum and its duals certify it over every pair.
  @Test(arguments: [0.0, 0.4, 0.85])
  func integerTiesAgreeWithTheDenseSolver(forbiddenShare: Double) {
    var generator = SeededRandomNumberGenerator(seed: 4_100 + UInt64(forbiddenShare * 100))
    var placed = 0
    for trial in 0..<16 {
      let rows = 20 + 23 * trial
      let columns = 4 + 3 * trial
      let problem = Self.integers(
        rows: rows, columns: columns, capacities: 0...(2 + trial % 5), forbiddenShare: forbiddenShare,
        using: &generator)
      let sparse = SparseAssignmentProblem(problem)
      let hint = trial % 2 == 0 ? nil : Self.hint(columns: columns, spread: 9, using: &generator)
      let outcome = Self.solve(sparse, hint: hint, blocking: true)
      let dense = CapacitatedAssignment.solve(problem)
      #expect(outcome.solution.assignedCount == dense.assignedCount, "trial \(trial)")
      #expect(outcome.solution.totalScore == dense.totalScore, "trial \(trial)")
      #expect(outcome.solution.verify(against: problem).isEmpty, "trial \(trial)")
      placed += outcome.placedByBlocking
    }
    // The phases ran and placed rows: the sweep tests them, not only the single-row phases.
    #expect(placed > 0)
  }

  /// The provisional objective (a smaller unassigned cost) is the same with
  /// and without blocking phases: `count · bonus + total` agrees exactly.
  @Test func provisionalSolvesAgreeWithAndWithoutBlocking() {
    var generator = SeededRandomNumberGenerator(seed: 77)
    var placed = 0
    for trial in 0..<24 {
      let rows = 30 + 17 * trial
      let columns = 5 + 2 * trial
      let problem = Self.integers(
        rows: rows, columns: columns, capacities: 0...3, forbiddenShare: 0.5, using: &generator)
      let sparse = SparseAssignmentProblem(problem)
      let hint = Self.hint(columns: columns, spread: 9, using: &generator)
      let with = Self.solve(sparse, hint: hint, provisional: true, blocking: true)
      let without = Self.solve(sparse, hint: hint, provisional: true, blocking: false)
      let bonus = with.solution.cardinalityBonus
      #expect(bonus == without.solution.cardinalityBonus)
      let objective = { (s: AssignmentSolution) in Double(s.assignedCount) * bonus + s.totalScore }
      #expect(objective(with.solution) == objective(without.solution), "trial \(trial)")
      placed += with.placedByBlocking
    }
    #expect(placed > 0)
  }

  /// Small problems against brute force, with the blocking phases run on any
  /// number of free rows.
  @Test func smallProblemsMatchBruteForce() {
    var generator = SeededRandomNumberGenerator(seed: 2_026)
    for trial in 0..<60 {
      let problem = Self.integers(
        rows: 1 + trial % 7, columns: 1 + trial % 4, capacities: 0...2, forbiddenShare: 0.3, using: &generator)
      let hint = trial % 3 == 0 ? nil : Self.hint(columns: problem.columns, spread: 9, using: &generator)
      let outcome = Self.solve(SparseAssignmentProblem(problem), hint: hint, blocking: true)
      let oracle = BruteForceAssignment.solve(problem)
      #expect(outcome.solution.assignedCount == oracle.assignedCount, "trial \(trial)")
      #expect(outcome.solution.totalScore == oracle.totalScore, "trial \(trial)")
      #expect(outcome.solution.verify(against: problem).isEmpty, "trial \(trial)")
    }
  }

  /// Plateaus as the covered-growth term gives them (a top score of 1 plus a
  /// coarse side term), through the whole certified path with its default
  /// blocking phases, against the dense solver.
  @Test func plateausThroughTheCertifiedSolveAgreeWithTheDenseSolver() {
    var generator = SeededRandomNumberGenerator(seed: 615)
    for trial in 0..<6 {
      let problem = TiePlateauTests.plateau(
        rows: 300 + 100 * trial, columns: 30 + 10 * trial, strongShare: 0.2, using: &generator)
      let dense = CapacitatedAssignment.solve(problem)
      let (solution, certificate) = CertifiedAssignment.solve(
        DenseScoreSource(problem, blockRows: 64), capacities: problem.capacities, candidatesPerRow: 4)
      #expect(solution.assignedCount == dense.assignedCount, "trial \(trial)")
      #expect(abs(solution.totalScore - dense.totalScore) < 1e-9, "trial \(trial)")
      #expect(solution.verify(against: problem).isEmpty, "trial \(trial)")
      #expect(certificate.violationsPerRound.last == 0)
    }
  }
}
