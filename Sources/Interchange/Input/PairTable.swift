import CompetencyModel

/// The rows of a CSV file that names pairs by a `mentee` and a `mentor`
/// column (headers matched like cohort headers), shared by the history and
/// pair-rules readers.
struct PairTable {
  /// One named pair and its record.
  struct Row {
    var pair: PersonPair
    var record: CSVTable.Record
  }

  /// The rows with both ids present, in file order.
  var rows: [Row] = []
  /// The index of each further column asked for, by its header key.
  var extraColumns: [String: Int] = [:]
  /// The index of the `mentee` column, when present.
  var menteeColumn: Int?
  /// The index of the `mentor` column, when present.
  var mentorColumn: Int?

  /// Reads the pairs of `table`, appending every problem to `problems`:
  /// missing or duplicate `mentee`/`mentor` columns, empty ids.
  ///
  /// - Parameters:
  ///   - table: The parsed file.
  ///   - file: The file name for problem reports.
  ///   - extra: Further header keys to locate (for example `rule`).
  ///   - problems: Where problems are collected.
  /// - Complexity: O(size of the table).
  init(_ table: CSVTable, file: String, extra: [String] = [], problems: inout [InputError]) {
    let keys = ["mentee", "mentor"] + extra
    let columns = table.columns(
      keys, required: keys, example: keys.joined(separator: ","), file: file, problems: &problems)
    extraColumns = columns.filter { extra.contains($0.key) }
    guard let menteeColumn = columns["mentee"], let mentorColumn = columns["mentor"] else { return }
    self.menteeColumn = menteeColumn
    self.mentorColumn = mentorColumn
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
        rows.append(Row(pair: PersonPair(menteeID: ids[0], mentorID: ids[1]), record: record))
      }
    }
  }
}
