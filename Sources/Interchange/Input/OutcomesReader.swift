import CompetencyModel

/// Reads the outcomes a programme collected for earlier pairs: a CSV file
/// with `mentee`, `mentor` and `outcome` columns (a rating or a goal
/// attainment: a number from −1,000,000 to 1,000,000, see ``valueRange``;
/// headers matched like the cohort files').
///
/// Each pair has at most one outcome: a row repeating an earlier row's pair
/// with the same value is dropped (a file pasted twice does no harm); with a
/// different value it is an error at the second row's outcome cell.
///
/// ```
/// mentee,mentor,outcome
/// E00017,M00003,4.5
/// ```
public enum OutcomesReader {
  /// The outcome values accepted. Wide enough for any rating or percentage,
  /// narrow enough that squares and sums of many of them stay far from
  /// overflow in the least-squares fit of `tune`.
  public static let valueRange: ClosedRange<Double> = -1_000_000...1_000_000

  /// One outcome with where it was read (line 0 when it did not come from a file).
  public struct Row: Sendable, Equatable {
    public var pair: PersonPair
    public var value: Double
    public var line: Int
    /// The column of the row's mentee cell.
    public var column: Int

    public init(pair: PersonPair, value: Double, line: Int, column: Int = 1) {
      self.pair = pair
      self.value = value
      self.line = line
      self.column = column
    }
  }

  /// Reads an outcomes file.
  ///
  /// - Throws: ``InputErrors`` with every problem: unreadable file, bad CSV,
  ///   missing columns, empty ids, an outcome that is not a number in
  ///   ``valueRange``, a pair given twice with different outcomes.
  /// - Complexity: O(size of the file).
  public static func read(path: String) throws(InputErrors) -> [Row] {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return try parse(text, file: path)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Reads outcomes from their text.
  public static func parse(_ text: String, file: String) throws(InputErrors) -> [Row] {
    // Plainly well-formed files are read on the raw bytes; the rest, and every problem, here.
    if let rows = parseWellFormed(text, file: file) { return rows }
    return try parseCarefully(text, file: file)
  }

  /// Reads outcomes from their text with ``CSVTable`` (the careful path).
  ///
  /// - Throws: ``InputErrors`` with every problem, as ``read(path:)``.
  /// - Complexity: O(size of the file).
  static func parseCarefully(_ text: String, file: String) throws(InputErrors) -> [Row] {
    var problems: [InputError] = []
    guard let table = CSVTable.collect(text, file: file, expectedHeader: "mentee,mentor,outcome", errors: &problems)
    else { throw InputErrors(problems) }
    let pairs = PairTable(table, file: file, extra: ["outcome"], problems: &problems)
    var rows: [Row] = []
    var firstRow: [PersonPair: Int] = [:]
    if let column = pairs.extraColumns["outcome"] {
      for row in pairs.rows {
        let field = row.record[column]
        let text = CellText.clean(field.value)
        guard let value = DecimalParser.parse(text), value.isFinite else {
          problems.append(
            InputError(
              file: file, line: field.line, column: field.column,
              message: "outcome '\(text)' is not a finite number"))
          continue
        }
        guard valueRange.contains(value) else {
          problems.append(
            InputError(
              file: file, line: field.line, column: field.column,
              message: "outcome '\(text)' is outside the accepted range -1000000 to 1000000"))
          continue
        }
        if let earlier = firstRow[row.pair] {
          if rows[earlier].value != value {
            problems.append(
              InputError(
                file: file, line: field.line, column: field.column,
                message:
                  "the pair \(row.pair.menteeID)–\(row.pair.mentorID) already has outcome \(rows[earlier].value) on line \(rows[earlier].line); one outcome per pair"
              ))
          }
          continue
        }
        firstRow[row.pair] = rows.count
        let mentee = pairs.menteeColumn.map { row.record[$0] } ?? field
        rows.append(Row(pair: row.pair, value: value, line: mentee.line, column: mentee.column))
      }
    }
    if !problems.isEmpty { throw InputErrors(problems) }
    return rows
  }
}
