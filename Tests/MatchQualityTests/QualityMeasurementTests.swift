import CohortGenerator
import CompetencyModel
import MatchQuality
import Rationale
import Testing
import _TestSupport

@Suite struct QualityMeasurementTests {
  @Test func spreadUsesLinearInterpolation() throws {
    let spread = try #require(QualityMeasurement.Spread([4, 1, 3, 2, 5]))
    #expect(
      [spread.minimum, spread.lowerQuartile, spread.median, spread.upperQuartile, spread.maximum] == [1, 2, 3, 4, 5])
    let even = try #require(QualityMeasurement.Spread([0, 1]))
    #expect(even.median == 0.5 && even.lowerQuartile == 0.25 && even.upperQuartile == 0.75)
    #expect(QualityMeasurement.Spread([]) == nil)
  }

  @Test func agreesWithThePlanAndItsBreakdowns() {
    let generated = CohortGenerator(.init(mentees: 60, mentors: 25, competencies: 8, seed: 4)).generate()
    let history = Set(generated.history)
    let cohort = generated.cohort
    let measured = QualityMeasurement.measure(cohort, history: history)
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration(), history: history)
    #expect(measured.matched == plan.pairs.count)
    #expect(measured.goalsCovered == plan.metrics.goalsCovered)
    #expect(measured.goalsCovered <= measured.coverageBound)
    #expect(measured.coverageBound <= measured.goals)
    // The counts recomputed directly from the plan's breakdowns.
    let items = plan.pairs.flatMap(\.breakdown.competencies).filter { $0.value > 0 }
    #expect(measured.contributions == items.count)
    #expect(measured.contributionsAtOrBelowMentee == items.filter { $0.mentorLevel <= $0.menteeLevel }.count)
    #expect(measured.noneCoveredWhileAllFree <= measured.noneCoveredWhileAllAvailable)
    #expect(measured.planScores?.count == plan.pairs.count)
    #expect(measured.planScores?.maximum ?? 0 <= measured.eligibleScores?.maximum ?? 0)
  }
}
