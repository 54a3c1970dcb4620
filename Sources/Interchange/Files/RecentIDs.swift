import Foundation

/// The ids a fast path made most recently, by their bytes: a small
/// direct-mapped cache that hands back the `String` already made for the
/// same bytes instead of making (and validating) another.
///
/// Files of pairs name each person many times, most often on consecutive
/// rows (a mentee with each of their mentors); each slot remembers where in the
/// file an id's bytes were seen and the text made of them, and a lookup
/// compares the bytes themselves, so a hit is always the same text. The
/// file's bytes must outlive the cache.
struct RecentIDs {
  private struct Entry {
    var start = 0
    var count = -1
    var text = ""
  }

  private let slotBits: Int
  private var entries: [Entry]
  private let base: UnsafePointer<UInt8>
  /// ``ShortASCIIText/layoutHolds``, read once.
  let shortTexts: Bool

  /// A cache for ids lying in the bytes at `base`: 64 slots, few enough to
  /// stay in the nearest cache (a larger table, tried with up to 65,536
  /// slots, cost more in cache misses than the strings it saved).
  ///
  /// - Complexity: O(1).
  init(base: UnsafePointer<UInt8>) {
    self.base = base
    shortTexts = ShortASCIIText.layoutHolds
    slotBits = 6
    entries = [Entry](repeating: Entry(), count: 1 << slotBits)
  }

  /// The text of `base[range]`, which must be valid UTF-8 (ASCII ids are):
  /// a short ASCII text made on the spot (``ShortASCIIText``: no
  /// allocation, cheaper than a lookup), else the cached one when the same
  /// bytes were seen in its slot last, else a new one, which takes the slot.
  ///
  /// - Complexity: O(`range.count`).
  @inline(__always)
  mutating func text(_ range: Range<Int>) -> String {
    let count = range.count
    if let short = ShortASCIIText.make(base, range.lowerBound, count, layoutHolds: shortTexts) { return short }
    let raw = UnsafeRawPointer(base)
    var key = UInt64(truncatingIfNeeded: count)
    if count >= 8 {
      key ^= raw.loadUnaligned(fromByteOffset: range.upperBound - 8, as: UInt64.self)
    } else {
      for index in range { key = key << 8 | UInt64(base[index]) }
    }
    let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    return entries.withUnsafeMutableBufferPointer { entries in
      let entry = entries[slot]
      if entry.count == count && Self.same(base + entry.start, base + range.lowerBound, count) { return entry.text }
      let text = String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: count), as: UTF8.self)
      entries[slot] = Entry(start: range.lowerBound, count: count, text: text)
      return text
    }
  }

  /// Whether the `count` bytes at `a` and `b` are the same (up to 16 bytes
  /// by two overlapping word loads, longer by `memcmp`).
  @inline(__always)
  private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let x = UnsafeRawPointer(a)
    let y = UnsafeRawPointer(b)
    switch count {
    case 8...16:
      return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
        && x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
          == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    case 0..<8:
      for index in 0..<count where a[index] != b[index] { return false }
      return true
    default: return memcmp(a, b, count) == 0
    }
  }
}
