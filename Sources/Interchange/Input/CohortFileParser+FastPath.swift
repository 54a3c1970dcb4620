import Foundation

extension CohortFileParser {
  /// The parsed file when it is plainly well formed and free of problems,
  /// or `nil` as soon as anything is unusual; ``read(_:file:side:referenceDate:mapping:problems:)``
  /// then parses it with the careful path, which reports every problem at
  /// its file:line:column. Whatever the fast path accepts, the careful path
  /// accepts with the same rows (tested on seeded well-formed and damaged
  /// files).
  ///
  /// The header goes through the careful tokenizer and ``CohortColumns``
  /// (any problem or warning: `nil`). The rows are split on the raw bytes
  /// (``WellFormedCSV``: no quotes, no lone carriage returns, every row with
  /// the header's field count) in line-aligned chunks on every core, and
  /// each row is read by the same ``parse(_:problems:)`` as the careful
  /// path, except that level, goal and seniority cells holding plain
  /// decimals are read by ``DecimalParser/parseFast(bytes:)`` without making
  /// a string. A row with any problem, an id repeated, or no data row at
  /// all (a warning): `nil`.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWellFormed(
    _ text: String, file: String, side: CohortColumns.Side, referenceDate: Date, mapping: CohortMapping
  ) -> CohortFileParser? {
    var text = text
    return text.withUTF8 { bytes -> CohortFileParser? in
      guard let headerEnd = WellFormedCSV.lineEnd(bytes, from: 0, limit: bytes.count), headerEnd.next < bytes.count
      else { return nil }
      var problems: [InputError] = []
      var header: CSVTable.Record?
      let headerText = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<headerEnd.next]), as: UTF8.self)
      CSVTable.scan(headerText, file: file, expectedHeader: nil, errors: &problems) { record, isHeader in
        if isHeader { header = record }
      }
      guard problems.isEmpty, let header, header.line == 1 else { return nil }
      let columns = CohortColumns(header: header, side: side, file: file, mapping: mapping, problems: &problems)
      guard problems.isEmpty else { return nil }
      let template = Template(
        parser: CohortFileParser(
          file: file, side: side, referenceDate: referenceDate, mapping: mapping, columns: columns),
        fields: header.count)
      let parts = WellFormedCSV.map(bytes, chunks: WellFormedCSV.chunks(bytes, from: headerEnd.next)) { bytes, range in
        parseRows(bytes, range, template: template)
      }
      // Join the chunks: lines counted on, ids unique across them.
      var joined = template.parser
      var total = 0
      for part in parts {
        guard let (parser, _) = part else { return nil }
        total += parser.rows.count
      }
      joined.rows.reserveCapacity(total)
      joined.firstLine.reserveCapacity(total)
      var line = 1
      for part in parts {
        guard let (parser, lines) = part else { return nil }
        for var row in parser.rows {
          row.line += line
          row.start.line += line
          if joined.firstLine.updateValue(row.line, forKey: row.person.id) != nil { return nil }
          joined.rows.append(row)
        }
        for var link in parser.managerLinks {
          link.field.line += line
          joined.managerLinks.append(link)
        }
        line += lines
      }
      return joined.rows.isEmpty ? nil : joined
    }
  }

  /// The parser to start each chunk from, and the header's field count.
  private struct Template: @unchecked Sendable {
    // Safe: the chunks only copy the parser (a value), never share it mutably.
    var parser: CohortFileParser
    var fields: Int
  }

  /// The rows of `bytes[range]` (whole lines, numbered from 1 within the
  /// range) and the number of lines, or `nil` when any line is unusual or
  /// any row has a problem.
  private static func parseRows(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, template: Template
  ) -> (CohortFileParser, lines: Int)? {
    var parser = template.parser
    var problems: [InputError] = []
    let lines = PlainLineCells.forEachRow(bytes, range, fields: template.fields) { cells in
      parser.parse(cells, problems: &problems)
      return problems.isEmpty
    }
    guard let lines else { return nil }
    return (parser, lines)
  }
}
