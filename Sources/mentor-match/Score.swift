import ArgumentParser
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match score`: the cohort's full score matrix as SCORES.csv.
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    /// The most pairs `score` writes: the dense matrix must fit BLAS's 32-bit
    /// indices and memory (8 bytes a pair, plus the CSV text).
    static let maximumPairs = 200_000_000

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        let pairs = loaded.cohort.mentees.count.multipliedReportingOverflow(by: loaded.cohort.mentors.count)
        guard !pairs.overflow, pairs.partialValue <= Self.maximumPairs else {
          printError(
            "error: the score matrix would hold \(loaded.cohort.mentees.count) x \(loaded.cohort.mentors.count) pairs,"
              + " more than the \(Self.maximumPairs) this command writes; `match` handles cohorts of any size")
          throw ExitStatus.dataError
        }
        let scored = CohortMatcher.score(
          loaded.cohort, configuration: loaded.configuration, history: loaded.history,
          never: loaded.requirements.never)
        let problem = scored.problem
        let table = ScoreTable(
          menteeIDs: loaded.cohort.mentees.map(\.id), mentorIDs: loaded.cohort.mentors.map(\.id),
          scores: problem.scores)
        try emit(ScoreTableWriter.csv(table), to: output)
        if let capacitiesOutput {
          var writer = CSVWriter()
          writer.writeRow(["mentor", "capacity"])
          for mentor in loaded.cohort.mentors { writer.writeRow([.text(mentor.id), .integer(mentor.capacity)]) }
          try emit(writer.text, to: capacitiesOutput)
        }
      }
    }
  }
}
