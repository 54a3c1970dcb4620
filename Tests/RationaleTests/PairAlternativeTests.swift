import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

@Suite struct PairAlternativeTests {
  @Test func forcingAPairCostsExactlyWhatBruteForceSays() {
    var checked = 0
    for seed in UInt64(1)...12 {
      let cohort = CohortFixtures.generated(mentees: 6, mentors: 3, competencies: 4, seed: seed)
      let config = MatchingConfiguration()
      let plan = CohortMatcher.match(cohort, configuration: config)
      let dense = CohortMatcher.score(cohort, configuration: config).problem
      for i in 0..<dense.rows {
        for j in 0..<dense.columns {
          let alternative = plan.alternative(mentee: i, mentor: j)
          guard case .tradeOff = alternative.status else { continue }
          checked += 1
          // The rest of the cohort without mentee i, mentor j one place short.
          var scores = dense.scores
          for k in 0..<dense.columns { scores[i * dense.columns + k] = AssignmentProblem.forbidden }
          var capacities = dense.capacities
          capacities[j] -= 1
          let rest = BruteForceAssignment.solve(
            AssignmentProblem(rows: dense.rows, columns: dense.columns, scores: scores, capacities: capacities))
          let forcedScore = dense.score(row: i, column: j)!
          #expect(alternative.matchedChange == rest.assignedCount + 1 - plan.summary.matched)
          #expect(abs(alternative.totalScoreChange - (rest.totalScore + forcedScore - plan.summary.totalScore)) < 1e-9)
          // The plan is optimal: forcing can only cost the cohort.
          #expect(alternative.matchedChange <= 0)
          if alternative.matchedChange == 0 { #expect(alternative.totalScoreChange <= 1e-9) }
        }
      }
    }
    #expect(checked > 20)
  }

  @Test func namesTheRuleOrTheChoice() {
    let cohort = Cohort(
      competencies: ["a"],
      mentors: [
        CohortFixtures.mentor("m1", levels: [5]), CohortFixtures.mentor("m2", levels: [5]),
        CohortFixtures.mentor("m3", levels: [4], capacity: 0),
      ],
      mentees: [CohortFixtures.mentee("e1", levels: [1], goals: [3], manager: "m2")])
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    #expect(plan.alternative(mentee: 0, mentor: 0).status == .chosen)
    #expect(plan.alternative(mentee: 0, mentor: 1).status == .excluded(.reportingLine))
    #expect(plan.alternative(mentee: 0, mentor: 2).status == .noCapacity)
    #expect(plan.alternatives(mentee: 0, count: 2).map(\.mentorID) == ["m1", "m2"])
  }
}

@Suite struct TradeOffTests {
  @Test func theDualBoundNeverExceedsTheExactCost() {
    var checked = 0
    for seed in UInt64(1)...15 {
      let cohort = CohortFixtures.generated(mentees: 7, mentors: 3, competencies: 4, seed: seed)
      let config = MatchingConfiguration()
      let plan = CohortMatcher.match(cohort, configuration: config)
      let dense = CohortMatcher.score(cohort, configuration: config).problem
      for pair in plan.pairs where pair.rank > 1 {
        let i = pair.menteeIndex
        let options = (0..<dense.columns).filter { dense.isAllowed(row: i, column: $0) && dense.capacities[$0] > 0 }
        guard let best = options.max(by: { dense.score(row: i, column: $0)! < dense.score(row: i, column: $1)! })
        else { continue }
        let score = dense.score(row: i, column: best)!
        let bound =
          plan.solution.rowValues[i] + plan.solution.columnPrices[best]
          - plan.solution.adjustedScore(score, sense: .maximize)
        let exact = plan.alternative(mentee: i, mentor: best)
        #expect(pair.highlights.last?.hasPrefix("trade-off: best-scoring option") == true)
        if exact.matchedChange == 0 {
          #expect(-exact.totalScoreChange >= bound - 1e-9)
          checked += 1
        }
      }
    }
    #expect(checked > 5)
  }
}
