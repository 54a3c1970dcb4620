/// When two scores of one row count as the same: scores are sums of a few
/// terms computed in different orders (the coverage product sums a mentor's
/// ramps, so two mentors who cover the same growth can differ in the last
/// bits). Every count of "better" mentors (the pricing pass's statistics,
/// the required pairs', the several-mentors path's, the plan's ranks) uses
/// this one threshold, so a rank means the same whichever path computed it.
///
/// Invariant: `threshold(above: s) > s` for every finite `s` (the tolerance
/// is positive and far above a double's rounding), so no score is better
/// than itself.
public enum ScoreTie {
  /// The relative difference up to which two scores count as the same: far
  /// above rounding and far below the three decimals that reports show.
  public static let tolerance = 1e-9

  /// The value a score must exceed to be better than `score` by more than
  /// rounding: `score + tolerance · max(1, |score|)` (NaN for NaN, so nothing
  /// is better than a missing score). Compute it once per row; a score `s`
  /// is better exactly when `s > threshold(above: score)`.
  ///
  /// - Complexity: O(1).
  @inlinable
  public static func threshold(above score: Double) -> Double {
    score + tolerance * max(1, abs(score))
  }
}
