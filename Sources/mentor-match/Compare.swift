import ArgumentParser
import CompetencyModel
import Intake
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match compare`: how the plan changes between two configurations.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "compare",
      abstract: "Compare the plans of one cohort under two configurations.",
      discussion: "Lists the pairs kept, changed, lost and gained, and how the summary figures move.")

    @Argument(help: ArgumentHelp("The cohort folder, or its mentors and mentees files.", valueName: "cohort"))
    var cohort: [String]

    @Option(name: .customLong("config"), help: ArgumentHelp("The two configurations, in order.", valueName: "file"))
    var configs: [String] = []

    @OptionGroup var pairFiles: PairFileOptions

    func validate() throws {
      guard configs.count == 2 else { throw ValidationError("Give exactly two configurations: --config A --config B.") }
      try CohortOptions.validate(cohort: cohort)
    }

    func run() throws {
      try reportingErrors {
        let plans = try configs.enumerated().map { index, config in
          let loaded = try CohortInputs(
            cohort: cohort, config: config, history: pairFiles.history, pairRules: pairFiles.pairRules,
            ledger: pairFiles.ledger
          ).load()
          // The same ledger serves both plans: say so once.
          if index == 0 { reportLedgerHistory(loaded) }
          return CohortMatcher.match(
            loaded.cohort, configuration: loaded.configuration, history: loaded.history,
            requirements: loaded.requirements)
        }
        let comparison = PlanComparison(plans[0], plans[1])
        print(ComparisonReport.render(comparison, first: configs[0], second: configs[1]), terminator: "")
      }
    }
  }
}
