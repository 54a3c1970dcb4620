import Assignment
import CompetencyModel

/// Runs the whole matching path for one cohort: score every pair, apply the
/// rules, solve the capacitated assignment exactly, explain the result.
///
/// ```swift
/// let plan = CohortMatcher.match(cohort, configuration: config, history: previousPairs)
/// ```
public enum CohortMatcher {
  /// The dense scores and rules of a cohort, for inspection and re-solving.
  public struct Scored: Sendable {
    /// The fit model behind the scores.
    public var model: FitModel
    /// The score of every pair, row-major (mentees x mentors), rules not applied.
    public var scores: [Double]
    /// Which pairs the rules allow.
    public var eligibility: EligibilityMatrix

    /// The assignment problem: excluded pairs forbidden, mentors' capacities.
    ///
    /// - Complexity: O(`mentees · mentors`).
    public var problem: AssignmentProblem {
      var masked = scores
      for k in masked.indices where eligibility.reasons[k] != 0 { masked[k] = AssignmentProblem.forbidden }
      return AssignmentProblem(
        rows: model.cohort.mentees.count, columns: model.cohort.mentors.count, scores: masked,
        capacities: model.cohort.mentors.map(\.capacity))
    }
  }

  /// Scores a cohort densely and applies the rules.
  ///
  /// - Complexity: O(`mentees · mentors · competencies`) flops (one BLAS product)
  ///   and O(`mentees · mentors`) memory.
  public static func score(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [],
    never: Set<PersonPair> = []
  ) -> Scored {
    let model = FitModel(cohort: cohort, configuration: configuration)
    let scores = model.scores().elements
    let eligibility = EligibilityRules.evaluate(
      cohort, configuration: configuration, history: history, scores: scores, never: never)
    return Scored(model: model, scores: scores, eligibility: eligibility)
  }

  /// Matches a cohort optimally and explains every pair and every unmatched mentee.
  ///
  /// Scores are computed in blocks of mentees and pruned to each mentee's
  /// best `candidatesPerMentee` mentors; the solution is then certified
  /// optimal over *all* pairs by pricing every pair against the solver's
  /// duals (``CertifiedAssignment``), so no dense matrix is ever held.
  ///
  /// With `configuration.objective == .fairness` the plan maximises the
  /// lowest fit first, then the total (``FairnessObjective``), and its summary
  /// compares it with the total-fit plan.
  ///
  /// - Parameters:
  ///   - cohort: The people.
  ///   - configuration: Weights, rules and thresholds.
  ///   - history: Pairs of earlier cohorts, not to be repeated.
  ///   - requirements: Pairs to make whatever their fit, and pairs never to
  ///     make. Required pairs are fixed first; the rest is optimal given them.
  ///   - candidatesPerMentee: Candidates kept per mentee before pricing (by
  ///     default ``CertifiedAssignment/defaultCandidatesPerRow(columns:)``).
  ///   - warmStart: The plan of the same cohort under other weights: its mentor
  ///     prices start the solver. The plan is the same with or without it.
  ///   - progress: Where the solver's scoring passes and rounds are reported
  ///     (default: nowhere). The plan is the same whatever it is.
  /// - Returns: The plan: pairs with rationale, unmatched mentees with reasons, a summary.
  /// - Complexity: two or more passes of O(`mentees · mentors · competencies`)
  ///   flops, plus the sparse solve; memory O(`mentees · candidates + block`).
  public static func match(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [],
    requirements: PairRequirements = PairRequirements(), candidatesPerMentee: Int? = nil, warmStart: PairingPlan? = nil,
    progress: ProgressReporter = .silent
  ) -> PairingPlan {
    if !progress.isSilent {
      return ProgressReporter.$current.withValue(progress) {
        match(
          cohort, configuration: configuration, history: history, requirements: requirements,
          candidatesPerMentee: candidatesPerMentee, warmStart: warmStart)
      }
    }
    let model = FitModel(cohort: cohort, configuration: configuration)
    let rules = PairRules(cohort, configuration: configuration, history: history, never: requirements.never)
    var capacities = cohort.mentors.map(\.capacity)
    // Required pairs are fixed first: their mentees leave the problem and their
    // mentors offer one place fewer each.
    let required = requiredPairs(requirements, in: cohort)
    for (_, j) in required {
      precondition(capacities[j] > 0, "Required pairs exceed mentor \(cohort.mentors[j].id)'s capacity")
      capacities[j] -= 1
    }
    let base = CohortScoreSource(model: model, rules: rules)
    let requiredRows = Set(required.map(\.0))
    // Mentees without a growth goal get only the places left once the
    // mentees with goals are matched (rules.goal_mentees_first).
    let withoutGoal =
      configuration.rules.goalMenteesFirst
      ? Set(cohort.mentees.indices.filter { !requiredRows.contains($0) && !model.hasGrowthGoal(mentee: $0) }) : []
    let phased = !withoutGoal.isEmpty && withoutGoal.count + requiredRows.count < cohort.mentees.count
    var (result, fairness) = solvePhase(
      AdjustedScoreSource(base: base, removed: phased ? requiredRows.union(withoutGoal) : requiredRows), cohort: cohort,
      capacities: capacities, used: required, configuration: configuration, candidatesPerMentee: candidatesPerMentee,
      warmStart: warmStart)
    if phased {
      let firstPhase = result.solution.columnOfRow.indices.compactMap { i in
        result.solution.columnOfRow[i].map { (i, $0) }
      }
      let residual = zip(capacities, result.solution.loads).map { $0 - $1 }
      let goalRows = Set(cohort.mentees.indices).subtracting(withoutGoal)
      let (leftover, _) = solvePhase(
        AdjustedScoreSource(base: base, removed: goalRows), cohort: cohort, capacities: residual,
        used: required + firstPhase,
        configuration: configuration, candidatesPerMentee: candidatesPerMentee, warmStart: nil)
      result = merge(result, leftover, rows: withoutGoal)
      fairness?.totalFitPlanTotal += leftover.solution.totalScore
    }
    let optimisedTotal = result.solution.totalScore
    fix(required, into: &result, model: model, rules: rules)
    let requiredTotal = result.solution.totalScore - optimisedTotal
    var plan = PairingPlan(
      model: model, rules: rules, solution: result.solution, certificate: result.certificate,
      statistics: result.statistics, tradeOffs: configuration.rules.maxMenteesPerDepartment == nil,
      withoutGoal: withoutGoal)
    plan.requiredMentees = required.map(\.0)
    for index in plan.pairs.indices where plan.requiredMentees.contains(plan.pairs[index].menteeIndex) {
      plan.pairs[index].highlights.insert("required by the programme's pair rules", at: 0)
    }
    if var fairness {
      // Both totals include the required pairs; the bottlenecks are over the optimised pairs.
      fairness.totalFitPlanTotal += requiredTotal
      plan.summary.fairness = fairness
    }
    return plan
  }

  /// Solves one phase: the plain capacitated problem, or its department-capped
  /// layout, under the configured objective.
  ///
  /// - Parameters:
  ///   - used: Pairs already made (required pairs, an earlier phase's pairs),
  ///     which count against the department caps.
  /// - Returns: The solution at mentor level and, under the fairness
  ///   objective, the comparison with the total-fit plan.
  static func solvePhase<Source: ScoreBlockSource>(
    _ source: Source, cohort: Cohort, capacities: [Int], used: [(Int, Int)], configuration: MatchingConfiguration,
    candidatesPerMentee: Int?, warmStart: PairingPlan?
  ) -> (Solved, PlanSummary.FairnessComparison?) {
    var fairness: PlanSummary.FairnessComparison? = nil
    if let cap = configuration.rules.maxMenteesPerDepartment {
      // The department cap as a plain capacitated problem (see DepartmentCapLayout).
      let terms = configuration.effectiveTerms
      let highest = terms.competency + terms.sideSum
      let layout = DepartmentCapLayout(
        cohort: cohort, cap: cap, capacities: capacities, used: used, scoreRange: 0...highest)
      let capped = DepartmentCapSource(base: source, layout: layout)
      var solved = CertifiedAssignment.solveWithStatistics(
        capped, capacities: layout.capacities, candidatesPerRow: candidatesPerMentee)
      if configuration.objective == .fairness {
        let fair = FairnessObjective.solve(
          source: capped, capacities: layout.capacities, candidatesPerRow: candidatesPerMentee, baseline: solved)
        let baseline = layout.mentorLevel(solved, mentors: cohort.mentors.count)
        fairness = PlanSummary.FairnessComparison(
          bottleneck: fair.bottleneck,
          totalFitPlanMinimum: baseline.statistics.assignedScore.filter { !$0.isNaN }.min(),
          totalFitPlanTotal: baseline.solution.totalScore)
        solved = (fair.solution, fair.certificate, fair.statistics)
      }
      return (layout.mentorLevel(solved, mentors: cohort.mentors.count), fairness)
    }
    var result = CertifiedAssignment.solveWithStatistics(
      source, capacities: capacities, candidatesPerRow: candidatesPerMentee, warmStart: warmStart?.solution)
    if configuration.objective == .fairness {
      let fair = FairnessObjective.solve(
        source: source, capacities: capacities, candidatesPerRow: candidatesPerMentee, baseline: result)
      let baselineScores = result.statistics.assignedScore.filter { !$0.isNaN }
      fairness = PlanSummary.FairnessComparison(
        bottleneck: fair.bottleneck, totalFitPlanMinimum: baselineScores.min(),
        totalFitPlanTotal: result.solution.totalScore)
      result = (fair.solution, fair.certificate, fair.statistics)
    }
    return (result, fairness)
  }

  /// The plan of the mentees with goals (`first`) completed with the plan of
  /// the mentees without (`second`, solved on the places left): pairs, loads
  /// and totals added; the second phase's row duals and statistics for its
  /// `rows`; the first phase's mentor prices (the marginal value of a place
  /// to the mentees with goals). The certificates' counts add up: each phase
  /// is proved optimal over all of its own pairs.
  static func merge(_ first: Solved, _ second: Solved, rows: Set<Int>) -> Solved {
    var result = first
    for i in rows {
      result.solution.columnOfRow[i] = second.solution.columnOfRow[i]
      result.solution.rowValues[i] = second.solution.rowValues[i]
      result.statistics.eligibleColumns[i] = second.statistics.eligibleColumns[i]
      result.statistics.betterColumns[i] = second.statistics.betterColumns[i]
      result.statistics.bestColumn[i] = second.statistics.bestColumn[i]
      result.statistics.bestScore[i] = second.statistics.bestScore[i]
      result.statistics.assignedScore[i] = second.statistics.assignedScore[i]
    }
    for j in result.solution.loads.indices { result.solution.loads[j] += second.solution.loads[j] }
    result.solution.totalScore += second.solution.totalScore
    result.solution.assignedCount += second.solution.assignedCount
    result.certificate.pairsChecked += second.certificate.pairsChecked
    result.certificate.allowedPairs += second.certificate.allowedPairs
    result.certificate.finalCandidatePairs += second.certificate.finalCandidatePairs
    result.certificate.violationsPerRound += second.certificate.violationsPerRound
    result.certificate.seconds.pruning += second.certificate.seconds.pruning
    result.certificate.seconds.solving += second.certificate.seconds.solving
    result.certificate.seconds.pricing += second.certificate.seconds.pricing
    result.certificate.seconds.solvingPerRound += second.certificate.seconds.solvingPerRound
    result.certificate.seconds.solveWork += second.certificate.seconds.solveWork
    return result
  }

  /// A certified solve's solution, certificate and row statistics.
  typealias Solved = (
    solution: AssignmentSolution, certificate: CertifiedAssignment.Certificate,
    statistics: CertifiedAssignment.RowStatistics
  )

  /// The (mentee, mentor) indices of the required pairs.
  static func requiredPairs(_ requirements: PairRequirements, in cohort: Cohort) -> [(Int, Int)] {
    let menteeIndex = cohort.menteeIndexByID
    let mentorIndex = cohort.mentorIndexByID
    return requirements.must.map { pair in
      guard let i = menteeIndex[pair.menteeID], let j = mentorIndex[pair.mentorID] else {
        preconditionFailure("Required pair \(pair) names someone outside the cohort")
      }
      return (i, j)
    }
  }

  /// Adds the required pairs to a solution of the rest of the cohort, with
  /// their rows' statistics.
  static func fix(
    _ required: [(Int, Int)],
    into result:
      inout (
        solution: AssignmentSolution, certificate: CertifiedAssignment.Certificate,
        statistics: CertifiedAssignment.RowStatistics
      ), model: FitModel, rules: PairRules
  ) {
    let m = model.cohort.mentors.count
    var row = [Double](repeating: 0, count: m)
    for (i, j) in required {
      row.withUnsafeMutableBufferPointer { model.fillScores(mentees: i..<(i + 1), into: $0) }
      // The pair's own score, before the rules mask the row.
      let score = row[j]
      row.withUnsafeMutableBufferPointer { rules.mask(rows: i..<(i + 1), scores: $0) }
      result.solution.columnOfRow[i] = j
      result.solution.loads[j] += 1
      result.solution.assignedCount += 1
      result.solution.totalScore += score
      let eligible = (0..<m).filter { !row[$0].isNaN && model.cohort.mentors[$0].capacity > 0 }
      result.statistics.eligibleColumns[i] = max(eligible.count, 1)
      result.statistics.betterColumns[i] = eligible.filter { PlannedPair.scores(row[$0], above: score) }.count
      result.statistics.assignedScore[i] = score
      if let best = eligible.max(by: { row[$0] != row[$1] ? row[$0] < row[$1] : $0 > $1 }) {
        result.statistics.bestColumn[i] = best
        result.statistics.bestScore[i] = row[best]
      }
    }
  }
}
