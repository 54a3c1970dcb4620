import Assignment
import CompetencyModel

/// The optimal pairing plan of a cohort, explained.
///
/// Invariants: every mentee is in exactly one of ``pairs`` and ``unmatched``;
/// pairs are in mentee order; no mentor has more pairs than capacity; no pair
/// is excluded by a rule. The plan is optimal: the most mentees matched, then
/// the largest total score (``solution`` carries the dual certificate).
public struct PairingPlan: Sendable {
  /// The scored cohort this plan solves.
  public var scored: CohortMatcher.Scored
  /// The assignment problem that was solved.
  public var problem: AssignmentProblem
  /// The solver's solution and dual certificate.
  public var solution: AssignmentSolution
  /// The pairs, in mentee order.
  public var pairs: [PlannedPair]
  /// The unmatched mentees, in mentee order.
  public var unmatched: [UnmatchedMentee]
  /// The summary figures.
  public var summary: PlanSummary

  /// Builds the explained plan from a solution.
  ///
  /// - Complexity: O(`mentees · mentors`) for the ranks and reasons.
  public init(scored: CohortMatcher.Scored, problem: AssignmentProblem, solution: AssignmentSolution) {
    self.scored = scored
    self.problem = problem
    self.solution = solution
    let cohort = scored.model.cohort
    let m = problem.columns
    var pairs: [PlannedPair] = []
    var unmatched: [UnmatchedMentee] = []
    for (i, mentee) in cohort.mentees.enumerated() {
      if let j = solution.columnOfRow[i] {
        let score = problem.scores[i * m + j]
        var eligible = 0
        var better = 0
        for k in 0..<m {
          guard let s = problem.score(row: i, column: k), problem.capacities[k] > 0 else { continue }
          eligible += 1
          if s > score { better += 1 }
        }
        let breakdown = scored.model.breakdown(mentee: i, mentor: j)
        let mentor = cohort.mentors[j]
        pairs.append(
          PlannedPair(
            menteeIndex: i, mentorIndex: j, menteeID: mentee.id, menteeName: mentee.person.name, mentorID: mentor.id,
            mentorName: mentor.person.name, score: score, rank: better + 1, eligibleMentors: eligible,
            breakdown: breakdown,
            highlights: PairExplanation.highlights(breakdown, mentee: mentee.person, mentor: mentor.person)))
      } else {
        let reason = Self.reason(forUnmatched: i, scored: scored, problem: problem)
        unmatched.append(
          UnmatchedMentee(
            menteeIndex: i, menteeID: mentee.id, menteeName: mentee.person.name, reason: reason,
            explanation: PairExplanation.explanation(of: reason, minimum: scored.model.configuration.minimumScore)))
      }
    }
    self.pairs = pairs
    self.unmatched = unmatched
    let scores = pairs.map(\.score)
    var histogram = [Int](repeating: 0, count: (solution.loads.max() ?? 0) + 1)
    for load in solution.loads { histogram[load] += 1 }
    summary = PlanSummary(
      mentees: cohort.mentees.count, mentors: cohort.mentors.count, matched: pairs.count,
      unmatched: unmatched.count, totalScore: solution.totalScore,
      meanScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count), minimumScore: scores.min(),
      placesOffered: cohort.totalCapacity, placesUsed: pairs.count,
      mentorsUsed: solution.loads.filter { $0 > 0 }.count,
      mentorsAtCapacity: zip(solution.loads, problem.capacities).filter { $0.1 > 0 && $0.0 == $0.1 }.count,
      loadHistogram: cohort.mentors.isEmpty ? [] : histogram)
  }

  /// Why mentee `i` has no mentor in an optimal plan.
  static func reason(forUnmatched i: Int, scored: CohortMatcher.Scored, problem: AssignmentProblem)
    -> UnmatchedMentee.Reason
  {
    let m = problem.columns
    var eligible = 0
    var best: (mentor: Int, score: Double)? = nil
    var belowMinimum: Double? = nil
    var noCapacity = 0
    for j in 0..<m {
      let exclusion = scored.eligibility.exclusion(mentee: i, mentor: j)
      if exclusion == .belowMinimumScore && problem.capacities[j] > 0 {
        belowMinimum = max(belowMinimum ?? -.infinity, scored.scores[i * m + j])
      }
      guard exclusion == nil else { continue }
      guard problem.capacities[j] > 0 else {
        noCapacity += 1
        continue
      }
      eligible += 1
      let s = scored.scores[i * m + j]
      if best == nil || s > best!.score { best = (j, s) }
    }
    if let best {
      return .capacityExhausted(
        eligibleMentors: eligible, bestMentorID: scored.model.cohort.mentors[best.mentor].id, bestScore: best.score)
    }
    if let belowMinimum, let minimum = scored.model.configuration.minimumScore {
      return .belowMinimumFit(bestScore: belowMinimum, minimum: minimum)
    }
    var counts = scored.eligibility.exclusionCounts(mentee: i)
    counts[.belowMinimumScore] = nil
    return .noEligibleMentor(exclusions: counts, noCapacity: noCapacity)
  }
}
