/// Writes a ``ScoreTable`` in the format ``ScoreTableReader`` reads.
///
/// The header is `mentee` and the mentor identifiers; each row is a mentee
/// identifier and its scores, written with Swift's shortest round-trip
/// representation so they read back exactly; a forbidden pair (`.nan`) is an
/// empty cell. Identifiers that start like a spreadsheet formula are
/// neutralised (see ``CSVWriter``); numbers never are.
public enum ScoreTableWriter {
  /// The table's CSV text.
  ///
  /// - Parameter table: The table.
  /// - Returns: CSV text with a header and one row per mentee.
  /// - Complexity: O(size of the table).
  public static func csv(_ table: ScoreTable) -> String {
    var writer = CSVWriter()
    writer.writeRow(["mentee"] + table.mentorIDs)
    let columns = table.mentorIDs.count
    for (row, id) in table.menteeIDs.enumerated() {
      var cells: [CSVCell] = [.text(id)]
      cells.reserveCapacity(columns + 1)
      for score in table.scores[row * columns..<(row + 1) * columns] {
        cells.append(score.isNaN ? .empty : .number(score))
      }
      writer.writeRow(cells)
    }
    return writer.text
  }

  /// Writes the table to `path` atomically.
  ///
  /// - Parameters:
  ///   - table: The table.
  ///   - path: The target file.
  /// - Throws: ``OutputError`` when the file cannot be written.
  /// - Complexity: O(size of the table).
  public static func write(_ table: ScoreTable, to path: String) throws(OutputError) {
    try AtomicFile.write(csv(table), to: path)
  }
}
