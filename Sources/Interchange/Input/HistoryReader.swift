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
    let pairs = Set(PairTable(table, file: file, problems: &problems).rows.map(\.pair))
    if !problems.isEmpty { throw InputErrors(problems) }
    return PairHistory(pairs: pairs)
  }
}
