import CompetencyModel

/// Reads the outcomes a programme collected for earlier pairs: a CSV file
/// with `mentee`, `mentor` and `outcome` columns (a rating or a goal
/// attainment, any finite number; headers matched like the cohort files').
///
/// ```
/// mentee,mentor,outcome
/// E00017,M00003,4.5
/// ```
public enum OutcomesReader {
  /// One outcome with its line.
  public struct Row: Sendable, Equatable {
    public var pair: PersonPair
    public var value: Double
    public var line: Int

    public init(pair: PersonPair, value: Double, line: Int) {
      self.pair = pair
      self.value = value
      self.line = line
    }
  }

  /// Reads an outcomes file.
  ///
  /// - Throws: ``InputErrors`` with every problem: unreadable file, bad CSV,
  ///   missing columns, empty ids, an outcome that is not a finite number.
  /// - Complexity: O(size of the file).
  public static func read(path: String) throws(InputErrors) -> [Row] {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return try parse(text, file: path)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Reads outcomes from their text.
  public static func parse(_ text: String, file: String) throws(InputErrors) -> [Row] {
    var problems: [InputError] = []
    guard let table = CSVTable.collect(text, file: file, expectedHeader: "mentee,mentor,outcome", errors: &problems)
    else { throw InputErrors(problems) }
    let pairs = PairTable(table, file: file, extra: ["outcome"], problems: &problems)
    var rows: [Row] = []
    if let column = pairs.extraColumns["outcome"] {
      for row in pairs.rows {
        let field = row.record[column]
        let text = CellText.clean(field.value)
        if let value = DecimalParser.parse(text), value.isFinite {
          rows.append(Row(pair: row.pair, value: value, line: row.record.line))
        } else {
          problems.append(
            InputError(
              file: file, line: field.line, column: field.column,
              message: "outcome '\(text)' is not a finite number"))
        }
      }
    }
    if !problems.isEmpty { throw InputErrors(problems) }
    return rows
  }
}
