// Scoring: the all-pairs fit (one BLAS product plus the other terms) and the
// whole match of a generated cohort.
import Benchmark
import CohortGenerator
import CompetencyModel
import Rationale

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(5), maxIterations: 20)

  for (mentees, mentors, competencies) in [(240, 96, 16), (4800, 1200, 64)] {
    let label = "\(mentees)x\(mentors)x\(competencies)"
    var cohort: Cohort!
    Benchmark(
      "scores \(label)",
      configuration: .init(setup: {
        cohort =
          CohortGenerator(.init(mentees: mentees, mentors: mentors, competencies: competencies, seed: 1))
          .generate().cohort
      })
    ) { benchmark in
      let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
      for _ in benchmark.scaledIterations { blackHole(model.scores()) }
    }
    Benchmark(
      "match \(label)",
      configuration: .init(setup: {
        cohort =
          CohortGenerator(.init(mentees: mentees, mentors: mentors, competencies: competencies, seed: 1))
          .generate().cohort
      })
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(CohortMatcher.match(cohort, configuration: MatchingConfiguration()))
      }
    }
  }
}
