import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

@Suite struct PairRequirementsTests {
  @Test func requiredPairsAreMadeAndTheRestIsOptimal() {
    var checked = 0
    for seed in UInt64(1)...20 {
      let cohort = CohortFixtures.generated(mentees: 6, mentors: 3, competencies: 4, seed: seed)
      let config = MatchingConfiguration()
      let dense = CohortMatcher.score(cohort, configuration: config).problem
      // Require mentee 0 with the first mentor the rules allow and that has a place.
      guard
        let j = (0..<dense.columns).first(where: { dense.isAllowed(row: 0, column: $0) && dense.capacities[$0] > 0 })
      else { continue }
      let never = PersonPair(menteeID: cohort.mentees[1].id, mentorID: cohort.mentors[0].id)
      let requirements = PairRequirements(
        must: [PersonPair(menteeID: cohort.mentees[0].id, mentorID: cohort.mentors[j].id)], never: [never])
      let plan = CohortMatcher.match(cohort, configuration: config, requirements: requirements)
      #expect(plan.solution.columnOfRow[0] == j)
      #expect(plan.solution.columnOfRow[1] != 0)
      #expect(plan.pairs.first { $0.menteeIndex == 0 }?.highlights.first == "required by the programme's pair rules")
      // The rest: mentee 0 removed, one place fewer at mentor j, the never-pair forbidden.
      var scores = dense.scores
      for k in 0..<dense.columns { scores[k] = AssignmentProblem.forbidden }
      scores[1 * dense.columns + 0] = AssignmentProblem.forbidden
      var capacities = dense.capacities
      capacities[j] -= 1
      let rest = BruteForceAssignment.solve(
        AssignmentProblem(rows: dense.rows, columns: dense.columns, scores: scores, capacities: capacities))
      #expect(plan.summary.matched == rest.assignedCount + 1)
      #expect(abs(plan.summary.totalScore - (rest.totalScore + dense.score(row: 0, column: j)!)) < 1e-9)
      #expect(plan.alternative(mentee: 0, mentor: (j + 1) % dense.columns).status == .required)
      checked += 1
    }
    #expect(checked > 10)
  }
}
