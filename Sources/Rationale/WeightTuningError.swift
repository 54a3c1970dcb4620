/// Why ``WeightTuning`` could not fit weights before LAPACK was asked.
public enum WeightTuningError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Some outcomes are not finite numbers.
  case nonFiniteOutcomes(count: Int)
  /// The current configuration scores some observed pairs as infinite or
  /// not-a-number (weights so large that the score overflows).
  case nonFiniteScores(count: Int)

  public var description: String {
    switch self {
    case .nonFiniteOutcomes(let count):
      return "\(count) outcome\(count == 1 ? " is" : "s are") not a finite number"
    case .nonFiniteScores(let count):
      return
        "the current configuration's weights make \(count) pair score\(count == 1 ? "" : "s") overflow to infinity; lower the weights"
    }
  }
}
