import Intake

extension MentorMatch.LedgerCommand.Record {
  /// `ledger record --plan EDITED.csv`: checks an edited plan and records it
  /// as the cohort's next version (``Intake/LedgerUpdates/recordApproved(path:cohort:loaded:cohortFiles:ledger:at:warning:)``).
  func recordApproved(_ path: String) throws {
    let loaded = try cohort.load(ledgerMayBeMissing: true, ownCohort: name)
    for warning in loaded.warnings { printError(warning.description) }
    print(
      try LedgerUpdates.recordApproved(
        path: path, cohort: name, loaded: loaded, cohortFiles: cohort.cohort, ledger: cohort.ledger,
        warning: { printError($0.description) }))
  }
}
