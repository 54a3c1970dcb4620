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
    #expect(
      plan.focus.allSatisfy { f in f.current < f.target && f.midpoint.map { f.current < $0 && $0 < f.target } ?? false }
    )
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

  @Test func aNearGoalGetsAMidpointBelowItOrNone() {
    // The real-data plan showed "2.2 → 2.9 → 2.9": the half level above half way, capped at the goal.
    let cohort = Cohort(
      competencies: ["Writing", "Speaking", "Coaching", "Finance"],
      mentors: [CohortFixtures.mentor("m1", levels: [5, 5, 5, 5])],
      mentees: [CohortFixtures.mentee("e1", levels: [2.2, 2.8, 2.6, 3], goals: [2.9, 2.9, 2.9, 3.5])])
    let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
    let plan = GrowthPlan(breakdown: model.breakdown(mentee: 0, mentor: 0), programme: .init())
    let byName = Dictionary(uniqueKeysWithValues: plan.focus.map { ($0.competency, $0) })
    // Levels stated in tenths get a midpoint in tenths, half way rounded up.
    #expect(byName["Writing"]?.midpoint == 2.6)
    #expect(byName["Coaching"]?.midpoint == 2.8)
    #expect(plan.focusSummary.contains("Writing 2.2 → 2.6 → 2.9"))
    #expect(plan.focusSummary.contains("Coaching 2.6 → 2.8 → 2.9"))
    #expect(GrowthPlan.midpoint(current: 2.4, target: 3.1) == 2.8)
    #expect(GrowthPlan.midpoint(current: 2.9, target: 3.4) == 3.2)
    // Finance: half way is 3.25, its half level up is the goal, down the current level; the tenth up is 3.3.
    #expect(GrowthPlan.midpoint(current: 3, target: 3.5) == 3.3)
    // Whole and half levels keep half-level midpoints.
    #expect(GrowthPlan.midpoint(current: 1, target: 4) == 2.5)
    #expect(GrowthPlan.midpoint(current: 1.5, target: 4) == 3)
    #expect(GrowthPlan.midpoint(current: 2, target: 3.5) == 3)
    // No room: a one-step plan.
    #expect(GrowthPlan.midpoint(current: 2.8, target: 2.9) == nil)
    let oneStep = GrowthPlan(
      breakdown: FitModel(
        cohort: Cohort(
          competencies: ["Speaking"], mentors: [CohortFixtures.mentor("m1", levels: [5])],
          mentees: [CohortFixtures.mentee("e1", levels: [2.8], goals: [2.9])]),
        configuration: MatchingConfiguration()
      ).breakdown(mentee: 0, mentor: 0), programme: .init())
    #expect(oneStep.focus.map(\.midpoint) == [nil])
    #expect(oneStep.focusSummary == "Speaking 2.8 → 2.9")
  }

  @Test func midpointsLieStrictlyBetweenOrThereIsNoRoom() {
    // Every pair of levels on the 0.01 grid and a sample of arbitrary ones.
    var pairs: [(Double, Double)] = []
    for a in 0...500 {
      for b in stride(from: a + 1, through: 500, by: 1) { pairs.append((Double(a) / 100, Double(b) / 100)) }
    }
    var random = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let a = Double.random(in: 0...5, using: &random)
      let b = Double.random(in: 0...5, using: &random)
      if a < b { pairs.append((a, b)) }
    }
    for (current, target) in pairs {
      let tenthBetween = stride(from: (current * 10).rounded(.down), through: (target * 10).rounded(.up), by: 1)
        .contains { current < $0 / 10 && $0 / 10 < target }
      guard let midpoint = GrowthPlan.midpoint(current: current, target: target) else {
        #expect(!tenthBetween, "\(current) → \(target): a tenth lies between, yet no midpoint")
        #expect(target - current <= 0.1 + 1e-12, "\(current) → \(target)")
        continue
      }
      #expect(current < midpoint && midpoint < target, "\(current) → \(midpoint) → \(target)")
      // On the half-level grid when both levels are on it and a half level lies between, else on the
      // tenth grid; shown as such.
      let onHalves = [current, target].allSatisfy { ($0 * 2).rounded() == $0 * 2 }
      let halfBetween = stride(from: (current * 2).rounded(.down), through: (target * 2).rounded(.up), by: 1)
        .contains { current < $0 / 2 && $0 / 2 < target }
      let steps = onHalves && halfBetween ? 2.0 : 10.0
      #expect((midpoint * steps).rounded() / steps == midpoint, "\(current) → \(midpoint) → \(target)")
      #expect(CompetencyScale.format(midpoint).count <= 3, "\(midpoint)")
      // Within half a grid step of half way, unless the grid forces the other side of it.
      let halfway = (current + target) / 2
      #expect(abs(midpoint - halfway) < 1 / steps + 1e-9, "\(current) → \(midpoint) → \(target)")
    }
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
