/// Up to two runs of consecutive cells that ``PlainLineCells`` reads as
/// levels while it splits a line (a cohort file's `level:` columns and its
/// `goal:` columns), so that the cells of a run are not looked at twice.
///
/// A run only says where to look: whatever the runs, the cells, their texts
/// and the levels read are those of a split without them (tested).
struct LevelRuns: Sendable {
  /// Cells `first..<first + count`, an empty one read as `empty`.
  struct Run: Sendable {
    /// The run's first cell.
    var first = 0
    /// The number of cells (0: no run).
    var count = 0
    /// The value of an empty cell (0 for a level, NaN for a missing goal).
    var empty = 0.0

    /// Whether the run is cells `first..<first + count` with that `empty`
    /// (bit for bit: NaN matches NaN).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func matches(first: Int, count: Int, empty: Double) -> Bool {
      self.count > 0 && self.first == first && self.count == count && self.empty.bitPattern == empty.bitPattern
    }
  }

  /// The run that starts first (or no run).
  private(set) var first = Run()
  /// The run after it (or no run).
  private(set) var second = Run()

  /// No runs.
  init() {}

  /// The runs given (at most two, those with cells), in the order of their
  /// first cells.
  ///
  /// - Complexity: O(1).
  init(_ runs: Run...) {
    let kept = runs.filter { $0.count > 0 && $0.first >= 0 }.sorted { $0.first < $1.first }
    precondition(kept.count <= 2, "at most two runs")
    if let run = kept.first { first = run }
    if kept.count == 2 { second = kept[1] }
  }

  /// The number of entries of ``tenths()``: `0.0` to `5.0` by tenths.
  static let tenthsCount = 51

  /// A new table of `Double(dd) / 10` at `dd` for `dd` in
  /// `0..<tenthsCount`: the values of `d.d` levels from 0 to 5, made by the
  /// very division ``PlainLineCells/shortDecimal(_:_:_:)`` makes (so the
  /// same doubles), once per chunk instead of once per cell. The caller
  /// deallocates it.
  ///
  /// - Complexity: O(``tenthsCount``).
  static func tenths() -> UnsafeMutablePointer<Double> {
    let table = UnsafeMutablePointer<Double>.allocate(capacity: tenthsCount)
    for dd in 0..<tenthsCount { table[dd] = Double(dd) / 10 }
    return table
  }

  /// The runs that lie within a line of `fields` cells.
  ///
  /// - Complexity: O(1).
  func within(fields: Int) -> LevelRuns {
    var runs = LevelRuns()
    let inside = [first, second].filter { $0.count > 0 && $0.first + $0.count <= fields }
    if let run = inside.first { runs.first = run }
    if inside.count == 2 { runs.second = inside[1] }
    return runs
  }
}
