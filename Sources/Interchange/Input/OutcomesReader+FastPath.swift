import CompetencyModel

extension OutcomesReader {
  /// The outcomes in `text` when the file is plainly well formed and free
  /// of problems, or `nil` as soon as anything is unusual; ``parse(_:file:)``
  /// then reads it with the careful path, which reports every problem at its
  /// file:line:column. Whatever the fast path accepts, the careful path
  /// accepts with the same rows (tested).
  ///
  /// The header goes through the careful tokenizer and ``PairTable``; the
  /// rows are split on the raw bytes (``WellFormedCSV``) in line-aligned
  /// chunks on every core, ids cleaned as the careful path cleans them and
  /// outcomes read by ``DecimalParser/parseFast(bytes:)``. An empty id, an
  /// outcome that is not a plain decimal in ``valueRange``, or a pair given
  /// twice with different outcomes: `nil`.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWellFormed(_ text: String, file: String) -> [Row]? {
    var text = text
    return text.withUTF8 { bytes -> [Row]? in
      guard let headerEnd = WellFormedCSV.lineEnd(bytes, from: 0, limit: bytes.count) else { return nil }
      var problems: [InputError] = []
      let headerText = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<headerEnd.next]), as: UTF8.self)
      guard let table = CSVTable.collect(headerText, file: file, expectedHeader: nil, errors: &problems),
        problems.isEmpty, table.header.line == 1
      else { return nil }
      let pairs = PairTable(table, file: file, extra: ["outcome"], problems: &problems)
      guard problems.isEmpty, let mentee = pairs.menteeColumn, let mentor = pairs.mentorColumn,
        let outcome = pairs.extraColumns["outcome"]
      else { return nil }
      let layout = Layout(fields: table.header.count, mentee: mentee, mentor: mentor, outcome: outcome)
      let parts = WellFormedCSV.map(bytes, chunks: WellFormedCSV.chunks(bytes, from: headerEnd.next)) { bytes, range in
        parseRows(bytes, range, layout: layout)
      }
      // Join the chunks: lines counted on, one outcome per pair.
      // Sized once (no rehashing of the ids as the table grows), and one hash
      // per row: the lookup inserts the row's index when the pair is new.
      var total = 0
      for part in parts {
        guard let (chunk, _) = part else { return nil }
        total += chunk.count
      }
      var rows: [Row] = []
      rows.reserveCapacity(total)
      var firstRow: [PersonPair: Int] = [:]
      firstRow.reserveCapacity(total)
      var line = 1
      for part in parts {
        guard let (chunk, lines) = part else { return nil }
        for var row in chunk {
          row.line += line
          let next = rows.count
          let earlier = Self.firstIndex(&firstRow[row.pair, default: next])
          if earlier != next {
            guard rows[earlier].value == row.value else { return nil }
            continue
          }
          rows.append(row)
        }
        line += lines
      }
      return rows
    }
  }

  /// The value at a dictionary slot reached with `default:` (which stores
  /// the default when the key is new), read in the same access.
  private static func firstIndex(_ slot: inout Int) -> Int { slot }

  /// Where the columns are, and how many there are.
  private struct Layout: Sendable {
    var fields: Int
    var mentee: Int
    var mentor: Int
    var outcome: Int
  }

  /// The rows of `bytes[range]` (whole lines, numbered from 1 within the
  /// range) and the number of lines, or `nil` when any is unusual.
  private static func parseRows(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, layout: Layout) -> (
    [Row], lines: Int
  )? {
    var rows: [Row] = []
    let lines = PlainLineCells.forEachRow(bytes, range, fields: layout.fields) { cells in
      guard case .number(let value) = cells.plainDecimal(layout.outcome), valueRange.contains(value) else {
        return false
      }
      let menteeID = CellText.clean(cells.value(layout.mentee))
      let mentorID = CellText.clean(cells.value(layout.mentor))
      guard !menteeID.isEmpty, !mentorID.isEmpty else { return false }
      let column = cells.field(layout.mentee).column
      rows.append(
        Row(pair: PersonPair(menteeID: menteeID, mentorID: mentorID), value: value, line: cells.line, column: column))
      return true
    }
    guard let lines else { return nil }
    return (rows, lines)
  }
}
