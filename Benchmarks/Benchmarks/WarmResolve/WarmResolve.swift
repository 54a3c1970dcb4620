// WarmResolve: re-matching a cohort after a small change of competency
// weights, cold and warm-started from the previous plan's prices.
import Assignment
import Benchmark
import CohortGenerator
import CompetencyModel
import Rationale

/// The cohort, the changed configuration and the plan under the old weights.
func warmResolveInputs() -> (Cohort, MatchingConfiguration, PairingPlan) {
  let cohort = CohortGenerator(.init(mentees: 4800, mentors: 1200, competencies: 64, seed: 1)).generate().cohort
  var changed = MatchingConfiguration()
  // The programme manager raises three competencies' weights by 20 %.
  changed.competencyWeights = Dictionary(uniqueKeysWithValues: cohort.competencies.prefix(3).map { ($0, 1.2) })
  return (cohort, changed, CohortMatcher.match(cohort, configuration: MatchingConfiguration()))
}

/// The changed cohort's scores as the solver sees them, and the previous
/// plan's solution: the solve alone, without rationale and plan building.
func warmResolveSolveInputs() -> (CohortScoreSource, [Int], AssignmentSolution) {
  let (cohort, changed, plan) = warmResolveInputs()
  let source = CohortScoreSource(
    model: FitModel(cohort: cohort, configuration: changed), rules: PairRules(cohort, configuration: changed))
  return (source, cohort.mentors.map(\.capacity), plan.solution)
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 10)

  var inputs: (Cohort, MatchingConfiguration, PairingPlan)!
  Benchmark("re-match 4800x1200x64 cold", configuration: .init(setup: { inputs = warmResolveInputs() })) {
    benchmark in
    for _ in benchmark.scaledIterations { blackHole(CohortMatcher.match(inputs.0, configuration: inputs.1)) }
  }
  Benchmark("re-match 4800x1200x64 warm", configuration: .init(setup: { inputs = warmResolveInputs() })) {
    benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(CohortMatcher.match(inputs.0, configuration: inputs.1, warmStart: inputs.2))
    }
  }

  var solveInputs: (CohortScoreSource, [Int], AssignmentSolution)!
  Benchmark("re-solve 4800x1200x64 cold", configuration: .init(setup: { solveInputs = warmResolveSolveInputs() })) {
    benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(CertifiedAssignment.solve(solveInputs.0, capacities: solveInputs.1))
    }
  }
  Benchmark("re-solve 4800x1200x64 warm", configuration: .init(setup: { solveInputs = warmResolveSolveInputs() })) {
    benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(CertifiedAssignment.solve(solveInputs.0, capacities: solveInputs.1, warmStart: solveInputs.2))
    }
  }
}
