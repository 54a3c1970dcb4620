import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The sparse solver's invariants (`SparseShortestAugmentingPathSolver+Invariants`)
/// hold after every stage on seeded sweeps, cold and warm, and the checks
/// fail on deliberately corrupted states. (Debug builds also check them
/// after every phase, trapping on a break: every test of this target runs
/// with them.)
@Suite struct SolverInvariantsTests {
  /// A solver after the given stages on a seeded problem, with a price hint
  /// (raw, so that deficits occur) when `warm`.
  func solver(trial: Int, warm: Bool, using generator: inout SeededRandomNumberGenerator)
    -> SparseShortestAugmentingPathSolver
  {
    let rows = 3 + trial % 12
    let columns = 1 + trial % 5
    let problem = RandomAssignmentProblems.make(
      rows: rows, columns: columns, capacities: 0...3, forbiddenShare: Double(trial % 3) * 0.2,
      kind: trial % 2 == 0 ? .continuous : .smallIntegers, sense: trial % 5 == 4 ? .minimize : .maximize,
      using: &generator)
    let hint = warm ? (0..<columns).map { _ in Double.random(in: 0...4, using: &generator) } : nil
    return SparseShortestAugmentingPathSolver(SparseAssignmentProblem(problem), priceHint: hint)
  }

  @Test(arguments: [false, true]) func holdAfterEveryStage(warm: Bool) {
    var generator = SeededRandomNumberGenerator(seed: warm ? 61 : 60)
    var deficits = 0
    for trial in 0..<300 {
      var solver = solver(trial: trial, warm: warm, using: &generator)
      solver.greedyStart()
      #expect(solver.invariantViolations().isEmpty, "trial \(trial), greedy start")
      for r in 0..<solver.problem.rows where !solver.processed[r] {
        solver.augment(from: r)
        #expect(solver.invariantViolations().isEmpty, "trial \(trial), forward phase from row \(r)")
      }
      let columns = solver.problem.columns
      if (0..<columns).contains(where: { solver.v[$0] < 0 && solver.holding.load[$0] < solver.problem.capacities[$0] })
      {
        deficits += 1
        #expect(!solver.invariantViolations(resolvedColumns: columns).isEmpty, "a deficit is a broken invariant")
      }
      solver.resolveDeficits()
      #expect(solver.invariantViolations(resolvedColumns: columns).isEmpty, "trial \(trial), backward phases")
    }
    if warm { #expect(deficits > 30) }
  }

  /// Each kind of corruption of a solved state is caught, by the full check
  /// and by the local checks the phases run.
  @Test func catchCorruptedStates() {
    var generator = SeededRandomNumberGenerator(seed: 62)
    var corrupted = [String: Int]()
    for trial in 0..<200 {
      var solved = solver(trial: trial, warm: trial % 2 == 1, using: &generator)
      solved.run()
      let problem = solved.problem
      let columns = problem.columns
      #expect(solved.invariantViolations(resolvedColumns: columns).isEmpty)
      let assigned = (0..<problem.rows).filter { solved.pairOf[$0] >= 0 }
      guard let i = assigned.first else { continue }
      let j = solved.holding.columnOf[i]

      // An assigned pair no longer tight: the row's value lowered by one unit.
      var loose = solved
      loose.u[i] -= 1
      #expect(!loose.rowViolations([i]).isEmpty)
      corrupted["loose", default: 0] += 1

      // A negative reduced cost: the row's value raised by one unit.
      var negative = solved
      negative.u[i] += 1
      #expect(!negative.rowViolations([i]).isEmpty)
      corrupted["negative", default: 0] += 1

      // A price raised past what another row's listed pair into the column allows.
      let pairs = ColumnPairs(problem)
      var raised = solved
      raised.v[j] -= 1
      #expect(!raised.rowViolations([i]).isEmpty, "the assigned pair's reduced cost rises: not tight")
      var lowered = solved
      lowered.v[j] += 1
      #expect(!lowered.columnPairViolations([j], pairs: pairs).isEmpty)
      corrupted["price", default: 0] += 1

      // A negative price.
      var negativePrice = solved
      negativePrice.v[j] = 1
      #expect(!negativePrice.columnViolations([j]).isEmpty)

      // A deficit: a column with room left at a positive price.
      if let k = (0..<columns).first(where: { solved.holding.load[$0] < problem.capacities[$0] }) {
        var deficit = solved
        deficit.v[k] -= 1
        #expect(!deficit.columnViolations([k], resolvedColumns: columns).isEmpty)
        corrupted["deficit", default: 0] += 1
      }

      // An assignment whose pair leads elsewhere.
      var mismatched = solved
      mismatched.pairOf[i] = -1
      #expect(!mismatched.rowViolations([i]).isEmpty)
      #expect(!mismatched.invariantViolations().isEmpty)
      corrupted["pair", default: 0] += 1
    }
    #expect(corrupted.values.allSatisfy { $0 > 20 } && corrupted.count == 5)
  }
}
