/// Tests on eight bytes at a time (SWAR: one 64-bit word holds eight bytes),
/// for the writers' fast paths: whether a text holds any byte that needs
/// care (an escape, quoting, a control character to show), so that the
/// common text with none is copied whole; and for `SCORES.csv`'s reader,
/// where a line's next comma is.
///
/// Each test is exact as a yes-or-no answer for the word (the classic
/// "has zero byte" identity: `(x − 0x01…01) & ~x & 0x80…80` is non-zero
/// exactly when a byte of `x` is zero), and its lowest flagged byte (in
/// memory order, for a little-endian load) is exact too: a false flag
/// comes only from a borrow, above a true one.
enum ByteScan {
  /// `0x0101010101010101`: one in every byte.
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  /// `0x8080808080808080`: the high bit of every byte.
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of each byte of `word` below `limit`, and maybe of bytes
  /// after such a byte (so: non-zero exactly when one byte is below `limit`).
  ///
  /// - Precondition: `limit` ≤ 0x80.
  /// - Complexity: O(1).
  @inline(__always)
  static func below(_ limit: UInt8, in word: UInt64) -> UInt64 {
    (word &- ones &* UInt64(limit)) & ~word & highs
  }

  /// Non-zero exactly when a byte of `word` equals `byte`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func equal(_ byte: UInt8, in word: UInt64) -> UInt64 {
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & highs
  }

  /// Whether no byte of `bytes` is below `limit` or one of `special`,
  /// eight bytes per step.
  ///
  /// - Precondition: `limit` ≤ 0x80.
  /// - Complexity: O(`bytes.count`).
  @inline(__always)
  static func none(
    below limit: UInt8, orEqualTo special: (UInt8, UInt8, UInt8, UInt8), in bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let found =
        below(limit, in: word) | equal(special.0, in: word) | equal(special.1, in: word)
        | equal(special.2, in: word) | equal(special.3, in: word)
      if found != 0 { return false }
      index += 8
    }
    while index < bytes.count {
      let byte = base[index]
      if byte < limit || byte == special.0 || byte == special.1 || byte == special.2 || byte == special.3 {
        return false
      }
      index += 1
    }
    return true
  }

  /// What a CSV cell's bytes hold, for ``cellContents(_:)``.
  struct CellContents {
    /// A byte below 0x20, DEL (0x7F), or `0xC2` (which may start a C1
    /// control character): the cell needs the careful path.
    var control = false
    /// A double quote.
    var quote = false
    /// A comma.
    var comma = false
  }

  /// Whether `bytes` hold a control character (or a byte that may start
  /// one), a quote and a comma, in one pass of eight bytes per step; the
  /// pass stops at the first control byte (then `quote` and `comma` say
  /// nothing of the bytes after it).
  ///
  /// - Complexity: O(`bytes.count`).
  @inline(__always)
  static func cellContents(_ bytes: UnsafeBufferPointer<UInt8>) -> CellContents {
    var contents = CellContents()
    guard let base = bytes.baseAddress else { return contents }
    let raw = UnsafeRawPointer(base)
    var quotes: UInt64 = 0
    var commas: UInt64 = 0
    var index = 0
    while index + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if below(0x20, in: word) | equal(0x7F, in: word) | equal(0xC2, in: word) != 0 {
        contents.control = true
        return contents
      }
      quotes |= equal(0x22, in: word)
      commas |= equal(0x2C, in: word)
      index += 8
    }
    while index < bytes.count {
      let byte = base[index]
      if byte < 0x20 || byte == 0x7F || byte == 0xC2 {
        contents.control = true
        return contents
      }
      if byte == 0x22 { quotes = 1 }
      if byte == 0x2C { commas = 1 }
      index += 1
    }
    contents.quote = quotes != 0
    contents.comma = commas != 0
    return contents
  }
}
