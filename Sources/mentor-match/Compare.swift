import ArgumentParser
import CompetencyModel
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match compare`: how the plan changes between two configurations.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare the plans of one cohort under two configurations.",
      discussion: "Lists the pairs kept, changed, lost and gained, and how the summary figures move.")

    @Argument(help: ArgumentHelp("The cohort folder, or its mentors and mentees files.", valueName: "cohort"))
    var cohort: [String]

    @Option(name: .customLong("config"), help: ArgumentHelp("The two configurations, in order.", valueName: "file"))
    var configs: [String] = []

    @OptionGroup var pairFiles: PairFileOptions

    func validate() throws {
      guard configs.count == 2 else { throw ValidationError("Give exactly two configurations: --config A --config B.") }
      guard (1...2).contains(cohort.count) else {
        throw ValidationError("Give the cohort as one folder or as the mentors and mentees files.")
      }
    }

    func run() throws {
      try reportingErrors {
        var plans: [PairingPlan] = []
        for config in configs {
          let options = try CohortOptions.parse(cohort + ["--config", config] + pairFiles.arguments)
          try options.validate()
          let loaded = try options.load()
          plans.append(
            CohortMatcher.match(
              loaded.cohort, configuration: loaded.configuration, history: loaded.history,
              requirements: loaded.requirements))
        }
        let comparison = PlanComparison(plans[0], plans[1])
        var out = "A: \(configs[0])\nB: \(configs[1])\n(fit figures use each configuration's own weights)\n\n"
        out += "kept \(comparison.kept) · changed \(comparison.changed.count) · lost \(comparison.lost.count)"
        out += " · gained \(comparison.gained.count) · unmatched in both \(comparison.unmatchedInBoth)\n\n"
        for figure in comparison.figures {
          let a = figure.first.map(PairExplanation.number) ?? "-"
          let b = figure.second.map(PairExplanation.number) ?? "-"
          let delta = figure.first.flatMap { x in figure.second.map { PairExplanation.number($0 - x) } } ?? "-"
          out += "\(figure.name): \(a) → \(b) (\(delta.hasPrefix("-") || delta == "0" ? delta : "+" + delta))\n"
        }
        for (title, list) in [
          ("changed", comparison.changed), ("lost", comparison.lost), ("gained", comparison.gained),
        ]
        where !list.isEmpty {
          out += "\n\(title):\n"
          for change in list { out += "  \(change.menteeID): \(change.before ?? "-") → \(change.after ?? "-")\n" }
        }
        print(DisplayText.visible(out, keepingLineBreaks: true), terminator: "")
      }
    }
  }
}
