/// The `circles:` section of a cohort configuration: the sizes, rules and
/// side weights of peer mentoring circles (`mentor-match circles`,
/// `Docs/circles.md`). Command-line options override these.
///
/// Invariants: `2 <= minimumSize <= maximumSize <= 1000`; the weights are
/// finite and in `0...MatchingConfiguration.maximumWeight`;
/// `maximumGradeGap`, when set, is finite and non-negative.
public struct CircleConfiguration: Sendable, Hashable {
  /// The smallest circle allowed (`circles.min_size`, default 4).
  public var minimumSize = 4
  /// The largest circle allowed (`circles.max_size`, default 6).
  public var maximumSize = 6
  /// The largest size the configuration accepts.
  public static let largestSize = 1000
  /// The weight of the cross-department mix (`circles.cross_department`, default 0.1).
  public var crossDepartment = 0.1
  /// The weight of the shared working hours (`circles.shared_hours`, default 0.1).
  public var sharedHours = 0.1
  /// The most two members' seniority grades may differ
  /// (`circles.max_grade_gap`, default 3); `nil` for no limit.
  public var maximumGradeGap: Double? = 3
  /// Whether members who list languages must share one
  /// (`circles.require_shared_language`); `nil` (the default) follows
  /// `rules.require_shared_language`.
  public var requireSharedLanguage: Bool? = nil
  /// Whether nobody may share a circle again with an earlier circle-mate
  /// (`circles.no_repeat`, default true); it applies when earlier circles are
  /// given (`--history`, or `--ledger`).
  public var noRepeat = true

  /// The default circle settings: sizes 4 to 6, side weights 0.1, grades
  /// within 3, the language rule as for pairs, no repeated circle-mates.
  public init() {}
}
