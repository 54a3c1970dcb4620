// WarmResolve: re-matching a cohort after a small change of competency
// weights, cold and warm-started from the previous plan's prices.
import Benchmark
import CohortGenerator
import CompetencyModel
import Rationale

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 10)

  let parameters = CohortGenerator.Parameters(mentees: 4800, mentors: 1200, competencies: 64, seed: 1)
  var cohort: Cohort!
  var changed = MatchingConfiguration()
  var previous: PairingPlan!
  let setup: @Sendable () -> Void = {
    cohort = CohortGenerator(parameters).generate().cohort
    // The programme manager raises three competencies' weights by 20 %.
    changed.competencyWeights = Dictionary(uniqueKeysWithValues: cohort.competencies.prefix(3).map { ($0, 1.2) })
    previous = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
  }
  Benchmark("re-match 4800x1200x64 cold", configuration: .init(setup: setup)) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(CohortMatcher.match(cohort, configuration: changed)) }
  }
  Benchmark("re-match 4800x1200x64 warm", configuration: .init(setup: setup)) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(CohortMatcher.match(cohort, configuration: changed, warmStart: previous))
    }
  }
}
