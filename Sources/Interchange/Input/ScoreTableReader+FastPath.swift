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
    guard let layout = FastLayout(bytes) else { return nil }
    return parseWellFormed(bytes, layout: layout)
  }

  /// ``parseWellFormed(_:)`` on a file whose header and chunks are known.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWellFormed(_ bytes: UnsafeBufferPointer<UInt8>, layout: FastLayout) -> ScoreTable? {
    guard let (menteeIDs, scores, _) = fill(bytes, layout: layout, cells: DecimalCells()) else { return nil }
    return ScoreTable(menteeIDs: menteeIDs, mentorIDs: layout.mentorIDs, scores: scores)
  }

  /// The header of a plainly well-formed score file and its data rows cut
  /// into line-aligned chunks, one per core for large files, with the most
  /// rows each chunk can hold.
  struct FastLayout {
    let mentorIDs: [String]
    /// The chunks' bounds (``WellFormedCSV/chunks(_:from:)``).
    let cuts: [Int]
    /// Per chunk, its lines: no chunk holds more rows.
    let rowLimits: [Int]
    /// Per chunk, the index of its first cell in the table if no line were blank.
    let starts: [Int]
    /// Where the first data line starts.
    let dataStart: Int

    /// The layout, or `nil` when the header is unusual (see ``parseWellFormed(_:)``).
    ///
    /// - Complexity: O(*n*) for *n* bytes (counting the lines, with `memchr`, over the available cores).
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      let count = bytes.count
      var index = 0
      if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
      // Empty lines before the header.
      while index < count, let end = WellFormedCSV.lineEnd(bytes, from: index, limit: count), end.contentEnd == index {
        index = end.next
      }
      guard index < count, let headerEnd = WellFormedCSV.lineEnd(bytes, from: index, limit: count) else { return nil }
      guard let header = ScoreTableReader.cells(bytes, from: index, to: headerEnd.contentEnd), header.count >= 1 else {
        return nil
      }
      guard CellText.trimmed(header[0]).lowercased() == "mentee" else { return nil }
      let mentorIDs = header.dropFirst().map(CellText.clean)
      guard !mentorIDs.contains(""), Set(mentorIDs).count == mentorIDs.count else { return nil }
      self.mentorIDs = mentorIDs
      dataStart = headerEnd.next
      // Line-aligned chunks of the data rows, one per core for large files.
      let cuts = WellFormedCSV.chunks(bytes, from: headerEnd.next)
      // Each chunk's rows go straight to their place in the table's one array:
      // a chunk holds at most as many rows as lines; blank lines leave gaps,
      // closed afterwards.
      // (counted on every core: the first read of the file's pages).
      let rowLimits = WellFormedCSV.map(bytes, chunks: cuts) { bytes, range in
        ScoreTableReader.lineCount(bytes, from: range.lowerBound, to: range.upperBound)
      }
      var offsets = [0]
      for limit in rowLimits { offsets.append(offsets[offsets.count - 1] + limit * mentorIDs.count) }
      self.cuts = cuts
      self.rowLimits = rowLimits
      starts = offsets
    }
  }

  /// How a fast parse reads a score cell: one kind of value per pair.
  protocol FastCells: Sendable {
    associatedtype Value
    /// The value of an empty cell (a forbidden pair).
    static var blank: Value { get }
    /// The value of a cell holding `text[0..<count]` (trimmed, not empty),
    /// or `nil` to leave the file to another parse.
    mutating func value(_ text: UnsafePointer<UInt8>, count: Int) -> Value?
    /// Whether ``packedDigits(_:)`` may read several cells at once (only for
    /// a one-byte `Value`).
    static var packsDigits: Bool { get }
    /// The values of the cells in the 8 bytes of `window` (little-endian)
    /// when they are four cells of one digit each (`d,d,d,d,`) or two of one
    /// digit and a zero fraction (`d.0,d.0,`), packed one byte each (the
    /// first cell's lowest), with the number of cells; or `nil` when the
    /// bytes are not of either shape or a value would not be the one
    /// ``value(_:count:)`` gives (the caller then reads the cells one by one).
    mutating func packedDigits(_ window: UInt64) -> (values: UInt32, cells: Int)?
  }

  /// Scores as doubles: every decimal of ``DecimalParser``'s grammar of
  /// magnitude at most ``AssignmentProblem/maximumScoreMagnitude``.
  struct DecimalCells: FastCells {
    static var blank: Double { .nan }
    static var packsDigits: Bool { false }
    func packedDigits(_ window: UInt64) -> (values: UInt32, cells: Int)? { nil }
    @inline(__always)
    func value(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
      if let whole = shortWholeNumber(text, count: count) { return whole }
      guard let value = DecimalParser.parseFast(bytes: UnsafeBufferPointer(start: text, count: count)),
        abs(value) <= AssignmentProblem.maximumScoreMagnitude
      else { return nil }
      return value
    }
  }

  /// Parses the data rows of `layout` chunk by chunk on every core, each
  /// row's values going to their place in one array, or returns `nil` as
  /// soon as a chunk finds anything unusual (a cell `cells` refuses
  /// included) or two mentee ids are equal.
  ///
  /// - Returns: The mentee ids, the row-major values, and each chunk's `cells` after its parse.
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func fill<Cells: FastCells>(_ bytes: UnsafeBufferPointer<UInt8>, layout: FastLayout, cells: Cells) -> (
    [String], [Cells.Value], [Cells]
  )? {
    let cuts = layout.cuts
    let workers = cuts.count - 1
    let columns = layout.mentorIDs.count
    let rowLimits = layout.rowLimits
    let starts = layout.starts
    var menteeIDs: [String] = []
    var parts: [Cells] = []
    var complete = true
    let values = [Cells.Value](unsafeUninitializedCapacity: max(1, starts[workers])) { buffer, initialized in
      let out = SharedPointer(buffer.baseAddress!)
      let results = WellFormedCSV.map(bytes, chunks: cuts) { bytes, range in
        // The chunk's place (equal cuts make empty chunks, which write nothing: any of them will do).
        let w = (0..<workers).last { cuts[$0] == range.lowerBound && cuts[$0 + 1] == range.upperBound }!
        var cells = cells
        let ids = parseRows(
          bytes, from: range.lowerBound, to: range.upperBound, columns: columns, into: out.base + starts[w],
          rowLimit: rowLimits[w], cells: &cells)
        return ids.map { (ids: $0, cells: cells) }
      }
      var written = 0
      for (w, chunk) in results.enumerated() {
        guard let chunk else {
          complete = false
          break
        }
        let count = chunk.ids.count * columns
        if written != starts[w] && count > 0 {
          (buffer.baseAddress! + written).moveInitialize(from: buffer.baseAddress! + starts[w], count: count)
        }
        written += count
        menteeIDs += chunk.ids
        parts.append(chunk.cells)
      }
      // On failure, the chunks written are left uninitialised: every Value here is trivial.
      initialized = complete ? written : 0
    }
    guard complete, Set(menteeIDs).count == menteeIDs.count else { return nil }
    return (menteeIDs, values, parts)
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
  /// values to `out[r · columns ..< (r + 1) · columns]`, and returns their
  /// mentee ids, or `nil` when any row is unusual (or there are more than
  /// `rowLimit`, which ``lineCount(_:from:to:)`` rules out).
  private static func parseRows<Cells: FastCells>(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, columns: Int, into out: UnsafeMutablePointer<Cells.Value>,
    rowLimit: Int, cells: inout Cells
  ) -> [String]? {
    var ids: [String] = []
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
      if id.isEmpty || ids.count == rowLimit { return nil }
      let row = out + ids.count * columns
      ids.append(id)
      // The scores.
      var fields = 0
      while cursor < lineEnd {
        if Cells.packsDigits {
          // Eight bytes of one-digit cells at a time (`d,d,d,d,` or
          // `d.0,d.0,` after the comma at `cursor`), while the line holds
          // them; any other shape goes on cell by cell below.
          while cursor + 9 <= lineEnd && fields + 4 <= columns,
            let packed = cells.packedDigits(
              UInt64(littleEndian: UnsafeRawPointer(base + cursor + 1).loadUnaligned(as: UInt64.self)))
          {
            // Four bytes stored, `packed.cells` of them values: the rest
            // is overwritten by the next cells (`fields + 4 <= columns`).
            UnsafeMutableRawPointer(row + fields).storeBytes(
              of: UInt32(littleEndian: packed.values), as: UInt32.self)
            fields += packed.cells
            cursor += 8
          }
        }
        cursor += 1  // the comma
        var start = cursor
        // The next comma, eight bytes at a time while eight remain on the
        // line (``ByteScan/equal(_:in:)``: its lowest flagged byte is the
        // first comma), then byte by byte.
        while lineEnd - cursor >= 8 {
          let word = UInt64(littleEndian: UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
          let commas = ByteScan.equal(CSVTokenizer.comma, in: word)
          if commas != 0 {
            cursor += commas.trailingZeroBitCount >> 3
            break
          }
          cursor += 8
        }
        while cursor < lineEnd && base[cursor] != CSVTokenizer.comma { cursor += 1 }
        var stop = cursor
        while start < stop && (base[start] == 0x20 || base[start] == 0x09) { start += 1 }
        while stop > start && (base[stop - 1] == 0x20 || base[stop - 1] == 0x09) { stop -= 1 }
        if fields == columns { return nil }
        fields += 1
        if start == stop {
          (row + fields - 1).initialize(to: Cells.blank)
          continue
        }
        guard let value = cells.value(base + start, count: stop - start) else { return nil }
        (row + fields - 1).initialize(to: value)
      }
      guard fields == columns else { return nil }
      index = end.next
    }
    return ids
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
    guard let (negative, magnitude) = signedDigits(text, count: count) else { return nil }
    let value = Double(magnitude)
    return negative ? -value : value
  }

  /// The sign and magnitude of a cell that is a whole number of at most 15
  /// digits, with an optional sign and an optional fraction of zeros, or
  /// `nil` for anything else: the one grammar of ``shortWholeNumber(_:count:)``
  /// and of the whole-number levels of `solve`'s reader.
  ///
  /// - Complexity: O(`count`).
  @inline(__always)
  static func signedDigits(_ text: UnsafePointer<UInt8>, count: Int) -> (negative: Bool, magnitude: Int)? {
    var k = 0
    var negative = false
    if count > 0 && (text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+")) {
      negative = text[0] == UInt8(ascii: "-")
      k = 1
    }
    let first = k
    var value = 0
    while k < count && k - first < 15 {
      let digit = text[k] &- UInt8(ascii: "0")
      if digit >= 10 { break }
      value = value &* 10 &+ Int(digit)
      k += 1
    }
    if k == first { return nil }
    if k < count {
      guard text[k] == UInt8(ascii: ".") else { return nil }
      k += 1
      while k < count && text[k] == UInt8(ascii: "0") { k += 1 }
      if k < count { return nil }
    }
    return (negative, value)
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
}
