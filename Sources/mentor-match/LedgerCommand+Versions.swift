import ArgumentParser
import Foundation
import Intake
import Interchange
import Ledger

extension MentorMatch.LedgerCommand {
  /// `ledger show`: a recorded cohort's plan versions and one version's pairs.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a recorded cohort: every plan version, then the pairs of the latest (or --version K).")

    @OptionGroup var recorded: RecordedCohortArguments
    var name: String { recorded.name }

    @Option(name: .long, help: "The plan version to print (default: the latest).")
    var version: Int?

    func run() throws {
      let (versions, shown) = try recorded.ledgerOptions.reading { ledger throws(LedgerError) in
        (try ledger.versions(cohort: name), try ledger.plan(cohort: name, version: version))
      }
      print(LedgerReport.versions(cohort: name, versions, shown: shown), terminator: "")
    }
  }

  /// `ledger delete`: remove a recorded cohort for good.
  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Delete a recorded cohort: its plan versions, pairs, outcomes and circles (needs --yes).")

    @OptionGroup var recorded: RecordedCohortArguments
    var name: String { recorded.name }

    @Flag(name: .long, help: "Confirm the deletion.")
    var yes = false

    func validate() throws {
      guard yes else {
        throw ValidationError(
          "Deleting cohort '\(name)' removes its plan versions, pairs, outcomes and circles for good: add --yes to confirm."
        )
      }
    }

    func run() throws {
      print(
        try ledgerOperation { () throws(LedgerError) in
          try LedgerUpdates.delete(cohort: name, ledger: recorded.ledgerOptions.ledger)
        })
    }
  }
}
