/// Counts the distinct values among doubles, up to a small limit, in a
/// fixed open-addressing table of bit patterns: no hashing through `Hasher`,
/// no allocation per value.
///
/// Values are distinct as `Set<Double>` sees them for every non-NaN value:
/// `-0.0` and `0.0` count once (the sign of zero is dropped before the bit
/// pattern is taken). Every NaN counts once, whatever its payload (scores
/// are validated finite before they reach the solver).
///
/// Invariant: `count` ≤ `limit` + 1; once it passes `limit` further inserts
/// change nothing.
struct DistinctValueCount {
  /// The most distinct values told apart; one more marks "more than limit".
  let limit: Int
  /// The distinct values seen, at most `limit + 1`.
  private(set) var count = 0
  private var slots: [UInt64]
  private var used: [Bool]
  private let mask: Int

  /// - Complexity: O(`limit`).
  init(limit: Int) {
    precondition(limit >= 0)
    self.limit = limit
    var size = 4
    while size < 2 * (limit + 1) { size *= 2 }
    slots = [UInt64](repeating: 0, count: size)
    used = [Bool](repeating: false, count: size)
    mask = size - 1
  }

  /// Adds `value`; returns whether more than `limit` distinct values have
  /// now been seen.
  ///
  /// - Complexity: O(1) expected (the table is at most half full).
  @inline(__always) mutating func insertExceedsLimit(_ value: Double) -> Bool {
    if count > limit { return true }
    let bits = value.isNaN ? Double.nan.bitPattern : (value + 0.0).bitPattern
    var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    while used[slot] {
      if slots[slot] == bits { return false }
      slot = (slot + 1) & mask
    }
    used[slot] = true
    slots[slot] = bits
    count += 1
    return count > limit
  }
}
