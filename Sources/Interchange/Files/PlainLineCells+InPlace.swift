extension PlainLineCells {
  // The record read where it lies, through its address, for
  // ``BorrowedLineCells``: each reads the record's fields one by one. A
  // method called on `pointer.pointee` copies the whole 144-byte record
  // first (`memcpy`, about eight times per row of a cohort file), since the
  // compiler cannot tell that the memory stays unchanged during the call.
  // The answers are those of the methods of the same names (the same code
  // on the same fields: the readers' tests compare the fast path with the
  // careful path).

  /// The offset of cell `index`'s first byte in the record at `cells`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func start(_ cells: UnsafePointer<PlainLineCells>, _ index: Int) -> Int {
    precondition(index < cells.pointee.count && index + 1 < cells.pointee.capacity, "cell index out of range")
    return cells.pointee.starts[index]
  }

  /// ``cleanValue(_:)`` of the record at `cells`.
  ///
  /// - Complexity: O(length of the cell).
  @inline(__always)
  static func cleanValue(_ cells: UnsafePointer<PlainLineCells>, _ index: Int) -> String {
    let start = start(cells, index)
    let end = cells.pointee.starts[index + 1] - 1
    return cleanText(cells.pointee.bytes.baseAddress!, start, end, shortTexts: cells.pointee.shortTexts)
      ?? CellText.clean(cells.pointee.value(index))
  }

  /// ``CohortRowCells/shortCleanKey(_:)`` of the record at `cells`: the
  /// value bits of the text ``cleanText(_:_:_:shortTexts:)`` makes with
  /// ``ShortASCIIText/make(_:_:_:layoutHolds:)`` (a cell of 1 to 15 ASCII
  /// bytes whose first and last are visible, the first not an apostrophe),
  /// else `nil`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func shortCleanKey(_ cells: UnsafePointer<PlainLineCells>, _ index: Int) -> (UInt64, UInt64)? {
    let start = start(cells, index)
    let count = cells.pointee.starts[index + 1] - 1 - start
    guard count > 0 && count <= ShortASCIIText.capacity else { return nil }
    let base = cells.pointee.bytes.baseAddress!
    let first = base[start]
    let last = base[start + count - 1]
    guard first > 0x20, first < 0x7F, first != UInt8(ascii: "'"), last > 0x20, last < 0x7F,
      let words = ShortASCIIText.words(base, start, count, layoutHolds: cells.pointee.shortTexts)
    else { return nil }
    return ShortASCIIText.valueBits(words, count: count)
  }

  /// ``plainDecimal(_:)`` of the record at `cells`.
  ///
  /// - Complexity: O(length of the cell).
  @inline(__always)
  static func plainDecimal(_ cells: UnsafePointer<PlainLineCells>, _ index: Int) -> PlainCell {
    let start = start(cells, index)
    return plainDecimal(cells.pointee.bytes.baseAddress!, start, cells.pointee.starts[index + 1] - 1)
  }

  /// ``column(_:)`` of the record at `cells`.
  ///
  /// - Complexity: O(1) on an ASCII line, else O(length of the line).
  @inline(__always)
  static func column(_ cells: UnsafePointer<PlainLineCells>, _ index: Int) -> Int {
    let column = start(cells, index) - cells.pointee.lineRange.lowerBound + 1
    return cells.pointee.ascii || index == 0 ? column : cells.pointee.characterColumn(index, byteColumn: column)
  }

  /// ``quickLevels(from:count:into:empty:)`` of the record at `cells`.
  ///
  /// - Complexity: O(`count`).
  @inline(__always)
  static func quickLevels(
    _ cells: UnsafePointer<PlainLineCells>, from first: Int, count: Int, into values: UnsafeMutablePointer<Double>,
    empty: Double
  ) -> Int {
    precondition(
      first >= 0 && first + count <= cells.pointee.count && first + count < cells.pointee.capacity,
      "cells out of range")
    // (Nothing to copy when the split wrote them where they are asked for.)
    let runs = cells.pointee.runs
    if runs.first.matches(first: first, count: count, empty: empty) {
      let read = cells.pointee.quick.0
      let source = cells.pointee.runValues!
      if values != source { values.update(from: source, count: read) }
      return read
    }
    if runs.second.matches(first: first, count: count, empty: empty) {
      let read = cells.pointee.quick.1
      let source = cells.pointee.runValues! + runs.first.count
      if values != source { values.update(from: source, count: read) }
      return read
    }
    let base = cells.pointee.bytes.baseAddress!
    let starts = cells.pointee.starts + first
    for k in 0..<count {
      let start = starts[k]
      let length = starts[k + 1] - 1 - start
      if length == 0 {
        values[k] = empty
        continue
      }
      guard let level = shortDecimal(base, start, length), level <= 5 else { return k }
      values[k] = level
    }
    return count
  }
}
