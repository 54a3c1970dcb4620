extension ByteSink {
  /// Stores the bytes of `value.description` at `out` when that text is a
  /// short decimal — at most four digits after the point, `|value|` in
  /// [0.001, 10¹¹) — and returns how many (at most 18); `nil` for any other
  /// value (zeros, longer fractions, exponents), which the caller formats
  /// with the standard library.
  ///
  /// Why the text is `description`'s: with `m` the nearest integer to
  /// `|value|` × 10⁴ (below 2⁵⁰ here, so exact, and so close that the
  /// product's rounding cannot move it), `m / 10⁴ == |value|` says the
  /// decimal m·10⁻⁴ reads back as `value` (IEEE division is correctly
  /// rounded, as parsing is). Two decimals with at most four fraction
  /// digits are 10⁻⁴ or more apart, wider than `value`'s rounding interval
  /// at these magnitudes, so no other such decimal reads back as `value`:
  /// the shortest round-trip digits are m's without its trailing zeros,
  /// the digits Swift prints, in its fixed notation at these magnitudes
  /// (tested against `description` on random and awkward values).
  ///
  /// - Parameters:
  ///   - value: Any number.
  ///   - out: Room for 18 bytes.
  ///   - droppingPointZero: Leave out the `.0` of a whole number.
  /// - Returns: The bytes stored, or `nil` (nothing stored).
  /// - Complexity: O(1).
  @inline(__always)
  static func storeShortDecimal(
    _ value: Double, at out: UnsafeMutablePointer<UInt8>, droppingPointZero: Bool
  ) -> Int? {
    let magnitude = value.magnitude
    // Also false for NaN.
    guard magnitude >= 1e-3 && magnitude < 1e11 else { return nil }
    // Within 0.25 of an integer when a short decimal exists; truncation then rounds.
    let units = UInt64(magnitude * 10_000 + 0.5)
    guard Double(units) / 10_000 == magnitude else { return nil }
    var count = 0
    if value < 0 {
      out[0] = UInt8(ascii: "-")
      count = 1
    }
    let whole = units / 10_000
    var fraction = Int(units % 10_000)
    count += storeDecimal(Int(whole), at: out + count)
    if fraction == 0 {
      if droppingPointZero { return count }
      out[count] = UInt8(ascii: ".")
      out[count + 1] = UInt8(ascii: "0")
      return count + 2
    }
    // Four fraction digits, then the trailing zeros dropped.
    var digits = 4
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    out[count] = UInt8(ascii: ".")
    var position = count + digits
    for _ in 0..<digits {
      out[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: fraction % 10)
      fraction /= 10
      position -= 1
    }
    return count + 1 + digits
  }
}
