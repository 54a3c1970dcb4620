/// A stack of distinct indices below a fixed bound (the columns a search
/// touched or settled), appended to and read through a pointer: no
/// uniqueness check and no retain per append, which an `Array` stored in a
/// struct costs on every `append` from a `mutating` method (in the first
/// sparse solve at 20,000 × 4,000 the `touched` and `settled` appends made
/// about a million such checks, Docs/performance.md, branches `heap1` and
/// `heap2`).
///
/// A search appends each index at most once (the solver appends a column
/// to `touched` when its key leaves +∞ and to `settled` when it is settled),
/// so room for `capacity` indices, the number of columns, never runs out; an
/// append beyond it stops the program rather than write out of bounds.
///
/// **Reference semantics**, as ``SearchBuffer``: copies share the indices and
/// the count (``append(_:)`` and ``removeAll()`` are `nonmutating`).
/// ``SparseShortestAugmentingPathSolver`` empties its stacks after every
/// search, so its copies start their searches alike; two copies must not
/// search at the same time. The memory is freed with the last copy.
///
/// - Complexity: O(`capacity`) memory, allocated once; O(1) per append and
///   per read; ``removeAll()`` O(1).
struct SearchStack: RandomAccessCollection {
  /// Owns the memory: the count in the first word, the indices after it.
  private final class Storage {
    let base: UnsafeMutablePointer<Int>

    init(capacity: Int) {
      base = .allocate(capacity: capacity + 1)
      base.initialize(to: 0)
    }

    deinit { base.deallocate() }
  }

  private let storage: Storage
  /// The count, then the indices.
  private let base: UnsafeMutablePointer<Int>
  /// How many indices fit.
  let capacity: Int

  /// An empty stack with room for `capacity` indices.
  init(capacity: Int) {
    storage = Storage(capacity: Swift.max(capacity, 0))
    base = storage.base
    self.capacity = Swift.max(capacity, 0)
  }

  var startIndex: Int { 0 }

  /// The number of indices on the stack.
  @inline(__always)
  var endIndex: Int { base.pointee }

  /// The index at position `position`, which must be in `0..<count`
  /// (checked in debug builds only, as for an unsafe buffer).
  @inline(__always)
  subscript(position: Int) -> Int {
    assert(position >= 0 && position < base.pointee, "SearchStack position out of range")
    return base[1 + position]
  }

  /// Adds `index` on top (the caller appends each index at most once per
  /// search; room for ``capacity`` is checked).
  @inline(__always)
  func append(_ index: Int) {
    let count = base.pointee
    precondition(count < capacity, "SearchStack is full")
    base[1 + count] = index
    base.pointee = count + 1
  }

  /// Empties the stack, keeping its memory.
  @inline(__always)
  func removeAll() { base.pointee = 0 }
}
