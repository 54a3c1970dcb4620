/// One row's best `k` keys at a time, for the pruning pass: the same entries,
/// in the same order, as a ``TopLists`` list of capacity `k` offered the
/// row's keys with their ``TopOrder/spread(_:row:columns:)`` indices, found
/// without a heap.
///
/// The caller offers a row's keys in increasing spread order (so a later key
/// loses every tie), each only when it is above ``threshold`` — a register
/// comparison that most keys fail. Accepted keys are appended to a buffer of
/// `bufferCapacity` entries; when it is full, a selection (quickselect on the
/// keys, then one stable filter) keeps the best `k` and raises the threshold
/// to the `k`-th best key. A key equal to the threshold is rejected: the `k`
/// kept keys at or above it were offered earlier, so they win the tie.
/// ``finish()`` leaves the best `min(k, offered)` entries, best first.
///
/// Invariants: between offers, the best `k` keys offered so far for the row
/// are among the buffer's `count` entries, which are in offer order; every
/// key offered and not buffered is at or below ``threshold`` with `k`
/// buffered keys at or above it, offered earlier.
///
/// A reference type so the pass's inner loop touches raw storage without
/// copy-on-write checks; each instance belongs to one thread.
final class RowSelection {
  /// How many entries a row keeps.
  let k: Int
  /// The buffer's size: `k` plus room for a run of accepted keys.
  let bufferCapacity: Int
  /// The buffered keys and their columns, in offer order.
  let keys: UnsafeMutablePointer<Double>
  let columns: UnsafeMutablePointer<Int>
  /// Scratch for the selection.
  private let scratch: UnsafeMutablePointer<Double>
  /// Scratch for the caller: up to one column index per column of the row
  /// (the pruning pass's columns whose offers its walk could not rule out).
  let columnScratch: UnsafeMutablePointer<Int>
  /// The number of buffered entries.
  private(set) var count = 0
  /// Keys at or below this are not kept (`-∞` until the buffer first fills;
  /// `+∞` when `k == 0`).
  private(set) var threshold = -Double.infinity

  /// An empty selection of the best `k` keys, with a scratch row of `rowLength` values.
  ///
  /// - Complexity: O(`k + rowLength`).
  init(k: Int, rowLength: Int = 0) {
    precondition(k >= 0, "Negative list size")
    self.k = k
    bufferCapacity = 2 * k + 64
    keys = .allocate(capacity: bufferCapacity)
    columns = .allocate(capacity: bufferCapacity)
    scratch = .allocate(capacity: bufferCapacity)
    columnScratch = .allocate(capacity: max(rowLength, 1))
    reset()
  }

  deinit {
    keys.deallocate()
    columns.deallocate()
    scratch.deallocate()
    columnScratch.deallocate()
  }

  /// Starts a new row.
  @inline(__always)
  func reset() {
    count = 0
    threshold = k == 0 ? .infinity : -.infinity
  }

  /// Appends a key above ``threshold`` (the caller tested it) and returns the
  /// threshold in force after it.
  ///
  /// - Complexity: amortised O(1): a selection of O(`bufferCapacity`) every
  ///   `bufferCapacity − k` appends at most.
  @inline(__always)
  func append(key: Double, column: Int) -> Double {
    assert(key > threshold, "Offered key \(key) not above the threshold \(threshold)")
    keys[count] = key
    columns[count] = column
    count += 1
    if count == bufferCapacity { keepBest() }
    return threshold
  }

  /// Takes the entries a walk in C (`mm_prune_row`) appended to ``keys``
  /// and ``columns`` — each above the threshold in force, the buffer holding
  /// `newCount` entries now, at most full — as ``append(key:column:)`` would
  /// have, and returns the threshold in force after them.
  ///
  /// - Complexity: that of the selection when the buffer is full, else O(1).
  @inline(__always)
  func appended(count newCount: Int) -> Double {
    precondition(newCount >= count && newCount <= bufferCapacity, "Appended \(newCount) of \(bufferCapacity)")
    count = newCount
    if count == bufferCapacity { keepBest() }
    return threshold
  }

  /// Keeps the best `k` buffered entries (larger keys, then earlier offers),
  /// in offer order, and raises ``threshold`` to the `k`-th best key.
  ///
  /// - Complexity: O(`count`) expected.
  private func keepBest() {
    guard count > k else { return }
    for t in 0..<count { scratch[t] = keys[t] }
    let kth = Self.select(scratch, count: count, rank: k - 1)
    var above = 0
    for t in 0..<count where keys[t] > kth { above += 1 }
    var ties = k - above
    var kept = 0
    for t in 0..<count {
      let key = keys[t]
      if key > kth || (key == kth && ties > 0) {
        if key == kth { ties -= 1 }
        keys[kept] = key
        columns[kept] = columns[t]
        kept += 1
      }
    }
    assert(kept == k, "Selection kept \(kept) of \(k)")
    count = kept
    threshold = kth
  }

  /// Ends the row: the buffer holds its best `min(k, offered)` entries, best
  /// first (larger key, then earlier offer).
  ///
  /// - Complexity: O(`bufferCapacity`) expected, plus sorting the kept `k`
  ///   (insertion sort up to 64 entries, else O(`k log k`)).
  func finish() {
    keepBest()
    if count <= 64 {
      // Insertion sort: stable, so equal keys stay in offer order.
      for t in 1..<max(count, 1) {
        let key = keys[t]
        let column = columns[t]
        var u = t
        while u > 0 && keys[u - 1] < key {
          keys[u] = keys[u - 1]
          columns[u] = columns[u - 1]
          u -= 1
        }
        keys[u] = key
        columns[u] = column
      }
    } else {
      let order = (0..<count).sorted { a, b in keys[a] > keys[b] || (keys[a] == keys[b] && a < b) }
      let sortedKeys = order.map { keys[$0] }
      let sortedColumns = order.map { columns[$0] }
      for t in 0..<count {
        keys[t] = sortedKeys[t]
        columns[t] = sortedColumns[t]
      }
    }
  }

  /// The key of rank `rank` (0 for the largest) among `values[0..<count]`
  /// (no NaN), reordering them: Hoare's selection with a median-of-three pivot.
  ///
  /// - Complexity: O(`count`) expected.
  static func select(_ values: UnsafeMutablePointer<Double>, count: Int, rank: Int) -> Double {
    precondition(rank >= 0 && rank < count, "Rank \(rank) outside 0..<\(count)")
    var lo = 0
    var hi = count - 1
    while hi > lo {
      // Median of three, in descending order, as the pivot.
      let mid = lo + (hi - lo) / 2
      if values[mid] > values[lo] { (values[mid], values[lo]) = (values[lo], values[mid]) }
      if values[hi] > values[lo] { (values[hi], values[lo]) = (values[lo], values[hi]) }
      if values[hi] > values[mid] { (values[hi], values[mid]) = (values[mid], values[hi]) }
      let pivot = values[mid]
      var a = lo
      var b = hi
      while a <= b {
        while values[a] > pivot { a += 1 }
        while values[b] < pivot { b -= 1 }
        if a <= b {
          (values[a], values[b]) = (values[b], values[a])
          a += 1
          b -= 1
        }
      }
      // Now values[lo...b] >= pivot, values[a...hi] <= pivot, and any between equal it.
      if rank <= b {
        hi = b
      } else if rank >= a {
        lo = a
      } else {
        return values[rank]
      }
    }
    return values[rank]
  }
}
