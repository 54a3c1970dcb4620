/// Memory for the competency levels and goals of many people at once: one
/// allocation of `Double`s that ``CompetencyLevels`` and ``CompetencyGoals``
/// view row by row, so a cohort read from a file costs one allocation per
/// block of people instead of two arrays per person.
///
/// Invariant: `base` points at `count` `Double`s, owned by the storage and
/// freed with it; all initialized, except in storage made by
/// ``init(unfilledCount:)``, whose values are each written before any view
/// of them is read.
///
/// `@unchecked Sendable` is safe because the values are only written while
/// the storage is being filled (by one thread per disjoint range of rows,
/// before any view of it is published) or through a view that holds the
/// only reference to it (``CompetencyLevels`` and ``CompetencyGoals`` copy
/// their row out before writing into a shared storage).
@usableFromInline
package final class LevelStorage: @unchecked Sendable {
  /// The first value.
  @usableFromInline package let base: UnsafeMutablePointer<Double>
  /// The number of values.
  package let count: Int

  /// Creates storage for `count` values, all zero.
  ///
  /// - Complexity: O(`count`).
  package init(count: Int) {
    precondition(count >= 0, "A level storage cannot have a negative size")
    self.count = count
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: 0, count: max(count, 1))
  }

  /// Creates storage for `count` values without writing them (no pass
  /// over the memory): for a reader that writes every value of a row
  /// before it makes a view of that row, and makes no view of a row it
  /// leaves unwritten (`Double` is a trivial type, so unwritten values
  /// need no initialization to be freed).
  ///
  /// - Complexity: O(1).
  package init(unfilledCount count: Int) {
    precondition(count >= 0, "A level storage cannot have a negative size")
    self.count = count
    base = .allocate(capacity: max(count, 1))
  }

  /// Creates storage holding `values`.
  ///
  /// - Complexity: O(`values.count`).
  convenience init<Values: Collection<Double>>(copying values: Values) {
    self.init(count: values.count)
    var index = 0
    for value in values {
      base[index] = value
      index += 1
    }
  }

  deinit { base.deallocate() }

  /// Makes the `count` values from `offset` of `storage` the caller's alone
  /// before a write (copy on write): `storage` stays when nothing else holds
  /// it; otherwise it becomes a copy of those values and `offset` becomes 0.
  ///
  /// - Complexity: O(1) when unique, else O(`count`).
  package static func makeUnique(_ storage: inout LevelStorage, offset: inout Int, count: Int) {
    if !isKnownUniquelyReferenced(&storage) {
      storage = LevelStorage(copying: UnsafeBufferPointer(start: storage.base + offset, count: count))
      offset = 0
    }
  }

  /// Storage shared by every empty row (no allocation per empty view).
  package static let empty = LevelStorage(count: 0)
}
