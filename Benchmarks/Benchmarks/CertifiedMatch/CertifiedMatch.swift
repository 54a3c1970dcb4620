// CertifiedMatch: the blockwise, pruned and certified matching path on
// generated cohorts of growing size (64 competencies, capacity 5).
import Benchmark
import CohortGenerator
import CompetencyModel
import Rationale

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 5)

  for (mentees, mentors) in [(5000, 1000), (20000, 4000)] {
    var cohort: Cohort!
    Benchmark(
      "certified match \(mentees)x\(mentors)x64",
      configuration: .init(setup: {
        var parameters = CohortGenerator.Parameters(mentees: mentees, mentors: mentors, competencies: 64, seed: 1)
        parameters.capacityRange = 5...5
        cohort = CohortGenerator(parameters).generate().cohort
      })
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(CohortMatcher.match(cohort, configuration: MatchingConfiguration()))
      }
    }
  }
}
