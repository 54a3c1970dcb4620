/// An unevaluated sum `high + low` of two doubles, for the certificate check:
/// sums and differences of doubles carried to about 106 bits.
///
/// Each operation is the accurate double-double addition (Knuth's TwoSum on
/// both parts, then renormalisation; Hida, Li and Bailey, *Library for
/// double-double and quad-double arithmetic*, 2000), whose absolute error is
/// at most `2^−104 · (|a| + |b|)`. ``AssignmentSolution/verify(against:)``
/// adds that bound for every operation it performs.
struct DoubleDouble: Sendable {
  var high: Double
  var low: Double

  init(_ value: Double) {
    high = value
    low = 0
  }

  init(high: Double, low: Double) {
    self.high = high
    self.low = low
  }

  /// The relative error bound of one operation, `2^−104`.
  static let unitError = Double(sign: .plus, exponent: -104, significand: 1)

  /// `a + b` exactly, as a rounded sum and its error.
  @inline(__always)
  static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    let bb = s - a
    let e = (a - (s - bb)) + (b - bb)
    return DoubleDouble(high: s, low: e)
  }

  @inline(__always)
  static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    return DoubleDouble(high: s, low: b - (s - a))
  }

  @inline(__always)
  static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let s = twoSum(a.high, b.high)
    let t = twoSum(a.low, b.low)
    let u = quickTwoSum(s.high, s.low + t.high)
    return quickTwoSum(u.high, u.low + t.low)
  }

  @inline(__always)
  static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(high: -a.high, low: -a.low) }

  @inline(__always)
  static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

  /// The value rounded to a double.
  var value: Double { high + low }

  /// An upper bound of the magnitude.
  var magnitude: Double { abs(high) + abs(low) }

  @inline(__always)
  static func < (a: DoubleDouble, b: DoubleDouble) -> Bool {
    a.high < b.high || (a.high == b.high && a.low < b.low)
  }
}
