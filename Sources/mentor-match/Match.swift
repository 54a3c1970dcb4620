import ArgumentParser
import Assignment
import Foundation
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match match`: the optimal pairing plan with its rationale.
  struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Pair the cohort's mentees with mentors, optimally, and explain every pair.",
      discussion: """
        Maximises the number of mentees matched, then the total fit, within every \
        mentor's capacity and the rules. Each pair lists the competencies and terms \
        behind its score and the mentee's rank of the mentor; unmatched mentees get \
        the reason.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(
      name: .long,
      help:
        "Output format: table, csv, json, markdown, html or xlsx (xlsx needs --output). Default: the --output file's extension (.txt .csv .json .md .html .xlsx), else table."
    )
    var format: PlanFormat?

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp(
        "Write the plan to this file (atomically) instead of standard output; `-` is standard output.",
        valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Maximise the lowest fit first, then the total (same as `objective: fairness`).")
    var fairness = false

    @Flag(name: .long, help: "Print the time each phase took to standard error.")
    var timings = false

    /// The format to write: `--format`, else the output file's extension, else table.
    var resolvedFormat: PlanFormat { (try? PlanFormat.resolve(given: format, output: output)) ?? .table }

    func validate() throws {
      _ = try OutputTarget.validatedFormat(given: format, output: output)
    }

    func run() throws {
      try reportingErrors {
        var stopwatch = Stopwatch()
        let loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        var configuration = loaded.configuration
        if fairness { configuration.objective = .fairness }
        let reading = stopwatch.lap()
        let plan = CohortMatcher.match(
          loaded.cohort, configuration: configuration, history: loaded.history, requirements: loaded.requirements)
        let matching = stopwatch.lap()
        try emit(try resolvedFormat.data(plan, warning: printError), to: output)
        let writing = stopwatch.lap()
        if timings {
          let s = plan.certificate.seconds
          printError(
            "timings: reading \(reading) s, matching \(matching) s (pruning \(s.pruning) s, solving \(s.solving) s \(s.solvingPerRound), pricing \(s.pricing) s; rounds \(plan.certificate.rounds), violations \(plan.certificate.violationsPerRound)), writing \(writing) s"
          )
        }
      }
    }
  }
}

extension PlanFormat: ExpressibleByArgument {}
