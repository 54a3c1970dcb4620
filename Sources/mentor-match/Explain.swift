import ArgumentParser
import CompetencyModel
import Intake
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match explain`: why a mentee has their mentor, or why not another.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",
      abstract: "Explain a mentee's pair, or why not another mentor, with the exact cost to the cohort.",
      discussion: """
        Without --mentor, explains the mentee's pair and their best-scoring alternatives. For a \
        mentor the plan did not choose, it says which rule excludes the pair, or what fixing it \
        would change: the rest of the cohort is re-solved optimally with the pair in place.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(name: .long, help: ArgumentHelp("The mentee to explain.", valueName: "id"))
    var mentee: String

    @Option(name: .long, help: ArgumentHelp("A mentor to compare with the plan's choice.", valueName: "id"))
    var mentor: String?

    @Option(name: .long, help: "How many alternatives to explain without --mentor.")
    var alternatives = 3

    func validate() throws {
      guard alternatives >= 0 else { throw ValidationError("--alternatives must be zero or more.") }
    }

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        let c = loaded.cohort
        let query = try PairQuery(cohort: c, menteeID: mentee, mentorID: mentor)
        let plan = CohortMatcher.match(
          c, configuration: loaded.configuration, history: loaded.history, requirements: loaded.requirements)
        print(
          DisplayText.visible(
            PairExplanationReport.render(
              plan: plan, mentee: query.mentee, mentors: query.mentors, alternatives: alternatives),
            keepingLineBreaks: true))
      }
    }
  }
}
