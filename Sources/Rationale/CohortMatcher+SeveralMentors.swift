import Assignment
import CompetencyModel

extension CohortMatcher {
  /// Whether some mentee asks for more than one mentor (`mentors_wanted`),
  /// so the cohort needs ``matchSeveral(_:configuration:history:requirements:)``.
  ///
  /// - Complexity: O(`mentees`).
  public static func needsSeveralMentors(_ cohort: Cohort) -> Bool {
    cohort.mentees.contains { $0.mentorsWanted > 1 }
  }

  /// Matches a cohort where mentees may ask for several different mentors:
  /// each mentee gets up to `mentorsWanted` mentors, each at most once, each
  /// mentor up to capacity; the most mentees with a mentor (a first mentor for
  /// one mentee before a second for another), then the most pairs, then the
  /// largest total fit (under `rules.goal_mentees_first`, the pairs of mentees
  /// with a growth goal before all of that). Solved
  /// exactly as a b-matching (``MinCostBMatching``) and certified at run time
  /// with row, mentor and pair duals (``BMatchingSolution/verify(against:)``).
  ///
  /// The plan lists every pair, in mentee order; a mentee's pairs say which
  /// of the goals each mentor covers best among the mentee's mentors, and
  /// the coverage metrics count a goal covered when any of the mentee's
  /// mentors covers it.
  ///
  /// - Throws: ``SeveralMentorsError/unsupported(_:)`` with a department cap
  ///   or the fairness objective; ``SeveralMentorsError/certificateFailed(_:)``
  ///   if the certificate does not hold (never expected).
  /// - Complexity: O(`P · ((mentees + mentors)² + mentees · mentors)`) for `P`
  ///   pairs, memory O(`mentees · mentors`).
  public static func matchSeveral(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [],
    requirements: PairRequirements = PairRequirements()
  ) throws(SeveralMentorsError) -> PairingPlan {
    if configuration.rules.maxMenteesPerDepartment != nil {
      throw .unsupported("rules.max_mentees_per_department")
    }
    if configuration.objective == .fairness { throw .unsupported("the fairness objective") }
    let model = FitModel(cohort: cohort, configuration: configuration)
    let rules = PairRules(cohort, configuration: configuration, history: history, never: requirements.never)
    let dense = DenseCohortProblem(model: model, rules: rules, requirements: requirements)
    let solution = MinCostBMatching.solve(dense.problem)
    let violations = solution.verify(against: dense.problem)
    guard violations.isEmpty else { throw .certificateFailed(violations) }
    var columns = solution.columnsOfRow
    for (i, j) in dense.required { columns[i].insert(j, at: 0) }
    return plan(
      model: model, rules: rules, dense: dense, columnsOfRow: columns, solution: solution,
      requiredMentees: dense.required.map(\.mentee))
  }

  /// The explained plan of a several-mentor matching.
  static func plan(
    model: FitModel, rules: PairRules, dense: DenseCohortProblem, columnsOfRow: [[Int]],
    solution: BMatchingSolution, requiredMentees: [Int]
  ) -> PairingPlan {
    let cohort = model.cohort
    let n = cohort.mentees.count
    let m = cohort.mentors.count
    let problem = dense.problem
    func score(_ i: Int, _ j: Int) -> Double { dense.scores[i * m + j] }
    func eligible(_ i: Int) -> [Int] {
      (0..<m).filter { j in
        cohort.mentors[j].capacity > 0
          && (problem.score(row: i, column: j) != nil || dense.required.contains { $0 == (i, j) })
      }
    }
    // Each mentee's best-scoring mentor stands for the row in the
    // single-mentor view (statistics, unmatched reasons); every pair is listed.
    var statistics = CertifiedAssignment.RowStatistics(rows: n)
    var columnOfRow = [Int?](repeating: nil, count: n)
    var loads = [Int](repeating: 0, count: m)
    var total = 0.0
    for i in 0..<n {
      let allowed = eligible(i)
      statistics.eligibleColumns[i] = max(allowed.count, 1)
      if let best = allowed.max(by: { score(i, $0) != score(i, $1) ? score(i, $0) < score(i, $1) : $0 > $1 }) {
        statistics.bestColumn[i] = best
        statistics.bestScore[i] = score(i, best)
      }
      for j in columnsOfRow[i] {
        loads[j] += 1
        total += score(i, j)
      }
      if let first = columnsOfRow[i].max(by: { score(i, $0) != score(i, $1) ? score(i, $0) < score(i, $1) : $0 > $1 }) {
        columnOfRow[i] = first
        statistics.assignedScore[i] = score(i, first)
        statistics.betterColumns[i] = allowed.filter { PlannedPair.scores(score(i, $0), above: score(i, first)) }.count
      }
    }
    let allowedPairs = problem.scores.filter { !$0.isNaN }.count
    let weighting = problem.weighting
    let single = AssignmentSolution(
      columnOfRow: columnOfRow, totalScore: total, assignedCount: columnOfRow.compactMap { $0 }.count, loads: loads,
      rowValues: solution.rowDuals, columnPrices: solution.columnDuals, cardinalityBonus: weighting.bonus)
    let largest = problem.scores.filter { !$0.isNaN }.map(abs).max() ?? 0
    let certificate = CertifiedAssignment.Certificate(
      bMatchingAllowedPairs: allowedPairs, columns: m,
      resolution: 1e-9 * max(largest + weighting.bonus + weighting.firstBonus + weighting.priorityBonus, 1))
    var plan = PairingPlan(
      model: model, rules: rules, solution: single, certificate: certificate, statistics: statistics,
      tradeOffs: false, withoutGoal: dense.withoutGoal)
    plan.requiredMentees = requiredMentees
    var pairs: [PlannedPair] = []
    for i in 0..<n where !columnsOfRow[i].isEmpty {
      let mentee = cohort.mentees[i]
      let allowed = eligible(i)
      let mine = columnsOfRow[i].sorted { score(i, $0) != score(i, $1) ? score(i, $0) > score(i, $1) : $0 < $1 }
      for j in mine {
        let breakdown = model.breakdown(mentee: i, mentor: j)
        let mentor = cohort.mentors[j]
        var highlights = PairExplanation.highlights(breakdown, mentee: mentee.person, mentor: mentor.person)
        if mentee.mentorsWanted > 1 {
          highlights.insert(
            Self.severalMentorsLine(mentee: i, mentor: j, mentors: mine, cohort: cohort), at: 0)
        }
        if requiredMentees.contains(i) && dense.required.contains(where: { $0 == (i, j) }) {
          highlights.insert("required by the programme's pair rules", at: 0)
        }
        pairs.append(
          PlannedPair(
            menteeIndex: i, mentorIndex: j, menteeID: mentee.id, menteeName: mentee.person.name, mentorID: mentor.id,
            mentorName: mentor.person.name, score: score(i, j),
            rank: allowed.filter { PlannedPair.scores(score(i, $0), above: score(i, j)) }.count + 1,
            eligibleMentors: max(allowed.count, 1),
            breakdown: breakdown, highlights: highlights,
            growthPlan: GrowthPlan(breakdown: breakdown, programme: model.configuration.programme)))
      }
    }
    plan.pairs = pairs
    let scores = pairs.map(\.score)
    plan.summary.totalScore = total
    plan.summary.meanScore = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    plan.summary.minimumScore = scores.min()
    plan.summary.placesUsed = pairs.count
    plan.metrics = CohortMetrics(cohort: cohort, pairs: pairs.map { ($0.menteeIndex, $0.mentorIndex) })
    return plan
  }

  /// The line that places one of a mentee's several mentors: how many the
  /// mentee asked for and got, and the goals this mentor covers best among them.
  ///
  /// - Complexity: O(`mentors of the mentee · competencies`).
  static func severalMentorsLine(mentee i: Int, mentor j: Int, mentors: [Int], cohort: Cohort) -> String {
    let mentee = cohort.mentees[i]
    let position = (mentors.firstIndex(of: j) ?? 0) + 1
    var lead: [String] = []
    for c in cohort.competencies.indices where mentee.gap(c) > 0 {
      let level = cohort.mentors[j].person.levels[c]
      let others = mentors.filter { $0 != j }.map { cohort.mentors[$0].person.levels[c] }
      if level > mentee.person.levels[c] && others.allSatisfy({ level > $0 }) { lead.append(cohort.competencies[c]) }
    }
    let head = "mentor \(position) of \(mentors.count) (asked for \(mentee.mentorsWanted))"
    if mentors.count == 1 { return head }
    return lead.isEmpty
      ? head + ": leads none of the mentee's goals; adds fit alongside the others"
      : head + ": the highest level among the mentee's mentors in " + lead.joined(separator: ", ")
  }
}
