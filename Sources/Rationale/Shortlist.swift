import Assignment
import CompetencyModel

/// For each mentee, a short list of mentors to pick or rank from, built from
/// the optimal plan and the exact cost of every alternative.
///
/// ```swift
/// let plan = CohortMatcher.match(cohort, configuration: config)
/// let shortlist = Shortlist(plan: plan, size: 3, requirements: requirements)
/// ```
///
/// Each mentee's list starts with the plan's mentor(s); the rest are the
/// alternatives with the least *exact* cost to the cohort: the change in the
/// optimum (matched pairs, then total fit) if the pair were forced and
/// everything else re-optimised, computed from the plan's residual network
/// (``ForcedPairCosts``; the dual reduced cost is only a lower bound).
/// Alternatives are taken cheapest first across the whole cohort, in rounds
/// (round `t` lets each list grow to `t` suggestions, so scarce places on
/// lists are shared out), and a mentor stops being offered once on
/// `size × capacity` lists (the exposure bound), so one sought-after mentor
/// is not offered to everyone.
///
/// Invariants: each list has at most `max(size, plan mentors)` distinct
/// mentors, the plan's first; `exposure[j] <= exposureBound[j]`; every
/// suggestion beyond the plan's is an allowed pair with `matchedChange <= 0`
/// and, at `matchedChange == 0`, `fitChange <= 0` (up to rounding).
public struct Shortlist: Sendable {
  /// One suggested mentor.
  public struct Suggestion: Sendable, Equatable {
    /// The mentor's index in the cohort.
    public var mentorIndex: Int
    /// The mentor's id.
    public var mentorID: String
    /// The mentor's name.
    public var mentorName: String
    /// The pair's score.
    public var score: Double
    /// Whether the plan makes this pair.
    public var inPlan: Bool
    /// With the pair forced: the change in matched mentees of the optimum (0 or negative).
    public var matchedChange: Int
    /// With the pair forced: the change in the optimum's total fit.
    public var fitChange: Double
    /// The pairs' reasons in plain words (competencies, terms, cost).
    public var reasons: [String]
  }

  /// One mentee's list.
  public struct Entry: Sendable, Equatable {
    /// The mentee's index in the cohort.
    public var menteeIndex: Int
    /// The mentee's id.
    public var menteeID: String
    /// The mentee's name.
    public var menteeName: String
    /// The suggestions, the plan's mentor(s) first, then by cost.
    public var suggestions: [Suggestion]
  }

  /// The suggestions asked for per mentee.
  public var size: Int
  /// One entry per mentee, in cohort order.
  public var entries: [Entry]
  /// On how many lists each mentor appears.
  public var exposure: [Int]
  /// The most lists each mentor may appear on: `size × capacity`.
  public var exposureBound: [Int]
  /// Whether the costs are measured from the plan itself. `false` when the
  /// plan is not optimal for the objective of the costs (a fairness plan, or
  /// a tie broken differently between phases): they are then measured from
  /// an optimal b-matching of the same cohort.
  public var costsFromPlan: Bool
  /// The plan the lists start from.
  public var plan: PairingPlan

  /// Builds the lists.
  ///
  /// - Parameters:
  ///   - plan: An optimal plan of the cohort (``CohortMatcher/match(_:configuration:history:requirements:candidatesPerMentee:warmStart:)``
  ///     or ``CohortMatcher/matchSeveral(_:configuration:history:requirements:)``).
  ///   - size: Suggestions per mentee, at least 1.
  ///   - requirements: The programme's pair rules the plan was made with.
  /// - Complexity: one Bellman–Ford pass and one reverse Dijkstra per mentee,
  ///   O(`mentees · ((mentees + mentors)² + mentees · mentors)`); memory
  ///   O(`mentees · mentors`).
  public init(plan: PairingPlan, size: Int, requirements: PairRequirements = PairRequirements()) {
    precondition(size >= 1, "A shortlist needs at least one suggestion per mentee")
    let model = plan.model
    let cohort = model.cohort
    let m = cohort.mentors.count
    let dense = DenseCohortProblem(model: model, rules: plan.rules, requirements: requirements)
    var planned = [[Int]](repeating: [], count: cohort.mentees.count)
    for pair in plan.pairs { planned[pair.menteeIndex].append(pair.mentorIndex) }
    var decided = planned
    for (i, j) in dense.required { decided[i].removeAll { $0 == j } }
    var forcing = ForcedPairCosts(dense.problem, columnsOfRow: decided)
    costsFromPlan = forcing != nil
    if forcing == nil {
      forcing = ForcedPairCosts(dense.problem, columnsOfRow: MinCostBMatching.solve(dense.problem).columnsOfRow)
    }
    let bound = cohort.mentors.map { size * $0.capacity }
    var exposure = [Int](repeating: 0, count: m)
    var lists = planned
    for list in planned { for j in list { exposure[j] += 1 } }
    var costs: [Int: ForcedPairCosts.Cost] = [:]
    var candidates: [(mentee: Int, cost: ForcedPairCosts.Cost)] = []
    for i in cohort.mentees.indices where planned[i].count < size {
      for cost in forcing?.costs(row: i) ?? [] where !planned[i].contains(cost.column) {
        candidates.append((i, cost))
        costs[i * m + cost.column] = cost
      }
    }
    // Cheapest first across the cohort: fewest mentees, then pairs, then fit lost.
    candidates.sort { a, b in
      if a.cost.menteeChange != b.cost.menteeChange { return a.cost.menteeChange > b.cost.menteeChange }
      if a.cost.pairChange != b.cost.pairChange { return a.cost.pairChange > b.cost.pairChange }
      if a.cost.scoreChange != b.cost.scoreChange { return a.cost.scoreChange > b.cost.scoreChange }
      return (a.mentee, a.cost.column) < (b.mentee, b.cost.column)
    }
    // In rounds, so that the places on lists are shared out: round `t` lets
    // each list grow to `t` suggestions, cheapest alternatives first.
    for target in 1...size {
      for (i, cost) in candidates
      where lists[i].count < target && exposure[cost.column] < bound[cost.column] && !lists[i].contains(cost.column) {
        lists[i].append(cost.column)
        exposure[cost.column] += 1
      }
    }
    entries = cohort.mentees.indices.map { i in
      let mentee = cohort.mentees[i]
      let suggestions = lists[i].map { j -> Suggestion in
        let mentor = cohort.mentors[j]
        let score = dense.scores[i * m + j]
        let breakdown = model.breakdown(mentee: i, mentor: j)
        var reasons = PairExplanation.highlights(breakdown, mentee: mentee.person, mentor: mentor.person)
        let cost = costs[i * m + j]
        if planned[i].contains(j) {
          reasons.insert("the optimal plan's mentor", at: 0)
        } else if let cost {
          reasons.insert(Self.costLine(cost, cohort: cohort), at: 0)
        }
        return Suggestion(
          mentorIndex: j, mentorID: mentor.id, mentorName: mentor.person.name, score: score,
          inPlan: planned[i].contains(j), matchedChange: cost?.menteeChange ?? 0, fitChange: cost?.scoreChange ?? 0,
          reasons: reasons)
      }
      return Entry(menteeIndex: i, menteeID: mentee.id, menteeName: mentee.person.name, suggestions: suggestions)
    }
    self.size = size
    self.exposure = exposure
    self.exposureBound = bound
    self.plan = plan
  }

  /// The cost of an alternative in plain words: what the cohort gives up and
  /// who would move.
  static func costLine(_ cost: ForcedPairCosts.Cost, cohort: Cohort) -> String {
    var parts: [String] = []
    if cost.menteeChange < 0 { parts.append("\(-cost.menteeChange) mentee(s) fewer matched") }
    if cost.pairChange < cost.menteeChange { parts.append("\(cost.menteeChange - cost.pairChange) pair(s) fewer") }
    parts.append("total fit \(PairExplanation.signedFit(cost.scoreChange))")
    let moved = cost.removed.filter { $0.row != cost.added.first?.row }.count
    if moved > 0 { parts.append("\(moved) other pair(s) re-made") }
    return "choosing this mentor costs the cohort: " + parts.joined(separator: ", ")
  }
}
