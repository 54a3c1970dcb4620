import CKernels

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
/// A row's bookkeeping (where its pairs are, whether and when it was ordered)
/// is one 16-byte ``Row`` record, so that a search reaching a row waits for
/// one cache line rather than one per array. The records and the entries live
/// in memory allocated once, when the order is made, and are read and written
/// through pointers: no per-row uniqueness check or retain (see
/// ``SparseRowOrderStorage``). So copies of an order **share** its records
/// and entries; the solver keeps one order for its single-row phases and drops
/// it after them.
///
/// Invariants: `rows[i].start == rowStart[i]` and `rows[i].end ==
/// rowStart[i + 1]`; for every row `i` with `rows[i].orderedIn >= 0`, the
/// entries at positions `rowStart[i]..<rowStart[i + 1]` hold a permutation of
/// the row's listed pairs with non-decreasing `key` (ties by pair), `column ==
/// columnIndex[pair]` and `cost == solver cost[pair]`; the entries of a row
/// never ordered are not initialised and never read.
///
/// - Complexity: O(`k log k`) per ordering of a row of `k` pairs; O(`pairs`)
///   memory (24 bytes per listed pair, mapped as rows are ordered) and 16
///   bytes per row.
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

  /// One row's bookkeeping, side by side (16 bytes; pair positions fit in 32
  /// bits).
  struct Row {
    /// The row's first listed pair (`rowStart[i]`).
    var start: Int32
    /// One past the row's last listed pair (`rowStart[i + 1]`).
    var end: Int32
    /// The epoch in which the row was last ordered (-1: never).
    var orderedIn: Int32
    /// Whether the row was read in full once (the first reach of a row).
    var readOnce: Bool
  }

  /// What a search needs to read a row (see ``prepareRead(row:_:cost:v:)``).
  struct Read {
    /// The row's positions, `rowStart[i]..<rowStart[i + 1]`.
    var start: Int
    var end: Int
    /// Whether the positions hold the row's order (else its listed pairs).
    var ordered: Bool
    /// Whether the row was ordered by this call.
    var orderedNow: Bool
  }

  /// Owns `rows` and `entries` (freed with the last copy of this order).
  private let storage: SparseRowOrderStorage
  /// Each row's record (`rows` of them).
  let rows: UnsafeMutablePointer<Row>
  /// The entry at each position (`pairs` of them; see the invariants).
  let entries: UnsafeMutablePointer<Entry>
  /// Room for one packed word per pair of the longest row
  /// (``orderPacked(start:end:_:cost:v:)``).
  private let words: UnsafeMutablePointer<UInt64>
  /// The current epoch.
  var epoch: Int32 = 0
  private var scratch: [(key: Double, pair: Int)] = []

  /// No row of `problem` ordered yet.
  ///
  /// - Complexity: O(rows); the entries are allocated, not written.
  init(_ problem: SparseAssignmentProblem) {
    precondition(problem.pairCount <= Int(Int32.max), "Pair indices fit in 32 bits")
    var longest = 0
    for i in 0..<problem.rows { longest = max(longest, problem.rowStart[i + 1] - problem.rowStart[i]) }
    storage = SparseRowOrderStorage(rows: problem.rows, pairs: problem.pairCount, longestRow: longest)
    rows = storage.rows
    entries = storage.entries
    words = storage.words
    problem.rowStart.withUnsafeBufferPointer { rowStart in
      for i in 0..<problem.rows {
        (rows + i).initialize(
          to: Row(start: Int32(rowStart[i]), end: Int32(rowStart[i + 1]), orderedIn: -1, readOnce: false))
      }
    }
  }

  /// Readies row `i` for a search's read, from its one record: orders its
  /// pairs when due — on its second reach (the first only marks it read
  /// once) or on a reach in a later epoch than its last ordering — and
  /// returns its positions and whether they are in order.
  ///
  /// - Complexity: O(`k log k`) for the row's `k` pairs when it orders, else O(1).
  @inline(__always)
  mutating func prepareRead(row i: Int, _ problem: SparseAssignmentProblem, cost: [Double], v: [Double]) -> Read {
    let row = rows[i]
    let start = Int(row.start)
    let end = Int(row.end)
    guard row.orderedIn >= 0 && row.orderedIn < epoch || row.readOnce else {
      if row.orderedIn < 0 {
        rows[i].readOnce = true
        return Read(start: start, end: end, ordered: false, orderedNow: false)
      }
      return Read(start: start, end: end, ordered: true, orderedNow: false)
    }
    order(row: i, problem, cost: cost, v: v)
    return Read(start: start, end: end, ordered: true, orderedNow: true)
  }

  /// Whether row `i`'s pairs are in order (it was ordered in some epoch).
  ///
  /// - Complexity: O(1).
  func isOrdered(row i: Int) -> Bool { rows[i].orderedIn >= 0 }

  /// Orders row `i`'s pairs by `cost − v[column]` (ties by pair index, so the
  /// order is deterministic), in the current epoch.
  ///
  /// - Complexity: O(`k log k`) for the row's `k` pairs.
  mutating func order(row i: Int, _ problem: SparseAssignmentProblem, cost allCosts: [Double], v: [Double]) {
    let start = problem.rowStart[i]
    let end = problem.rowStart[i + 1]
    if !orderPacked(start: start, end: end, problem, cost: allCosts, v: v) {
      scratch.removeAll(keepingCapacity: true)
      for p in start..<end { scratch.append((allCosts[p] - v[Int(problem.columnIndex[p])], p)) }
      scratch.sort { $0.key < $1.key || ($0.key == $1.key && $0.pair < $1.pair) }
      for (offset, entry) in scratch.enumerated() {
        (entries + start + offset).initialize(
          to: Entry(
            key: entry.key, cost: allCosts[entry.pair], column: problem.columnIndex[entry.pair],
            pair: Int32(entry.pair)))
      }
    }
    rows[i].orderedIn = epoch
    rows[i].readOnce = false
  }

  /// Orders positions `start..<end` as ``order(row:_:cost:v:)`` does, by
  /// sorting one 64-bit word per pair: the key (a whole number of units) in
  /// the high bits and the pair's offset in the row in the low bits, so that
  /// word order is key order with ties by pair. Returns `false`, having
  /// written nothing, when some key is not a whole number in `[0, 2^(64 −
  /// b))` for the `b` bits an offset takes (never for the solver's costs and
  /// duals, which are whole units below `2^52` with `v <= 0`, but checked,
  /// not assumed).
  ///
  /// - Complexity: O(`k log k`) for the row's `k` pairs.
  mutating func orderPacked(
    start: Int, end: Int, _ problem: SparseAssignmentProblem, cost allCosts: [Double], v: [Double]
  ) -> Bool {
    let count = end - start
    guard count > 1 else {
      if count == 1 {
        let column = problem.columnIndex[start]
        (entries + start).initialize(
          to: Entry(key: allCosts[start] - v[Int(column)], cost: allCosts[start], column: column, pair: Int32(start)))
      }
      return true
    }
    let shift = Int.bitWidth - (count - 1).leadingZeroBitCount
    let bound = Double(sign: .plus, exponent: 64 - shift, significand: 1)
    let mask = (UInt64(1) << UInt64(shift)) - 1
    // Through pointers (one bounds check per array, not per pair), and with
    // signed conversions, one instruction each (a key below `bound <= 2^63` is
    // whole exactly when converting it to `Int64` and back gives it again).
    let whole = allCosts.withUnsafeBufferPointer { allCosts in
      v.withUnsafeBufferPointer { v in
        problem.columnIndex.withUnsafeBufferPointer { columnIndex in
          for p in start..<end {
            let key = allCosts[p] - v[Int(columnIndex[p])]
            guard key >= 0 && key < bound else { return false }
            let units = Int64(key)
            guard Double(units) == key else { return false }
            words[p - start] = UInt64(units) << UInt64(shift) | UInt64(p - start)
          }
          var packed = UnsafeMutableBufferPointer(start: words, count: count)
          packed.sort()
          for offset in 0..<count {
            let word = words[offset]
            let pair = start + Int(word & mask)
            (entries + start + offset).initialize(
              to: Entry(
                key: Double(Int64(bitPattern: word >> UInt64(shift))), cost: allCosts[pair],
                column: columnIndex[pair], pair: Int32(pair)))
          }
          return true
        }
      }
    }
    return whole
  }
}

/// The memory of a ``SparseRowOrder``: its row records and its entries,
/// allocated once and freed when the last order sharing them goes.
///
/// The entries are not initialised (they are trivial values, each written
/// before it is read); from ``Array/hugePageMinimumBytes`` on they are aligned
/// to 2 MiB and advised for huge pages before first written, as
/// `Array+HugePages.swift` does for arrays, since the searches read them at
/// random.
final class SparseRowOrderStorage {
  let rows: UnsafeMutablePointer<SparseRowOrder.Row>
  let entries: UnsafeMutablePointer<SparseRowOrder.Entry>
  let words: UnsafeMutablePointer<UInt64>

  /// Room for `rows` records, `pairs` entries and `longestRow` packed words,
  /// none initialised.
  ///
  /// - Complexity: O(1) (the pages are mapped as they are first written).
  init(rows: Int, pairs: Int, longestRow: Int) {
    self.rows = .allocate(capacity: max(rows, 1))
    words = .allocate(capacity: max(longestRow, 1))
    let bytes = max(pairs, 1) * MemoryLayout<SparseRowOrder.Entry>.stride
    let huge = bytes >= [SparseRowOrder.Entry].hugePageMinimumBytes
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: bytes, alignment: huge ? 2 << 20 : MemoryLayout<SparseRowOrder.Entry>.alignment)
    if huge { mm_advise_huge_pages(raw, bytes) }
    entries = raw.bindMemory(to: SparseRowOrder.Entry.self, capacity: max(pairs, 1))
  }

  deinit {
    rows.deallocate()
    entries.deallocate()
    words.deallocate()
  }
}
