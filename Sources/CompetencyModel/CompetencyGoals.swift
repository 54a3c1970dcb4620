/// One mentee's goal levels, one per cohort competency, `nil` where the
/// mentee set none: a value that behaves like an array of `Double?` (a
/// mutable random-access collection, equal and hashed element by element,
/// written as an array literal) but may view a row of storage shared by a
/// whole cohort, where "no goal" is stored as NaN (a goal is always a
/// number in ``CompetencyScale/range``, never NaN).
///
/// Example: `var goals: CompetencyGoals = [4, nil]; goals[1] = 3`.
///
/// Invariant: the view's `count` values lie inside its storage; a stored
/// NaN means `nil`. Writing through a view whose storage is shared first
/// copies its row into storage of its own (copy on write).
public struct CompetencyGoals: Sendable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral,
  Hashable, CustomStringConvertible
{
  // (Readable where inlined: ``withUnsafeStoredValues(_:)`` is `@inlinable`.)
  @usableFromInline private(set) var storage: LevelStorage
  @usableFromInline private(set) var offset: Int
  /// The number of competencies (with or without a goal).
  public let count: Int

  /// A view of `count` values of `storage` from `offset` on (NaN: no goal).
  ///
  /// - Complexity: O(1).
  package init(storage: LevelStorage, offset: Int, count: Int) {
    precondition(offset >= 0 && count >= 0 && offset + count <= storage.count, "Goals outside their storage")
    self.storage = storage
    self.offset = offset
    self.count = count
  }

  /// The goals of `values`, in order, in storage of their own.
  ///
  /// - Precondition: no goal is NaN.
  /// - Complexity: O(`values.count`).
  public init<Values: Collection<Double?>>(_ values: Values) {
    precondition(!values.contains { $0?.isNaN == true }, "A goal cannot be NaN")
    self.init(
      storage: values.isEmpty ? .empty : LevelStorage(copying: values.lazy.map { $0 ?? .nan }), offset: 0,
      count: values.count)
  }

  /// The goals of the literal.
  ///
  /// - Complexity: O(`elements.count`).
  public init(arrayLiteral elements: Double?...) { self.init(elements) }

  /// No goals (no competencies).
  public init() { self.init(storage: .empty, offset: 0, count: 0) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  /// The goal at `index`, which must be in `0..<count`; `nil` for none.
  ///
  /// - Precondition: a new goal is not NaN.
  /// - Complexity: O(1); writing is O(`count`) when the storage is shared.
  public subscript(index: Int) -> Double? {
    get {
      precondition(index >= 0 && index < count, "Index out of range")
      let value = storage.base[offset + index]
      return value.isNaN ? nil : value
    }
    set {
      precondition(index >= 0 && index < count, "Index out of range")
      precondition(newValue?.isNaN != true, "A goal cannot be NaN")
      makeUnique()
      storage.base[offset + index] = newValue ?? .nan
    }
  }

  /// The goals in contiguous memory, NaN where there is none, for the
  /// duration of `body`.
  ///
  /// - Complexity: O(1).
  @inlinable
  public func withUnsafeStoredValues<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
    try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.base + offset, count: count)) }
  }

  private mutating func makeUnique() { LevelStorage.makeUnique(&storage, offset: &offset, count: count) }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for goal in self { hasher.combine(goal) }
  }

  public var description: String { Array(self).description }
}
