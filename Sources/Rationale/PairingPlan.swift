import Assignment
import CompetencyModel

/// The optimal pairing plan of a cohort, explained.
///
/// Invariants: every mentee is in exactly one of ``pairs`` and ``unmatched``;
/// pairs are in mentee order; no mentor has more pairs than capacity; no pair
/// is excluded by a rule. The plan is optimal over all pairs: the most mentees
/// matched, then the largest total score (``solution`` carries the duals and
/// ``certificate`` what the proof covered).
public struct PairingPlan: Sendable {
  /// The fit model behind the scores.
  public var model: FitModel
  /// The rules in force.
  public var rules: PairRules
  /// The solver's solution and dual certificate.
  public var solution: AssignmentSolution
  /// What the optimality proof covered.
  public var certificate: CertifiedAssignment.Certificate
  /// The pairs, in mentee order.
  public var pairs: [PlannedPair]
  /// The unmatched mentees, in mentee order.
  public var unmatched: [UnmatchedMentee]
  /// The summary figures.
  public var summary: PlanSummary
  /// The mentees whose pairs the programme's pair rules required (outside
  /// the optimisation; the certificate covers the rest of the cohort).
  public var requiredMentees: [Int] = []
  /// Goal coverage and cross-department figures.
  public var metrics: CohortMetrics
  /// The mentees without a growth goal who were matched after the others,
  /// on the places left (`rules.goal_mentees_first`); empty when the plan
  /// was solved in one phase.
  public var menteesMatchedLast: Set<Int> = []

  /// Builds the explained plan from a certified solution and the final pricing
  /// pass's statistics. `withoutGoal` are the mentees without a growth goal
  /// who were matched after the others, on the places left
  /// (`rules.goal_mentees_first`): unmatched, their reason is
  /// ``UnmatchedMentee/Reason/noGrowthGoal``, and their pairs get no
  /// trade-off line (the mentor prices are the first phase's).
  ///
  /// - Complexity: O(`pairs · competencies`) plus O(`mentors · competencies`)
  ///   per unmatched mentee.
  public init(
    model: FitModel, rules: PairRules, solution: AssignmentSolution, certificate: CertifiedAssignment.Certificate,
    statistics: CertifiedAssignment.RowStatistics, tradeOffs: Bool = true, withoutGoal: Set<Int> = []
  ) {
    self.model = model
    self.rules = rules
    self.solution = solution
    self.certificate = certificate
    let cohort = model.cohort
    var pairs: [PlannedPair] = []
    var unmatched: [UnmatchedMentee] = []
    for (i, mentee) in cohort.mentees.enumerated() {
      if let j = solution.columnOfRow[i] {
        let breakdown = model.breakdown(mentee: i, mentor: j)
        let mentor = cohort.mentors[j]
        pairs.append(
          PlannedPair(
            menteeIndex: i, mentorIndex: j, menteeID: mentee.id, menteeName: mentee.person.name, mentorID: mentor.id,
            mentorName: mentor.person.name, score: statistics.assignedScore[i],
            rank: PlannedPair.rank(
              betterColumns: statistics.betterColumns[i], bestScore: statistics.bestScore[i],
              score: statistics.assignedScore[i]),
            eligibleMentors: statistics.eligibleColumns[i], breakdown: breakdown,
            highlights: PairExplanation.highlights(breakdown, mentee: mentee.person, mentor: mentor.person),
            growthPlan: GrowthPlan(breakdown: breakdown, programme: model.configuration.programme)))
      } else {
        let reason = Self.reason(
          forUnmatched: i, model: model, rules: rules, statistics: statistics, withoutGoal: withoutGoal.contains(i))
        unmatched.append(
          UnmatchedMentee(
            menteeIndex: i, menteeID: mentee.id, menteeName: mentee.person.name, reason: reason,
            explanation: PairExplanation.explanation(of: reason, minimum: rules.minimumScore)))
      }
    }
    // Trade-offs: a mentee without their best-scoring mentor learns who holds
    // that mentor's places and what taking one would cost, from the duals.
    var holders: [Int: [String]] = [:]
    for pair in pairs { holders[pair.mentorIndex, default: []].append(pair.menteeID) }
    for index in pairs.indices
    where tradeOffs && pairs[index].rank > 1 && !withoutGoal.contains(pairs[index].menteeIndex) {
      let i = pairs[index].menteeIndex
      let best = statistics.bestColumn[i]
      guard best >= 0, best != pairs[index].mentorIndex else { continue }
      let reducedCost =
        solution.rowValues[i] + solution.columnPrices[best]
        - solution.adjustedScore(statistics.bestScore[i], sense: .maximize)
      pairs[index].highlights.append(
        PairExplanation.tradeOff(
          mentorID: cohort.mentors[best].id, score: statistics.bestScore[i], holders: holders[best] ?? [],
          reducedCost: reducedCost, bonus: solution.cardinalityBonus))
    }
    self.pairs = pairs
    self.unmatched = unmatched
    menteesMatchedLast = withoutGoal
    let scores = pairs.map(\.score)
    var histogram = [Int](repeating: 0, count: (solution.loads.max() ?? 0) + 1)
    for load in solution.loads { histogram[load] += 1 }
    let capacities = cohort.mentors.map(\.capacity)
    summary = PlanSummary(
      mentees: cohort.mentees.count, mentors: cohort.mentors.count, matched: pairs.count,
      unmatched: unmatched.count, totalScore: solution.totalScore,
      meanScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count), minimumScore: scores.min(),
      placesOffered: cohort.totalCapacity, placesUsed: pairs.count,
      mentorsUsed: solution.loads.filter { $0 > 0 }.count,
      mentorsAtCapacity: zip(solution.loads, capacities).filter { $0.1 > 0 && $0.0 == $0.1 }.count,
      loadHistogram: cohort.mentors.isEmpty ? [] : histogram)
    metrics = CohortMetrics(cohort: cohort, pairs: pairs.map { ($0.menteeIndex, $0.mentorIndex) })
  }

  /// Why mentee `i` has no mentor in an optimal plan. A mentee `withoutGoal`
  /// (matched after the mentees with goals) whom the rules allow some mentor
  /// with places gets ``UnmatchedMentee/Reason/noGrowthGoal``.
  ///
  /// - Complexity: O(`mentors · competencies`): the mentee's row is scored again.
  static func reason(
    forUnmatched i: Int, model: FitModel, rules: PairRules, statistics: CertifiedAssignment.RowStatistics,
    withoutGoal: Bool = false
  ) -> UnmatchedMentee.Reason {
    let cohort = model.cohort
    if statistics.bestColumn[i] >= 0 {
      if withoutGoal { return .noGrowthGoal }
      return .capacityExhausted(
        eligibleMentors: statistics.eligibleColumns[i], bestMentorID: cohort.mentors[statistics.bestColumn[i]].id,
        bestScore: statistics.bestScore[i])
    }
    let m = cohort.mentors.count
    var row = [Double](repeating: 0, count: m)
    row.withUnsafeMutableBufferPointer { model.fillScores(mentees: i..<(i + 1), into: $0) }
    var counts: [Exclusion: Int] = [:]
    var noCapacity = 0
    var belowMinimum: Double? = nil
    for j in 0..<m {
      guard let exclusion = rules.exclusion(mentee: i, mentor: j, score: row[j]) else {
        if withoutGoal && cohort.mentors[j].capacity > 0 { return .noGrowthGoal }
        noCapacity += 1
        continue
      }
      if exclusion == .belowMinimumScore {
        if cohort.mentors[j].capacity > 0 { belowMinimum = max(belowMinimum ?? -.infinity, row[j]) }
      } else {
        counts[exclusion, default: 0] += 1
      }
    }
    if let belowMinimum, let minimum = rules.minimumScore {
      return .belowMinimumFit(bestScore: belowMinimum, minimum: minimum)
    }
    return .noEligibleMentor(exclusions: counts, noCapacity: noCapacity)
  }
}
