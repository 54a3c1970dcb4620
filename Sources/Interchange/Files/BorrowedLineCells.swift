/// A ``PlainLineCells`` record read through its address: what the cohort
/// reader's fast path hands ``CohortFileParser/parseRow(_:problems:)``.
///
/// The record is 144 bytes, too big to pass in registers, so every call
/// on it that is not inlined, and every local function that captures it,
/// copied it (about 15 copies per row); this view is one pointer, and the
/// requirements read often (texts, decimals, columns, levels) read the
/// record's fields in place (``PlainLineCells`` `+InPlace`), since a
/// method called on `cells.pointee` copies the record first. Every answer
/// is the record's own, so the rows read are the same (the readers' tests
/// compare the fast path with the careful path).
///
/// The record must stay alive and unchanged while the view is used: it is
/// made for one call on one row (`withUnsafePointer(to:)`) and not kept.
struct BorrowedLineCells: CohortRowCells {
  /// The record read.
  let cells: UnsafePointer<PlainLineCells>

  var line: Int {
    @inline(__always) get { cells.pointee.line }
  }

  @inline(__always)
  func value(_ index: Int) -> String { cells.pointee.value(index) }

  @inline(__always)
  func field(_ index: Int) -> CSVTable.Field { cells.pointee.field(index) }

  @inline(__always)
  func column(_ index: Int) -> Int { PlainLineCells.column(cells, index) }

  @inline(__always)
  func place(_ index: Int) -> (line: Int, column: Int) { (cells.pointee.line, PlainLineCells.column(cells, index)) }

  @inline(__always)
  func plainDecimal(_ index: Int) -> PlainCell { PlainLineCells.plainDecimal(cells, index) }

  @inline(__always)
  func cleanValue(_ index: Int) -> String { PlainLineCells.cleanValue(cells, index) }

  @inline(__always)
  func shortCleanKey(_ index: Int) -> (UInt64, UInt64)? { PlainLineCells.shortCleanKey(cells, index) }

  @inline(__always)
  func quickLevels(from first: Int, count: Int, into values: UnsafeMutablePointer<Double>, empty: Double) -> Int {
    PlainLineCells.quickLevels(cells, from: first, count: count, into: values, empty: empty)
  }
}
