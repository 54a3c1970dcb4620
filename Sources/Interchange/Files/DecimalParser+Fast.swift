extension DecimalParser {
  /// Parses a decimal number from UTF-8 bytes without making a `String`:
  /// the same grammar and bit for bit the same value as
  /// ``parse(bytes:)`` (tested on random and edge-case decimals), at a
  /// fraction of the cost.
  ///
  /// Up to 19 significant digits are gathered into a 64-bit integer `w` and a
  /// decimal exponent `q`; the value `w · 10^q` is then rounded correctly by
  /// Clinger's fast path (`w ≤ 2^53`, `|q| ≤ 22`: one exact IEEE operation) or
  /// by the Eisel–Lemire algorithm (D. Lemire, "Number Parsing at a Gigabyte
  /// per Second", Software: Practice and Experience 51(8), 2021) with the
  /// 128-bit powers of ten of ``PowersOfTen128``. Anything else (more than 19
  /// significant digits, subnormal or overflowing results, the rare cases
  /// Eisel–Lemire cannot decide) goes to Swift's `Double(_:)`, as
  /// ``parse(bytes:)`` does.
  ///
  /// - Parameter bytes: The text, already trimmed.
  /// - Returns: The value, which is infinite when the decimal overflows, or
  ///   `nil` when `bytes` is not a decimal number.
  /// - Complexity: O(`bytes.count`).
  @inline(__always)
  static func parseFast(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let count = bytes.count
    var index = 0
    var negative = false
    if index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "-") {
        negative = true
        index += 1
      } else if byte == UInt8(ascii: "+") {
        index += 1
      }
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var digits = 0
    var exponent = 0
    var inexact = false
    gatherDigits(
      bytes, &index, mantissa: &mantissa, significant: &significant, digits: &digits, inexact: &inexact,
      exponent: &exponent, fraction: false)
    if index < count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      gatherDigits(
        bytes, &index, mantissa: &mantissa, significant: &significant, digits: &digits, inexact: &inexact,
        exponent: &exponent, fraction: true)
    }
    guard digits > 0 else { return nil }
    if index < count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
      index += 1
      var negativeExponent = false
      if index < count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "-") {
          negativeExponent = true
          index += 1
        } else if byte == UInt8(ascii: "+") {
          index += 1
        }
      }
      var value = 0
      var exponentDigits = 0
      while index < count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        if digit >= 10 { break }
        exponentDigits += 1
        if value < 1_000_000 { value = value * 10 + Int(digit) } else { inexact = true }
        index += 1
      }
      guard exponentDigits > 0 else { return nil }
      exponent += negativeExponent ? -value : value
    }
    guard index == count else { return nil }
    if inexact { return parse(bytes: bytes) }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
      var value = Double(mantissa)
      value = exponent < 0 ? value / exactPowersOfTen[-exponent] : value * exactPowersOfTen[exponent]
      return negative ? -value : value
    }
    if let value = eiselLemire(mantissa: mantissa, exponent: exponent, negative: negative) { return value }
    return parse(bytes: bytes)
  }

  /// Gathers the run of digits at `index` into `mantissa`: up to 19
  /// significant digits (leading zeros skipped), a dropped digit past them
  /// marking the value `inexact`. In a `fraction`, each digit gathered
  /// lowers the decimal `exponent` by one.
  ///
  /// Eight digits at a time while eight bytes remain and at most 11
  /// significant digits are gathered (so the eight all fit under the cap):
  /// an 8-byte load checked to be all digits with two adds and a mask and
  /// combined with three multiplies (``eightDigits(_:)``, as `fast_float`
  /// does); the rest one byte at a time (``gatherDigitsOneByOne``). The
  /// results (`index`, `mantissa`, `significant`, `digits`, `inexact`,
  /// `exponent`) are those of the byte loop alone (tested), and no byte at
  /// or past `bytes.count` is read.
  ///
  /// - Complexity: O(digits in the run).
  @inline(__always)
  static func gatherDigits(
    _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, mantissa: inout UInt64, significant: inout Int,
    digits: inout Int, inexact: inout Bool, exponent: inout Int, fraction: Bool
  ) {
    let count = bytes.count
    if count - index >= 8, let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      // mantissa == 0 exactly while no significant digit is gathered.
      while count - index >= 8 && significant <= 11 {
        let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        guard let value = eightDigits(chunk) else { break }
        // Leading zeros (the lowest bytes) are not significant while the mantissa is 0.
        let leadingZeros = mantissa == 0 ? (chunk &- 0x3030_3030_3030_3030).trailingZeroBitCount >> 3 : 0
        mantissa = mantissa &* 100_000_000 &+ value
        significant += 8 - leadingZeros
        digits += 8
        if fraction { exponent -= 8 }
        index += 8
      }
    }
    gatherDigitsOneByOne(
      bytes, &index, mantissa: &mantissa, significant: &significant, digits: &digits, inexact: &inexact,
      exponent: &exponent, fraction: fraction)
  }

  /// The value of the eight ASCII digits in `chunk` (little-endian: the
  /// first digit in the lowest byte), or `nil` when a byte is not a digit.
  ///
  /// - Complexity: O(1): two adds and a mask for the check, three
  ///   multiplies for the value.
  @inline(__always)
  static func eightDigits(_ chunk: UInt64) -> UInt64? {
    // A byte is a digit when its high nibble is 3 and adding 6 keeps it so.
    let check = (chunk & 0xF0F0_F0F0_F0F0_F0F0) | (((chunk &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
    guard check == 0x3333_3333_3333_3333 else { return nil }
    var value = chunk &- 0x3030_3030_3030_3030
    value = value &* 10 &+ (value >> 8)  // pairs of digits, in every other byte
    let mask: UInt64 = 0x0000_00FF_0000_00FF
    let multiplier1: UInt64 = 100 &+ (1_000_000 << 32)
    let multiplier2: UInt64 = 1 &+ (10_000 << 32)
    return ((value & mask) &* multiplier1 &+ ((value >> 16) & mask) &* multiplier2) >> 32
  }

  /// ``gatherDigits`` one byte at a time: a compare and a multiply-add per
  /// digit.
  ///
  /// - Complexity: O(digits in the run).
  @inline(__always)
  static func gatherDigitsOneByOne(
    _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, mantissa: inout UInt64, significant: inout Int,
    digits: inout Int, inexact: inout Bool, exponent: inout Int, fraction: Bool
  ) {
    let count = bytes.count
    while index < count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      if digit >= 10 { break }
      digits += 1
      if significant < 19 {
        if mantissa != 0 || digit != 0 {
          mantissa = mantissa &* 10 &+ UInt64(digit)
          significant += 1
        }
        if fraction { exponent -= 1 }
      } else {
        inexact = true  // a dropped digit: `Double(_:)` decides
      }
      index += 1
    }
  }

  /// 10^0 … 10^22, each exact in a `Double`.
  private static let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
  ]

  /// The Eisel–Lemire algorithm: `mantissa · 10^exponent` correctly
  /// rounded, or `nil` when it cannot decide (then the caller falls back to
  /// an exact parser) or when the result is subnormal, zero or infinite.
  ///
  /// - Complexity: O(1).
  static func eiselLemire(mantissa: UInt64, exponent: Int, negative: Bool) -> Double? {
    guard exponent >= PowersOfTen128.minimumExponent, exponent <= PowersOfTen128.maximumExponent else {
      return nil
    }
    let entry = 2 * (exponent - PowersOfTen128.minimumExponent)
    let high = PowersOfTen128.words[entry]
    let low = PowersOfTen128.words[entry + 1]
    let leadingZeros = mantissa.leadingZeroBitCount
    let normalized = mantissa << UInt64(leadingZeros)
    var resultExponent = UInt64(bitPattern: Int64((217_706 &* exponent) >> 16 &+ 64 &+ 1023)) &- UInt64(leadingZeros)
    var (xHigh, xLow) = normalized.multipliedFullWidth(by: high)
    if xHigh & 0x1FF == 0x1FF && xLow &+ normalized < normalized {
      let (yHigh, yLow) = normalized.multipliedFullWidth(by: low)
      var mergedHigh = xHigh
      let mergedLow = xLow &+ yHigh
      if mergedLow < xLow { mergedHigh &+= 1 }
      if mergedHigh & 0x1FF == 0x1FF && mergedLow &+ 1 == 0 && yLow &+ normalized < normalized { return nil }
      xHigh = mergedHigh
      xLow = mergedLow
    }
    let top = xHigh >> 63
    var resultMantissa = xHigh >> (top &+ 9)
    resultExponent &-= 1 ^ top
    if xLow == 0 && xHigh & 0x1FF == 0 && resultMantissa & 3 == 1 { return nil }
    resultMantissa &+= resultMantissa & 1
    resultMantissa >>= 1
    if resultMantissa >> 53 > 0 {
      resultMantissa >>= 1
      resultExponent &+= 1
    }
    if resultExponent &- 1 >= 0x7FF - 1 { return nil }
    var bits = resultExponent << 52 | resultMantissa & 0x000F_FFFF_FFFF_FFFF
    if negative { bits |= 0x8000_0000_0000_0000 }
    return Double(bitPattern: bits)
  }
}
