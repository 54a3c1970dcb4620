import ArgumentParser
import Circles
import Foundation
import Intake
import Interchange
import Ledger

/// The exit codes of `mentor-match`, after BSD's sysexits.
enum ExitStatus {
  /// Bad input data (EX_DATAERR).
  static let dataError = ExitCode(65)
  /// An input file is missing or unreadable (EX_NOINPUT).
  static let noInput = ExitCode(66)
  /// An output file could not be created (EX_CANTCREAT).
  static let cannotCreate = ExitCode(73)
  /// An operating-system input or output failed (EX_IOERR).
  static let ioError = ExitCode(74)
  /// A temporary failure: trying again later may work (EX_TEMPFAIL).
  static let temporaryFailure = ExitCode(75)

  /// The exit code for input problems: 66 when every one is a file that
  /// cannot be read (``Interchange/InputError/Kind/unreadable``), else 65.
  static func code(for problems: InputErrors) -> ExitCode {
    problems.kind == .unreadable ? noInput : dataError
  }

  /// The exit code for a ledger failure of this kind: 65 for bad data or an
  /// unknown name, 66 for a missing ledger, 74 when the file system refuses,
  /// 75 when the ledger stays locked past the timeout.
  static func code(for error: LedgerError) -> ExitCode {
    switch error.kind {
    case .data: return dataError
    case .missing: return noInput
    case .unavailable: return ioError
    case .busy: return temporaryFailure
    }
  }
}

/// Writes a line to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`, turning MentorMatch's input and output errors into messages on
/// standard error and the documented exit codes (each error's kind chooses
/// its code; see ``ExitStatus``).
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let failure as CohortInputs.Failure {
    if let ledger = failure.ledger { printError("error: \(ledger)") }
    for error in failure.problems.errors { printError(error.description) }
    throw ExitStatus.code(for: failure.problems)
  } catch let errors as InputErrors {
    for error in errors.errors { printError(error.description) }
    throw ExitStatus.code(for: errors)
  } catch let error as InputError {
    printError(error.description)
    throw ExitStatus.code(for: InputErrors([error]))
  } catch {
    // Every other error of the library is one sentence: `error: …` and its code.
    guard let code = ExitStatus.code(forMessage: error) else { throw error }
    printError("error: \(error)")
    throw code
  }
}

extension ExitStatus {
  /// The exit code of an error the library reports as one sentence (its
  /// `description`): 66 for cohort files not found, 73 for an output not
  /// written, the ledger's code by kind, 65 for a request the data cannot
  /// serve, tuning outcomes that do not fit, or circles no grouping allows;
  /// `nil` for any other error.
  static func code(forMessage error: any Error) -> ExitCode? {
    switch error {
    case is CohortSource.LocateError: return noInput
    case is OutputError: return cannotCreate
    case let error as LedgerError: return code(for: error)
    case is CohortCheckError, is TuningOutcomes.Failure, is CircleError: return dataError
    default: return nil
    }
  }
}

/// Writes `data` to `path` (see ``AtomicFile``: atomically for a regular
/// file, through symbolic links, directly to a FIFO or device), or to
/// standard output when `path` is nil or `-`.
func emit(_ data: Data, to path: String?) throws {
  if let path, path != "-" {
    try AtomicFile.write(data, to: path)
  } else {
    try AtomicFile.writeStandardOutput(data)
  }
}

/// Writes `text` as UTF-8 to `path` like ``emit(_:to:)-(Data,_)``.
func emit(_ text: String, to path: String?) throws {
  try emit(Data(text.utf8), to: path)
}
