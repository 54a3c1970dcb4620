/// A binary min-heap of columns keyed by distance, then by whether the column
/// is full (columns with room first, so a path ends as soon as it can), then
/// by index. Stale entries are skipped by the caller.
///
/// The order is total on distinct entries (the solvers never push the same
/// column twice at the same distance in one search), so the entries pop in
/// the same sequence whatever the heap's shape: the searches, their ties and
/// their results do not depend on how the heap is built.
///
/// **Storage**: the entries (16 bytes each: the distance and one word that
/// holds `full` above the column, so ties compare as one unsigned integer)
/// live in memory allocated once and grown by doubling, read and written
/// through a pointer: no uniqueness check, bounds check or retain per access,
/// which the `Array` it replaces cost on every write (in the first sparse
/// solve at 20,000 × 4,000 ``popMinimum()`` was a quarter of the forward
/// searches' instructions, Docs/performance.md, branch `heap1`). **Reference
/// semantics**, as ``SearchBuffer``: copies share the entries; a search empties
/// the heap with ``removeAll()`` before it pushes, so copies of a solver start
/// their searches alike, and two copies must not search at the same time.
///
/// ``popMinimum()`` is Floyd's bottom-up pop: the hole left at the root moves
/// down along the smaller children to a leaf (one comparison per level), and
/// the last entry is sifted up from there (it belongs near the bottom, so
/// about one comparison more), in place of two comparisons per level.
///
/// - Complexity: ``push(distance:full:column:)`` and ``popMinimum()``
///   O(log `count`) (amortised, with the doubling); ``removeAll()`` O(1).
struct ColumnHeap {
  struct Entry {
    var distance: Double
    /// `full` in the top bit, the column below it: with room first, then by
    /// index, as one unsigned comparison.
    var tie: UInt64

    @inline(__always)
    init(distance: Double, full: Bool, column: Int) {
      precondition(column >= 0, "A heap entry's column is never negative")
      self.distance = distance
      tie = (full ? 1 << 63 : 0) | UInt64(truncatingIfNeeded: column)
    }

    /// Whether the column was full when pushed.
    @inline(__always)
    var full: Bool { tie >> 63 != 0 }

    /// The column.
    @inline(__always)
    var column: Int { Int(truncatingIfNeeded: tie & ~(1 << 63)) }

    @inline(__always)
    static func < (a: Entry, b: Entry) -> Bool {
      a.distance < b.distance || (a.distance == b.distance && a.tie < b.tie)
    }
  }

  /// Where the entries are, how many there are and how many fit.
  private struct State {
    var base: UnsafeMutablePointer<Entry>
    var count: Int
    var capacity: Int
  }

  /// Owns the memory.
  private final class Storage {
    let state: UnsafeMutablePointer<State>

    init(capacity: Int) {
      state = .allocate(capacity: 1)
      state.initialize(to: State(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    deinit {
      state.pointee.base.deallocate()
      state.deallocate()
    }
  }

  private let storage: Storage
  private let state: UnsafeMutablePointer<State>

  /// An empty heap with room for `capacity` entries before it grows.
  init(capacity: Int = 64) {
    storage = Storage(capacity: max(capacity, 1))
    state = storage.state
  }

  /// The number of entries, stale ones included.
  var count: Int { state.pointee.count }

  /// The entries in heap order (for tests).
  var entries: [Entry] { Array(UnsafeBufferPointer(start: state.pointee.base, count: state.pointee.count)) }

  /// Empties the heap, keeping its memory.
  @inline(__always)
  func removeAll() { state.pointee.count = 0 }

  /// Adds an entry, sifted up from the end.
  @inline(__always)
  func push(distance: Double, full: Bool, column: Int) {
    let entry = Entry(distance: distance, full: full, column: column)
    if state.pointee.count == state.pointee.capacity { grow() }
    let base = state.pointee.base
    let k = state.pointee.count
    state.pointee.count = k + 1
    Self.siftUp(entry, from: k, in: base)
  }

  /// Places `entry` at slot `k` (a hole) or above it: the entries above
  /// that it precedes move down one level each. Shared by `push` (from the
  /// end) and `popMinimum` (from the leaf its hole reached).
  @inline(__always)
  private static func siftUp(_ entry: Entry, from k: Int, in base: UnsafeMutablePointer<Entry>) {
    var k = k
    while k > 0 {
      let parent = (k - 1) >> 1
      let above = base[parent]
      guard entry < above else { break }
      base[k] = above
      k = parent
    }
    base[k] = entry
  }

  /// Doubles the room.
  private func grow() {
    let old = state.pointee
    let capacity = 2 * old.capacity
    let base = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
    base.moveInitialize(from: old.base, count: old.count)
    old.base.deallocate()
    state.pointee.base = base
    state.pointee.capacity = capacity
  }

  /// Removes and returns the least entry, or `nil` when the heap is empty.
  @inline(__always)
  func popMinimum() -> Entry? {
    var count = state.pointee.count
    guard count > 0 else { return nil }
    let base = state.pointee.base
    let first = base[0]
    count -= 1
    state.pointee.count = count
    guard count > 0 else { return first }
    let last = base[count]
    // The hole goes down along the smaller children to a leaf...
    var hole = 0
    while true {
      let left = 2 * hole + 1
      if left >= count { break }
      var child = left
      if left + 1 < count && base[left + 1] < base[left] { child = left + 1 }
      base[hole] = base[child]
      hole = child
    }
    // ...and the last entry rises from there to its place.
    Self.siftUp(last, from: hole, in: base)
    return first
  }
}
