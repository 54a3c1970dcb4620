import CompetencyModel
import MatchQuality
import Testing

/// The issue 9 targets on the small real-data cohort (294 people), with the
/// default configuration: no competency credit for a mentor at or below the
/// mentee's level, and at least 90 % of the most goals any plan can cover.
@Suite(.enabled(if: realData != nil, Comment(rawValue: realDataMissing)))
struct RealDataQualityTests {
  @Test
  func smallRealCohortMeetsTheQualityTargets() throws {
    let real = try RealDataCohort.build(dataDirectory: realData!, size: .small)
    let measured = QualityMeasurement.measure(real.cohort)
    #expect(measured.coverageBound > 0)
    #expect(
      measured.contributionsAtOrBelowMentee == 0,
      "\(measured.contributionsAtOrBelowMentee) contributions from mentors at or below the mentee")
    #expect(
      measured.coverageRatio >= 0.9,
      "covers \(measured.goalsCovered) of a possible \(measured.coverageBound) goals")
  }
}
