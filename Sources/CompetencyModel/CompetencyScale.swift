/// The tiered competency scale MentorMatch uses: 0 (none) to 5 (expert),
/// after the Dreyfus novice-to-expert ladder.
///
/// Levels are real numbers in `0...5` so that half steps ("3.5") can be
/// recorded; ``name(of:)`` names the nearest tier (2.9 is "competent").
public enum CompetencyScale {
  /// The lowest level: no exposure to the competency.
  public static let minimum = 0.0
  /// The highest level: expert.
  public static let maximum = 5.0
  /// Every valid level.
  public static let range = minimum...maximum

  /// The tier names, indexed by whole level.
  public static let tierNames = ["none", "novice", "advanced beginner", "competent", "proficient", "expert"]

  /// The name of the tier nearest to `level`; a level half way between two
  /// tiers has not reached the upper one and takes the lower (4.5 is
  /// "proficient", 2.9 "competent", 0.8 "novice").
  ///
  /// - Parameter level: A level in ``range``.
  /// - Returns: A name such as `"proficient"` for `3.6`, `4` or `4.5`.
  /// - Complexity: O(1).
  public static func name(of level: Double) -> String {
    precondition(range.contains(level), "Competency level \(level) is outside 0...5")
    return tierNames[max(Int((level - 0.5).rounded(.up)), 0)]
  }

  /// Formats a level the way reports show it: `"4"` or `"3.5"`.
  ///
  /// - Complexity: O(1).
  public static func format(_ level: Double) -> String {
    level == level.rounded() ? String(Int(level)) : String(level)
  }
}
