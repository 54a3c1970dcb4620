/// One pair's score as named components that sum to it.
///
/// Invariant: ``total`` equals the sum of the competency contributions and
/// the other terms; every component is non-negative.
public struct ScoreBreakdown: Sendable, Equatable {
  /// How much one competency contributes: the competency term weight times
  /// the weighted share of the mentee's need that the mentor covers there
  /// (see ``GrowthCoverage``); 0 when the mentor is at or below the mentee.
  public struct CompetencyContribution: Sendable, Equatable {
    /// The competency's index in the cohort.
    public var competency: Int
    /// The competency's name.
    public var name: String
    /// The mentee's current level.
    public var menteeLevel: Double
    /// The mentee's goal level.
    public var goal: Double
    /// The mentor's level.
    public var mentorLevel: Double
    /// The weighted contribution to the score.
    public var value: Double

    /// Whether the mentor is at or above the mentee's goal level.
    public var mentorCoversGoal: Bool { mentorLevel >= goal }
    /// The levels of the mentee's need the mentor covers: `(min(mentor, goal) − current)⁺`.
    public var coveredLevels: Double { max(min(mentorLevel, goal) - menteeLevel, 0) }
  }

  /// The competencies the mentee wants to grow in, largest contribution first.
  public var competencies: [CompetencyContribution]
  /// The weighted seniority term.
  public var seniority: Double
  /// The weighted cross-department term.
  public var crossDepartment: Double
  /// The weighted timezone-overlap term.
  public var timezone: Double
  /// The weighted preference terms (the mentee's for the mentor and the
  /// mentor's for the mentee).
  public var preference: Double = 0

  /// The weighted competency term: the sum of the contributions.
  public var competency: Double { competencies.reduce(0) { $0 + $1.value } }

  /// The pair's score.
  public var total: Double { competency + seniority + crossDepartment + timezone + preference }

  /// The named components in a fixed order: `competency`, `seniority`,
  /// `cross_department`, `timezone`, `preference`.
  public var components: [(name: String, value: Double)] {
    [
      ("competency", competency), ("seniority", seniority), ("cross_department", crossDepartment),
      ("timezone", timezone), ("preference", preference),
    ]
  }
}
