/// A fixed-size buffer of trivial values that a solver's searches read and
/// write at random, through a pointer: no uniqueness check and no retain per
/// access, which an `Array` stored in a struct costs on every write from a
/// `mutating` method (in the first sparse solve at 8,000 × 1,600 the checks
/// were 16 % of the forward searches' instructions, Docs/performance.md,
/// branch `rowrec2`).
///
/// **Reference semantics**: copies share the elements (the subscript's
/// setter is `nonmutating`). ``SparseShortestAugmentingPathSolver`` keeps
/// only per-search scratch in them (distances, keys, predecessors, settled
/// flags), cleared after every search, so its copies start alike; two copies
/// must not search at the same time. The memory is freed with the last copy.
///
/// - Complexity: O(`count`) to make; O(1) per access.
struct SearchBuffer<Element: BitwiseCopyable> {
  /// Owns the memory.
  private final class Storage {
    let base: UnsafeMutablePointer<Element>

    init(count: Int, repeating value: Element) {
      base = .allocate(capacity: max(count, 1))
      base.initialize(repeating: value, count: count)
    }

    deinit { base.deallocate() }
  }

  private let storage: Storage
  private let base: UnsafeMutablePointer<Element>
  /// The number of elements.
  let count: Int

  /// `count` copies of `value`.
  init(repeating value: Element, count: Int) {
    storage = Storage(count: count, repeating: value)
    base = storage.base
    self.count = count
  }

  /// The element at `index`, which must be in `0..<count` (checked in debug
  /// builds only, as for an unsafe buffer).
  @inline(__always)
  subscript(index: Int) -> Element {
    get {
      assert(index >= 0 && index < count, "SearchBuffer index out of range")
      return base[index]
    }
    nonmutating set {
      assert(index >= 0 && index < count, "SearchBuffer index out of range")
      base[index] = newValue
    }
  }
}
