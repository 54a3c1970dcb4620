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

    @OptionGroup var report: ReportOutputOptions<PlanNoun>

    @Flag(name: .long, help: "Record the new plan as the cohort's next version.")
    var record = false

    func validate() throws {
      if let reoptimise, !(reoptimise.isFinite && reoptimise >= 0) {
        throw ValidationError("--reoptimise takes a fit of 0 or more, such as 0.1.")
      }
    }

    func run() throws {
      try reportingErrors {
        let recorded = try cohort.pairFiles.ledgerOptions.reading { ledger throws(LedgerError) in
          try ledger.plan(cohort: name)
        }
        let loaded = try cohort.load(ownCohort: name)
        for warning in loaded.warnings { printError(warning.description) }
        let setup = try RematchSetup(
          loaded: loaded, cohortFiles: cohort.cohort, recorded: recorded.pairs, ended: ended, joiners: joiners,
          leavers: leavers, warning: { printError($0.description) })
        let rematch = try setup.rematch(reoptimise: reoptimise, cohort: name)
        try emit(
          try RematchReport.data(rematch, format: report.resolvedFormat, warning: printError), to: report.output)
        if record {
          printError(try LedgerUpdates.recordRematch(rematch, cohort: name, after: recorded, ledger: cohort.ledger))
        }
      }
    }

  }
}
