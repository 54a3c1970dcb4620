import CompetencyModel
import Rationale
import Testing
import _TestSupport

@Suite struct PlanComparisonTests {
  @Test func accountsForEveryMentee() {
    let cohort = CohortFixtures.generated(mentees: 50, mentors: 12, competencies: 6, seed: 8)
    var other = MatchingConfiguration()
    other.competencyWeights = [cohort.competencies[0]: 4, cohort.competencies[1]: 4]
    other.minimumScore = 0.9
    let a = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    let b = CohortMatcher.match(cohort, configuration: other)
    let comparison = PlanComparison(a, b)
    #expect(
      comparison.kept + comparison.changed.count + comparison.lost.count + comparison.gained.count
        + comparison.unmatchedInBoth == 50)
    #expect(comparison.lost.count - comparison.gained.count == a.summary.matched - b.summary.matched)
    #expect(comparison.changed.allSatisfy { $0.before != nil && $0.after != nil && $0.before != $0.after })
    let same = PlanComparison(a, a)
    #expect(same.kept == a.summary.matched && same.changed.isEmpty && same.lost.isEmpty && same.gained.isEmpty)
  }
}
