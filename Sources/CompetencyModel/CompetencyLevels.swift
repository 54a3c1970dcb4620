/// One person's competency levels, one per cohort competency: a value
/// that behaves like an array of `Double` (a mutable random-access
/// collection, equal and hashed element by element, written as an array
/// literal) but may view a row of storage shared by a whole cohort, so
/// readers fill the levels of many people with one allocation.
///
/// Example: `var levels: CompetencyLevels = [3, 4.5]; levels[0] = 2`.
///
/// Invariant: the view's `count` values lie inside its storage. Writing
/// through a view whose storage is shared first copies its row into storage
/// of its own (copy on write), so views never see each other's writes.
public struct CompetencyLevels: Sendable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral,
  Hashable, CustomStringConvertible
{
  // (Readable where inlined: ``withUnsafeBufferPointer(_:)`` is `@inlinable`.)
  @usableFromInline private(set) var storage: LevelStorage
  @usableFromInline private(set) var offset: Int
  /// The number of levels.
  public let count: Int

  /// A view of `count` values of `storage` from `offset` on.
  ///
  /// - Complexity: O(1).
  package init(storage: LevelStorage, offset: Int, count: Int) {
    precondition(offset >= 0 && count >= 0 && offset + count <= storage.count, "Levels outside their storage")
    self.storage = storage
    self.offset = offset
    self.count = count
  }

  /// The levels of `values`, in order, in storage of their own.
  ///
  /// - Complexity: O(`values.count`).
  public init<Values: Collection<Double>>(_ values: Values) {
    self.init(storage: values.isEmpty ? .empty : LevelStorage(copying: values), offset: 0, count: values.count)
  }

  /// The levels of the literal.
  ///
  /// - Complexity: O(`elements.count`).
  public init(arrayLiteral elements: Double...) { self.init(elements) }

  /// No levels.
  public init() { self.init(storage: .empty, offset: 0, count: 0) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  /// The level at `index`, which must be in `0..<count`.
  ///
  /// - Complexity: O(1); writing is O(`count`) when the storage is shared.
  public subscript(index: Int) -> Double {
    get {
      precondition(index >= 0 && index < count, "Index out of range")
      return storage.base[offset + index]
    }
    set {
      precondition(index >= 0 && index < count, "Index out of range")
      makeUnique()
      storage.base[offset + index] = newValue
    }
  }

  /// The levels in contiguous memory, for the duration of `body`.
  ///
  /// - Complexity: O(1).
  @inlinable
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
    try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.base + offset, count: count)) }
  }

  private mutating func makeUnique() { LevelStorage.makeUnique(&storage, offset: &offset, count: count) }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for value in self { hasher.combine(value) }
  }

  public var description: String { Array(self).description }
}
