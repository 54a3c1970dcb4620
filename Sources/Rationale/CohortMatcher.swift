import Assignment
import CompetencyModel

/// Runs the whole matching path for one cohort: score every pair, apply the
/// rules, solve the capacitated assignment exactly, explain the result.
///
/// ```swift
/// let plan = CohortMatcher.match(cohort, configuration: config, history: previousPairs)
/// ```
public enum CohortMatcher {
  /// The scores and the rules of a cohort, ready to solve.
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

  /// Scores a cohort and applies the rules.
  ///
  /// - Complexity: O(`mentees · mentors · competencies`) flops (one BLAS product).
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
  /// - Parameters:
  ///   - cohort: The people.
  ///   - configuration: Weights, rules and thresholds.
  ///   - history: Pairs of earlier cohorts, not to be repeated.
  /// - Returns: The plan: pairs with rationale, unmatched mentees with reasons, a summary.
  /// - Complexity: scoring plus ``CapacitatedAssignment/solve(_:)``.
  public static func match(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = []
  ) -> PairingPlan {
    let scored = score(cohort, configuration: configuration, history: history)
    let problem = scored.problem
    let solution = CapacitatedAssignment.solve(problem)
    return PairingPlan(scored: scored, problem: problem, solution: solution)
  }
}
