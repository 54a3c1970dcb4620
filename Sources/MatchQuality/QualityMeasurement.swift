import CompetencyModel
import Rationale

/// What a plan achieves for its mentees' growth goals, against what is possible.
///
/// Measured on the plan `CohortMatcher.match` makes with the given
/// configuration; the bound uses the same eligibility rules (self, reporting
/// line, history, language, minimum score) but not a department cap or pair
/// rules, so it is never below what the plan could reach.
///
/// Invariants: `goalsCovered ≤ coverageBound` (the bound is a maximum over all
/// capacity-feasible plans, the plan among them); spreads are over finite scores.
public struct QualityMeasurement: Sendable {
  /// Five-number summary of a set of scores (quartiles by linear interpolation).
  public struct Spread: Sendable, Equatable {
    /// How many scores.
    public var count: Int
    /// The smallest, lower quartile, median, upper quartile and largest.
    public var minimum, lowerQuartile, median, upperQuartile, maximum: Double

    /// The summary of `values`, or `nil` when there are none.
    ///
    /// - Complexity: O(`n log n`).
    public init?(_ values: [Double]) {
      guard !values.isEmpty else { return nil }
      let sorted = values.sorted()
      func quantile(_ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
      }
      count = sorted.count
      minimum = sorted[0]
      lowerQuartile = quantile(0.25)
      median = quantile(0.5)
      upperQuartile = quantile(0.75)
      maximum = sorted[sorted.count - 1]
    }
  }

  /// Mentees in the cohort.
  public var mentees: Int
  /// Mentees with at least one goal.
  public var menteesWithGoals: Int
  /// Mentees the plan matches.
  public var matched: Int
  /// Goals of all mentees.
  public var goals: Int
  /// Goals the plan covers.
  public var goalsCovered: Int
  /// The most goals any capacity-feasible plan of eligible pairs covers (``CoverageBound``).
  public var coverageBound: Int
  /// Competency contributions (value > 0) in the plan's pair breakdowns.
  public var contributions: Int
  /// Of those, contributions from a mentor at or below the mentee's current level.
  public var contributionsAtOrBelowMentee: Int
  /// Pairs whose mentor covers none of the mentee's goals although an
  /// eligible mentor with places covers all of them.
  public var noneCoveredWhileAllAvailable: Int
  /// Of those, the pairs where such a mentor still has a free place in the
  /// plan (a side term or the partial-growth credit won, not capacity).
  public var noneCoveredWhileAllFree: Int
  /// The plan's pair scores.
  public var planScores: Spread?
  /// The scores of all eligible pairs (mentors with places).
  public var eligibleScores: Spread?
  /// The plan's pairs.
  public var pairs: [(mentee: Int, mentor: Int)]

  /// `goalsCovered / coverageBound` (1 when nothing can be covered).
  public var coverageRatio: Double {
    coverageBound == 0 ? 1 : Double(goalsCovered) / Double(coverageBound)
  }

  /// Matches `cohort` and measures the plan.
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - configuration: The configuration to match with.
  ///   - history: Earlier pairs, not to repeat.
  /// - Complexity: the match, plus a dense scoring and one dense solve of
  ///   `mentees × (mentors + 1)` for the bound.
  public static func measure(
    _ cohort: Cohort, configuration: MatchingConfiguration = MatchingConfiguration(), history: Set<PersonPair> = []
  ) -> QualityMeasurement {
    let plan = CohortMatcher.match(cohort, configuration: configuration, history: history)
    let scored = CohortMatcher.score(cohort, configuration: configuration, history: history)
    let bound = CoverageBound.maximum(cohort, eligibility: scored.eligibility)
    let pairs = plan.pairs.map { (mentee: $0.menteeIndex, mentor: $0.mentorIndex) }
    let n = cohort.mentees.count
    let m = cohort.mentors.count
    let goalCounts = (0..<n).map { CoverageBound.goals(cohort, mentee: $0) }
    var contributions = 0
    var below = 0
    for pair in plan.pairs {
      for item in pair.breakdown.competencies where item.value > 0 {
        contributions += 1
        if item.mentorLevel <= item.menteeLevel { below += 1 }
      }
    }
    var load = [Int](repeating: 0, count: m)
    for (_, j) in pairs { load[j] += 1 }
    var noneWhileAll = 0
    var noneWhileFree = 0
    for (i, j) in pairs where goalCounts[i] > 0 && CoverageBound.covered(cohort, mentee: i, mentor: j) == 0 {
      let coversAll = (0..<m).filter { k in
        cohort.mentors[k].capacity > 0 && scored.eligibility.exclusion(mentee: i, mentor: k) == nil
          && CoverageBound.covered(cohort, mentee: i, mentor: k) == goalCounts[i]
      }
      if !coversAll.isEmpty { noneWhileAll += 1 }
      if coversAll.contains(where: { load[$0] < cohort.mentors[$0].capacity }) { noneWhileFree += 1 }
    }
    var eligible: [Double] = []
    eligible.reserveCapacity(n * m)
    for i in 0..<n {
      for j in 0..<m where cohort.mentors[j].capacity > 0 && scored.eligibility.exclusion(mentee: i, mentor: j) == nil {
        eligible.append(scored.scores[i * m + j])
      }
    }
    return QualityMeasurement(
      mentees: n, menteesWithGoals: goalCounts.filter { $0 > 0 }.count, matched: pairs.count,
      goals: goalCounts.reduce(0, +), goalsCovered: CoverageBound.covered(cohort, pairs: pairs),
      coverageBound: bound.covered, contributions: contributions, contributionsAtOrBelowMentee: below,
      noneCoveredWhileAllAvailable: noneWhileAll, noneCoveredWhileAllFree: noneWhileFree,
      planScores: Spread(plan.pairs.map(\.score)),
      eligibleScores: Spread(eligible), pairs: pairs)
  }
}
