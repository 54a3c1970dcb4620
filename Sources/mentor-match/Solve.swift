import ArgumentParser
import Assignment
import Interchange
import LinearAlgebra

extension MentorMatch {
  /// `mentor-match solve`: the capacitated assignment solver on any score matrix.
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "solve",
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

    @Option(
      name: .long,
      help: "Output format: json, csv or table. Default: the --output file's extension (.json .csv .txt), else table.")
    var format: SolveReport.Format?

    @Option(
      name: .long,
      help:
        "Candidate mentors kept per mentee before the optimality check adds any it needs (default: 24, or 48 from 10,000 mentors on)."
    )
    var candidates: Int?

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp(
        "Write the result to this file instead of standard output; `-` is standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Print the time each phase took to standard error.")
    var timings = false

    /// The format to write: `--format`, else the output file's extension, else table.
    var resolvedFormat: SolveReport.Format {
      (try? SolveReport.Format.resolve(given: format, output: output)) ?? .table
    }

    func validate() throws {
      do {
        _ = try SolveReport.Format.resolve(given: format, output: output)
      } catch {
        throw ValidationError(error.description)
      }
      if capacity != nil && capacities != nil {
        throw ValidationError("Give either --capacity or --capacities, not both.")
      }
      if let capacity, capacity < 0 || capacity > AssignmentProblem.maximumCapacity {
        throw ValidationError(
          "--capacity must be a whole number from 0 to \(AssignmentProblem.maximumCapacity), not \(capacity).")
      }
      if let candidates, candidates < 1 {
        throw ValidationError(
          "--candidates must be 1 or more, not \(candidates): every mentee needs at least one candidate mentor.")
      }
    }

    func run() throws {
      try reportingErrors {
        Self.prepareProcess()
        var clock = Stopwatch()
        // Read ahead while the arguments were parsed when it could be (SolvePrefetch).
        let input = try SolvePrefetch.scores(for: scores) ?? ScoreTableReader.readForSolve(path: scores)
        let reading = clock.lap()
        let mentorIDs: [String]
        switch input {
        case .whole(let table): mentorIDs = table.mentorIDs
        case .decimal(let table): mentorIDs = table.mentorIDs
        }
        let caps: [Int]
        if let capacities {
          caps = try CapacityTableReader.read(path: capacities, mentorIDs: mentorIDs)
        } else {
          caps = [Int](repeating: capacity ?? 1, count: mentorIDs.count)
        }
        let sense: AssignmentProblem.Sense = minimize ? .minimize : .maximize
        var stopwatch = Stopwatch()
        let report: SolveReport
        let certificate: CertifiedAssignment.Certificate
        let checking: Double
        let seconds: Double
        // Whole-number scores read as bytes (ratings): solved without the
        // doubles, whose refusal check they pass beyond doubt; the same plan.
        if case .whole(let table) = input,
          let (solution, certified) = CertifiedAssignment.solve(
            whole: table.matrix, capacities: caps, sense: sense, candidatesPerRow: candidates)
        {
          seconds = stopwatch.lap()
          checking = 0
          _ = clock.lap()
          certificate = certified
          report = SolveReport(
            menteeIDs: table.menteeIDs, mentorIDs: table.mentorIDs, solution: solution, solveSeconds: seconds,
            certificate: certified, score: { table.matrix.score(row: $0, column: $1)! })
        } else {
          _ = clock.lap()
          let table: ScoreTable
          switch input {
          case .whole(let whole): table = whole.scoreTable
          case .decimal(let decimal): table = decimal
          }
          let problem = AssignmentProblem(
            rows: table.menteeIDs.count, columns: table.mentorIDs.count, scores: table.scores, capacities: caps,
            sense: sense)
          if let refusal = ScoreResolution.refusal(for: problem) {
            throw ScoreTableReader.refusalError(refusal, file: scores)
          }
          checking = clock.lap()
          stopwatch = Stopwatch()
          // On few whole-number levels (ratings), passes over one byte per pair; the same plan.
          let (solution, certified) = CertifiedAssignment.solve(dense: problem, candidatesPerRow: candidates)
          seconds = stopwatch.lap()
          _ = clock.lap()
          certificate = certified
          report = SolveReport(table: table, solution: solution, solveSeconds: seconds, certificate: certified)
        }
        switch resolvedFormat {
        case .json: try emit(to: output) { report.writeJSON(to: &$0) }
        case .csv: try emit(to: output) { report.writeCSV(to: &$0) }
        case .table: try emit(report.render(.table), to: output)
        }
        if timings {
          let s = certificate.seconds
          let writing = clock.lap()
          printError(
            "timings: reading \(reading) s, checking \(checking) s, solving \(seconds) s (sampling \(s.sampling) s, pruning \(s.pruning) s, solving \(s.solving) s \(s.solvingPerRound), pricing \(s.pricing) s; rounds \(certificate.rounds), violations \(certificate.violationsPerRound)), writing \(writing) s"
          )
        }
      }
    }
  }
}

extension SolveReport.Format: ExpressibleByArgument {}
