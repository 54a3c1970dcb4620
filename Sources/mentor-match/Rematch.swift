import ArgumentParser
import CompetencyModel
import Foundation
import Intake
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
        let setup = try RematchSetup(
          loaded: loaded, cohortFiles: cohort.cohort, recorded: recorded.pairs, ended: ended, joiners: joiners,
          leavers: leavers, warning: { printError($0.description) })
        let rematch: Rematch
        do { rematch = try setup.rematch(reoptimise: reoptimise) } catch {
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
      let pairs = ProgrammeLedger.nextVersionPairs(
        active: rematch.plan.pairs.map {
          ProgrammeLedger.VersionPair(menteeID: $0.menteeID, mentorID: $0.mentorID, score: $0.score)
        }, ending: rematch.endingPairs, previous: recorded.pairs)
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
