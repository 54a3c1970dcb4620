import Assignment
import Foundation

extension ScoreTableReader {
  /// The score table in `bytes` when the file is plainly well formed, or
  /// `nil` as soon as anything is unusual; the caller then parses the file
  /// again with the careful path, which reports every problem at its
  /// file:line:column. So the fast path never reports anything itself, and
  /// whatever it accepts the careful path accepts with the same table
  /// (tested).
  ///
  /// Well formed here means: no quotes, no carriage return but in a CRLF
  /// line end (CRLF and LF line ends are both fine; ``WellFormedCSV``'s
  /// lines and chunks), every data row with the header's field
  /// count, identifiers non-empty, distinct and valid UTF-8, and every score
  /// a decimal of ``DecimalParser``'s grammar (surrounding spaces and tabs
  /// allowed) of magnitude at most ``AssignmentProblem/maximumScoreMagnitude``,
  /// or empty. Empty lines are skipped; a line of commas only is left to the
  /// careful path. Large files are split into line-aligned chunks parsed on
  /// every core.
  ///
  /// - Parameter bytes: The file's bytes (not yet checked to be UTF-8).
  /// - Returns: The table, or `nil` to parse carefully.
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> ScoreTable? {
    let count = bytes.count
    var index = 0
    if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
    // Empty lines before the header.
    while index < count, let end = WellFormedCSV.lineEnd(bytes, from: index, limit: count), end.contentEnd == index {
      index = end.next
    }
    guard index < count, let headerEnd = WellFormedCSV.lineEnd(bytes, from: index, limit: count) else { return nil }
    guard let header = cells(bytes, from: index, to: headerEnd.contentEnd), header.count >= 1 else { return nil }
    guard CellText.trimmed(header[0]).lowercased() == "mentee" else { return nil }
    let mentorIDs = header.dropFirst().map(CellText.clean)
    guard !mentorIDs.contains(""), Set(mentorIDs).count == mentorIDs.count else { return nil }

    // Line-aligned chunks of the data rows, one per core for large files.
    let cuts = WellFormedCSV.chunks(bytes, from: headerEnd.next)
    let workers = cuts.count - 1
    // Each chunk's rows go straight to their place in the table's one array:
    // a chunk holds at most as many rows as lines; blank lines leave gaps,
    // closed afterwards.
    let columns = mentorIDs.count
    let rowLimits = (0..<workers).map { lineCount(bytes, from: cuts[$0], to: cuts[$0 + 1]) }
    var offsets = [0]
    for limit in rowLimits { offsets.append(offsets[offsets.count - 1] + limit * columns) }
    let starts = offsets
    var menteeIDs: [String] = []
    var complete = true
    let scores = [Double](unsafeUninitializedCapacity: max(1, starts[workers])) { buffer, initialized in
      let out = UnsafeSendableScores(buffer.baseAddress!)
      let results = WellFormedCSV.map(bytes, chunks: cuts) { bytes, range in
        // The chunk's place (equal cuts make empty chunks, which write nothing: any of them will do).
        let w = (0..<workers).last { cuts[$0] == range.lowerBound && cuts[$0 + 1] == range.upperBound }!
        return parseRows(
          bytes, from: range.lowerBound, to: range.upperBound, columns: columns, into: out.base + starts[w],
          rowLimit: rowLimits[w])
      }
      var written = 0
      for (w, chunk) in results.enumerated() {
        guard let chunk else {
          complete = false
          break
        }
        let count = chunk.ids.count * columns
        if written != starts[w] && count > 0 {
          memmove(buffer.baseAddress! + written, buffer.baseAddress! + starts[w], count * MemoryLayout<Double>.stride)
        }
        written += count
        menteeIDs += chunk.ids
      }
      initialized = complete ? written : 0
    }
    guard complete, Set(menteeIDs).count == menteeIDs.count else { return nil }
    return ScoreTable(menteeIDs: menteeIDs, mentorIDs: mentorIDs, scores: scores)
  }

  /// The rows of one chunk: their mentee ids (their scores are written in place).
  private struct Rows: Sendable {
    var ids: [String] = []
  }

  /// The number of lines in `bytes[from..<to]`: its line feeds, plus one for
  /// a last line without one. No chunk holds more rows.
  ///
  /// - Complexity: O(`to − from`).
  private static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    guard from < to, let base = bytes.baseAddress else { return 0 }
    var lines = 0
    var index = from
    while index < to, let found = memchr(base + index, Int32(CSVTokenizer.lineFeed), to - index) {
      lines += 1
      index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
    }
    return bytes[to - 1] == CSVTokenizer.lineFeed ? lines : lines + 1
  }

  /// Parses the rows in `bytes[from..<to]` (whole lines), writing row `r`'s
  /// scores to `out[r · columns ..< (r + 1) · columns]`, or `nil` when any
  /// row is unusual (or there are more than `rowLimit`, which
  /// ``lineCount(_:from:to:)`` rules out).
  private static func parseRows(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, columns: Int, into out: UnsafeMutablePointer<Double>,
    rowLimit: Int
  ) -> Rows? {
    var rows = Rows()
    var index = from
    let base = bytes.baseAddress!
    while index < to {
      guard let end = WellFormedCSV.lineEnd(bytes, from: index, limit: to) else { return nil }
      let lineEnd = end.contentEnd
      if lineEnd == index {
        index = end.next
        continue
      }
      // The mentee id: up to the first comma.
      var cursor = index
      var ascii: UInt8 = 0
      while cursor < lineEnd && base[cursor] != CSVTokenizer.comma {
        let byte = base[cursor]
        if byte == CSVTokenizer.quote { return nil }
        ascii |= byte
        cursor += 1
      }
      let idBytes = UnsafeBufferPointer(start: base + index, count: cursor - index)
      let raw: String
      if ascii < 0x80 {
        raw = String(decoding: idBytes, as: UTF8.self)
      } else {
        guard let valid = String(validating: idBytes, as: UTF8.self) else { return nil }
        raw = valid
      }
      let id = CellText.clean(raw)
      if id.isEmpty || rows.ids.count == rowLimit { return nil }
      let row = out + rows.ids.count * columns
      rows.ids.append(id)
      // The scores.
      var fields = 0
      while cursor < lineEnd {
        cursor += 1  // the comma
        var start = cursor
        while cursor < lineEnd && base[cursor] != CSVTokenizer.comma { cursor += 1 }
        var stop = cursor
        while start < stop && (base[start] == 0x20 || base[start] == 0x09) { start += 1 }
        while stop > start && (base[stop - 1] == 0x20 || base[stop - 1] == 0x09) { stop -= 1 }
        if fields == columns { return nil }
        fields += 1
        if start == stop {
          row[fields - 1] = .nan
          continue
        }
        if let whole = shortWholeNumber(base + start, count: stop - start) {
          row[fields - 1] = whole
          continue
        }
        guard let value = DecimalParser.parseFast(bytes: UnsafeBufferPointer(start: base + start, count: stop - start)),
          abs(value) <= AssignmentProblem.maximumScoreMagnitude
        else { return nil }
        row[fields - 1] = value
      }
      guard fields == columns else { return nil }
      index = end.next
    }
    return rows
  }

  /// The value of a cell that is a whole number of at most 15 digits, with
  /// an optional sign and an optional fraction of zeros (`7`, `-3`, `4.0`,
  /// `12.`), or `nil` for anything else (which ``DecimalParser/parseFast(bytes:)``
  /// then reads). Such a number is exact in a double, so the value equals
  /// `Double(_:)`'s bit for bit (`-0` is `-0.0`); ratings written as `3.0`
  /// skip the general parser's scaling.
  ///
  /// - Complexity: O(`count`).
  @inline(__always)
  static func shortWholeNumber(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
    var k = 0
    var negative = false
    if count > 0 && (text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+")) {
      negative = text[0] == UInt8(ascii: "-")
      k = 1
    }
    let first = k
    var value: Int64 = 0
    while k < count && k - first < 15 {
      let digit = text[k] &- UInt8(ascii: "0")
      if digit >= 10 { break }
      value = value &* 10 &+ Int64(digit)
      k += 1
    }
    if k == first { return nil }
    if k < count {
      guard text[k] == UInt8(ascii: ".") else { return nil }
      k += 1
      while k < count && text[k] == UInt8(ascii: "0") { k += 1 }
      if k < count { return nil }
    }
    let magnitude = Double(value)
    return negative ? -magnitude : magnitude
  }

  /// The cells of a line without quotes, as strings, or `nil` when one is
  /// not valid UTF-8.
  private static func cells(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [String]? {
    var result: [String] = []
    var start = from
    var index = from
    while true {
      if index == to || bytes[index] == CSVTokenizer.comma {
        guard let cell = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        else { return nil }
        result.append(cell)
        if index == to { break }
        start = index + 1
      }
      index += 1
    }
    return result
  }

  /// The table's score storage handed to the worker threads; each writes
  /// only its own chunk's rows while `concurrentPerform` runs.
  private struct UnsafeSendableScores: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    init(_ base: UnsafeMutablePointer<Double>) { self.base = base }
  }
}
