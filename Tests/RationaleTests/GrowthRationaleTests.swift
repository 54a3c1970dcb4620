import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// Mentees without growth goals, and rationale lines that speak of covered growth.
@Suite struct GrowthRationaleTests {
  /// A small cohort where some mentees have no goal above their level, and
  /// places are short.
  func cohort(seed: UInt64) -> Cohort {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func draw(_ n: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(n))
    }
    let k = 3
    let mentors = (0..<3).map { j in
      CohortFixtures.mentor(
        "m\(j)", levels: (0..<k).map { _ in Double(draw(11)) / 2 }, capacity: 1 + draw(2),
        department: ["A", "B"][draw(2)], offset: 60 * draw(3), seniority: Double(draw(5)))
    }
    let mentees = (0..<6).map { i -> Mentee in
      let levels = (0..<k).map { _ in Double(draw(9)) / 2 }
      let withGoals = draw(2) == 0
      let goals: [Double?] = levels.map { a in
        withGoals && draw(3) > 0 ? min(a + 0.5 + Double(draw(4)) / 2, 5) : (draw(2) == 0 ? nil : a)
      }
      return CohortFixtures.mentee(
        "e\(i)", levels: levels, goals: goals, department: ["A", "B"][draw(2)], offset: 60 * draw(3),
        seniority: Double(draw(3)))
    }
    return Cohort(competencies: ["a", "b", "c"], mentors: mentors, mentees: mentees)
  }

  /// The most mentees with a growth goal any capacity-feasible plan matches,
  /// by enumeration.
  func mostGoalMenteesMatched(_ cohort: Cohort, _ model: FitModel, _ allowed: (Int, Int) -> Bool) -> Int {
    var load = [Int](repeating: 0, count: cohort.mentors.count)
    var best = 0
    func visit(_ i: Int, _ count: Int) {
      if i == cohort.mentees.count {
        best = max(best, count)
        return
      }
      visit(i + 1, count)
      for j in cohort.mentors.indices where load[j] < cohort.mentors[j].capacity && allowed(i, j) {
        load[j] += 1
        visit(i + 1, count + (model.hasGrowthGoal(mentee: i) ? 1 : 0))
        load[j] -= 1
      }
    }
    visit(0, 0)
    return best
  }

  @Test func menteesWithoutGoalsNeverTakeAPlaceFromMenteesWithGoals() {
    var phased = 0
    for seed in UInt64(1)...60 {
      let cohort = cohort(seed: seed)
      let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
      let model = plan.model
      let rules = plan.rules
      let allowed = { (i: Int, j: Int) in rules.exclusion(mentee: i, mentor: j, score: 0.5) == nil }
      let goalMatched = plan.pairs.filter { model.hasGrowthGoal(mentee: $0.menteeIndex) }.count
      #expect(goalMatched == mostGoalMenteesMatched(cohort, model, allowed))
      // Places the mentees with goals leave are still used when someone is allowed to take them.
      var load = [Int](repeating: 0, count: cohort.mentors.count)
      for pair in plan.pairs { load[pair.mentorIndex] += 1 }
      for (j, mentor) in cohort.mentors.enumerated() { #expect(load[j] <= mentor.capacity) }
      for u in plan.unmatched {
        let free = cohort.mentors.indices.contains {
          load[$0] < cohort.mentors[$0].capacity && allowed(u.menteeIndex, $0)
        }
        #expect(!free)
        if !model.hasGrowthGoal(mentee: u.menteeIndex),
          cohort.mentors.indices.contains(where: { allowed(u.menteeIndex, $0) })
        {
          #expect(u.reason == .noGrowthGoal)
          #expect(u.explanation.hasPrefix("no growth goal"))
          phased += 1
        }
      }
      #expect(plan.solution.totalScore >= 0)
      #expect(abs(plan.summary.totalScore - plan.pairs.reduce(0) { $0 + $1.score }) < 1e-9)
    }
    #expect(phased > 0)
  }

  @Test func explainsForcedPairsTheWayThePlanWasMade() {
    var checked = 0
    for seed in UInt64(1)...25 {
      let cohort = cohort(seed: seed)
      let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
      guard !plan.menteesMatchedLast.isEmpty else { continue }
      for i in cohort.mentees.indices {
        for j in cohort.mentors.indices where plan.solution.columnOfRow[i] != j {
          let alternative = plan.alternative(mentee: i, mentor: j)
          guard alternative.status == .tradeOff else { continue }
          // The same pair required by the programme's pair rules: the matcher fixes it and solves the rest.
          let forced = CohortMatcher.match(
            cohort, configuration: MatchingConfiguration(),
            requirements: PairRequirements(must: [
              PersonPair(menteeID: cohort.mentees[i].id, mentorID: cohort.mentors[j].id)
            ]))
          #expect(alternative.matchedChange == forced.summary.matched - plan.summary.matched)
          #expect(abs(alternative.totalScoreChange - (forced.summary.totalScore - plan.summary.totalScore)) < 1e-9)
          checked += 1
        }
      }
    }
    #expect(checked > 0)
  }

  @Test func withTheRuleOffEveryoneCompetesOnScore() {
    for seed in UInt64(1)...20 {
      let cohort = cohort(seed: seed)
      var config = MatchingConfiguration()
      config.rules.goalMenteesFirst = false
      let plan = CohortMatcher.match(cohort, configuration: config)
      let oracle = BruteForceAssignment.solve(CohortMatcher.score(cohort, configuration: config).problem)
      #expect(plan.summary.matched == oracle.assignedCount)
      #expect(abs(plan.summary.totalScore - oracle.totalScore) < 1e-9)
      #expect(!plan.unmatched.contains { $0.reason == .noGrowthGoal })
    }
  }

  @Test func rationaleLinesSpeakOfCoveredGrowthWithTheNearestTier() {
    let cohort = Cohort(
      competencies: ["Coaching", "Negotiation", "Writing"],
      mentors: [CohortFixtures.mentor("m", levels: [4.5, 2, 3.5])],
      mentees: [CohortFixtures.mentee("e", levels: [2.5, 2.4, 2.9], goals: [4, 3.3, 4.9])])
    let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
    let breakdown = model.breakdown(mentee: 0, mentor: 0)
    let lines = PairExplanation.highlights(
      breakdown, mentee: cohort.mentees[0].person, mentor: cohort.mentors[0].person)
    let need = 1.5 + 0.9 + 2.0
    #expect(
      lines.contains(
        "Coaching: mentor at 4.5 (proficient) covers goal 4 (proficient) from 2.5 (advanced beginner) (+\(PairExplanation.number(1.5 / need)))"
      ))
    #expect(
      lines.contains(
        "Writing: mentor at 3.5 (competent) covers 0.6 of the 2 levels from 2.9 (competent) to goal 4.9 (expert) (+\(PairExplanation.number(0.6 / need)))"
      ))
    // The mentor is below the mentee in Negotiation: no credit, no line.
    #expect(!lines.contains { $0.hasPrefix("Negotiation") })
    #expect(breakdown.competencies.first { $0.name == "Negotiation" }?.value == 0)
  }
}
