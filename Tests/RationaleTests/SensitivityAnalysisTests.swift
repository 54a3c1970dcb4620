import CompetencyModel
import Rationale
import Testing
import _TestSupport

@Suite struct SensitivityAnalysisTests {
  @Test func isReproducibleAndBounded() {
    let cohort = CohortFixtures.generated(mentees: 30, mentors: 10, competencies: 4, seed: 6)
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    var first = SplitMix(seed: 9)
    var second = SplitMix(seed: 9)
    let a = SensitivityAnalysis(plan: plan, runs: 4, spread: 0.2, using: &first)
    let b = SensitivityAnalysis(plan: plan, runs: 4, spread: 0.2, using: &second)
    #expect(a.stability.map(\.share) == b.stability.map(\.share))
    #expect(a.effects == b.effects)
    #expect(a.stability.count == plan.summary.matched)
    #expect(a.stability.allSatisfy { (0...1).contains($0.share) })
    // Nobody states preferences here, so their weights cannot move any pair.
    let preference = a.effects.first { $0.weight == "mentee_preference" }
    #expect(preference?.changedWhenLower == 0 && preference?.changedWhenHigher == 0)
    #expect(a.effects.count == 6 + cohort.competencies.count)
  }
}
