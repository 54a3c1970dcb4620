import ArgumentParser
import Assignment
import Interchange

extension MentorMatch {
  /// `mentor-match solve`: the capacitated assignment solver on any score matrix.
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve a capacitated assignment on a score matrix (SCORES.csv).",
      discussion: """
        SCORES.csv: header `mentee,<mentor id>,...`, then one row per mentee \
        `<mentee id>,<score>,...`; an empty cell forbids the pair. Assigns as many \
        mentees as possible, then maximises (or with --minimize, minimises) the total.
        """)

    @Argument(help: ArgumentHelp("The score matrix.", valueName: "SCORES.csv"))
    var scores: String

    @Option(name: .long, help: "The capacity of every mentor (default 1).")
    var capacity: Int?

    @Option(name: .long, help: ArgumentHelp("Per-mentor capacities (CSV: mentor,capacity).", valueName: "CAPS.csv"))
    var capacities: String?

    @Flag(name: .long, help: "Minimise the total score instead of maximising it.")
    var minimize = false

    @Option(name: .long, help: "Output format: json, csv or table.")
    var format: SolveReport.Format = .table

    @Option(
      name: .long,
      help:
        "Candidate mentors kept per mentee before the optimality check adds any it needs (default: 24, or 48 from 10,000 mentors on)."
    )
    var candidates: Int?

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
      if capacity != nil && capacities != nil {
        throw ValidationError("Give either --capacity or --capacities, not both.")
      }
      if let capacity, capacity < 0 {
        throw ValidationError("--capacity must be zero or more, not \(capacity).")
      }
    }

    func run() throws {
      try reportingErrors {
        let table = try ScoreTableReader.read(path: scores)
        let caps: [Int]
        if let capacities {
          caps = try CapacityTableReader.read(path: capacities, mentorIDs: table.mentorIDs)
        } else {
          caps = [Int](repeating: capacity ?? 1, count: table.mentorIDs.count)
        }
        let problem = AssignmentProblem(
          rows: table.menteeIDs.count, columns: table.mentorIDs.count, scores: table.scores, capacities: caps,
          sense: minimize ? .minimize : .maximize)
        var stopwatch = Stopwatch()
        let (solution, certificate) = CertifiedAssignment.solve(
          DenseScoreSource(problem), capacities: caps, sense: problem.sense, candidatesPerRow: candidates)
        let seconds = stopwatch.lap()
        let report = SolveReport(table: table, solution: solution, solveSeconds: seconds, certificate: certificate)
        try emit(report.render(format), to: output)
      }
    }
  }
}

extension SolveReport.Format: ExpressibleByArgument {}
