import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// Shortlists: the plan's mentor first, exact costs equal to re-solving with
/// the pair forced, and no mentor beyond `size × capacity` lists.
@Suite struct ShortlistTests {
  @Test(arguments: [1, 2, 3])
  func firstChoiceIsThePlanAndExposureIsBounded(size: Int) {
    for seed in UInt64(1)...10 {
      let cohort = CohortFixtures.generated(mentees: 20, mentors: 6, competencies: 5, seed: seed)
      let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
      let shortlist = Shortlist(plan: plan, size: size)
      #expect(shortlist.costsFromPlan)
      var exposure = [Int](repeating: 0, count: cohort.mentors.count)
      for entry in shortlist.entries {
        let planned = plan.pairs.first { $0.menteeIndex == entry.menteeIndex }
        #expect(entry.suggestions.first?.mentorIndex == planned?.mentorIndex || planned == nil)
        #expect(entry.suggestions.first?.inPlan == (planned != nil) || entry.suggestions.isEmpty)
        #expect(entry.suggestions.count <= size)
        #expect(Set(entry.suggestions.map(\.mentorIndex)).count == entry.suggestions.count)
        for s in entry.suggestions { exposure[s.mentorIndex] += 1 }
        // Within a list, alternatives come cheapest first.
        let alternatives = entry.suggestions.filter { !$0.inPlan }
        for (a, b) in zip(alternatives, alternatives.dropFirst()) {
          #expect(
            a.matchedChange > b.matchedChange || (a.matchedChange == b.matchedChange && a.fitChange >= b.fitChange))
        }
      }
      #expect(exposure == shortlist.exposure)
      for j in cohort.mentors.indices {
        #expect(exposure[j] <= size * cohort.mentors[j].capacity)
        #expect(shortlist.exposureBound[j] == size * cohort.mentors[j].capacity)
      }
      // A list is short of `size` only when every allowed mentor left out is at its bound.
      let dense = CohortMatcher.score(cohort, configuration: MatchingConfiguration()).problem
      for entry in shortlist.entries where entry.suggestions.count < size {
        for j in cohort.mentors.indices
        where dense.isAllowed(row: entry.menteeIndex, column: j) && cohort.mentors[j].capacity > 0
          && !entry.suggestions.contains(where: { $0.mentorIndex == j })
        {
          #expect(exposure[j] == shortlist.exposureBound[j])
        }
      }
    }
  }

  @Test func exactCostEqualsTheResolveDifference() {
    var checked = 0
    for seed in UInt64(1)...12 {
      let cohort = CohortFixtures.generated(mentees: 6, mentors: 3, competencies: 4, seed: seed)
      let config = MatchingConfiguration()
      let plan = CohortMatcher.match(cohort, configuration: config)
      let dense = CohortMatcher.score(cohort, configuration: config).problem
      let shortlist = Shortlist(plan: plan, size: 3)
      for entry in shortlist.entries {
        let i = entry.menteeIndex
        for s in entry.suggestions where !s.inPlan {
          let j = s.mentorIndex
          // Re-solve by brute force: the pair forced, the rest of the cohort optimal.
          var scores = dense.scores
          for k in 0..<dense.columns { scores[i * dense.columns + k] = AssignmentProblem.forbidden }
          var capacities = dense.capacities
          capacities[j] -= 1
          let rest = BruteForceAssignment.solve(
            AssignmentProblem(rows: dense.rows, columns: dense.columns, scores: scores, capacities: capacities))
          let forcedScore = dense.score(row: i, column: j)!
          #expect(s.matchedChange == rest.assignedCount + 1 - plan.summary.matched, "seed \(seed) (\(i), \(j))")
          #expect(abs(s.fitChange - (rest.totalScore + forcedScore - plan.summary.totalScore)) < 1e-9)
          // The dual reduced cost is only a lower bound of the loss.
          #expect(s.matchedChange <= 0)
          checked += 1
        }
      }
    }
    #expect(checked > 20)
  }

  @Test func severalMentorPlansListEveryPlannedMentorFirst() throws {
    var cohort = CohortFixtures.generated(mentees: 12, mentors: 5, competencies: 4, seed: 5)
    for i in stride(from: 0, to: 12, by: 3) { cohort.mentees[i].mentorsWanted = 2 }
    let plan = try CohortMatcher.matchSeveral(cohort, configuration: MatchingConfiguration())
    let shortlist = Shortlist(plan: plan, size: 3)
    #expect(shortlist.costsFromPlan)
    for entry in shortlist.entries {
      let planned = plan.pairs.filter { $0.menteeIndex == entry.menteeIndex }.map(\.mentorIndex)
      #expect(Array(entry.suggestions.prefix(planned.count).map(\.mentorIndex)) == planned)
    }
  }
}
