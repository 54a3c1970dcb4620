import ArgumentParser
import Intake
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match score`: the cohort's full score matrix as SCORES.csv.
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "score",
      abstract: "Write the cohort's score matrix in the SCORES.csv format that `solve` reads.",
      discussion: """
        One row per mentee, one column per mentor; pairs the rules exclude are empty \
        cells. `solve` on this file with the capacities from --capacities-output gives \
        the same objective as `match`.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("Write the scores to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
      name: .long,
      help: ArgumentHelp("Also write the mentors' capacities (CAPS.csv: mentor,capacity) here.", valueName: "file"))
    var capacitiesOutput: String?

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        try ScoreMatrixLimit.check(loaded.cohort)
        let scored = CohortMatcher.score(
          loaded.cohort, configuration: loaded.configuration, history: loaded.history,
          never: loaded.requirements.never)
        let problem = scored.problem
        let table = ScoreTable(
          menteeIDs: loaded.cohort.mentees.map(\.id), mentorIDs: loaded.cohort.mentors.map(\.id),
          scores: problem.scores)
        try emit(ScoreTableWriter.csv(table), to: output)
        if let capacitiesOutput {
          try emit(CapacityTableWriter.csv(loaded.cohort.mentors), to: capacitiesOutput)
        }
      }
    }
  }
}
