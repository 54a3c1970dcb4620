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
  /// chunks on every core, ids cleaned as the careful path cleans them (a
  /// plain id is made straight from its bytes) and hashed on their bytes
  /// (``ByteHash``), a repeated id's `String` made once (``RecentIDs``),
  /// outcomes read by ``DecimalParser/parseFast(bytes:)``.
  /// The one-outcome-per-pair check then runs on every core too
  /// (``OutcomesReader/firstOutcomes(_:hashes:)``). An empty id, an outcome
  /// that is not a plain decimal in ``valueRange``, or a pair given twice
  /// with different outcomes: `nil`.
  ///
  /// A file of three columns is read by ``readThreeCellRows(_:_:layout:rows:hashes:firstLine:lines:)``
  /// (one pass over the bytes), chunk by chunk, unless `threeCells` is
  /// `false` (tests compare both loops); a chunk it does not answer for is
  /// read by the general loop.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWellFormed(_ text: String, file: String, threeCells: Bool = true) -> [Row]? {
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
      let layout = Layout(
        fields: table.header.count, mentee: mentee, mentor: mentor, outcome: outcome, hash: ByteHash(),
        threeCells: threeCells)
      return readRows(bytes, from: headerEnd.next, layout: layout)
    }
  }

  /// The rows after the header, read on every core straight into the
  /// result: the lines of each chunk are counted first (``LineFeeds``), so each
  /// chunk writes its rows, with their final line numbers, at its own place
  /// in one array; then the gaps of blank lines are closed, the pairs
  /// checked (``firstOutcomes(_:hashes:)``) and repeated rows dropped in
  /// place. `nil` when any line is unusual or a pair has two outcomes.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  private static func readRows(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, layout: Layout) -> [Row]? {
    let bounds = WellFormedCSV.chunks(bytes, from: start)
    let lineCounts = WellFormedCSV.map(bytes, chunks: bounds) { bytes, range in LineFeeds.lineCount(bytes, range) }
    var total = 0
    let before = lineCounts.map { count in  // the lines before each chunk
      defer { total += count }
      return total
    }
    guard total < Int(UInt32.max) else { return nil }
    // Not filled first: each chunk writes the hashes of the rows it writes, and only those are read.
    var hashes = [UInt64](unsafeUninitializedCapacity: total) { _, initialized in initialized = total }
    var answered = true
    let rows = [Row](unsafeUninitializedCapacity: total) { buffer, initialized in
      initialized = 0
      hashes.withUnsafeMutableBufferPointer { hashBuffer in
        let output = Output(rows: buffer, hashes: hashBuffer)
        let written = WellFormedCSV.mapParts(bytes, chunks: bounds) { part, bytes, range in
          parseRows(bytes, range, layout: layout, into: output, at: before[part], lines: lineCounts[part])
        }
        guard let base = buffer.baseAddress else { return }
        // Close the gaps (blank lines, and chunks that stepped aside, whose rows are let go).
        var count = 0
        for (part, chunk) in written.enumerated() {
          if !chunk.plain { answered = false }
          if !answered {
            (base + before[part]).deinitialize(count: chunk.rows)
            continue
          }
          if before[part] != count {
            (base + count).moveInitialize(from: base + before[part], count: chunk.rows)
            (hashBuffer.baseAddress! + count).update(from: hashBuffer.baseAddress! + before[part], count: chunk.rows)
          }
          count += chunk.rows
        }
        guard answered else {
          base.deinitialize(count: count)
          return
        }
        // One outcome per pair: a repeat with the same value is dropped.
        guard
          let first = firstOutcomes(
            UnsafeBufferPointer(rebasing: buffer[..<count]), hashes: UnsafeBufferPointer(rebasing: hashBuffer[..<count])
          )
        else {
          answered = false
          base.deinitialize(count: count)
          return
        }
        if first.dropped > 0 {
          var kept = 0
          for index in 0..<count {
            if first.keep[index] {
              if kept != index { (base + kept).moveInitialize(from: base + index, count: 1) }
              kept += 1
            } else {
              (base + index).deinitialize(count: 1)
            }
          }
          count = kept
        }
        initialized = count
      }
    }
    return answered ? rows : nil
  }

  /// The result's memory, which the chunks write at their own places
  /// (`concurrentPerform` returns when all are done).
  struct Output: @unchecked Sendable {
    let rows: UnsafeMutableBufferPointer<Row>
    let hashes: UnsafeMutableBufferPointer<UInt64>
  }

  /// Where the columns are, how many there are, the hash of the ids, and
  /// whether a file of three columns is read by ``readThreeCellRows(_:_:layout:rows:hashes:firstLine:lines:)``.
  struct Layout: Sendable {
    var fields: Int
    var mentee: Int
    var mentor: Int
    var outcome: Int
    var hash: ByteHash
    var threeCells = true
  }

  /// A cell's id as the careful path cleans it, and the hash state after it.
  @inline(__always)
  private static func id(
    _ cells: PlainLineCells, _ index: Int, hash: ByteHash, state: UInt64, recent: inout RecentIDs
  ) -> (String, UInt64) {
    if let plain = cells.cleanRange(index) {
      let base = cells.bytes.baseAddress!
      // A short ASCII id: its text and its hash from the same two words.
      if let words = ShortASCIIText.words(base, plain.lowerBound, plain.count, layoutHolds: recent.shortTexts) {
        return (
          ShortASCIIText.text(words, count: plain.count), hash.hash(words: words, count: plain.count, state: state)
        )
      }
      return (recent.text(plain), hash.hash(base, plain.lowerBound, plain.upperBound, state: state))
    }
    let text = CellText.clean(cells.value(index))
    return (text, hash.hash(text, state: state))
  }

  /// Reads the rows of `bytes[range]` (whole lines, `lines` of them) into
  /// `output` from `offset` on, with their pairs' hashes; a row's line is
  /// its place in the file (the header is line 1, the chunk starts after
  /// `offset` more). Returns how many rows were written (all initialized,
  /// even when the chunk is not plain) and whether the chunk is plain.
  static func parseRows(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, layout: Layout, into output: Output, at offset: Int,
    lines: Int
  ) -> (rows: Int, plain: Bool) {
    let rows = output.rows.baseAddress! + offset
    let hashes = output.hashes.baseAddress! + offset
    if layout.threeCells && layout.fields == 3,
      let count = readThreeCellRows(
        bytes, range, layout: layout, rows: rows, hashes: hashes, firstLine: 2 + offset, lines: lines)
    {
      return (count, true)
    }
    let base = bytes.baseAddress!
    let hash = layout.hash
    var count = 0
    var recent = RecentIDs(base: base)
    let counted = PlainLineCells.forEachRow(bytes, range, fields: layout.fields) { cells in
      guard case .number(let value) = cells.plainDecimal(layout.outcome), valueRange.contains(value) else {
        return false
      }
      let (menteeID, state) = id(cells, layout.mentee, hash: hash, state: hash.seed, recent: &recent)
      let (mentorID, final) = id(cells, layout.mentor, hash: hash, state: state, recent: &recent)
      guard !menteeID.isEmpty, !mentorID.isEmpty, count < lines else { return false }
      (rows + count).initialize(
        to: Row(
          pair: PersonPair(menteeID: menteeID, mentorID: mentorID), value: value, line: 1 + offset + cells.line,
          column: cells.column(layout.mentee)))
      hashes[count] = ByteHash.finish(final)
      count += 1
      return true
    }
    return (count, counted == lines)
  }
}
