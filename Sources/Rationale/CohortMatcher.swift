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
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = []
  ) -> Scored {
    let model = FitModel(cohort: cohort, configuration: configuration)
    let scores = model.scores().elements
    let eligibility = EligibilityRules.evaluate(cohort, configuration: configuration, history: history, scores: scores)
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
  ///   - candidatesPerMentee: Candidates kept per mentee before pricing.
  ///   - warmStart: The plan of the same cohort under other weights: its mentor
  ///     prices start the solver. The plan is the same with or without it.
  /// - Returns: The plan: pairs with rationale, unmatched mentees with reasons, a summary.
  /// - Complexity: two or more passes of O(`mentees · mentors · competencies`)
  ///   flops, plus the sparse solve; memory O(`mentees · candidates + block`).
  public static func match(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [],
    candidatesPerMentee: Int = 24, warmStart: PairingPlan? = nil
  ) -> PairingPlan {
    let model = FitModel(cohort: cohort, configuration: configuration)
    let rules = PairRules(cohort, configuration: configuration, history: history)
    let source = CohortScoreSource(model: model, rules: rules)
    let capacities = cohort.mentors.map(\.capacity)
    let result = CertifiedAssignment.solveWithStatistics(
      source, capacities: capacities, candidatesPerRow: candidatesPerMentee, warmStart: warmStart?.solution)
    guard configuration.objective == .fairness else {
      return PairingPlan(
        model: model, rules: rules, solution: result.solution, certificate: result.certificate,
        statistics: result.statistics)
    }
    let fair = FairnessObjective.solve(
      source: source, capacities: capacities, candidatesPerRow: candidatesPerMentee, baseline: result)
    var plan = PairingPlan(
      model: model, rules: rules, solution: fair.solution, certificate: fair.certificate,
      statistics: fair.statistics)
    let baselineScores = result.statistics.assignedScore.filter { !$0.isNaN }
    plan.summary.fairness = PlanSummary.FairnessComparison(
      bottleneck: fair.bottleneck, totalFitPlanMinimum: baselineScores.min(),
      totalFitPlanTotal: result.solution.totalScore)
    return plan
  }
}
