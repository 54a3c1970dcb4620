import CompetencyModel

/// Reads the history of earlier cohorts' pairs: a CSV file whose header has
/// a `mentee` and a `mentor` column (matched like cohort headers:
/// case-insensitive, whitespace trimmed, `_`, `-` and spaces ignored).
/// Other columns, such as `cohort` or `date`, are ignored.
///
/// ```
/// cohort,mentee,mentor
/// 2025-spring,e17,m3
/// ```
public enum HistoryReader {
  /// Reads a history file.
  ///
  /// - Parameter path: The file's path; also the name in problem reports.
  /// - Returns: The pairs.
  /// - Throws: ``InputErrors`` with every problem: unreadable file, bad CSV,
  ///   missing `mentee` or `mentor` column, empty identifier cells.
  /// - Complexity: O(size of the file).
  public static func read(path: String) throws(InputErrors) -> PairHistory {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return try parse(text, file: path)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Reads a history from its text.
  ///
  /// - Parameters:
  ///   - text: The file's content.
  ///   - file: The file name for problem reports.
  /// - Returns: The pairs.
  /// - Throws: ``InputErrors`` with every problem.
  /// - Complexity: O(length of `text`).
  public static func parse(_ text: String, file: String) throws(InputErrors) -> PairHistory {
    var problems: [InputError] = []
    guard
      let table = CSVTable.collect(
        text, file: file, expectedHeader: "mentee,mentor", errors: &problems)
    else { throw InputErrors(problems) }
    var menteeColumn: Int?
    var mentorColumn: Int?
    for (index, field) in table.header.fields.enumerated() {
      switch CellText.headerKey(field.value) {
      case "mentee" where menteeColumn == nil: menteeColumn = index
      case "mentor" where mentorColumn == nil: mentorColumn = index
      case "mentee", "mentor":
        problems.append(
          InputError(
            file: file, line: field.line, column: field.column,
            message: "duplicate column '\(CellText.trimmed(field.value))'"))
      default: break
      }
    }
    let start = table.header.fields[0]
    for (name, column) in [("mentee", menteeColumn), ("mentor", mentorColumn)] where column == nil {
      problems.append(
        InputError(
          file: file, line: start.line, column: start.column,
          message: "missing required column '\(name)'; expected a header such as 'mentee,mentor'"))
    }
    var pairs: Set<PersonPair> = []
    if let menteeColumn, let mentorColumn {
      for record in table.records {
        var ids: [String] = []
        for (role, column) in [("mentee", menteeColumn), ("mentor", mentorColumn)] {
          let field = record[column]
          let id = CellText.clean(field.value)
          if id.isEmpty {
            problems.append(
              InputError(
                file: file, line: field.line, column: field.column,
                message: "empty \(role) id; every row needs a mentee and a mentor id"))
          }
          ids.append(id)
        }
        if !ids[0].isEmpty && !ids[1].isEmpty {
          pairs.insert(PersonPair(menteeID: ids[0], mentorID: ids[1]))
        }
      }
    }
    if !problems.isEmpty { throw InputErrors(problems) }
    return PairHistory(pairs: pairs)
  }
}
