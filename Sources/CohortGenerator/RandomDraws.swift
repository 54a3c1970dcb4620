/// The draws the generator makes, built on ``SeededRandomNumberGenerator``
/// with plain integer and floating-point arithmetic only (no `log`, `cos`, or
/// standard-library sampling whose algorithm could change), so that a seed
/// yields the same cohort on every platform and toolchain.
extension SeededRandomNumberGenerator {
  /// A generator for stream `index` of kind `salt` under `seed`: independent
  /// streams let one person's draws not depend on how many draws others made.
  static func stream(seed: UInt64, salt: UInt64, index: Int = 0) -> SeededRandomNumberGenerator {
    SeededRandomNumberGenerator(
      seed: mix64(mix64(seed ^ salt) &+ UInt64(truncatingIfNeeded: index)))
  }

  /// The SplitMix64 finaliser: a bijective scramble of 64 bits.
  static func mix64(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in `0..<1` with 53 random bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in `0..<count` (multiply-high; the bias is below
  /// `count / 2^64`).
  mutating func below(_ count: Int) -> Int {
    precondition(count > 0, "Cannot draw from an empty range")
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(count)).high)
  }

  /// A uniform integer in `range`.
  mutating func integer(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// A bell-shaped draw with mean 0 and standard deviation `deviation`: the
  /// centred sum of three uniforms (Irwin–Hall), bounded by ±3 deviations.
  mutating func bell(_ deviation: Double) -> Double {
    (unit() + unit() + unit() - 1.5) * 2 * deviation
  }

  /// An index drawn with probability proportional to `cumulative`'s steps:
  /// `cumulative[i]` is the sum of the first `i + 1` weights.
  ///
  /// - Complexity: O(log `cumulative.count`).
  mutating func index(cumulative: [Double]) -> Int {
    let target = unit() * cumulative[cumulative.count - 1]
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
}

/// Running sums of `weights`, for ``SeededRandomNumberGenerator/index(cumulative:)``.
func cumulativeSums(_ weights: [Double]) -> [Double] {
  var total = 0.0
  return weights.map {
    total += $0
    return total
  }
}
