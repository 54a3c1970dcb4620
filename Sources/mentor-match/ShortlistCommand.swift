import ArgumentParser
import CompetencyModel
import Foundation
import Intake
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match shortlist`: suggestions per mentee to pick or rank from.
  struct ShortlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "shortlist",
      abstract: "Suggest a short list of mentors per mentee: the optimal plan's first, then the cheapest alternatives.",
      discussion: """
        Each list starts with the mentor(s) of the optimal plan; the other suggestions \
        are the alternatives with the least exact cost to the cohort (the change in \
        matched mentees and total fit if the pair were forced and the rest re-solved). \
        No mentor is on more than size × capacity lists. The plan is made with the \
        total-fit objective; department caps are not supported. See Docs/choices.md.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(name: .long, help: "Suggestions per mentee, 1 to 20.")
    var size = 3

    @OptionGroup var report: ReportOutputOptions<ShortlistsNoun>

    func validate() throws {
      guard (1...20).contains(size) else { throw ValidationError("--size must be a whole number from 1 to 20.") }
    }

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        let shortlist = try loaded.shortlist(size: size, warning: printError)
        try emit(try report.resolvedFormat.data(shortlist, warning: printError), to: report.output)
      }
    }
  }
}
