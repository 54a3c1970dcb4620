import CompetencyModel

/// A mentee the optimum leaves without a mentor, and why.
public struct UnmatchedMentee: Sendable, Equatable {
  /// Why nobody was assigned.
  public enum Reason: Sendable, Equatable {
    /// The rules exclude every mentor (counts per rule; `noCapacity` counts
    /// mentors who offer no places this cohort).
    case noEligibleMentor(exclusions: [Exclusion: Int], noCapacity: Int)
    /// Every mentor the rules allow scores below the configured minimum.
    case belowMinimumFit(bestScore: Double, minimum: Double)
    /// Eligible mentors exist, but their places went to other mentees: giving
    /// one to this mentee would leave another mentee unmatched or lower the
    /// cohort's total fit.
    case capacityExhausted(eligibleMentors: Int, bestMentorID: String, bestScore: Double)
    /// The mentee has no growth goal (no goal above the current level) and,
    /// with `rules.goal_mentees_first` (the default), only places left over
    /// by the mentees with goals were open to them; none was.
    case noGrowthGoal
  }

  /// The mentee's index in the cohort.
  public var menteeIndex: Int
  /// The mentee's id.
  public var menteeID: String
  /// The mentee's name.
  public var menteeName: String
  /// The reason.
  public var reason: Reason
  /// The reason in plain words.
  public var explanation: String
}
