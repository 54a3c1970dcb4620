import ArgumentParser
import Intake
import Interchange

extension MentorMatch {
  /// `mentor-match tune`: learn weights from the outcomes of earlier pairs.
  struct Tune: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Learn competency and term weights from the outcomes of earlier pairs.",
      discussion: """
        Ridge regression on each pair's unweighted score terms (LAPACK), the penalty chosen by \
        k-fold cross-validation, weights kept non-negative. Reports the weights, their standard \
        errors and the cross-validated error against the current weights, and writes a \
        configuration to review (--output).
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
        let tuning = try observed.tune(cohort: loaded.cohort, base: loaded.configuration, folds: folds)
        print(TuningReport.render(tuning), terminator: "")
        if let output {
          try AtomicFile.write(ConfigurationWriter.yaml(tuning.configuration), to: output)
          printError("wrote the tuned configuration to \(output); review it, then use it with --config")
        }
      }
    }
  }
}
