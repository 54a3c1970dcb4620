import ArgumentParser
import Assignment
import Intake
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match tune`: learn weights from the outcomes of earlier pairs.
  struct Tune: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tune",
      abstract: "Learn competency and term weights from the outcomes of earlier pairs.",
      discussion: """
        Ridge regression on each pair's unweighted score terms (LAPACK), the penalty chosen by \
        k-fold cross-validation, weights kept non-negative. Reports the weights, their standard \
        errors and the cross-validated error against the current weights, and writes a \
        configuration to review (--output) only when the tuned weights predict better than the \
        current ones (--force writes it anyway). Weights the data cannot inform keep their current \
        values and minimum_score is rescaled with the scores. Folds follow a hash of each pair's \
        ids, so the same outcomes give the same report from a file or from the ledger.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(name: .long, help: ArgumentHelp("The outcomes (CSV: mentee,mentor,outcome).", valueName: "file"))
    var outcomes: String?

    @Option(
      name: .long,
      help: ArgumentHelp("Take the outcomes of this cohort recorded in the ledger (see `ledger`).", valueName: "name"))
    var recorded: String?

    @Option(name: .long, help: "The number of cross-validation folds.")
    var folds = 5

    @Option(
      name: .shortAndLong, help: ArgumentHelp("Write the tuned configuration (YAML) here.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Write --output even when the tuned weights do not beat the current ones.")
    var force = false

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
      guard (outcomes == nil) != (recorded == nil) else {
        throw ValidationError("Give the outcomes either as a file (--outcomes) or as a recorded cohort (--recorded).")
      }
      guard (2...50).contains(folds) else { throw ValidationError("--folds must be from 2 to 50.") }
      if output == "-" {
        throw ValidationError(
          "tune prints its report on standard output: name a file for the tuned configuration with --output.")
      }
    }

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        let observed = try TuningOutcomes(
          file: outcomes, recorded: recorded, ledger: cohort.ledger, cohort: loaded.cohort)
        let progress = progressOptions.reporter()
        progress.phase(
          "learning weights from \(observed.outcomes.count) outcomes, \(min(folds, observed.outcomes.count))-fold cross-validated"
        )
        let tuning: WeightTuning
        do {
          defer { progress.finish() }
          tuning = try observed.tune(cohort: loaded.cohort, base: loaded.configuration, folds: folds)
        }
        print(TuningReport.render(tuning), terminator: "")
        if let output, !tuning.beatsCurrent, !force {
          printError(
            "not written: \(output) (the tuned weights do not beat the current ones; --force writes it anyway)")
        } else if let output {
          try AtomicFile.write(ConfigurationWriter.yaml(tuning.configuration), to: output)
          printError("wrote the tuned configuration to \(output); review it, then use it with --config")
        }
      }
    }
  }
}
