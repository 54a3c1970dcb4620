/// The cells of one plain line (no quotes, no carriage returns) of a CSV
/// file, read on its bytes: texts made on demand, decimals parsed in
/// place, columns counted as ``CSVTokenizer`` counts them.
struct PlainLineCells: CohortRowCells {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of each cell's first byte, then one past the last cell's end plus one.
  private var starts: [Int] = []
  /// The line's content.
  private var lineRange = 0..<0
  /// Whether the line is all ASCII, so columns are byte offsets.
  private var ascii = true
  private(set) var line = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Splits the line `range` at its commas.
  mutating func split(_ range: Range<Int>, line: Int) {
    self.line = line
    lineRange = range
    starts.removeAll(keepingCapacity: true)
    starts.append(range.lowerBound)
    let base = bytes.baseAddress!
    var seen: UInt8 = 0
    for index in range {
      let byte = base[index]
      seen |= byte
      if byte == CSVTokenizer.comma { starts.append(index + 1) }
    }
    starts.append(range.upperBound + 1)
    ascii = seen < 0x80
  }

  /// The number of cells.
  var count: Int { starts.count - 1 }

  /// Whether every cell is empty (a line the careful path skips).
  var isBlank: Bool { lineRange.count == count - 1 }

  private func end(_ index: Int) -> Int { starts[index + 1] - 1 }

  func value(_ index: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[starts[index]..<end(index)]), as: UTF8.self)
  }

  func field(_ index: Int) -> CSVTable.Field {
    CSVTable.Field(value: value(index), line: line, column: column(index))
  }

  /// The 1-based column of cell `index`, counted as ``CSVTokenizer`` counts
  /// it (in characters), without making the cell's text.
  ///
  /// - Complexity: O(1) on an ASCII line, else O(length of the line).
  func column(_ index: Int) -> Int {
    var column = starts[index] - lineRange.lowerBound + 1
    if !ascii && index > 0 {
      // The careful tokenizer's own count, on this line alone.
      var tokenizer = CSVTokenizer(bytes: UnsafeBufferPointer(rebasing: bytes[lineRange]), file: "")
      tokenizer.run { fields, _, _ in if index < fields.count { column = fields[index].column } }
    }
    return column
  }

  /// The bytes of cell `index` when they are exactly its text cleaned by
  /// ``CellText/clean(_:)`` (first and last byte visible ASCII, the first
  /// not an apostrophe), else `nil`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func cleanRange(_ index: Int) -> Range<Int>? {
    let start = starts[index]
    let end = end(index)
    guard start < end else { return nil }
    let base = bytes.baseAddress!
    let first = base[start]
    let last = base[end - 1]
    guard first > 0x20, first < 0x7F, first != UInt8(ascii: "'"), last > 0x20, last < 0x7F else { return nil }
    return start..<end
  }

  func plainDecimal(_ index: Int) -> PlainCell {
    WellFormedCSV.plainDecimal(bytes.baseAddress!, starts[index], end(index))
  }
}

extension PlainLineCells {
  /// Hands `row` the cells of each non-blank line of `bytes[range]` (whole
  /// lines, numbered from 1 within the range), in order.
  ///
  /// - Parameters:
  ///   - fields: The header's field count, which every row must have.
  ///   - row: Reads one row; returns `false` when the row is not plain.
  /// - Returns: The number of lines, or `nil` when a line holds a quote, a
  ///   lone carriage return or a leading U+FEFF, has another field count,
  ///   or `row` returned `false`.
  /// - Complexity: O(`range.count`) plus the work of `row`.
  static func forEachRow(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fields: Int, _ row: (PlainLineCells) -> Bool
  ) -> Int? {
    var cells = PlainLineCells(bytes: bytes)
    var index = range.lowerBound
    var line = 0
    while index < range.upperBound {
      guard let end = WellFormedCSV.lineEnd(bytes, from: index, limit: range.upperBound) else { return nil }
      line += 1
      // A row starting with U+FEFF: the careful path counts its columns.
      if end.contentEnd - index >= 3 && bytes[index] == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF {
        return nil
      }
      cells.split(index..<end.contentEnd, line: line)
      index = end.next
      if cells.isBlank { continue }
      guard cells.count == fields, row(cells) else { return nil }
    }
    return line
  }
}
