import Assignment
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
  /// (1 is the mentee's best-scoring option; ties share a rank, and scores
  /// within rounding of each other tie: see ``rank(betterColumns:bestScore:score:)``).
  public var rank: Int
  /// How many mentors the rules allow for this mentee.
  public var eligibleMentors: Int
  /// The score's components.
  public var breakdown: ScoreBreakdown
  /// The reasons in plain words, most important first.
  public var highlights: [String]
  /// The pair's growth plan: focus competencies and milestones.
  public var growthPlan: GrowthPlan

  /// The relative difference up to which two scores count as the same
  /// (``ScoreTie/tolerance``): far above the rounding of the scores' sums
  /// and far below the three decimals that reports show.
  public static let scoreTolerance = ScoreTie.tolerance

  /// The rank of a pair scoring `score` when `betterColumns` eligible
  /// mentors score more than rounding above it (``scores(_:above:)``, as
  /// every path counts them) and the best of them scores `bestScore`:
  /// `betterColumns + 1`, and 1 when `bestScore` is within rounding of
  /// `score` (then no mentor is counted as better).
  ///
  /// - Complexity: O(1).
  public static func rank(betterColumns: Int, bestScore: Double, score: Double) -> Int {
    scores(bestScore, above: score) ? betterColumns + 1 : 1
  }

  /// Whether score `a` is above score `b` by more than rounding: above
  /// ``ScoreTie/threshold(above:)`` of `b` (``scoreTolerance`` relative to
  /// `b`'s magnitude, at least 1), the threshold the solver's pricing pass
  /// counts better mentors with.
  ///
  /// - Complexity: O(1).
  public static func scores(_ a: Double, above b: Double) -> Bool {
    a > ScoreTie.threshold(above: b)
  }
}
