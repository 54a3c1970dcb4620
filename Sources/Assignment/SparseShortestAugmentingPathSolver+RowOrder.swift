/// Each row's listed pairs in the order of a lower bound on their reduced
/// cost, so that a forward search stops reading a row once no further pair
/// can beat the search's bound (``SparseShortestAugmentingPathSolver``,
/// ``SparseShortestAugmentingPathSolver/relax(row:at:limit:)``).
///
/// The key of pair `(i, k)` is `c(i, k) − v[k]` with the column duals of the
/// moment the row is ordered. Forward phases (single-row and blocking) only
/// ever lower column duals (they raise the prices of settled columns), so until
/// the backward phases the current `c − v[k]` is at least the key: a pair
/// reached from row `i` at distance `base` gives a column a tentative distance
/// `base − u[i] + c − v[k] >= base − u[i] + key`. Once that bound exceeds the
/// search's *limit* — the shorter of the unassigned options and the nearest
/// column with room found so far — no later pair of the row can end or lie on
/// the shortest path, and a column whose tentative distance exceeds the limit
/// is never settled (the search ends at the limit; the heap's order is total).
/// So the searches settle the same columns in the same order and find the same
/// paths and duals whether or not the rest of the row is read: the order saves
/// reads only.
///
/// Rows are ordered lazily: a row is read in full the first time a search
/// reaches it, ordered the second time (most rows are reached once or never),
/// and ordered again when it is reached in a later *epoch*, which the solver
/// starts after every `8 · pairs` reads, as rising prices loosen the keys.
///
/// Invariants: for every row `i` with `orderedIn[i] >= 0`, the entries at
/// positions `rowStart[i]..<rowStart[i + 1]` hold a permutation of the row's
/// listed pairs with non-decreasing `key`, `column == columnIndex[pair]` and
/// `cost == solver cost[pair]`.
///
/// - Complexity: O(`k log k`) per ordering of a row of `k` pairs; O(`pairs`)
///   memory (24 bytes per listed pair) once a row is ordered.
struct SparseRowOrder {
  /// One position of a row's order: the listed pair, its column, its
  /// whole-unit cost and the lower bound `c − v[k]` at the time of ordering,
  /// side by side so that a read touches one stream (24 bytes per position).
  struct Entry {
    var key: Double
    var cost: Double
    var column: Int32
    var pair: Int32
  }

  /// The entry at each position (allocated at the first ordering).
  var entries: [Entry] = []
  /// The epoch in which each row was last ordered (-1: never).
  var orderedIn: [Int32]
  /// Whether each row was read in full once (the first reach of a row).
  var readOnce: [Bool]
  /// The current epoch.
  var epoch: Int32 = 0
  private var scratch: [(key: Double, pair: Int)] = []

  /// No row ordered yet.
  init(rows: Int) {
    orderedIn = [Int32](repeating: -1, count: rows)
    readOnce = [Bool](repeating: false, count: rows)
  }

  /// Orders row `i`'s pairs when due: on its second reach (the first only
  /// marks it read once) or on a reach in a later epoch than its last
  /// ordering. Returns whether it ordered them now.
  ///
  /// - Complexity: O(`k log k`) for the row's `k` pairs when it orders, else O(1).
  mutating func orderIfDue(row i: Int, _ problem: SparseAssignmentProblem, cost: [Double], v: [Double]) -> Bool {
    guard orderedIn[i] >= 0 && orderedIn[i] < epoch || readOnce[i] else {
      if orderedIn[i] < 0 { readOnce[i] = true }
      return false
    }
    order(row: i, problem, cost: cost, v: v)
    readOnce[i] = false
    return true
  }

  /// Whether row `i`'s pairs are in order (it was ordered in some epoch).
  ///
  /// - Complexity: O(1).
  func isOrdered(row i: Int) -> Bool { orderedIn[i] >= 0 }

  /// Orders row `i`'s pairs by `cost − v[column]` (ties by pair index, so the
  /// order is deterministic).
  ///
  /// - Complexity: O(`k log k`) for the row's `k` pairs.
  mutating func order(row i: Int, _ problem: SparseAssignmentProblem, cost allCosts: [Double], v: [Double]) {
    if entries.isEmpty {
      precondition(problem.pairCount <= Int(Int32.max), "Pair indices fit in 32 bits")
      entries = [Entry](hugePagesRepeating: Entry(key: 0, cost: 0, column: 0, pair: 0), count: problem.pairCount)
    }
    let start = problem.rowStart[i]
    let end = problem.rowStart[i + 1]
    scratch.removeAll(keepingCapacity: true)
    for p in start..<end { scratch.append((allCosts[p] - v[Int(problem.columnIndex[p])], p)) }
    scratch.sort { $0.key < $1.key || ($0.key == $1.key && $0.pair < $1.pair) }
    for (offset, entry) in scratch.enumerated() {
      entries[start + offset] = Entry(
        key: entry.key, cost: allCosts[entry.pair], column: problem.columnIndex[entry.pair], pair: Int32(entry.pair))
    }
    orderedIn[i] = epoch
  }
}
