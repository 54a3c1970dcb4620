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

  /// The relative difference up to which two scores count as the same.
  /// Scores are sums of a few terms computed in different orders (the
  /// coverage product sums a mentor's ramps, so two mentors who cover the
  /// same growth can differ in the last bits); this is far above such
  /// rounding and far below the three decimals that reports show.
  public static let scoreTolerance = 1e-9

  /// The rank of a pair scoring `score` when `betterColumns` eligible
  /// mentors score strictly more (exact comparison, as the solver counts)
  /// and the best of them scores `bestScore`: 1 when `bestScore` is within
  /// ``scoreTolerance`` (relative) of `score`, since then every mentor
  /// counted as better differs only by rounding; else `betterColumns + 1`
  /// (a mentor within rounding of `score` but not of the best still counts:
  /// the solver's statistics compare exactly and keep no other scores).
  ///
  /// - Complexity: O(1).
  public static func rank(betterColumns: Int, bestScore: Double, score: Double) -> Int {
    scores(bestScore, above: score) ? betterColumns + 1 : 1
  }

  /// Whether score `a` is above score `b` by more than rounding
  /// (``scoreTolerance``, relative to the larger magnitude, at least 1).
  ///
  /// - Complexity: O(1).
  public static func scores(_ a: Double, above b: Double) -> Bool {
    a - b > scoreTolerance * max(1, abs(a), abs(b))
  }
}
