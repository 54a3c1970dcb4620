import CompetencyModel

/// Where a cohort reader puts the levels and goals of the rows it reads:
/// rows of `width` values carved one after another out of large blocks of
/// ``LevelStorage``, so a row costs no allocation of its own (a block holds
/// the rows of a whole chunk of the file, or 256 rows on the careful path).
///
/// A row is taken in two steps: ``slot(width:)`` gives the place of the
/// next row, which the reader fills; ``commit(width:)`` keeps it (a row
/// with a problem is not committed and its place is reused). The blocks are
/// never written again once a row of them is committed, so the views of
/// committed rows never change.
struct LevelArena {
  /// The block rows are taken from, with its cursor. A copy of the arena
  /// shares the block and the cursor (so copies never hand out one place
  /// twice); arenas used on different threads must start empty.
  private var block: Block?

  /// A block of storage and how much of it is committed.
  ///
  /// `@unchecked Sendable` is safe because a block is used by one thread
  /// at a time: each chunk of the fast path starts from an empty arena.
  private final class Block: @unchecked Sendable {
    let storage: LevelStorage
    // Unchecked: one thread at a time (above), and no access to `used`
    // overlaps another (each is a read or one `+=`), so the runtime's
    // check of every access (two per row) finds nothing.
    @exclusivity(unchecked) var used = 0
    // Unfilled: the reader writes each row whole before committing it, and
    // no view is made of a row it does not commit.
    init(count: Int) { storage = LevelStorage(unfilledCount: count) }
  }

  /// Rows taken from a new block have room for `rows` rows of `width`
  /// values without another allocation.
  ///
  /// - Complexity: O(`rows × width`).
  mutating func reserve(rows: Int, width: Int) {
    block = Block(count: max(rows, 1) * width)
  }

  /// The storage and offset of the next row of `width` values, which the
  /// caller fills (all of it) before ``commit(width:)``.
  ///
  /// - Complexity: O(1), or O(256 × `width`) for a new block.
  mutating func slot(width: Int) -> (storage: LevelStorage, offset: Int) {
    if width == 0 { return (.empty, 0) }
    if let block, block.used + width <= block.storage.count { return (block.storage, block.used) }
    let fresh = Block(count: 256 * width)
    block = fresh
    return (fresh.storage, 0)
  }

  /// Keeps the row last given by ``slot(width:)``.
  ///
  /// - Complexity: O(1).
  mutating func commit(width: Int) {
    if width > 0 { block!.used += width }
  }
}
