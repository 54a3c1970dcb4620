/// The rows each column holds, in a fixed block of slots per column, and the
/// column of each row: the assignment state both shortest-augmenting-path
/// solvers share.
///
/// Invariants: column `j` holds `load[j] <= capacity` rows, in slots
/// `start[j] ..< start[j] + load[j]`; `columnOf[i] == j` exactly when row `i`
/// is in one of column `j`'s slots, and `-1` when it is in none.
struct ColumnSlots {
  /// How many rows each column holds.
  private(set) var load: [Int]
  /// The column of each row, or -1.
  private(set) var columnOf: [Int]
  private var slots: [Int]
  private let start: [Int]

  /// Empty slots for `rows` rows and columns of the given capacities (a
  /// column never needs more slots than there are rows).
  ///
  /// - Complexity: O(`rows + columns + Σ min(capacity, rows)`).
  init(rows: Int, capacities: [Int]) {
    var start = [Int](repeating: 0, count: capacities.count + 1)
    for (j, capacity) in capacities.enumerated() { start[j + 1] = start[j] + min(capacity, rows) }
    self.start = start
    slots = [Int](repeating: -1, count: start[capacities.count])
    load = [Int](repeating: 0, count: capacities.count)
    columnOf = [Int](repeating: -1, count: rows)
  }

  /// The rows column `j` holds.
  ///
  /// - Complexity: O(1) (the slice retains the slots: for loops that run
  ///   once per settled column, ``slots(of:)`` and ``row(at:)`` do not).
  @inline(__always)
  func rows(of j: Int) -> ArraySlice<Int> { slots[start[j]..<(start[j] + load[j])] }

  /// The slots of the rows column `j` holds: ``row(at:)`` of each is one of
  /// them. Read this way, a loop over a column's rows retains nothing (the
  /// slice of ``rows(of:)`` retained the slots once per column, in the first
  /// sparse solve once or twice per settled column).
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func slots(of j: Int) -> Range<Int> { start[j]..<(start[j] + load[j]) }

  /// The row in slot `s`, one of ``slots(of:)`` for some column.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func row(at s: Int) -> Int { slots[s] }

  /// Puts `row` (held by no column) into a free slot of `column`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  mutating func attach(row: Int, to column: Int) {
    precondition(start[column] + load[column] < start[column + 1], "Column \(column) has no free slot")
    slots[start[column] + load[column]] = row
    load[column] += 1
    columnOf[row] = column
  }

  /// Takes `row` out of `column`.
  ///
  /// - Complexity: O(load of the column).
  @inline(__always)
  mutating func detach(row: Int, from column: Int) {
    let first = start[column]
    let end = first + load[column]
    var k = first
    while slots[k] != row { k += 1 }
    slots[k] = slots[end - 1]
    slots[end - 1] = -1
    load[column] -= 1
    columnOf[row] = -1
  }
}
