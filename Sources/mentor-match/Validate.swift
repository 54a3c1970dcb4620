import ArgumentParser
import Intake
import Interchange

extension MentorMatch {
  /// `mentor-match validate`: checks the inputs and reports every problem.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Check the cohort files (and configuration and history) and report every problem.",
      discussion: "Every error and warning is reported as file:line:column. Exits 65 when there are errors.")

    @OptionGroup var cohort: CohortOptions

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        for warning in loaded.configurationWarnings { printError(warning) }
        print(loaded.validationSummary, terminator: "")
      }
    }
  }
}
