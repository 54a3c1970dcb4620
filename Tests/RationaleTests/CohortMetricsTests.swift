import CompetencyModel
import Rationale
import Testing
import _TestSupport

@Suite struct CohortMetricsTests {
  @Test func countsCoveredGoalsAndCrossDepartmentPairs() {
    let cohort = Cohort(
      competencies: ["Coaching", "Negotiation", "Design"],
      mentors: [
        CohortFixtures.mentor("m1", levels: [5, 2, 0], department: "Sales"),
        CohortFixtures.mentor("m2", levels: [3, 4, 4], department: "Engineering"),
      ],
      mentees: [
        // Goals in Coaching (4) and Negotiation (3); Design goal below the current level does not count.
        CohortFixtures.mentee("e1", levels: [1, 1, 3], goals: [4, 3, 2], department: "Engineering"),
        CohortFixtures.mentee("e2", levels: [2, 0, 0], goals: [3, nil, 4]),
      ])
    let metrics = CohortMetrics(cohort: cohort, pairs: [(mentee: 0, mentor: 0), (mentee: 1, mentor: 1)])
    // e1 with m1: Coaching 5 >= 4 covered, Negotiation 2 < 3 not. e2 with m2: Coaching 3 >= 3, Design 4 >= 4.
    #expect(metrics.goals == 4)
    #expect(metrics.goalsCovered == 3)
    #expect(metrics.goalCoverage == 0.75)
    #expect(
      metrics.coverageByCompetency.map { [$0.goals, $0.covered] } == [[2, 2], [1, 0], [1, 1]])
    // Only e1–m1 has both departments known, and they differ.
    #expect(metrics.pairsWithKnownDepartments == 1)
    #expect(metrics.crossDepartmentShare == 1)
  }

  @Test func anEmptyPlanHasNoShares() {
    let cohort = CohortFixtures.generated(mentees: 5, mentors: 2, competencies: 3, seed: 1)
    let metrics = CohortMetrics(cohort: cohort, pairs: [])
    #expect(metrics.goals == 0 && metrics.goalCoverage == nil && metrics.crossDepartmentShare == nil)
  }

  @Test func aPlanCarriesItsMetrics() {
    let cohort = CohortFixtures.generated(mentees: 60, mentors: 20, competencies: 8, seed: 4)
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    let expected = CohortMetrics(cohort: cohort, pairs: plan.pairs.map { ($0.menteeIndex, $0.mentorIndex) })
    #expect(plan.metrics == expected)
    #expect(plan.metrics.coverageByCompetency.reduce(0) { $0 + $1.goals } == plan.metrics.goals)
  }
}
