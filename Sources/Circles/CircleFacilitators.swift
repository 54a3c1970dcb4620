import Assignment
import CompetencyModel

/// One facilitator for each circle, where the facilitators' capacities allow,
/// chosen optimally with the project's capacitated assignment solver.
///
/// The fit of facilitator `f` to circle `C` is the mean over `C`'s members of
/// the one-to-one covered-growth term (``GrowthCoverage``, computed for every
/// member–facilitator pair by one BLAS product): how much of the members'
/// growth need the facilitator can cover. A facilitator who is a member, or
/// who is in a member's reporting line, may not facilitate that circle.
/// The assignment maximises the number of circles with a facilitator, then
/// the total fit (``Assignment/CertifiedAssignment``, the solver `match` runs).
///
/// Invariant: `facilitatorOfCircle[c]` is `nil` or an index into the
/// facilitators, each used at most its capacity times.
public struct CircleFacilitators: Sendable {
  /// The facilitator of each circle, by index, or `nil`.
  public let facilitatorOfCircle: [Int?]
  /// The fit of each circle with its facilitator (0 without one).
  public let fit: [Double]
  /// A one-line reason per circle.
  public let rationale: [String]

  /// Assigns facilitators to the circles of `formation`.
  ///
  /// - Parameters:
  ///   - facilitators: The facilitators (mentors format; capacity = circles each can take).
  ///   - formation: The circles.
  ///   - problem: The participants and settings.
  /// - Complexity: O(`n · F · columns`) for the BLAS product, then the solver on `circles × F`.
  public init(facilitators: [Mentor], formation: CircleFormation, problem: CircleProblem) {
    let k = problem.competencies.count
    let weights =
      problem.settings.competencyWeights.isEmpty
      ? Array(repeating: 1.0, count: k) : problem.settings.competencyWeights
    let cohort = Cohort(competencies: problem.competencies, mentors: facilitators, mentees: problem.participants)
    let coverage = GrowthCoverage(cohort: cohort, weights: weights, headroom: problem.settings.headroom).allPairs()
    let lines = ReportingLines(cohort)
    let circles = formation.circles
    let f = facilitators.count
    var scores = [Double](repeating: 0, count: circles.count * f)
    for (c, members) in circles.enumerated() {
      let ids = Set(members.map { problem.participants[$0].id })
      var above: Set<String> = []
      for i in members { above.formUnion(lines.managers(above: problem.participants[i].id)) }
      for (j, facilitator) in facilitators.enumerated() {
        let managed = lines.managers(above: facilitator.id).contains { ids.contains($0) }
        if ids.contains(facilitator.id) || above.contains(facilitator.id) || managed {
          scores[c * f + j] = AssignmentProblem.forbidden
        } else {
          scores[c * f + j] = members.reduce(0) { $0 + coverage[$1, j] } / Double(members.count)
        }
      }
    }
    // The certified solver `match` and `solve` run, over this small dense problem.
    let capacities = facilitators.map(\.capacity)
    let (solution, _) = CertifiedAssignment.solve(
      DenseScoreSource(AssignmentProblem(rows: circles.count, columns: f, scores: scores, capacities: capacities)),
      capacities: capacities)
    facilitatorOfCircle = solution.columnOfRow
    fit = circles.indices.map { c in solution.columnOfRow[c].map { scores[c * f + $0] } ?? 0 }
    rationale = circles.indices.map { c in
      guard let j = solution.columnOfRow[c] else {
        return "no facilitator: every allowed facilitator's capacity is taken"
      }
      // The competency in which the facilitator covers the most members' goals.
      var count = [Int](repeating: 0, count: k)
      for i in circles[c] {
        for g in problem.goalCompetencies(of: i)
        where facilitators[j].person.levels[g] > problem.participants[i].person.levels[g] {
          count[g] += 1
        }
      }
      let best = count.indices.max { (count[$0], -$0) < (count[$1], -$1) }
      let strength =
        best.flatMap { count[$0] > 0 ? " (above \(count[$0]) members in \(problem.competencies[$0]))" : nil } ?? ""
      let percent = (100 * scores[c * f + j]).rounded()
      return "\(facilitators[j].id) covers \(Int(percent)) % of the members' growth need on average\(strength)"
    }
  }
}
