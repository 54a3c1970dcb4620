/// The pairwise terms of the fit score other than competency, each in `0...1`.
///
/// Each is a pure function of two people and the configuration, so the
/// all-pairs matrix and a single pair's breakdown agree exactly.
public enum ScoreTerms {
  /// The seniority term: `0` when the mentor is not more senior, rising
  /// linearly to `1` at the ideal gap, then falling linearly to `0` at three
  /// times the ideal gap. `0` when either grade is unknown.
  ///
  /// - Complexity: O(1).
  @inlinable
  public static func seniority(mentee: Double?, mentor: Double?, idealGap: Double) -> Double {
    guard let mentee, let mentor else { return 0 }
    let gap = mentor - mentee
    if gap <= 0 { return 0 }
    if gap <= idealGap { return gap / idealGap }
    return max(0, 1 - (gap - idealGap) / (2 * idealGap))
  }

  /// The cross-department term: `1` when both departments are known and
  /// differ (ignoring case), else `0`.
  ///
  /// - Complexity: O(length of the names).
  @inlinable
  public static func crossDepartment(mentee: String?, mentor: String?) -> Double {
    guard let mentee, let mentor else { return 0 }
    return mentee.lowercased() == mentor.lowercased() ? 0 : 1
  }

  /// The working-hours overlap: the share of a working day two people have in
  /// common when both work the same local hours, `max(0, W − d) / W` for a
  /// clock difference of `d` hours (at most 12, going round the day) and a
  /// working day of `W` hours. `0` when either offset is unknown.
  ///
  /// - Complexity: O(1).
  @inlinable
  public static func timezoneOverlap(mentee: Int?, mentor: Int?, workdayHours: Double) -> Double {
    guard let mentee, let mentor else { return 0 }
    return max(0, workdayHours - clockDifferenceHours(mentee, mentor)) / workdayHours
  }

  /// The clock difference in hours, going round the day (`0...12`).
  ///
  /// - Complexity: O(1).
  @inlinable
  public static func clockDifferenceHours(_ a: Int, _ b: Int) -> Double {
    let minutes = abs(a - b) % (24 * 60)
    return Double(min(minutes, 24 * 60 - minutes)) / 60
  }
}
