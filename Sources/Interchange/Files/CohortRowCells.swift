/// What a cell holds when it is read straight from its bytes.
enum PlainCell {
  /// Nothing but spaces and tabs.
  case empty
  /// A decimal of ``DecimalParser``'s grammar between optional spaces and
  /// tabs, with the value ``DecimalParser/parse(_:)`` gives its text.
  case number(Double)
  /// Anything else: the reader reads the cell's text as usual.
  case other
}

/// The cells of one row as the cohort reader asks for them: a parsed
/// ``CSVTable/Record``, or the fast path's view of a plain line of bytes.
///
/// Whatever the cells, ``value(_:)`` and ``field(_:)`` give the record's
/// text and place, and ``plainDecimal(_:)`` is either ``PlainCell/other``
/// or what the cell's text means as a decimal, so a reader gives the same
/// result on both (tested).
protocol CohortRowCells {
  /// The 1-based line the row starts on.
  var line: Int { get }
  /// The cell's text, unquoted, not trimmed.
  func value(_ index: Int) -> String
  /// The cell with its place, for problem reports.
  func field(_ index: Int) -> CSVTable.Field
  /// The cell's 1-based column, as in ``field(_:)``, without its text.
  func column(_ index: Int) -> Int
  /// The cell's line and column, as in ``field(_:)``, without its text.
  func place(_ index: Int) -> (line: Int, column: Int)
  /// The cell read as a plain decimal when that is quick, else ``PlainCell/other``.
  func plainDecimal(_ index: Int) -> PlainCell
  /// The cell's text cleaned by ``CellText/clean(_:)``.
  func cleanValue(_ index: Int) -> String
  /// The two words of the `String` value ``cleanValue(_:)`` gives (its
  /// ``ShortASCIIText/valueBits(_:count:)``) when that text is 1 to 15
  /// ASCII bytes made straight from the cell's bytes, else `nil` (then
  /// ask ``cleanValue(_:)``): a key for ``IDTable/value(shortText:)``, read without
  /// making the text.
  func shortCleanKey(_ index: Int) -> (UInt64, UInt64)?
  /// Reads cells `first..<first + count` into `values` while each is empty
  /// (`empty` is written) or a native level that is quick to read (a
  /// ``plainDecimal(_:)`` number from 0 to 5, the same value), and returns
  /// how many it read: it stops at the first other cell, which the caller
  /// reads as usual. 0 when the cells have no such shortcut.
  func quickLevels(from first: Int, count: Int, into values: UnsafeMutablePointer<Double>, empty: Double) -> Int
}

extension CohortRowCells {
  func cleanValue(_ index: Int) -> String { CellText.clean(value(index)) }
  func shortCleanKey(_ index: Int) -> (UInt64, UInt64)? { nil }
  func quickLevels(from first: Int, count: Int, into values: UnsafeMutablePointer<Double>, empty: Double) -> Int {
    0
  }
}

extension CSVTable.Record: CohortRowCells {
  func value(_ index: Int) -> String { fields[index].value }
  func field(_ index: Int) -> CSVTable.Field { fields[index] }
  func column(_ index: Int) -> Int { fields[index].column }
  func place(_ index: Int) -> (line: Int, column: Int) { (fields[index].line, fields[index].column) }
  func plainDecimal(_ index: Int) -> PlainCell { .other }
}
