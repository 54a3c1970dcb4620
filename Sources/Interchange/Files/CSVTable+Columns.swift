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
    var columns: [String: Int] = [:]
    for (index, field) in header.fields.enumerated() {
      let key = CellText.headerKey(field.value)
      guard keys.contains(key) else { continue }
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
          message: "missing required column '\(name)'; expected a header such as '\(example)'"))
    }
    return columns
  }
}
