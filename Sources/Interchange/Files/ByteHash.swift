/// A fast 64-bit hash of short byte strings (ids), for the readers' fast
/// paths: they hash a cell's bytes where it lies instead of making a
/// `String` and hashing it with the standard library's SipHash.
///
/// Each 8-byte word (the last one zero-padded) is mixed in with a multiply
/// and a shift, and the result finalised with MurmurHash3's `fmix64`; the
/// seed is drawn per read, so no file can count on particular collisions.
/// A fast path gives up (and the careful path, with `Dictionary`, reads
/// the file) when its probes run long, so even a file built to collide
/// costs no more than the careful path.
struct ByteHash: Sendable {
  /// The seed mixed into every hash.
  let seed: UInt64

  /// A hash with a fresh random seed.
  ///
  /// - Complexity: O(1).
  init() { seed = UInt64.random(in: .min ... .max) }

  /// A hash with a given seed (tests).
  ///
  /// - Complexity: O(1).
  init(seed: UInt64) { self.seed = seed }

  /// The hash of `bytes[start..<end]`, continuing from `state` (start with
  /// ``seed``): equal byte strings hash equally.
  ///
  /// - Complexity: O(`end - start`).
  @inline(__always)
  func hash(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, state: UInt64) -> UInt64 {
    var state = state ^ UInt64(truncatingIfNeeded: end - start) &* 0x9E37_79B9_7F4A_7C15
    var index = start
    let raw = UnsafeRawPointer(base)
    while index + 8 <= end {
      state = Self.mix(state ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      index += 8
    }
    if index < end {
      // The last 1–7 bytes as one zero-padded word, read without a byte
      // outside the range: the eight bytes ending at `end`, shifted, when the
      // range has them, else overlapping loads.
      let tailCount = end - index
      let tail: UInt64
      if end - start >= 8 {
        tail =
          raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) >> UInt64(truncatingIfNeeded: (8 - tailCount) * 8)
      } else {
        tail = Self.shortWord(raw + index, tailCount)
      }
      state = Self.mix(state ^ tail)
    }
    return state
  }

  /// The hash of a text of `count` (at most 15) bytes given as two
  /// little-endian words, zeros after its bytes (``ShortASCIIText``'s
  /// words), continuing from `state`: the same as ``hash(_:_:_:state:)`` on
  /// those bytes, without reading them again.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func hash(words: (low: UInt64, high: UInt64), count: Int, state: UInt64) -> UInt64 {
    var state = state ^ UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
    if count > 0 { state = Self.mix(state ^ words.low) }
    if count > 8 { state = Self.mix(state ^ words.high) }
    return state
  }

  /// The finished hash of a text of `count` (at most 15) bytes given as
  /// two little-endian words, zeros after its bytes (``ShortASCIIText``'s
  /// words, or ``shortWords(_:_:)``): equal texts hash equally, and
  /// `count` is part of the hash. A 64 × 64 → 128-bit multiply of the two
  /// words, each mixed with the seed, folded (the high half xor the low),
  /// then folded once more by constants, in place of
  /// ``hash(words:count:state:)`` and ``finish(_:)`` (one or two
  /// multiplies, then two more and a shift–xor chain).
  ///
  /// The second word's top byte is always zero (at most 15 bytes), so the
  /// count written there makes the pair of words differ for any two texts.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func short(words: (low: UInt64, high: UInt64), count: Int) -> UInt64 {
    let first = words.low ^ seed
    let second = (words.high | UInt64(truncatingIfNeeded: count) << 56) ^ (seed &* 0x9E37_79B9_7F4A_7C15 | 1)
    let product = first.multipliedFullWidth(by: second)
    // The folded product once more by constants: alone, for some seeds its low
    // bits (the slot) clustered ids that differ in a few digits (up to 2.7
    // probes a key at a third full, against 1.2 for the finished hash).
    let mixed = (product.high ^ product.low ^ 0xE703_7ED1_A0B4_28DB).multipliedFullWidth(by: 0x8EBC_6AF0_9C88_C6E3)
    return mixed.high ^ mixed.low
  }

  /// The `count` (at most 15) bytes at `base` as two little-endian words,
  /// zeros after them (as ``ShortASCIIText`` gives a small text's words),
  /// reading no byte outside them.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func shortWords(_ base: UnsafePointer<UInt8>, _ count: Int) -> (low: UInt64, high: UInt64) {
    let raw = UnsafeRawPointer(base)
    if count >= 8 {
      return (raw.loadUnaligned(as: UInt64.self), count > 8 ? shortWord(raw + 8, count - 8) : 0)
    }
    return (count > 0 ? shortWord(raw, count) : 0, 0)
  }

  /// The `count` (1–7) bytes at `raw` as one little-endian word, zeros
  /// after them, reading no byte outside them.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func shortWord(_ raw: UnsafeRawPointer, _ count: Int) -> UInt64 {
    if count >= 4 {
      // Two overlapping four-byte loads.
      let head = UInt64(raw.loadUnaligned(as: UInt32.self))
      let tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      return head | tail << UInt64(truncatingIfNeeded: (count - 4) * 8)
    }
    var word = UInt64(raw.load(as: UInt8.self))
    if count >= 2 {
      // The last two bytes (the second overlapping the first when three).
      word |=
        UInt64(raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self))
        << UInt64(truncatingIfNeeded: (count - 2) * 8)
    }
    return word
  }

  /// The hash of `text`'s UTF-8 bytes, continuing from `state`: the same
  /// as ``hash(_:_:_:state:)`` on those bytes.
  ///
  /// - Complexity: O(length of `text`).
  func hash(_ text: String, state: UInt64) -> UInt64 {
    var text = text
    return text.withUTF8 { hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, 0, $0.count, state: state) }
  }

  /// The finished hash of a state.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func finish(_ state: UInt64) -> UInt64 {
    var x = state
    x ^= x >> 33
    x &*= 0xFF51_AFD7_ED55_8CCD
    x ^= x >> 33
    x &*= 0xC4CE_B9FE_1A85_EC53
    x ^= x >> 33
    return x
  }

  @inline(__always)
  private static func mix(_ x: UInt64) -> UInt64 {
    let product = x.multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
    return product.high ^ product.low
  }
}
