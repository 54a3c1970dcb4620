import Assignment
import CohortGenerator
import CompetencyModel
import Rationale
import Testing
import _TestSupport

@Suite struct CohortMatcherTests {
  func checkInvariants(_ plan: PairingPlan, _ cohort: Cohort, history: Set<PersonPair> = []) {
    let dense = CohortMatcher.score(cohort, configuration: plan.model.configuration, history: history).problem
    let ids = plan.pairs.map(\.menteeIndex) + plan.unmatched.map(\.menteeIndex)
    #expect(ids.sorted() == Array(cohort.mentees.indices))
    var load = [Int](repeating: 0, count: cohort.mentors.count)
    for pair in plan.pairs {
      load[pair.mentorIndex] += 1
      #expect(plan.rules.exclusion(mentee: pair.menteeIndex, mentor: pair.mentorIndex, score: pair.score) == nil)
      #expect(dense.score(row: pair.menteeIndex, column: pair.mentorIndex) == pair.score)
      #expect(abs(pair.breakdown.total - pair.score) < 1e-9)
      #expect(pair.rank >= 1 && pair.rank <= pair.eligibleMentors)
    }
    for (j, mentor) in cohort.mentors.enumerated() { #expect(load[j] <= mentor.capacity) }
    let s = plan.summary
    #expect(s.matched + s.unmatched == s.mentees)
    #expect(s.loadHistogram.reduce(0, +) == s.mentors)
    #expect(abs(s.totalScore - plan.pairs.reduce(0) { $0 + $1.score }) < 1e-9)
    #expect(plan.solution.verify(against: dense).isEmpty)
    #expect(plan.certificate.violationsPerRound.last == 0)
  }

  @Test func matchesAGeneratedCohortWithinEveryRule() {
    let generated = CohortGenerator(.init(mentees: 150, mentors: 45, competencies: 12, seed: 17)).generate()
    let history = Set(generated.history)
    let plan = CohortMatcher.match(generated.cohort, configuration: MatchingConfiguration(), history: history)
    checkInvariants(plan, generated.cohort, history: history)
    #expect(plan.summary.matched > 0)
  }

  @Test func candidatePruningDoesNotChangeThePlan() {
    let cohort = CohortFixtures.generated(mentees: 120, mentors: 30, competencies: 10, seed: 23)
    var config = MatchingConfiguration()
    config.minimumScore = 0.6
    let full = CohortMatcher.match(cohort, configuration: config, candidatesPerMentee: 30)
    for k in [1, 3] {
      let pruned = CohortMatcher.match(cohort, configuration: config, candidatesPerMentee: k)
      checkInvariants(pruned, cohort)
      #expect(pruned.summary.matched == full.summary.matched)
      #expect(abs(pruned.summary.totalScore - full.summary.totalScore) < 1e-9)
      #expect(pruned.unmatched.map(\.reason).count == full.unmatched.count)
    }
  }

  @Test func agreesWithBruteForceOnSmallCohorts() {
    for seed in UInt64(1)...40 {
      let cohort = CohortFixtures.generated(mentees: 6, mentors: 3, competencies: 4, seed: seed)
      var config = MatchingConfiguration()
      config.minimumScore = seed % 3 == 0 ? 0.3 : nil
      let plan = CohortMatcher.match(cohort, configuration: config)
      checkInvariants(plan, cohort)
      let oracle = BruteForceAssignment.solve(CohortMatcher.score(cohort, configuration: config).problem)
      #expect(plan.summary.matched == oracle.assignedCount)
      #expect(abs(plan.summary.totalScore - oracle.totalScore) < 1e-9)
    }
  }

  @Test func explainsEachKindOfUnmatchedMentee() {
    var config = MatchingConfiguration()
    config.minimumScore = 0.5
    let cohort = Cohort(
      competencies: ["Coaching", "Negotiation"],
      mentors: [
        CohortFixtures.mentor("m1", levels: [5, 5], capacity: 1),
        CohortFixtures.mentor("m2", levels: [0, 1], capacity: 3),
        CohortFixtures.mentor("m3", levels: [5, 5], capacity: 0),
      ],
      mentees: [
        CohortFixtures.mentee("e1", levels: [1, 1], goals: [4, 4]),
        CohortFixtures.mentee("e2", levels: [1, 1], goals: [3, 3]),
        CohortFixtures.mentee("e3", levels: [1, 1], goals: [3, 3], manager: "m1"),
      ])
    let plan = CohortMatcher.match(cohort, configuration: config)
    checkInvariants(plan, cohort)
    #expect(plan.pairs.count == 1)
    let reasons = Dictionary(uniqueKeysWithValues: plan.unmatched.map { ($0.menteeID, $0.reason) })
    // e1 and e2 both want m1's single place; the other is left with m2, below the minimum.
    let loser = plan.pairs[0].menteeID == "e1" ? "e2" : "e1"
    #expect(reasons[loser] == .capacityExhausted(eligibleMentors: 1, bestMentorID: "m1", bestScore: 1))
    // e3 reports to m1: excluded; m2 is below the minimum; m3 offers no places.
    guard case .belowMinimumFit(let best, let minimum) = reasons["e3"] else {
      Issue.record("e3 should be below the minimum fit, got \(String(describing: reasons["e3"]))")
      return
    }
    // m2 is at or below e3's level in both goals: it covers none of the growth.
    #expect(best == 0 && minimum == 0.5)
    #expect(plan.unmatched.allSatisfy { !$0.explanation.isEmpty })
  }

  @Test func reportsMenteesNoRuleAllows() {
    let cohort = Cohort(
      competencies: ["a"], mentors: [CohortFixtures.mentor("m1", levels: [5], languages: ["fr"])],
      mentees: [CohortFixtures.mentee("e1", levels: [1], goals: [3], manager: "m1", languages: ["de"])])
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    #expect(plan.unmatched.first?.reason == .noEligibleMentor(exclusions: [.reportingLine: 1], noCapacity: 0))
    #expect(plan.unmatched.first?.explanation.contains("same reporting line") == true)
  }

  @Test func ranksTheChosenMentorAmongTheMenteesOptions() {
    // Two mentees both prefer m1 (covers all of 1 → 3); one must take m2
    // (covers 1 → 2, half the need), ranked 2nd of 2.
    let cohort = Cohort(
      competencies: ["a"],
      mentors: [CohortFixtures.mentor("m1", levels: [5]), CohortFixtures.mentor("m2", levels: [2])],
      mentees: [
        CohortFixtures.mentee("e1", levels: [1], goals: [3]), CohortFixtures.mentee("e2", levels: [1], goals: [3]),
      ])
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    #expect(plan.pairs.map(\.rank).sorted() == [1, 2])
    #expect(plan.pairs.allSatisfy { $0.eligibleMentors == 2 })
    #expect(plan.pairs.allSatisfy { $0.highlights.first?.hasPrefix("a: mentor at") == true })
  }
}
