import CompetencyModel

/// A time-bound growth plan for one pair, as mentoring practice asks: the
/// few competencies to focus on, with current, midpoint and target levels,
/// and the programme's milestones.
///
/// Invariants: at most ``GrowthPlan/focusLimit`` focus competencies, each with
/// `current < target` and, when it has a midpoint, `current < midpoint <
/// target` (see ``GrowthPlan/midpoint(current:target:)``: a midpoint is
/// missing only when the levels are within a tenth of each other);
/// milestones in time order, dated when the programme has a start date.
public struct GrowthPlan: Sendable, Equatable, Codable {
  /// One focus competency.
  public struct Focus: Sendable, Equatable, Codable {
    /// The competency.
    public var competency: String
    /// The mentee's level now.
    public var current: Double
    /// The level to reach by the midpoint review, strictly between `current`
    /// and `target` (about half way, to the half level or the tenth), or
    /// `nil` when no tenth lies strictly between them: a one-step plan. See
    /// ``GrowthPlan/midpoint(current:target:)``.
    public var midpoint: Double?
    /// The level to reach by the end of the cohort: the mentee's goal, or the
    /// mentor's own level when the mentor covers only part of the way.
    public var target: Double
  }

  /// One milestone.
  public struct Milestone: Sendable, Equatable, Codable {
    /// The week of the programme, from 0.
    public var week: Int
    /// The date, when the programme has a start date (`YYYY-MM-DD`).
    public var date: String?
    /// What happens.
    public var title: String
  }

  /// The most focus competencies a plan names.
  public static let focusLimit = 3

  /// The focus competencies, most important first.
  public var focus: [Focus]
  /// The milestones.
  public var milestones: [Milestone]

  /// The plan for a pair: its largest competency contributions, the growth
  /// the mentor covers, become the focus (a goal where the mentor is at or
  /// below the mentee is not one); milestones fall at the start, the middle
  /// and the end.
  ///
  /// - Complexity: O(focus competencies).
  public init(breakdown: ScoreBreakdown, programme: MatchingConfiguration.Programme) {
    focus = breakdown.competencies.filter { $0.value > 0 && $0.coveredLevels > 0 }.prefix(Self.focusLimit).map { c in
      let target = min(c.goal, c.mentorLevel)
      return Focus(
        competency: c.name, current: c.menteeLevel, midpoint: Self.midpoint(current: c.menteeLevel, target: target),
        target: target)
    }
    let weeks = programme.weeks
    let names = focus.map(\.competency).joined(separator: ", ")
    let plan: [(Int, String)] = [
      (0, "kickoff: agree goals\(names.isEmpty ? "" : " for \(names)") and how to meet"),
      (weeks / 2, "midpoint review: check progress against the midpoint levels"),
      (weeks, "final review: compare levels with the targets and record the outcome"),
    ]
    milestones = plan.map { week, title in
      Milestone(week: week, date: programme.start.map { $0.adding(days: 7 * week).description }, title: title)
    }
  }

  /// The level to reach by the midpoint review on the way from `current` to
  /// `target`, stated as precisely as the two levels are: half way, rounded
  /// up to the half level when both levels are whole or half levels (`1 →
  /// 2.5 → 4`, `1.5 → 3 → 4`), else to the tenth (`2.4 → 2.8 → 3.1`, `2.2 →
  /// 2.6 → 2.9`); rounded down instead when rounding up reaches the target;
  /// on the tenth grid when no half level lies strictly between (`3 → 3.3 →
  /// 3.5`); else `nil`, a one-step plan (`2.8 → 2.9`). So the result `m`
  /// satisfies `current < m < target`, lies within one grid step of half way,
  /// and is `nil` only when no multiple of 0.1 lies strictly between the two
  /// levels (in particular, whenever they differ by more than 0.1 there is a
  /// midpoint).
  ///
  /// - Parameters:
  ///   - current: The mentee's level now.
  ///   - target: The level to reach by the end, above `current`.
  /// - Complexity: O(1).
  public static func midpoint(current: Double, target: Double) -> Double? {
    let halfway = current + (target - current) / 2
    let onHalves = (current * 2).rounded() == current * 2 && (target * 2).rounded() == target * 2
    for steps in onHalves ? [2.0, 10.0] : [10.0] {
      // The tolerance keeps a level such as 2.3 on its grid point despite binary rounding.
      let scaled = halfway * steps
      for candidate in [(scaled - 1e-9).rounded(.up) / steps, (scaled + 1e-9).rounded(.down) / steps]
      where current < candidate && candidate < target {
        return candidate
      }
    }
    return nil
  }

  /// The focus in one line: `Coaching 1.5 → 2.5 → 3.5; Finance 2.8 → 2.9`
  /// (a focus without a midpoint shows two levels).
  public var focusSummary: String {
    focus.map {
      let midpoint = $0.midpoint.map { " → \(CompetencyScale.format($0))" } ?? ""
      return "\($0.competency) \(CompetencyScale.format($0.current))\(midpoint) → \(CompetencyScale.format($0.target))"
    }.joined(separator: "; ")
  }

  /// The milestones in one line: `2026-01-12 kickoff; …` or `week 0 kickoff; …`.
  public var milestoneSummary: String {
    milestones.map { "\($0.date ?? "week \($0.week)") \($0.title.prefix { $0 != ":" })" }.joined(separator: "; ")
  }
}
