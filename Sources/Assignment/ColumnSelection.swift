/// Many independent best-`p` lists for the pruning pass's columns: each list
/// keeps the `capacity` largest keys offered, ties to the smaller index
/// (``TopOrder``), with a payload — the same entries as a ``TopLists`` list
/// of that capacity offered the same keys, found without a heap.
///
/// A list is a buffer of `capacity + slack` entries (key, index and payload
/// side by side, so an accepted offer writes one cache line) and a floor: the
/// worst entry kept at the last selection. The caller tests an offer against
/// the floor first (``floorKey`` and ``floorIndex``, flat arrays that stay in
/// cache): most offers fail that test and touch nothing else. Accepted offers
/// are appended; a full buffer keeps its best `capacity` entries
/// (quickselect on the keys, the ties at the cut by index) and raises the floor.
///
/// Invariants: list `l`'s best `capacity(l)` entries offered so far are
/// among its `count[l]` buffered entries; an offer rejected by the floor
/// ranks below `capacity(l)` buffered entries. Indices are distinct within
/// a list (the caller's rotation of row indices is a bijection).
///
/// A reference type so the pass's inner loop touches raw storage without
/// copy-on-write checks; each instance belongs to one thread.
final class ColumnSelection {
  struct Entry {
    var key: Double
    var index: Int
    var payload: Double
  }

  private let start: UnsafeMutablePointer<Int>
  private let capacity: UnsafeMutablePointer<Int>
  private let count: UnsafeMutablePointer<Int>
  private let entries: UnsafeMutablePointer<Entry>
  /// The worst kept key and its index at each list's last selection: an
  /// offer `(key, index)` can enter only when `key > floorKey[l]`, or
  /// `key == floorKey[l]` and `index < floorIndex[l]`. `-∞` and `Int.max`
  /// until the list first fills; `+∞` for a list of capacity 0.
  let floorKey: UnsafeMutablePointer<Double>
  let floorIndex: UnsafeMutablePointer<Int>
  private var scratch: [Double] = []
  private var tiedIndices: [Int] = []
  /// The number of lists.
  let lists: Int

  /// Empty lists of the given capacities.
  ///
  /// - Complexity: O(`lists + Σ capacities`); memory about
  ///   `48 · Σ capacities` bytes (each buffer holds two lists and 16 entries more).
  init(capacities: [Int]) {
    lists = capacities.count
    start = .allocate(capacity: lists + 1)
    capacity = .allocate(capacity: max(lists, 1))
    count = .allocate(capacity: max(lists, 1))
    floorKey = .allocate(capacity: max(lists, 1))
    floorIndex = .allocate(capacity: max(lists, 1))
    start[0] = 0
    var largest = 0
    for (l, c) in capacities.enumerated() {
      precondition(c >= 0, "Negative capacity")
      let size = c == 0 ? 0 : 2 * c + 16
      largest = max(largest, size)
      start[l + 1] = start[l] + size
      capacity[l] = c
      count[l] = 0
      floorKey[l] = c == 0 ? .infinity : -.infinity
      floorIndex[l] = .max
    }
    entries = .allocate(capacity: max(start[lists], 1))
    scratch.reserveCapacity(largest)
    tiedIndices.reserveCapacity(largest)
  }

  deinit {
    start.deallocate()
    capacity.deallocate()
    count.deallocate()
    floorKey.deallocate()
    floorIndex.deallocate()
    entries.deallocate()
  }

  /// Appends an offer that passed the floor test (see ``floorKey``).
  ///
  /// - Complexity: amortised O(1): a selection of O(buffer) every
  ///   `slack` appends at most.
  @inline(__always)
  func append(_ l: Int, key: Double, index: Int, payload: Double) {
    assert(l >= 0 && l < lists, "List \(l) outside 0..<\(lists)")
    assert(
      key > floorKey[l] || (key == floorKey[l] && index < floorIndex[l]), "Offer below the floor of list \(l)")
    let c = count[l]
    entries[start[l] + c] = Entry(key: key, index: index, payload: payload)
    count[l] = c + 1
    if start[l] + c + 1 == start[l + 1] { keepBest(l) }
  }

  /// Keeps list `l`'s best `capacity` entries and raises its floor to the worst of them.
  ///
  /// - Complexity: O(buffer) expected, plus sorting the ties at the cut by index.
  private func keepBest(_ l: Int) {
    let p = capacity[l]
    let c = count[l]
    guard c > p, p > 0 else { return }
    let base = entries + start[l]
    scratch.removeAll(keepingCapacity: true)
    for t in 0..<c { scratch.append(base[t].key) }
    let kth = scratch.withUnsafeMutableBufferPointer { RowSelection.select($0.baseAddress!, count: c, rank: p - 1) }
    var above = 0
    tiedIndices.removeAll(keepingCapacity: true)
    for t in 0..<c {
      if base[t].key > kth {
        above += 1
      } else if base[t].key == kth {
        tiedIndices.append(base[t].index)
      }
    }
    // The ties at the cut go to the smaller indices.
    tiedIndices.sort()
    let lastTied = tiedIndices[p - above - 1]
    var kept = 0
    for t in 0..<c {
      let entry = base[t]
      if entry.key > kth || (entry.key == kth && entry.index <= lastTied) {
        base[kept] = entry
        kept += 1
      }
    }
    assert(kept == p, "Selection kept \(kept) of \(p)")
    count[l] = kept
    floorKey[l] = kth
    floorIndex[l] = lastTied
  }

  /// List `l`'s entries, best first (larger key, then smaller index).
  ///
  /// - Complexity: O(c log c) for the list's buffered `c` entries.
  func sorted(_ l: Int) -> [(key: Double, index: Int, payload: Double)] {
    keepBest(l)
    let base = entries + start[l]
    return (0..<count[l]).map { (base[$0].key, base[$0].index, base[$0].payload) }
      .sorted { TopOrder.below($1.key, $1.index, $0.key, $0.index) }
  }
}
