import CKernels
import Foundation

/// The cells of one plain line (no quotes, no carriage returns) of a CSV
/// file, read on its bytes: texts made on demand, decimals parsed in
/// place, columns counted as ``CSVTokenizer`` counts them.
///
/// The cell offsets live in a buffer of the header's field count (plus
/// two) that ``forEachRow(_:_:fields:firstLine:_:)`` allocates once per
/// chunk; a line with more cells only counts them (it is never read).
struct PlainLineCells: CohortRowCells {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of each cell's first byte, then one past the last cell's
  /// end plus one (the first `capacity` of them).
  let starts: UnsafeMutablePointer<Int>
  /// How many offsets `starts` holds at most.
  let capacity: Int
  /// The number of cells of the line.
  private(set) var count = 0
  /// The line's content.
  private(set) var lineRange = 0..<0
  /// Whether the line is all ASCII, so columns are byte offsets.
  private(set) var ascii = true
  /// ``ShortASCIIText/layoutHolds``, read once.
  let shortTexts = ShortASCIIText.layoutHolds
  private(set) var line = 0
  /// The runs of level cells ``splitWithRuns(_:line:tenths:)`` reads on the way
  /// (none for ``split(_:line:)``).
  let runs: LevelRuns
  /// Where ``splitWithRuns(_:line:tenths:)`` writes the values it reads in the
  /// runs: the first run's, then the second's (`nil` without runs).
  private(set) var runValues: UnsafeMutablePointer<Double>?
  /// How many cells of each run ``splitWithRuns(_:line:tenths:)`` read (from the first on).
  private(set) var quick = (0, 0)

  private init(
    bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeMutablePointer<Int>, capacity: Int, runs: LevelRuns = LevelRuns(),
    runValues: UnsafeMutablePointer<Double>? = nil
  ) {
    self.bytes = bytes
    self.starts = starts
    self.capacity = capacity
    self.runs = runs
    self.runValues = runValues
  }

  /// Splits the line `range` at its commas; `false` (the line is not
  /// plain) when it holds a quote or a carriage return.
  ///
  /// - Complexity: O(`range.count`).
  @inline(__always)
  mutating func split(_ range: Range<Int>, line: Int) -> Bool {
    self.line = line
    lineRange = range
    let base = bytes.baseAddress!
    let starts = self.starts
    let last = capacity - 1
    starts[0] = range.lowerBound
    var cells = 1
    var seen: UInt64 = 0
    var index = range.lowerBound
    let end = range.upperBound
    @inline(__always) func comma(_ at: Int) {
      if cells < last { starts[cells] = at + 1 }
      cells += 1
    }
    // Eight bytes at a time (little-endian: the lowest byte first). The high
    // bit of each byte of `zero(x)` is set exactly where that byte of `x` is
    // zero (no carries between bytes), so `zero(word ^ repeated(c))` marks
    // the bytes equal to `c`.
    let raw = UnsafeRawPointer(base)
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    @inline(__always) func zero(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
    while index + 8 <= end {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      seen |= word
      if zero(word ^ 0x2222_2222_2222_2222) | zero(word ^ 0x0D0D_0D0D_0D0D_0D0D) != 0 { return false }
      var mask = zero(word ^ 0x2C2C_2C2C_2C2C_2C2C)
      while mask != 0 {
        comma(index + mask.trailingZeroBitCount >> 3)
        mask &= mask &- 1
      }
      index += 8
    }
    while index < end {
      let byte = base[index]
      seen |= UInt64(byte)
      if byte == CSVTokenizer.comma {
        comma(index)
      } else if byte == CSVTokenizer.quote || byte == CSVTokenizer.carriageReturn {
        return false
      }
      index += 1
    }
    if cells < capacity { starts[cells] = end + 1 }
    count = cells
    ascii = seen & 0x8080_8080_8080_8080 == 0
    return true
  }

  /// ``split(_:line:)`` reading the cells of the level runs on the way.
  ///
  /// The cells of the level runs (``LevelRuns``) are read as levels on the
  /// way, in the same pass: while each is empty or the one- or three-byte
  /// form of a level from 0 to 5, the split steps from cell to cell on its
  /// bytes (they hold no comma, quote or carriage return) and keeps the
  /// value for ``quickLevels(from:count:into:empty:)``
  /// (``readRun(_:from:end:count:into:empty:tenths:starts:)``, `CKernels`' `mm_level_run`);
  /// the other cells' commas are found by `CKernels`' `mm_line_cells` (32
  /// bytes at a time with AVX2), up to the next run or the line's end. The
  /// cells, `ascii` and the refusal of a line with a quote or carriage
  /// return are those of ``split(_:line:)`` (`LevelRunsTests`).
  ///
  /// - Parameter tenths: ``LevelRuns/tenths()``: the value of `d.d` read
  ///   from that table at `dd` (the same double as `Double(dd) / 10`, without
  ///   a division per cell).
  /// - Complexity: O(`range.count`).
  @inline(__always)
  mutating func splitWithRuns(_ range: Range<Int>, line: Int, tenths: UnsafePointer<Double>) -> Bool {
    self.line = line
    lineRange = range
    let base = bytes.baseAddress!
    let starts = self.starts
    let last = capacity - 1
    starts[0] = range.lowerBound
    var cells = 1
    var seen: UInt64 = 0
    var index = range.lowerBound
    let end = range.upperBound
    let runs = self.runs
    let tables = tenths
    quick = (0, 0)
    // The next run to read, and the cell it starts at (Int.max: none left).
    var run = 0
    var target = runs.first.count > 0 ? runs.first.first : Int.max
    lineLoop: while true {
      if cells - 1 == target {
        // `index` starts the run's first cell.
        let (first, count, empty, offset) =
          run == 0
          ? (runs.first.first, runs.first.count, runs.first.empty, 0)
          : (runs.second.first, runs.second.count, runs.second.empty, runs.first.count)
        _ = first
        // The run's cells, read by `CKernels`' `mm_level_run` (not inlined).
        let read = Self.readRun(
          base, from: index, end: end, count: count, into: runValues! + offset, empty: empty, tenths: tables,
          starts: starts + cells)
        let k = read.read
        let finished = read.finished
        cells += read.finished ? k - 1 : k
        index = read.index
        if run == 0 { quick.0 = k } else { quick.1 = k }
        run += 1
        target = run == 1 && runs.second.count > 0 ? runs.second.first : Int.max
        if finished { break lineLoop }
        continue lineLoop
      }
      // The other cells, up to the next run's first cell or the end of the
      // line, by `CKernels`' `mm_line_cells` (32 bytes at a time with AVX2).
      // It answers in byte order, where the word loop it replaced checked a
      // whole word for quotes and carriage returns before its commas: the
      // line is refused either way (a byte after the run's first comma is
      // either in a level cell, which holds none, or scanned later), and
      // `ascii` covers the same bytes.
      let found = mm_line_cells(base, index, end, starts, cells, last, target)
      guard found.stop >= 0 else { return false }
      cells = found.cells
      index = found.index
      if found.ascii == 0 { seen |= 0x80 }
      if found.stop == 1 { continue lineLoop }
      break
    }
    if cells < capacity { starts[cells] = end + 1 }
    count = cells
    ascii = seen & 0x8080_8080_8080_8080 == 0
    return true
  }

  /// Whether every cell is empty (a line the careful path skips).
  var isBlank: Bool { lineRange.count == count - 1 }

  @inline(__always)
  private func start(_ index: Int) -> Int {
    precondition(index < count && index + 1 < capacity, "cell index out of range")
    return starts[index]
  }

  @inline(__always)
  private func end(_ index: Int) -> Int { starts[index + 1] - 1 }

  func value(_ index: Int) -> String {
    let start = start(index)
    let end = end(index)
    return ShortASCIIText.make(bytes.baseAddress!, start, end - start, layoutHolds: shortTexts)
      ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  func field(_ index: Int) -> CSVTable.Field {
    CSVTable.Field(value: value(index), line: line, column: column(index))
  }

  func place(_ index: Int) -> (line: Int, column: Int) { (line, column(index)) }

  /// The 1-based column of cell `index`, counted as ``CSVTokenizer`` counts
  /// it (in characters), without making the cell's text.
  ///
  /// - Complexity: O(1) on an ASCII line, else O(length of the line).
  @inline(__always)
  func column(_ index: Int) -> Int {
    let column = start(index) - lineRange.lowerBound + 1
    return ascii || index == 0 ? column : characterColumn(index, byteColumn: column)
  }

  /// ``column(_:)`` on a line that is not ASCII: the careful tokenizer's
  /// own count, on this line alone (`byteColumn` if it finds no such cell).
  ///
  /// - Complexity: O(length of the line).
  @inline(never)
  func characterColumn(_ index: Int, byteColumn: Int) -> Int {
    var column = byteColumn
    var tokenizer = CSVTokenizer(bytes: UnsafeBufferPointer(rebasing: bytes[lineRange]), file: "")
    tokenizer.run { fields, _, _ in if index < fields.count { column = fields[index].column } }
    return column
  }

  /// The bytes of cell `index` when they are exactly its text cleaned by
  /// ``CellText/clean(_:)`` (first and last byte visible ASCII, the first
  /// not an apostrophe), else `nil`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func cleanRange(_ index: Int) -> Range<Int>? {
    let start = start(index)
    let end = end(index)
    guard start < end else { return nil }
    let base = bytes.baseAddress!
    let first = base[start]
    let last = base[end - 1]
    guard first > 0x20, first < 0x7F, first != UInt8(ascii: "'"), last > 0x20, last < 0x7F else { return nil }
    return start..<end
  }

  /// Cell `index`'s text cleaned by ``CellText/clean(_:)``, made once from
  /// the bytes when they are already clean (an empty cell is `""`, as
  /// cleaning it gives, without making and cleaning a text).
  ///
  /// - Complexity: O(length of the cell).
  @inline(__always)  // (a call would copy the whole record, too big for registers)
  func cleanValue(_ index: Int) -> String {
    Self.cleanText(bytes.baseAddress!, start(index), end(index), shortTexts: shortTexts) ?? CellText.clean(value(index))
  }

  /// The text of the cell `base[start..<end]` when cleaning it by
  /// ``CellText/clean(_:)`` changes nothing (first and last byte visible
  /// ASCII, the first not an apostrophe; an empty cell is `""`), made once
  /// from the bytes; else `nil`.
  ///
  /// - Complexity: O(`end - start`).
  @inline(__always)
  static func cleanText(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, shortTexts: Bool) -> String? {
    if start == end { return "" }
    guard start < end else { return nil }
    let first = base[start]
    let last = base[end - 1]
    guard first > 0x20, first < 0x7F, first != UInt8(ascii: "'"), last > 0x20, last < 0x7F else { return nil }
    return ShortASCIIText.make(base, start, end - start, layoutHolds: shortTexts)
      ?? String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
  }

  /// Cells `first..<first + count` read as levels while each is empty or
  /// the one- or three-byte form of a level from 0 to 5 (`4`, `2.5`: the
  /// values ``plainDecimal(_:)`` gives them): the values ``split(_:line:)``
  /// read when the cells are one of its ``LevelRuns`` (with the same
  /// `empty`), else in one loop over the cell offsets; see
  /// ``CohortRowCells/quickLevels(from:count:into:empty:)``.
  ///
  /// - Complexity: O(`count`).
  @inline(__always)
  func quickLevels(from first: Int, count: Int, into values: UnsafeMutablePointer<Double>, empty: Double) -> Int {
    withUnsafePointer(to: self) { Self.quickLevels($0, from: first, count: count, into: values, empty: empty) }
  }

  /// Cell `index` as a plain decimal: the one- and three-byte forms of
  /// levels (`4`, `2.5`) read on the spot (their value, `d` or `dd / 10`,
  /// is one correctly rounded operation, as in ``DecimalParser/parseFast(bytes:)``),
  /// anything else by ``WellFormedCSV/plainDecimal(_:_:_:)``.
  ///
  /// - Complexity: O(length of the cell).
  @inline(__always)
  func plainDecimal(_ index: Int) -> PlainCell {
    Self.plainDecimal(bytes.baseAddress!, start(index), end(index))
  }

  /// ``plainDecimal(_:)`` of the cell `base[start..<end]`.
  ///
  /// - Complexity: O(`end - start`).
  @inline(__always)
  static func plainDecimal(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> PlainCell {
    if end == start { return .empty }
    if let value = shortDecimal(base, start, end - start) { return .number(value) }
    return WellFormedCSV.plainDecimal(base, start, end)
  }

  /// The value of the one- or three-byte form of a level at `base[start...]`
  /// (`d` or `d.d`: `d` or `dd / 10`, one correctly rounded operation), or
  /// `nil` for any other cell of `length` bytes.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func shortDecimal(_ base: UnsafePointer<UInt8>, _ start: Int, _ length: Int) -> Double? {
    switch length {
    case 1:
      let digit = base[start] &- UInt8(ascii: "0")
      return digit < 10 ? Double(digit) : nil
    case 3:
      let whole = base[start] &- UInt8(ascii: "0")
      let tenth = base[start + 2] &- UInt8(ascii: "0")
      guard whole < 10 && tenth < 10 && base[start + 1] == UInt8(ascii: ".") else { return nil }
      return Double(Int(whole) * 10 + Int(tenth)) / 10
    default: return nil
    }
  }
}

extension PlainLineCells {
  /// Hands `row` the cells of each non-blank line of `bytes[range]` (whole
  /// lines, numbered from `firstLine`), in order.
  ///
  /// - Parameters:
  ///   - fields: The header's field count, which every row must have.
  ///   - firstLine: The number of the range's first line (1 by default).
  ///   - row: Reads one row; returns `false` when the row is not plain.
  /// - Returns: The number of lines, or `nil` when a line holds a quote, a
  ///   lone carriage return or a leading U+FEFF, has another field count,
  ///   or `row` returned `false`.
  /// - Complexity: O(`range.count`) plus the work of `row`.
  static func forEachRow(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fields: Int, firstLine: Int = 1,
    _ row: (PlainLineCells) -> Bool
  ) -> Int? {
    let capacity = fields + 2
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    defer { starts.deallocate() }
    var cells = PlainLineCells(bytes: bytes, starts: starts, capacity: capacity)
    var index = range.lowerBound
    var line = firstLine - 1
    let base = bytes.baseAddress!
    let limit = range.upperBound
    while index < limit {
      // The line feed by `memchr`; quotes and carriage returns (but one right
      // before the line feed) are found while the line is split.
      var contentEnd = limit
      if let hit = memchr(base + index, Int32(CSVTokenizer.lineFeed), limit - index) {
        contentEnd = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      }
      let next = contentEnd < limit ? contentEnd + 1 : limit
      if contentEnd < limit && contentEnd > index && base[contentEnd - 1] == CSVTokenizer.carriageReturn {
        contentEnd -= 1
      }
      line += 1
      // A row starting with U+FEFF: the careful path counts its columns.
      if contentEnd - index >= 3 && base[index] == 0xEF && base[index + 1] == 0xBB && base[index + 2] == 0xBF {
        return nil
      }
      guard cells.split(index..<contentEnd, line: line) else { return nil }
      index = next
      if cells.isBlank { continue }
      guard cells.count == fields, row(cells) else { return nil }
    }
    return line - firstLine + 1
  }

  /// ``forEachRow(_:_:fields:firstLine:_:)`` with each line split by
  /// ``splitWithRuns(_:line:tenths:)``, which reads the cells of `runs` as levels
  /// on the way (a cohort file's `level:` and `goal:` runs); the rows, the
  /// cells and the values read are the same (tested). A separate loop, so
  /// that the other readers keep the plain split (inlined in their own
  /// loops as before).
  ///
  /// - Parameters:
  ///   - runs: The runs of level cells each line's split reads on the way.
  ///   - runDestination: Where each line's split writes the levels of the
  ///     runs (the first run's, then the second's), asked before each line;
  ///     `nil`: a buffer of the chunk's own. Room for both runs' cells, not
  ///     overlapping where ``quickLevels(from:count:into:empty:)`` is asked
  ///     to write but at the very same place.
  /// - Complexity: O(`range.count`) plus the work of `row`.
  @inline(__always)  // (in the cohort's chunk loop, with its `row`)
  static func forEachRow(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fields: Int, firstLine: Int, runs: LevelRuns,
    runDestination: () -> UnsafeMutablePointer<Double>?, _ row: (PlainLineCells) -> Bool
  ) -> Int? {
    let capacity = fields + 2
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    defer { starts.deallocate() }
    // (Runs past the header's cells are never reached: a line that long is not read.)
    let runs = runs.within(fields: fields)
    let ownValues = UnsafeMutablePointer<Double>.allocate(capacity: max(1, runs.first.count + runs.second.count))
    defer { ownValues.deallocate() }
    let tenths = LevelRuns.tenths()
    defer { tenths.deallocate() }
    var cells = PlainLineCells(bytes: bytes, starts: starts, capacity: capacity, runs: runs, runValues: ownValues)
    var index = range.lowerBound
    var line = firstLine - 1
    let base = bytes.baseAddress!
    let limit = range.upperBound
    while index < limit {
      var contentEnd = limit
      if let hit = memchr(base + index, Int32(CSVTokenizer.lineFeed), limit - index) {
        contentEnd = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      }
      let next = contentEnd < limit ? contentEnd + 1 : limit
      if contentEnd < limit && contentEnd > index && base[contentEnd - 1] == CSVTokenizer.carriageReturn {
        contentEnd -= 1
      }
      line += 1
      if contentEnd - index >= 3 && base[index] == 0xEF && base[index + 1] == 0xBB && base[index + 2] == 0xBF {
        return nil
      }
      cells.runValues = runDestination() ?? ownValues
      guard cells.splitWithRuns(index..<contentEnd, line: line, tenths: tenths) else { return nil }
      index = next
      if cells.isBlank { continue }
      guard cells.count == fields, row(cells) else { return nil }
    }
    return line - firstLine + 1
  }
}
