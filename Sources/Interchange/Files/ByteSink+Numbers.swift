extension ByteSink {
  /// The longest text of a finite `Double`'s `description`
  /// (`-2.2250738585072014e-308`), with room to spare.
  static let maximumDoubleLength = 32

  /// Appends the bytes of `value.description` (Swift's shortest text that
  /// reads back as `value`: `1.0`, `-0.0`, `0.1`, `1e-05`, `1e+20`),
  /// without making the `String`: a short decimal (at most four fraction
  /// digits) by ``storeShortDecimal(_:at:droppingPointZero:)``, any other
  /// number by the standard library, which formats into the sink through
  /// `TextOutputStream` (tested against `description` on special values,
  /// short decimals and random bit patterns).
  ///
  /// - Parameters:
  ///   - value: A finite number.
  ///   - droppingPointZero: Leave out a final `.0` (`1` for `1.0`, as
  ///     `JSONEncoder` prints whole numbers).
  /// - Returns: Nothing; the bytes are appended.
  /// - Precondition: `value` is finite.
  /// - Complexity: O(1).
  @inline(__always)
  mutating func appendShortest(_ value: Double, droppingPointZero: Bool = false) {
    precondition(value.isFinite, "only finite numbers are written, not \(value)")
    withUnsafeSpace(Self.maximumDoubleLength) { out in
      // Most of a plan's numbers (scores, terms, levels) are short decimals.
      if let count = Self.storeShortDecimal(value, at: out, droppingPointZero: droppingPointZero) { return count }
      var stream = PointerStream(base: out, limit: Self.maximumDoubleLength)
      value.write(to: &stream)
      let count = stream.count
      if droppingPointZero && count >= 2 && out[count - 2] == UInt8(ascii: ".") && out[count - 1] == UInt8(ascii: "0") {
        return count - 2
      }
      return count
    }
  }

  /// Appends the decimal digits of `value` (the bytes of `String(value)`),
  /// two digits per step from a table.
  ///
  /// - Complexity: O(digits).
  @inline(__always)
  mutating func appendDecimal(_ value: Int) {
    withUnsafeSpace(20) { out in Self.storeDecimal(value, at: out) }
  }

  /// Stores the bytes of `String(value)` at `out` (at most 20 bytes) and
  /// returns how many.
  ///
  /// - Complexity: O(digits).
  @inline(__always)
  static func storeDecimal(_ value: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
    var magnitude = UInt64(value.magnitude)
    // Digits, counted first so they can be stored from the right in place.
    var digits = 1
    var bound: UInt64 = 10
    while digits < 20 && magnitude >= bound {
      digits += 1
      bound = bound &* 10
    }
    var end = digits
    if value < 0 {
      out[0] = UInt8(ascii: "-")
      end += 1
    }
    let pairs = DigitPairs.table.utf8Start
    var position = end
    while magnitude >= 100 {
      let pair = Int(magnitude % 100) * 2
      magnitude /= 100
      position -= 2
      out[position] = pairs[pair]
      out[position + 1] = pairs[pair + 1]
    }
    if magnitude >= 10 {
      let pair = Int(magnitude) * 2
      out[position - 2] = pairs[pair]
      out[position - 1] = pairs[pair + 1]
    } else {
      out[position - 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude)
    }
    return end
  }
}

/// The two-digit texts `00` to `99`, end to end.
enum DigitPairs {
  static let table: StaticString = """
    00010203040506070809101112131415161718192021222324252627282930313233343536373839\
    40414243444546474849505152535455565758596061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899
    """
}

/// A `TextOutputStream` that stores what it is given at a pointer, for the
/// standard library's number formatting (which hands its ASCII bytes to
/// `_writeASCII` without making a `String`).
struct PointerStream: TextOutputStream {
  /// Where the bytes go.
  let base: UnsafeMutablePointer<UInt8>
  /// Room at `base`.
  let limit: Int
  /// Bytes stored so far.
  private(set) var count = 0

  init(base: UnsafeMutablePointer<UInt8>, limit: Int) {
    self.base = base
    self.limit = limit
  }

  mutating func write(_ string: String) {
    for byte in string.utf8 { store(byte) }
  }

  mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
    precondition(count + buffer.count <= limit, "PointerStream: more than \(limit) bytes")
    if let source = buffer.baseAddress { (base + count).update(from: source, count: buffer.count) }
    count += buffer.count
  }

  private mutating func store(_ byte: UInt8) {
    precondition(count < limit, "PointerStream: more than \(limit) bytes")
    base[count] = byte
    count += 1
  }
}
