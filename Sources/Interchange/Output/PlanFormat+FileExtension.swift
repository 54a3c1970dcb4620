extension PlanFormat {
  /// The format a plan file's name asks for, by its extension (ignoring
  /// case): `.csv`, `.json`, `.md` or `.markdown`, `.html` or `.htm`,
  /// `.xlsx`, and `.txt` for the table.
  ///
  /// ```swift
  /// PlanFormat(fileExtensionOf: "out/plan.xlsx")  // .xlsx
  /// PlanFormat(fileExtensionOf: "plan")           // nil
  /// ```
  ///
  /// - Parameter path: The output file's path.
  /// - Returns: The format, or `nil` when the name has no extension or one
  ///   that names no plan format.
  /// - Complexity: O(length of `path`).
  public init?(fileExtensionOf path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "txt": self = .table
    case "csv": self = .csv
    case "json": self = .json
    case "md", "markdown": self = .markdown
    case "html", "htm": self = .html
    case "xlsx": self = .xlsx
    default: return nil
    }
  }

  /// The format to write: the one given with `--format`, else the one the
  /// output file's extension names, else ``table``.
  ///
  /// - Parameters:
  ///   - given: The format given explicitly, if any.
  ///   - output: The output file, if any.
  /// - Returns: The format to write.
  /// - Throws: ``FormatConflict`` when `given` contradicts the extension of
  ///   `output` (say `--format csv` with `plan.xlsx`).
  /// - Complexity: O(length of `output`).
  public static func resolve(given: PlanFormat?, output: String?) throws(FormatConflict) -> PlanFormat {
    let implied = output.flatMap { PlanFormat(fileExtensionOf: $0) }
    if let given, let implied, given != implied {
      throw FormatConflict(given: given, implied: implied, output: output ?? "")
    }
    return given ?? implied ?? .table
  }

  /// An explicit format that contradicts the output file's extension.
  public struct FormatConflict: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format given with `--format`.
    public var given: PlanFormat
    /// The format the output file's extension names.
    public var implied: PlanFormat
    /// The output file.
    public var output: String

    /// The conflict in a whole sentence.
    public var description: String {
      "The format \(given.rawValue) contradicts the output file '\(output)', whose extension means"
        + " \(implied.rawValue); drop --format or name the file to match it."
    }
  }
}
