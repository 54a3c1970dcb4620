/// Texts of at most 15 ASCII bytes made straight from their bytes: the
/// readers' fast paths make one `String` per id, name or short cell, and
/// for these the standard library's `String(decoding:as:)` spends most of
/// its time validating and dispatching, not copying.
///
/// Such a text is a *small string*: its bytes are held in the `String`
/// value itself (16 bytes on 64-bit platforms: the code units, zeros after
/// them, and a last byte of flags and count), with no allocation. The
/// bytes are placed exactly as the standard library places them, and only
/// after ``layoutHolds`` has checked, once per process, that for every
/// length from 0 to 15 the standard library's own string of a probe text
/// has the very bits this type would make; where it does not (another
/// platform or layout), every call answers `nil` and callers make the text
/// as before. So a text made here is bit for bit the one `String(decoding:as:)`
/// would make (tested on every length and on random texts).
enum ShortASCIIText {
  /// The longest text made here (the small-string capacity of 64-bit
  /// platforms).
  static let capacity = 15

  /// The text of `base[start..<start + count]` when it is at most
  /// ``capacity`` bytes, all ASCII, and ``layoutHolds``; else `nil`.
  /// Reads only those bytes.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func make(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> String? {
    guard layoutHolds else { return nil }
    return make(base, start, count, layoutHolds: true)
  }

  /// ``make(_:_:_:)`` for a caller that read ``layoutHolds`` once and
  /// passes it (a hot loop then skips the check of the lazy global).
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func make(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, layoutHolds: Bool) -> String? {
    guard let words = words(base, start, count, layoutHolds: layoutHolds) else { return nil }
    return text(words, count: count)
  }

  /// The bytes of `base[start..<start + count]` as two little-endian
  /// words, zeros after them, when ``make(_:_:_:layoutHolds:)`` would make
  /// their text (at most ``capacity`` bytes, all ASCII, `layoutHolds`);
  /// else `nil`. Reads only those bytes. ``ByteHash/hash(words:count:state:)``
  /// hashes them as the bytes hash.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func words(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, layoutHolds: Bool) -> (
    low: UInt64, high: UInt64
  )? {
    guard layoutHolds, count <= capacity, count >= 0 else { return nil }
    let words = bits(UnsafeRawPointer(base + start), count)
    guard (words.low | words.high) & 0x8080_8080_8080_8080 == 0 else { return nil }
    return words
  }

  /// The text of `count` bytes given by ``words(_:_:_:layoutHolds:)``.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func text(_ words: (low: UInt64, high: UInt64), count: Int) -> String {
    unsafeBitCast((words.low, words.high | (0xE0 | UInt64(truncatingIfNeeded: count)) << 56), to: String.self)
  }

  /// The two words of the `String` value ``text(_:count:)`` makes of
  /// `words` and `count` (for a caller that stores the value's bits in
  /// place, making no `String` and so no retain of it).
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func valueBits(_ words: (low: UInt64, high: UInt64), count: Int) -> (UInt64, UInt64) {
    (words.low, words.high | (0xE0 | UInt64(truncatingIfNeeded: count)) << 56)
  }

  /// The words and count of `text` when it is a small string of at most
  /// ``capacity`` ASCII bytes held in the value itself, as ``text(_:count:)``
  /// makes them (`layoutHolds` true); else `nil` (then read its UTF-8).
  /// Reads the value's own bits only.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func words(of text: String, layoutHolds: Bool) -> (words: (low: UInt64, high: UInt64), count: Int)? {
    guard layoutHolds else { return nil }
    let (low, raw) = unsafeBitCast(text, to: (UInt64, UInt64).self)
    // The top byte of a small ASCII string: 0xE0 | count (checked on probes by `layoutHolds`).
    let flags = raw >> 56
    guard flags & 0xF0 == 0xE0 else { return nil }
    let count = Int(truncatingIfNeeded: flags & 0x0F)
    let high = raw & 0x00FF_FFFF_FFFF_FFFF
    guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
    return ((low, high), count)
  }

  /// The `count` (at most 15) bytes at `raw` as two little-endian words,
  /// zeros after them, reading no byte outside them.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  private static func bits(_ raw: UnsafeRawPointer, _ count: Int) -> (low: UInt64, high: UInt64) {
    if count >= 8 {
      let low = raw.loadUnaligned(as: UInt64.self)
      if count == 8 { return (low, 0) }
      // The last eight bytes, shifted so bytes 8..<count come first.
      let tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      return (low, tail >> UInt64(truncatingIfNeeded: (16 - count) * 8))
    }
    var low: UInt64 = 0
    if count >= 4 {
      // Two overlapping four-byte loads.
      let head = UInt64(raw.loadUnaligned(as: UInt32.self))
      let tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      low = head | tail << UInt64(truncatingIfNeeded: (count - 4) * 8)
    } else {
      for index in 0..<count { low |= UInt64(raw.load(fromByteOffset: index, as: UInt8.self)) << UInt64(index * 8) }
    }
    return (low, 0)
  }

  /// Whether the standard library's strings of 0 to 15 ASCII bytes have
  /// exactly the bits ``make(_:_:_:)`` gives (checked once, on a probe
  /// text of each length, with its 16-byte size first).
  static let layoutHolds: Bool = {
    guard MemoryLayout<String>.size == 16 else { return false }
    let probe: [UInt8] = Array("Kq7-x_Zb0.Mw3@e".utf8)
    return probe.withUnsafeBufferPointer { probe in
      for count in 0...capacity {
        let text = String(decoding: UnsafeBufferPointer(rebasing: probe[..<count]), as: UTF8.self)
        let made = bits(UnsafeRawPointer(probe.baseAddress!), count)
        let expected = unsafeBitCast(text, to: (UInt64, UInt64).self)
        guard expected.0 == made.low, expected.1 == made.high | (0xE0 | UInt64(count)) << 56 else { return false }
      }
      return true
    }
  }()
}
