/// What the certificate's verdict needs of the scores alone: the lowest and
/// highest eligible score (allowed, in a column with a positive capacity) and
/// the least exponent of the lowest set bit of a non-zero eligible score (the
/// finest grid the scores lie on).
///
/// They do not depend on a plan or its duals, so one pass over the scores
/// (``CandidatePruning``, which reads every block anyway) gathers them for
/// every ``CertificateCheck`` of the same match, whose walks then skip them
/// (Docs/performance.md, "The certificate's per-pair work").
///
/// Invariant: `low <= high` exactly when some score is eligible; otherwise
/// `low == +∞`, `high == −∞` and `gridExponent == Int.max`. Merging two
/// summaries of disjoint sets of pairs gives the summary of their union.
struct EligibleScoreSummary: Sendable, Equatable {
  var low = Double.infinity
  var high = -Double.infinity
  /// `Int.max` when every eligible score is 0 (or none is eligible).
  var gridExponent = Int.max

  /// Merges the summary of other pairs.
  ///
  /// - Complexity: O(1).
  mutating func merge(_ other: EligibleScoreSummary) {
    low = min(low, other.low)
    high = max(high, other.high)
    gridExponent = min(gridExponent, other.gridExponent)
  }

  /// The least magnitude a score must have for its lowest set bit to be
  /// able to lower `gridExponent`: `2^(gridExponent + 52)`, `+∞` when that
  /// overflows. A double `s` with `|s| ≥ 2^(e + 52)` has its lowest set bit at
  /// `2^e` or above (its significand has 53 bits), so a walk tests each score
  /// against this threshold (one comparison, NaN failing it) and takes
  /// ``AssignmentSolution/lowestBitExponent(_:)`` only below it.
  ///
  /// - Complexity: O(1).
  static func gridThreshold(_ gridExponent: Int) -> Double {
    gridExponent > Double.greatestFiniteMagnitude.exponent - 52
      ? .infinity : Double(sign: .plus, exponent: gridExponent + 52, significand: 1)
  }
}
