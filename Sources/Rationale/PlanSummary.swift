/// The figures a programme manager reads first.
///
/// Invariants: `matched + unmatched == mentees`; `loadHistogram` sums to
/// `mentors`; `placesUsed <= placesOffered`; fit figures are `nil` when
/// nobody is matched.
public struct PlanSummary: Sendable, Equatable, Codable {
  /// The number of mentees in the cohort.
  public var mentees: Int
  /// The number of mentors in the cohort.
  public var mentors: Int
  /// Mentees with a mentor.
  public var matched: Int
  /// Mentees without one.
  public var unmatched: Int
  /// The sum of the pairs' scores: the optimum's objective.
  public var totalScore: Double
  /// The mean score of the pairs.
  public var meanScore: Double?
  /// The lowest score of a pair.
  public var minimumScore: Double?
  /// The places all mentors offer.
  public var placesOffered: Int
  /// The places taken.
  public var placesUsed: Int
  /// Mentors with at least one mentee.
  public var mentorsUsed: Int
  /// Mentors whose places are all taken.
  public var mentorsAtCapacity: Int
  /// `loadHistogram[k]` mentors have exactly `k` mentees.
  public var loadHistogram: [Int]
  /// In fairness mode, how this plan compares with the total-fit plan.
  public var fairness: FairnessComparison? = nil
  /// Which mentors' one more place would match the most unmatched mentees
  /// and gain the most fit, best first (``CapacityAdvice``); `nil` when not
  /// computed.
  public var capacityAdvice: [CapacityAdvice]? = nil
  /// For the unmatched mentees ``capacityAdvice`` does not name, each one's
  /// best single extra place or the reason none would match them
  /// (``CapacityAdvice/byMentee(for:advice:limit:)``); `nil` when not
  /// computed or when there is no such mentee.
  public var capacityAdviceByMentee: CapacityAdvice.ByMentee? = nil

  /// The fairness plan beside the total-fit plan, both matching as many mentees.
  public struct FairnessComparison: Sendable, Equatable, Codable {
    /// The lowest fit this plan guarantees (its bottleneck), or `nil` when
    /// nobody can be matched (no mentors, no mentees, no places or no
    /// allowed pair).
    public var bottleneck: Double?
    /// The lowest fit of the total-fit plan.
    public var totalFitPlanMinimum: Double?
    /// The total fit of the total-fit plan.
    public var totalFitPlanTotal: Double
  }
}
