import ArgumentParser
import Assignment
import CohortGenerator
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match sensitivity`: how stable the plan is under perturbed weights.
  struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sensitivity",
      abstract: "Re-match under randomly perturbed weights and report how stable each pair is.",
      discussion: """
        Each run multiplies every weight by exp(spread · z), z standard normal from --seed; each run \
        is warm-started from the plan. Then each weight alone moves by ±spread, to show which weights \
        the plan is most sensitive to.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(name: .long, help: "How many perturbed runs.")
    var runs = 20

    @Option(name: .long, help: "The size of the perturbation (0.1 is about ±10 %).")
    var spread = 0.1

    @Option(name: .long, help: "The random seed of the perturbations.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How many of the least stable pairs to list.")
    var show = 10

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
      guard runs >= 1, runs <= 10_000 else { throw ValidationError("--runs must be from 1 to 10000.") }
      guard spread > 0, spread < 1 else { throw ValidationError("--spread must be above 0 and below 1.") }
      guard show >= 0 else { throw ValidationError("--show must be zero or more.") }
    }

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        let progress = progressOptions.reporter()
        let plan = CohortMatcher.match(
          loaded.cohort, configuration: loaded.configuration, history: loaded.history,
          requirements: loaded.requirements, progress: progress)
        var generator = SeededRandomNumberGenerator(seed: seed)
        let analysis = SensitivityAnalysis(
          plan: plan, history: loaded.history, requirements: loaded.requirements, runs: runs, spread: spread,
          using: &generator, progress: progress)
        progress.finish()
        print(SensitivityReport.render(analysis, spread: spread, show: show), terminator: "")
      }
    }
  }
}
