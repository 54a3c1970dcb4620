/// A small map from short ASCII texts, given as the two words of their
/// `String` value (``ShortASCIIText/valueBits(_:count:)``), to integers:
/// the cohort reader's answers for the time-zone and `languages` cells it
/// has read, looked up from a cell's bytes without making its text.
///
/// Open addressing with linear probing over ``slotCount`` slots, filled to
/// at most half (``limit`` keys; later keys are not kept, and their lookups
/// answer `nil`). A key is compared whole (both words, count included), so
/// an answer is always the one stored for that very text; the hash only
/// decides where to look.
struct ShortTextCache {
  /// The number of slots (a power of two).
  static let slotCount = 256
  /// The most keys kept.
  static let limit = slotCount / 2
  /// Per slot: the key's two words and the value; an empty slot's words
  /// are both zero (never a key: the second word of a short text's value
  /// has its flags in the top byte).
  private var slots = [UInt64](repeating: 0, count: 3 * slotCount)
  /// The keys kept.
  private(set) var count = 0

  /// An empty cache.
  init() {}

  /// The first slot to look at for `key`.
  @inline(__always)
  private static func home(_ key: (UInt64, UInt64)) -> Int {
    let mixed = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F)
    return Int(truncatingIfNeeded: (mixed ^ mixed >> 29) & UInt64(slotCount - 1))
  }

  /// The value stored for `key`, or `nil`.
  ///
  /// - Complexity: O(1) expected.
  @inline(__always)
  func value(for key: (UInt64, UInt64)) -> Int? {
    slots.withUnsafeBufferPointer { slots in
      var slot = Self.home(key)
      while true {
        let low = slots[3 * slot]
        let high = slots[3 * slot + 1]
        if low == key.0 && high == key.1 { return Int(truncatingIfNeeded: slots[3 * slot + 2]) }
        if low == 0 && high == 0 { return nil }
        slot = (slot + 1) & (Self.slotCount - 1)
      }
    }
  }

  /// Stores `value` for `key` (a short text's value bits: its second word
  /// is not zero) unless the cache holds ``limit`` keys already; a key
  /// already stored keeps its value.
  ///
  /// - Complexity: O(1) expected.
  mutating func insert(_ value: Int, for key: (UInt64, UInt64)) {
    precondition(key.1 != 0, "not a short text's value")
    guard count < Self.limit else { return }
    var slot = Self.home(key)
    while true {
      let low = slots[3 * slot]
      let high = slots[3 * slot + 1]
      if low == key.0 && high == key.1 { return }
      if low == 0 && high == 0 { break }
      slot = (slot + 1) & (Self.slotCount - 1)
    }
    slots[3 * slot] = key.0
    slots[3 * slot + 1] = key.1
    slots[3 * slot + 2] = UInt64(bitPattern: Int64(value))
    count += 1
  }
}
