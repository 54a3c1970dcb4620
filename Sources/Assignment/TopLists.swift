/// Many independent top-k lists in flat storage, for the passes over all
/// pairs: each list keeps the `capacity` largest keys offered, ties to the
/// smaller index (``TopOrder``), with a value carried along.
///
/// A reference type so that a pass's inner loop touches raw storage without
/// copy-on-write checks; each instance belongs to one thread.
///
/// Invariant: list `l` holds `count[l] <= capacity(l)` entries in
/// `start[l] ..< start[l] + count[l]`, as a min-heap under
/// ``TopOrder/below(_:_:_:_:)`` (the root is the entry to evict next).
///
/// Debug builds check every list index and every position in the raw
/// buffers against these bounds (`assert`, compiled out of release builds,
/// where the inner loops must stay free of checks).
final class TopLists {
  private let start: UnsafeMutablePointer<Int>
  private let count: UnsafeMutablePointer<Int>
  private let keys: UnsafeMutablePointer<Double>
  private let indices: UnsafeMutablePointer<Int>
  private let payloads: UnsafeMutablePointer<Double>
  /// The least kept key of each full list (`-∞` while a list has room): a
  /// key below it is rejected with one comparison.
  private let floor: UnsafeMutablePointer<Double>
  /// The number of lists.
  let lists: Int

  /// Empty lists of the given capacities.
  ///
  /// - Complexity: O(`lists + Σ capacities`).
  init(capacities: [Int]) {
    lists = capacities.count
    start = .allocate(capacity: lists + 1)
    count = .allocate(capacity: max(lists, 1))
    floor = .allocate(capacity: max(lists, 1))
    start[0] = 0
    for (l, c) in capacities.enumerated() {
      precondition(c >= 0, "Negative capacity")
      start[l + 1] = start[l] + c
      count[l] = 0
      floor[l] = c == 0 ? .infinity : -.infinity
    }
    let total = max(start[lists], 1)
    keys = .allocate(capacity: total)
    indices = .allocate(capacity: total)
    payloads = .allocate(capacity: total)
  }

  deinit {
    start.deallocate()
    count.deallocate()
    floor.deallocate()
    keys.deallocate()
    indices.deallocate()
    payloads.deallocate()
  }

  /// Empties list `l`.
  @inline(__always)
  func reset(_ l: Int) {
    checkList(l)
    count[l] = 0
    floor[l] = start[l + 1] == start[l] ? .infinity : -.infinity
  }

  /// Offers `key` with `index` and `payload` to list `l`.
  ///
  /// - Complexity: O(1) when the key is below a full list's least, else O(log capacity).
  @inline(__always)
  func offer(_ l: Int, key: Double, index: Int, payload: Double = 0) {
    checkList(l)
    if key < floor[l] { return }
    let base = start[l]
    let c = count[l]
    if c < start[l + 1] - base {
      checkPosition(base + c)
      keys[base + c] = key
      indices[base + c] = index
      payloads[base + c] = payload
      count[l] = c + 1
      siftUp(base: base, from: c)
      if c + 1 == start[l + 1] - base { floor[l] = keys[base] }
    } else if c > 0 && TopOrder.below(keys[base], indices[base], key, index) {
      keys[base] = key
      indices[base] = index
      payloads[base] = payload
      siftDown(base: base, count: c)
      floor[l] = keys[base]
    }
  }

  private func siftUp(base: Int, from position: Int) {
    var k = position
    while k > 0 {
      let p = (k - 1) / 2
      guard TopOrder.below(keys[base + k], indices[base + k], keys[base + p], indices[base + p]) else { break }
      swap(base + k, base + p)
      k = p
    }
  }

  private func siftDown(base: Int, count c: Int) {
    var k = 0
    while true {
      let l = 2 * k + 1
      if l >= c { break }
      var child = l
      if l + 1 < c && TopOrder.below(keys[base + l + 1], indices[base + l + 1], keys[base + l], indices[base + l]) {
        child = l + 1
      }
      guard TopOrder.below(keys[base + child], indices[base + child], keys[base + k], indices[base + k]) else {
        break
      }
      swap(base + k, base + child)
      k = child
    }
  }

  /// Traps in debug builds when `l` is not a list.
  @inline(__always)
  private func checkList(_ l: Int) {
    assert(l >= 0 && l < lists, "List \(l) outside 0..<\(lists)")
    assert(count[l] >= 0 && count[l] <= start[l + 1] - start[l], "List \(l) holds more than its capacity")
  }

  /// Traps in debug builds when `position` lies outside the buffers.
  @inline(__always)
  private func checkPosition(_ position: Int) {
    assert(position >= 0 && position < max(start[lists], 1), "Position \(position) outside 0..<\(start[lists])")
  }

  @inline(__always)
  private func swap(_ a: Int, _ b: Int) {
    checkPosition(a)
    checkPosition(b)
    (keys[a], keys[b]) = (keys[b], keys[a])
    (indices[a], indices[b]) = (indices[b], indices[a])
    (payloads[a], payloads[b]) = (payloads[b], payloads[a])
  }

  /// List `l`'s entries, best first.
  ///
  /// - Complexity: O(c log c) for the list's `c` entries.
  func sorted(_ l: Int) -> [(key: Double, index: Int, payload: Double)] {
    checkList(l)
    let base = start[l]
    return (0..<count[l]).map { (keys[base + $0], indices[base + $0], payloads[base + $0]) }
      .sorted { TopOrder.below($1.key, $1.index, $0.key, $0.index) }
  }
}
