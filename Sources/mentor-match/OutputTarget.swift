import ArgumentParser
import Foundation
import Interchange

/// The usage checks of where a report goes, shared by `match` and `circles`.
enum OutputTarget {
  /// The format to write: `given`, else the one `output`'s extension names,
  /// else table; checked against the destination.
  ///
  /// - Throws: `ValidationError` (exit code 64) when `given` contradicts the
  ///   extension, or a binary format has no file or would reach a terminal.
  static func validatedFormat(given: PlanFormat?, output: String?) throws -> PlanFormat {
    let format: PlanFormat
    do {
      format = try PlanFormat.resolve(given: given, output: output)
    } catch {
      throw ValidationError(error.description)
    }
    if format.isBinary && output == nil {
      throw ValidationError("The \(format.rawValue) format is binary: name a file with --output.")
    }
    if format.isBinary && output == "-" && isatty(STDOUT_FILENO) != 0 {
      throw ValidationError(
        "The \(format.rawValue) format is binary and standard output is a terminal: redirect it or name a file.")
    }
    return format
  }
}
