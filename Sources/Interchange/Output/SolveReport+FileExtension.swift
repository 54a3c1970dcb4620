extension SolveReport.Format {
  /// The format to write `solve`'s result in: the one given with `--format`,
  /// else the one the output file's extension names (`.json`, `.csv`, `.txt`
  /// for the table; see ``PlanFormat/init(fileExtensionOf:)``), else
  /// ``table``.
  ///
  /// - Parameters:
  ///   - given: The format given explicitly, if any.
  ///   - output: The output file, if any (`-` is standard output).
  /// - Returns: The format to write.
  /// - Throws: A whole-sentence message when `given` contradicts the
  ///   extension, or when no format is given and the extension names a plan
  ///   format `solve` does not write (Markdown, HTML, XLSX).
  /// - Complexity: O(length of `output`).
  public static func resolve(given: Self?, output: String?) throws(FormatProblem) -> Self {
    guard let output, let implied = PlanFormat(fileExtensionOf: output) else { return given ?? .table }
    let mapped: Self? =
      switch implied {
      case .json: .json
      case .csv: .csv
      case .table: .table
      case .markdown, .html, .xlsx: nil
      }
    guard let mapped else {
      if let given { return given }
      throw FormatProblem(
        description:
          "solve writes json, csv or table, but the output file '\(output)' names the \(implied.rawValue) format;"
          + " name a .json, .csv or .txt file, or give --format.")
    }
    if let given, given != mapped {
      throw FormatProblem(
        description:
          "The format \(given.rawValue) contradicts the output file '\(output)', whose extension means"
          + " \(mapped.rawValue); drop --format or name the file to match it.")
    }
    return mapped
  }

  /// A `--format` and output file that do not fit together.
  public struct FormatProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problem in a whole sentence.
    public var description: String
  }
}
