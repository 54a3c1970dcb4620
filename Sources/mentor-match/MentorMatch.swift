import ArgumentParser

/// The `mentor-match` command: optimal, explained mentor matching for cohorts.
@main
struct MentorMatch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mentor-match",
    abstract: "Optimal, explainable mentor matching for mentoring-programme cohorts.",
    discussion: """
      A cohort is a folder with mentors.csv and mentees.csv (see Docs/cohort-format.md).
      Exit codes: 0 success; 64 wrong usage; 65 bad input data (every problem is \
      reported as file:line:column); 66 an input file is missing or unreadable; \
      73 an output file could not be written (nothing partial is left behind); \
      74 the programme ledger cannot be opened or written; 75 the ledger stayed \
      locked by another process past its timeout (try again).
      """,
    version: "0.1.0",
    subcommands: [
      Match.self, CirclesCommand.self, Explain.self, Compare.self, Sensitivity.self, Tune.self, LedgerCommand.self,
      Invitations.self,
      RematchCommand.self,
      Solve.self, Score.self,
      ShortlistCommand.self,
      Validate.self,
      Generate.self,
    ]
  )

  /// Runs the command line; `solve`'s score file is read on another core
  /// while the arguments are parsed (``SolvePrefetch``).
  static func main() {
    SolvePrefetch.start(CommandLine.arguments)
    main(nil)
  }
}
