import Assignment
import CompetencyModel

/// Goal coverage, and the most goals any capacity-feasible plan can cover.
///
/// A mentee's *goal* is a competency whose goal level is above the mentee's
/// current level; a mentor *covers* it when the mentor's level is at least the
/// goal level (the definition of ``CohortMetrics``).
///
/// The bound is computed exactly with the project's own solver: the problem
/// whose score is the number of the mentee's goals the mentor covers, on the
/// eligible pairs only, plus a "nobody" column of score 0 and capacity
/// `mentees` that every mentee may take. Everyone is then always matched (to a
/// mentor or to nobody), so the solver's rule "most matched first" no longer
/// constrains the plan, and its optimum total is the largest coverage of any
/// plan that respects the mentors' capacities and the eligibility rules. Scores
/// are small integers, so the total is exact.
public enum CoverageBound {
  /// How many of mentee `i`'s goals mentor `j` covers.
  ///
  /// - Complexity: O(`competencies`).
  public static func covered(_ cohort: Cohort, mentee i: Int, mentor j: Int) -> Int {
    let mentee = cohort.mentees[i]
    let levels = cohort.mentors[j].person.levels
    var count = 0
    for c in cohort.competencies.indices where mentee.gap(c) > 0 {
      if let goal = mentee.goals[c], levels[c] >= goal { count += 1 }
    }
    return count
  }

  /// How many goals mentee `i` has.
  ///
  /// - Complexity: O(`competencies`).
  public static func goals(_ cohort: Cohort, mentee i: Int) -> Int {
    cohort.competencies.indices.filter { cohort.mentees[i].gap($0) > 0 }.count
  }

  /// The goals covered by a set of pairs.
  ///
  /// - Complexity: O(`pairs · competencies`).
  public static func covered(_ cohort: Cohort, pairs: [(mentee: Int, mentor: Int)]) -> Int {
    pairs.reduce(0) { $0 + covered(cohort, mentee: $1.mentee, mentor: $1.mentor) }
  }

  /// The coverage-count problem with its "nobody" column (the last column).
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - eligibility: Which pairs the rules allow.
  /// - Complexity: O(`mentees · mentors · competencies`).
  public static func problem(_ cohort: Cohort, eligibility: EligibilityMatrix) -> AssignmentProblem {
    let n = cohort.mentees.count
    let m = cohort.mentors.count
    precondition(eligibility.mentees == n && eligibility.mentors == m, "Eligibility must be mentees x mentors")
    var scores = [Double](repeating: 0, count: n * (m + 1))
    for i in 0..<n {
      for j in 0..<m {
        scores[i * (m + 1) + j] =
          eligibility.exclusion(mentee: i, mentor: j) == nil
          ? Double(covered(cohort, mentee: i, mentor: j)) : AssignmentProblem.forbidden
      }
    }
    return AssignmentProblem(
      rows: n, columns: m + 1, scores: scores, capacities: cohort.mentors.map(\.capacity) + [n])
  }

  /// The most goals any plan can cover, and one such plan.
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - eligibility: Which pairs the rules allow (the same rules as the plan's).
  /// - Returns: The maximum, and each mentee's mentor in a plan that reaches
  ///   it (`nil` for nobody).
  /// - Complexity: one certified solve of a `mentees × (mentors + 1)` problem.
  public static func maximum(_ cohort: Cohort, eligibility: EligibilityMatrix) -> (covered: Int, mentorOf: [Int?]) {
    let problem = problem(cohort, eligibility: eligibility)
    // The certified solver `match` and `solve` run.
    let (solution, _) = CertifiedAssignment.solve(DenseScoreSource(problem), capacities: problem.capacities)
    let m = cohort.mentors.count
    let mentorOf = solution.columnOfRow.map { $0 == m ? nil : $0 }
    return (Int(solution.totalScore.rounded()), mentorOf)
  }
}
