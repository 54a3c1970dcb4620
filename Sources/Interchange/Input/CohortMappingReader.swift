import CompetencyModel
import Foundation
import Yams

/// Reads the `columns:` and `scales:` sections of a configuration file into
/// a ``CohortMapping``, reporting every problem in them at file:line:column.
///
/// ``ConfigurationReader`` accepts the two sections and leaves them to this
/// reader, so a command reads the configuration with both and reports each
/// problem once.
public enum CohortMappingReader {
  /// Reads the mapping from a configuration file.
  ///
  /// - Parameter path: The file; also its name in problem reports.
  /// - Returns: The mapping (empty when the file has neither section).
  /// - Throws: ``InputErrors`` with every problem of the two sections; a file
  ///   that cannot be read or parsed gives the empty mapping, since
  ///   ``ConfigurationReader/read(path:)`` reports that.
  /// - Complexity: O(size of the file).
  public static func read(path: String) throws(InputErrors) -> CohortMapping {
    guard case .success(let data) = InputFile.read(path), let text = String(data: data, encoding: .utf8) else {
      return CohortMapping()
    }
    return try parse(text, file: path)
  }

  /// Parses the mapping from a configuration's text.
  ///
  /// - Parameters:
  ///   - text: The YAML text.
  ///   - file: The file name for problem reports.
  /// - Returns: The mapping; the empty mapping when the YAML does not parse
  ///   (``ConfigurationReader/parse(_:file:)`` reports that).
  /// - Throws: ``InputErrors`` with every problem of the two sections.
  /// - Complexity: O(length of `text`).
  public static func parse(_ text: String, file: String) throws(InputErrors) -> CohortMapping {
    var text = text
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    guard let root = try? Yams.compose(yaml: text), case .mapping(let top) = root else { return CohortMapping() }
    var reader = ConfigurationReader.Reader(file: file, text: text)
    var mapping = CohortMapping()
    for (keyNode, value) in top {
      guard case .scalar(let scalar) = keyNode else { continue }
      switch ConfigurationReader.normalized(scalar.string) {
      case "columns": reader.readColumns(value, into: &mapping)
      case "scales": reader.readScales(value, into: &mapping)
      default: continue
      }
    }
    if !reader.errors.isEmpty { throw InputErrors(reader.errors) }
    return mapping
  }
}

extension CohortMappingReader {
  /// Reads a configuration file once and parses both the matching
  /// configuration and the cohort mapping from it, so that a stream
  /// (`--config /dev/stdin`, `<(…)`, a FIFO) is read only once.
  ///
  /// - Parameter path: The file; also its name in problem reports.
  /// - Returns: The configuration and the mapping.
  /// - Throws: ``InputErrors``: the file cannot be read or is not UTF-8 (one
  ///   error, as ``ConfigurationReader/read(path:)``), or every problem of
  ///   both parsers.
  /// - Complexity: O(size of the file).
  public static func readConfiguration(path: String) throws(InputErrors) -> (
    configuration: MatchingConfiguration, mapping: CohortMapping
  ) {
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let error):
      throw InputErrors([
        InputError.unreadable(file: path, reason: error.reason)
      ])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputErrors([
        InputError(
          file: path, line: 1, column: 1, message: "the file is not valid UTF-8; save it with UTF-8 encoding")
      ])
    }
    var errors: [InputError] = []
    var configuration = MatchingConfiguration()
    var mapping = CohortMapping()
    switch Result(catching: { () throws(InputErrors) in try ConfigurationReader.parse(text, file: path) }) {
    case .success(let value): configuration = value
    case .failure(let failure): errors += failure.errors
    }
    switch Result(catching: { () throws(InputErrors) in try parse(text, file: path) }) {
    case .success(let value): mapping = value
    case .failure(let failure): errors += failure.errors
    }
    if errors.contains(where: { $0.severity == .error }) { throw InputErrors(errors) }
    return (configuration, mapping)
  }
}
