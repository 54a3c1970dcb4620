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

  /// Opens the ledger: `.create` for `record`, `.existing` for changes to a
  /// recorded cohort, `.readOnly` for commands that only read.
  func open(_ access: ProgrammeLedger.Access) throws -> ProgrammeLedger {
    try ledgerOperation { () throws(LedgerError) in
      try ProgrammeLedger(path: ledger ?? ProgrammeLedger.defaultPath, access: access)
    }
  }
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

/// The exit code for a ledger failure of this kind (``ExitStatus/code(for:)-(LedgerError)``).
func exitCode(for error: LedgerError) -> ExitCode { ExitStatus.code(for: error) }
