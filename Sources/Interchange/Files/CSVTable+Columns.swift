extension CSVTable {
  /// The header's columns whose keys (``CellText/headerKey(_:)``) are among
  /// `keys`, each at its first place, appending a problem for each repeated
  /// column (at the repeat) and each missing `required` key (at the header's
  /// first cell, suggesting `example` as a header).
  ///
  /// - Complexity: O(header fields × `keys`).
  func columns(
    _ keys: [String], required: [String], example: String, file: String, problems: inout [InputError]
  ) -> [String: Int] {
    columns(
      named: { keys.contains($0) ? $0 : nil }, required: required, file: file, problems: &problems,
      missing: { "missing required column '\($0)'; expected a header such as '\(example)'" })
  }

  /// The header's columns that `named` gives a name (from the header key,
  /// ``CellText/headerKey(_:)``, so that aliases share one name), each at its
  /// first place, appending a problem for each repeated column (at the
  /// repeat) and each missing `required` name (at the header's first cell,
  /// with the message `missing` gives for the name).
  ///
  /// - Complexity: O(header fields) calls of `named`.
  func columns(
    named: (String) -> String?, required: [String], file: String, problems: inout [InputError],
    missing: (String) -> String
  ) -> [String: Int] {
    var columns: [String: Int] = [:]
    for (index, field) in header.fields.enumerated() {
      guard let key = named(CellText.headerKey(field.value)) else { continue }
      if columns[key] != nil {
        problems.append(
          InputError(
            file: file, line: field.line, column: field.column,
            message: "duplicate column '\(CellText.trimmed(field.value))'"))
      } else {
        columns[key] = index
      }
    }
    let start = header.fields[0]
    for name in required where columns[name] == nil {
      problems.append(
        InputError(
          file: file, line: start.line, column: start.column,
          message: missing(name)))
    }
    return columns
  }
}
