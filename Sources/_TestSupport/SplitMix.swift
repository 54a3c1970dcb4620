import CohortGenerator

/// The seeded generator of the test sweeps: SplitMix64, the same sequence as
/// the cohort generator's, so every sweep is reproducible.
public typealias SplitMix = SeededRandomNumberGenerator

extension SeededRandomNumberGenerator {
  /// A uniform number in `0..<bound`, from the top 53 bits of the next draw.
  ///
  /// - Complexity: O(1).
  public mutating func next(upTo bound: Double) -> Double {
    Double(next() >> 11) / Double(UInt64(1) << 53) * bound
  }
}
