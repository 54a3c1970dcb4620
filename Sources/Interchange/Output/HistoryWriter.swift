/// Writes a ``PairHistory`` as CSV that ``HistoryReader`` reads back.
///
/// The header is `mentee,mentor`; rows are sorted by mentee, then mentor, so
/// the output is the same for the same pairs. Identifiers that start like a
/// spreadsheet formula are neutralised (see ``CSVWriter``).
public enum HistoryWriter {
  /// The history's CSV text.
  ///
  /// - Parameter history: The pairs.
  /// - Returns: CSV text, one row per pair.
  /// - Complexity: O(*n* log *n*) for *n* pairs.
  public static func csv(_ history: PairHistory) -> String {
    var writer = CSVWriter()
    writer.writeRow(["mentee", "mentor"])
    for pair in history.pairs.sorted() {
      writer.writeRow([pair.menteeID, pair.mentorID])
    }
    return writer.text
  }

  /// Writes the history to `path` atomically.
  ///
  /// - Parameters:
  ///   - history: The pairs.
  ///   - path: The target file.
  /// - Throws: ``OutputError`` when the file cannot be written.
  /// - Complexity: O(*n* log *n*) for *n* pairs.
  public static func write(_ history: PairHistory, to path: String) throws(OutputError) {
    try AtomicFile.write(csv(history), to: path)
  }
}
