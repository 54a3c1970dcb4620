import ArgumentParser
import Ledger

/// The `--ledger` option, declared once: the ledger subcommands use it
/// directly, the cohort commands through ``PairFileOptions``.
struct LedgerOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The programme ledger (default: $MENTOR_MATCH_LEDGER or ~/.local/share/mentor-match/ledger.sqlite). Cohort commands avoid its recorded pairs; a file named here must exist, except for commands that record.",
      valueName: "file"))
  var ledger: String?

  init() {}

  init(ledger: String?) { self.ledger = ledger }

  /// Opens the ledger read-only and runs `body` on it: every command that
  /// reads the ledger goes through here (changes go through
  /// ``Intake/LedgerUpdates``). A failure is reported as
  /// ``ledgerOperation(_:)`` does.
  func reading<T>(_ body: (ProgrammeLedger) throws(LedgerError) -> T) throws -> T {
    try ledgerOperation { () throws(LedgerError) in
      try body(ProgrammeLedger(path: ledger ?? ProgrammeLedger.defaultPath, access: .readOnly))
    }
  }
}

/// A recorded cohort named by an argument, in the ledger of `--ledger`:
/// what `ledger show` and `ledger delete` act on.
struct RecordedCohortArguments: ParsableArguments {
  @OptionGroup var ledgerOptions: LedgerOptions

  @Argument(help: ArgumentHelp("The recorded cohort's name.", valueName: "name"))
  var name: String
}

/// Runs a ledger operation, turning its errors into messages and exit codes
/// (``ExitStatus/code(for:)-(LedgerError)``).
func ledgerOperation<T>(_ body: () throws(LedgerError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    printError("error: \(error)")
    throw ExitStatus.code(for: error)
  }
}
