import CompetencyModel

/// One pair of the plan with the reasons behind it.
///
/// Invariants: `rank` is in `1...eligibleMentors`; `breakdown.total` equals
/// `score` up to rounding.
public struct PlannedPair: Sendable, Equatable {
  /// The mentee's index in the cohort.
  public var menteeIndex: Int
  /// The mentor's index in the cohort.
  public var mentorIndex: Int
  /// The mentee's id.
  public var menteeID: String
  /// The mentee's name.
  public var menteeName: String
  /// The mentor's id.
  public var mentorID: String
  /// The mentor's name.
  public var mentorName: String
  /// The pair's score.
  public var score: Double
  /// Where this mentor stands among the mentee's eligible mentors by score
  /// (1 is the mentee's best-scoring option; ties share a rank).
  public var rank: Int
  /// How many mentors the rules allow for this mentee.
  public var eligibleMentors: Int
  /// The score's components.
  public var breakdown: ScoreBreakdown
  /// The reasons in plain words, most important first.
  public var highlights: [String]
  /// The pair's growth plan: focus competencies and milestones.
  public var growthPlan: GrowthPlan
}
