import ArgumentParser
import CompetencyModel
import Foundation
import Interchange
import Ledger
import Rationale

extension MentorMatch {
  /// `mentor-match rematch`: re-match a recorded cohort after changes.
  struct RematchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rematch",
      abstract: "Re-match a recorded cohort after pairs ended, people left or joined, keeping every continuing pair.",
      discussion: """
        Keeps every pair of the recorded plan (its latest version) that continues, and matches the mentees \
        released by ended pairs or leaving mentors, the mentees unmatched before and the mentees who joined, \
        optimally over the places left; an ended pair is never made again. --reoptimise COST also lets \
        continuing pairs move when each move gains more than COST in fit (exact). The plan has a changes \
        section (kept, new, moved, ended); --record stores it as the cohort's next version.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(name: .long, help: "The recorded cohort's name in the ledger.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Pairs that ended (CSV: mentee,mentor).", valueName: "file"))
    var ended: String?

    @Option(name: .long, help: ArgumentHelp("People who left (CSV with an id column).", valueName: "file"))
    var leavers: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "People who joined: a folder with mentees.csv and/or mentors.csv in the cohort format.", valueName: "folder"))
    var joiners: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Also move continuing pairs, each only when the move gains more than this fit.", valueName: "cost"))
    var reoptimise: Double?

    @Option(
      name: .long,
      help:
        "Output format: table, csv, json, markdown, html or xlsx (xlsx needs --output). Default: from --output, else table."
    )
    var format: PlanFormat?

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("Write the plan to this file (atomically); `-` is standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Record the new plan as the cohort's next version.")
    var record = false

    func validate() throws {
      let format: PlanFormat
      do { format = try PlanFormat.resolve(given: self.format, output: output) } catch {
        throw ValidationError(error.description)
      }
      if format.isBinary && output == nil {
        throw ValidationError("The \(format.rawValue) format is binary: name a file with --output.")
      }
      if let reoptimise, !(reoptimise.isFinite && reoptimise >= 0) {
        throw ValidationError("--reoptimise takes a fit of 0 or more, such as 0.1.")
      }
    }

    func run() throws {
      try reportingErrors {
        let ledger = try LedgerOptions(ledger: cohort.ledger).open(.readOnly)
        let recorded = try ledgerOperation { () throws(LedgerError) in try ledger.plan(cohort: name) }
        let loaded = try cohort.load(ownCohort: name)
        for warning in loaded.warnings { printError(warning.description) }
        let active = recorded.pairs.filter { $0.status == .active }
        let endedNow = try ended.map { try RematchInputs.ended(path: $0, recorded: Set(active.map(\.pair))) } ?? []
        let source = try CohortSource.locate(cohort.cohort)
        let joined = try RematchInputs.cohortNow(
          joiners: joiners, cohort: loaded.cohort, source: source, leavers: [],
          referenceDate: TimeZoneParser.referenceDate(programmeStart: loaded.configuration.programme.start))
        for warning in joined.warnings { printError(warning.description) }
        let left = try leavers.map { try RematchInputs.leavers(path: $0, cohort: joined.cohort) } ?? []
        let now = Cohort(
          competencies: joined.cohort.competencies, mentors: joined.cohort.mentors.filter { !left.contains($0.id) },
          mentees: joined.cohort.mentees.filter { !left.contains($0.id) })
        let people = Set(now.mentees.map(\.id)).union(now.mentors.map(\.id))
        var requirements = loaded.requirements
        requirements.must = requirements.must.filter { people.contains($0.menteeID) && people.contains($0.mentorID) }
        let rematch: Rematch
        do {
          rematch = try Rematch(
            cohort: now, configuration: loaded.configuration, history: loaded.history, requirements: requirements,
            recorded: active.map(\.pair), endedNow: endedNow,
            neverAgain: Set(recorded.pairs.filter { $0.status == .ended }.map(\.pair)), leavers: left,
            reoptimise: reoptimise)
        } catch {
          printError("error: cannot re-match cohort '\(name)': \(error)")
          throw ExitStatus.dataError
        }
        let format = (try? PlanFormat.resolve(given: format, output: output)) ?? .table
        try emit(try RematchReport.data(rematch, format: format, warning: printError), to: output)
        if record {
          try recordVersion(rematch, after: recorded, in: ledger)
        }
      }
    }

    /// Stores the re-match as the cohort's next version: its pairs, the pairs
    /// that ended now and those that ended before.
    func recordVersion(
      _ rematch: Rematch, after recorded: (version: ProgrammeLedger.PlanVersion, pairs: [ProgrammeLedger.VersionPair]),
      in reader: ProgrammeLedger
    ) throws {
      let writer = try LedgerOptions(ledger: cohort.ledger).open(.existing)
      let scoreOf = Dictionary(recorded.pairs.map { ($0.pair, $0.score) }) { first, _ in first }
      var pairs = rematch.plan.pairs.map {
        ProgrammeLedger.VersionPair(menteeID: $0.menteeID, mentorID: $0.mentorID, score: $0.score)
      }
      let current = Set(pairs.map(\.pair))
      var endedPairs = Set(rematch.ended.map(\.pair))
      endedPairs.formUnion(recorded.pairs.filter { $0.status == .ended }.map(\.pair))
      endedPairs.formUnion(rematch.moved.map { PersonPair(menteeID: $0.menteeID, mentorID: $0.fromMentorID) })
      for pair in endedPairs.subtracting(current).sorted(by: { ($0.menteeID, $0.mentorID) < ($1.menteeID, $1.mentorID) }
      ) {
        pairs.append(.init(menteeID: pair.menteeID, mentorID: pair.mentorID, score: scoreOf[pair] ?? 0, status: .ended))
      }
      let note =
        "re-match of version \(recorded.version.number): \(rematch.kept.count) kept, \(rematch.new.count) new, "
        + "\(rematch.moved.count) moved, \(rematch.ended.count) ended"
      let stamp = ISO8601DateFormatter().string(from: Date())
      let version = try ledgerOperation { () throws(LedgerError) in
        try writer.addVersion(cohort: name, createdAt: stamp, kind: .rematch, note: note, pairs: pairs)
      }
      printError(DisplayText.visible("recorded cohort '\(name)' version \(version) (rematch): \(note)"))
    }
  }
}
