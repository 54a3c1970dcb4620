import CompetencyModel
import Rationale
import Testing
import _TestSupport

@Suite struct GrowthPlanTests {
  let cohort = Cohort(
    competencies: ["Coaching", "Negotiation", "Design", "Finance"],
    mentors: [CohortFixtures.mentor("m1", levels: [5, 4, 5, 5])],
    mentees: [CohortFixtures.mentee("e1", levels: [1, 2, 0, 3], goals: [4, 3, 1, 5])])

  @Test func focusesOnTheLargestContributionsWithHalfwayTargets() {
    let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
    let plan = GrowthPlan(breakdown: model.breakdown(mentee: 0, mentor: 0), programme: .init())
    #expect(plan.focus.count == GrowthPlan.focusLimit)
    // Gaps: Coaching 3, Finance 2, Negotiation 1, Design 1; Coaching leads.
    #expect(plan.focus.first?.competency == "Coaching")
    #expect(plan.focus.first.map { [$0.current, $0.midpoint, $0.target] } == [1, 2.5, 4])
    #expect(plan.focus.allSatisfy { $0.current < $0.target && $0.current <= $0.midpoint && $0.midpoint <= $0.target })
    #expect(plan.milestones.map(\.week) == [0, 12, 24])
    #expect(plan.milestones.allSatisfy { $0.date == nil })
  }

  @Test func focusesOnTheGrowthTheMentorCovers() {
    // The mentor is below the mentee in Negotiation and part of the way in Coaching and Finance.
    let cohort = Cohort(
      competencies: ["Coaching", "Negotiation", "Finance"],
      mentors: [CohortFixtures.mentor("m1", levels: [3, 1, 4.5])],
      mentees: [CohortFixtures.mentee("e1", levels: [1, 2, 3], goals: [4, 3, 5])])
    let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
    let plan = GrowthPlan(breakdown: model.breakdown(mentee: 0, mentor: 0), programme: .init())
    // Coaching: 2 of 3 levels covered (to 3); Finance 1.5 of 2 (to 4.5); Negotiation none.
    #expect(plan.focus.map(\.competency) == ["Coaching", "Finance"])
    #expect(plan.focus.map { [$0.current, $0.midpoint, $0.target] } == [[1, 2, 3], [3, 4, 4.5]])
  }

  @Test func datesMilestonesFromTheProgrammeStart() {
    var programme = MatchingConfiguration.Programme()
    programme.start = CalendarDate("2026-12-28")
    programme.weeks = 10
    let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
    let plan = GrowthPlan(breakdown: model.breakdown(mentee: 0, mentor: 0), programme: programme)
    #expect(plan.milestones.map(\.date) == ["2026-12-28", "2027-02-01", "2027-03-08"])
    #expect(plan.milestoneSummary.hasPrefix("2026-12-28 kickoff; 2027-02-01 midpoint review"))
  }
}
