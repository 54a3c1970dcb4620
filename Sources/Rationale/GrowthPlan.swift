import CompetencyModel

/// A time-bound growth plan for one pair, as mentoring practice asks: the
/// few competencies to focus on, with current, midpoint and target levels,
/// and the programme's milestones.
///
/// Invariants: at most ``GrowthPlan/focusLimit`` focus competencies, each with
/// `current < target` and `current <= midpoint <= target`; milestones in
/// time order, dated when the programme has a start date.
public struct GrowthPlan: Sendable, Equatable, Codable {
  /// One focus competency.
  public struct Focus: Sendable, Equatable, Codable {
    /// The competency.
    public var competency: String
    /// The mentee's level now.
    public var current: Double
    /// The level to reach by the midpoint review (half way, to the half level).
    public var midpoint: Double
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
      let halfway = c.menteeLevel + (target - c.menteeLevel) / 2
      let midpoint = min(target, max(c.menteeLevel, (halfway * 2).rounded(.up) / 2))
      return Focus(competency: c.name, current: c.menteeLevel, midpoint: midpoint, target: target)
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

  /// The focus in one line: `Coaching 1.5 → 2.5 → 3.5; …`.
  public var focusSummary: String {
    focus.map {
      "\($0.competency) \(CompetencyScale.format($0.current)) → \(CompetencyScale.format($0.midpoint)) → \(CompetencyScale.format($0.target))"
    }.joined(separator: "; ")
  }

  /// The milestones in one line: `2026-01-12 kickoff; …` or `week 0 kickoff; …`.
  public var milestoneSummary: String {
    milestones.map { "\($0.date ?? "week \($0.week)") \($0.title.prefix { $0 != ":" })" }.joined(separator: "; ")
  }
}
