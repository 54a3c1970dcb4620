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
  /// each row is read by the same ``parseRow(_:problems:)`` as the careful
  /// path, except that level, goal and seniority cells holding plain
  /// decimals are read straight from the bytes (``PlainLineCells/plainDecimal(_:)``)
  /// and clean text cells made once from their bytes, without a string per
  /// cell. A row with any problem, an id repeated, or no data row at
  /// all (a warning): `nil`.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWellFormed(
    _ text: String, file: String, side: CohortColumns.Side, referenceDate: Date, mapping: CohortMapping
  ) -> CohortFileParser? {
    var text = text
    return text.withUTF8 { bytes in
      parseWellFormed(bytes: bytes, file: file, side: side, referenceDate: referenceDate, mapping: mapping)
    }
  }

  /// ``parseWellFormed(_:file:side:referenceDate:mapping:)`` of a file's
  /// UTF-8 bytes.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWellFormed(
    bytes: UnsafeBufferPointer<UInt8>, file: String, side: CohortColumns.Side, referenceDate: Date,
    mapping: CohortMapping
  ) -> CohortFileParser? {
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
      fields: header.count, growth: RowGrowth(columns))
    return parseRows(bytes, from: headerEnd.next, template: template)
  }

  /// The rows after the header, read on every core straight into one
  /// array: the lines of each chunk are counted first (`memchr`), so each
  /// chunk numbers its lines as in the file and writes its rows at its own
  /// place; the gaps of blank lines are closed by moving rows (no copies),
  /// and the ids are checked across chunks by merging each chunk's
  /// first lines into the first chunk's. `nil` when any line is unusual,
  /// any row has a problem, an id repeats, or there is no row.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores, plus
  ///   O(rows after the first chunk) on one core for the id check.
  private static func parseRows(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, template: Template
  ) -> CohortFileParser? {
    // Four chunks per core: chunks equal in bytes differ by up to 40 % in time,
    // and with two per core the core that draws the last long one ran alone
    // (3 ms of a 30 ms read idle; `Docs/performance.md`, seventeenth session).
    let bounds = WellFormedCSV.chunks(bytes, from: start, perCore: 4)
    let lineCounts = WellFormedCSV.map(bytes, chunks: bounds) { bytes, range in WellFormedCSV.lineCount(bytes, range) }
    var total = 0
    let before = lineCounts.map { count in  // the lines before each chunk
      defer { total += count }
      return total
    }
    guard total > 0 else { return nil }  // no row: the careful path warns
    var parts: [CohortFileParser?] = []
    var answered = true
    let rows = [Row](unsafeUninitializedCapacity: total) { buffer, initialized in
      initialized = 0
      let output = Output(rows: buffer)
      let written = WellFormedCSV.mapParts(bytes, chunks: bounds) { part, bytes, range in
        // Line 1 is the header.
        parseChunk(
          bytes, range, template: template, firstLine: 2 + before[part], lines: lineCounts[part],
          into: output, at: before[part])
      }
      let base = buffer.baseAddress!
      // Close the gaps (blank lines, and chunks that stepped aside, whose rows are let go).
      var count = 0
      for (part, chunk) in written.enumerated() {
        if chunk.parser == nil { answered = false }
        if !answered {
          (base + before[part]).deinitialize(count: chunk.rows)
          continue
        }
        if before[part] != count { (base + count).moveInitialize(from: base + before[part], count: chunk.rows) }
        count += chunk.rows
      }
      guard answered else {
        base.deinitialize(count: count)
        return
      }
      initialized = count
      parts = written.map(\.parser)
    }
    guard answered, !rows.isEmpty, var joined = parts[0] else { return nil }
    // Ids unique across the chunks: each later chunk's first lines merged into the first's
    // (room made once, so the table is not rebuilt per chunk).
    joined.firstLine.reserveCapacity(parts.reduce(0) { $0 + ($1?.firstLine.count ?? 0) })
    joined.managerLinks.reserveCapacity(parts.reduce(0) { $0 + ($1?.managerLinks.count ?? 0) })
    for part in parts.dropFirst() {
      guard let part else { return nil }
      guard joined.firstLine.insertAllNew(from: part.firstLine) else { return nil }
      joined.managerLinks += part.managerLinks
    }
    joined.rows = rows
    return joined
  }

  /// The result's memory, which the chunks write at their own places
  /// (`concurrentPerform` returns when all are done).
  private struct Output: @unchecked Sendable {
    let rows: UnsafeMutableBufferPointer<Row>
  }

  /// The parser to start each chunk from, and the header's field count.
  private struct Template: @unchecked Sendable {
    // Safe: the chunks only copy the parser (a value), never share it mutably.
    var parser: CohortFileParser
    var fields: Int
    /// The rows' growth test (made once per file, not per chunk).
    var growth: RowGrowth
  }

  /// Reads the rows of `bytes[range]` (whole lines, `lines` of them,
  /// numbered from `firstLine`) into `output` from `offset` on. Returns how
  /// many rows were written (all initialized, even when the chunk steps
  /// aside) and the chunk's parser (its first lines and manager links, no
  /// rows), or `nil` when any line is unusual or any row has a problem.
  private static func parseChunk(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, template: Template, firstLine: Int, lines: Int,
    into output: Output, at offset: Int
  ) -> (rows: Int, parser: CohortFileParser?) {
    var parser = template.parser
    parser.firstLine.reserveCapacity(lines)
    // (At most one manager link per line: room made once, not grown by copies.)
    if parser.columns.fixedIndex[CohortColumns.Fixed.manager.ordinal] != nil {
      parser.managerLinks.reserveCapacity(lines)
    }
    // One block for the levels and goals of all the chunk's rows.
    parser.arena.reserve(rows: lines, width: parser.columns.levelIndices.count + parser.columns.goalIndices.count)
    let rows = output.rows.baseAddress! + offset
    var count = 0
    // The level and goal runs are read while each line is split.
    let columns = parser.columns
    let runs = LevelRuns(
      LevelRuns.Run(first: columns.levelRun ?? -1, count: columns.levelIndices.count, empty: 0),
      LevelRuns.Run(first: columns.goalRun ?? -1, count: columns.goalIndices.count, empty: .nan))
    // When the levels' run comes first and the goals' (if any) after it, the
    // split writes straight into the arena's next row, where `parseRow`
    // reads them (levels, then goals): no copy.
    let width = columns.levelIndices.count + columns.goalIndices.count
    let inPlace = columns.levelRun.map { level in columns.goalRun.map { $0 > level } ?? true } ?? false
    // Each row's growth test, decided on the values just written to its
    // place in the arena (where `parseRow` writes them, runs or not); that
    // place kept behind a pointer, which both closures reach without the
    // exclusivity checks of a captured variable.
    let growth = template.growth
    let levelCount = columns.levelIndices.count
    let rowValues = UnsafeMutablePointer<UnsafeMutablePointer<Double>?>.allocate(capacity: 1)
    rowValues.initialize(to: nil)
    defer { rowValues.deallocate() }
    // The closures reach the parser through its address: captured as a
    // variable by both, every row paid two dynamic exclusivity checks
    // (`swift_beginAccess`/`swift_endAccess`). Nothing else uses it meanwhile.
    let counted = withUnsafeMutablePointer(to: &parser) { parser in
      var problems: [InputError] = []
      func nextRow() -> UnsafeMutablePointer<Double>? {
        guard width > 0 else { return nil }
        let (storage, offset) = parser.pointee.arena.slot(width: width)
        rowValues.pointee = storage.base + offset
        return inPlace ? rowValues.pointee : nil
      }
      return PlainLineCells.forEachRow(
        bytes, range, fields: template.fields, firstLine: firstLine, runs: runs, runDestination: nextRow
      ) { cells in
        guard count < lines else { return false }
        // The row read through the record's address (``BorrowedLineCells``): no copies of the
        // record; and written at its place (only when it has no problem).
        let made = withUnsafePointer(to: cells) {
          parser.pointee.parseRow(BorrowedLineCells(cells: $0), problems: &problems, into: rows + count)
        }
        guard made else { return false }
        if let values = rowValues.pointee {
          (rows + count).pointee.grows = growth.grows(levels: values, goals: values + levelCount)
        }
        count += 1
        return problems.isEmpty
      }
    }
    return (count, counted == lines ? parser : nil)
  }
}
