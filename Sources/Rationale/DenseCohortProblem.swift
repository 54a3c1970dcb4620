import Assignment
import CompetencyModel

/// A cohort as one dense b-matching problem (``BMatchingProblem``): every
/// pair scored, the rules applied, each mentee's `mentors_wanted` as demand,
/// the programme's required pairs fixed outside the problem (their mentee
/// asks for one mentor fewer, their mentor offers one place fewer), and the
/// mentees with a growth goal as priority rows when
/// `rules.goal_mentees_first` applies.
///
/// Used for several mentors per mentee and for shortlists, not for the
/// 100,000-mentee scale (memory O(`mentees · mentors`)).
struct DenseCohortProblem {
  /// The problem over the pairs the optimisation decides.
  let problem: BMatchingProblem
  /// Every pair's score, row-major, rules not applied.
  let scores: [Double]
  /// The required pairs (mentee, mentor).
  let required: [(mentee: Int, mentor: Int)]
  /// The mentees without a growth goal matched after the others (empty when
  /// the rule does not split the cohort).
  let withoutGoal: Set<Int>

  /// - Complexity: O(`mentees · mentors · competencies`) flops (one BLAS
  ///   product) and O(`mentees · mentors`) memory.
  init(model: FitModel, rules: PairRules, requirements: PairRequirements) {
    let cohort = model.cohort
    let n = cohort.mentees.count
    let m = cohort.mentors.count
    var scores = [Double](repeating: 0, count: n * m)
    scores.withUnsafeMutableBufferPointer { model.fillScores(mentees: 0..<n, into: $0) }
    var masked = scores
    masked.withUnsafeMutableBufferPointer { rules.mask(rows: 0..<n, scores: $0) }
    var demands = cohort.mentees.map(\.mentorsWanted)
    var capacities = cohort.mentors.map(\.capacity)
    let required = CohortMatcher.requiredPairs(requirements, in: cohort).map { (mentee: $0.0, mentor: $0.1) }
    for (i, j) in required {
      precondition(capacities[j] > 0, "Required pairs exceed mentor \(cohort.mentors[j].id)'s capacity")
      demands[i] = max(demands[i] - 1, 0)
      capacities[j] -= 1
      masked[i * m + j] = .nan
    }
    let requiredRows = Set(required.map(\.mentee))
    let withoutGoal =
      model.configuration.rules.goalMenteesFirst
      ? Set((0..<n).filter { !requiredRows.contains($0) && !model.hasGrowthGoal(mentee: $0) }) : []
    let phased = !withoutGoal.isEmpty && withoutGoal.count + requiredRows.count < n
    self.scores = scores
    self.required = required
    self.withoutGoal = phased ? withoutGoal : []
    problem = BMatchingProblem(
      rows: n, columns: m, scores: masked, demands: demands, capacities: capacities,
      priorityRows: phased ? (0..<n).map { !withoutGoal.contains($0) } : [])
  }
}
