import ArgumentParser
import CompetencyModel
import Foundation
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

    @Option(
      name: .long,
      help:
        "Output format: table, csv, json, markdown, html or xlsx (xlsx needs --output). Default: the --output file's extension, else table."
    )
    var format: PlanFormat?

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp(
        "Write the shortlists to this file (atomically) instead of standard output; `-` is standard output.",
        valueName: "file"))
    var output: String?

    func validate() throws {
      guard (1...20).contains(size) else { throw ValidationError("--size must be a whole number from 1 to 20.") }
      let format: PlanFormat
      do {
        format = try PlanFormat.resolve(given: self.format, output: output)
      } catch {
        throw ValidationError(error.description)
      }
      if format.isBinary && output == nil {
        throw ValidationError("The \(format.rawValue) format is binary: name a file with --output.")
      }
    }

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        var configuration = loaded.configuration
        if configuration.rules.maxMenteesPerDepartment != nil {
          printError("error: shortlist does not support rules.max_mentees_per_department")
          throw ExitStatus.dataError
        }
        if configuration.objective == .fairness {
          printError(
            "warning: shortlist measures costs against the total-fit objective; the fairness objective is not used")
          configuration.objective = .total
        }
        let plan = try matchPlan(loaded, configuration: configuration)
        let shortlist = Shortlist(plan: plan, size: size, requirements: loaded.requirements)
        let format = (try? PlanFormat.resolve(given: format, output: output)) ?? .table
        try emit(try format.data(shortlist, warning: printError), to: output)
      }
    }
  }
}
