import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// Several mentors per mentee: the plan against exhaustive enumeration, its
/// invariants, and coverage counted over all of a mentee's mentors.
@Suite struct SeveralMentorsTests {
  static func cohort(seed: UInt64) -> Cohort {
    var cohort = CohortFixtures.generated(mentees: 5, mentors: 3, competencies: 4, seed: seed)
    var generator = SplitMix(seed: seed &* 31)
    for i in cohort.mentees.indices { cohort.mentees[i].mentorsWanted = Int.random(in: 1...3, using: &generator) }
    return cohort
  }

  @Test func matchesBruteForce() throws {
    var checked = 0
    for seed in UInt64(1)...20 {
      let cohort = Self.cohort(seed: seed)
      let config = MatchingConfiguration()
      let plan = try CohortMatcher.matchSeveral(cohort, configuration: config)
      let dense = CohortMatcher.score(cohort, configuration: config).problem
      let allowed = dense.scores.filter { !$0.isNaN }.count
      guard allowed <= 15 else { continue }
      checked += 1
      let problem = BMatchingProblem(
        rows: dense.rows, columns: dense.columns, scores: dense.scores, demands: cohort.mentees.map(\.mentorsWanted),
        capacities: dense.capacities)
      let best = try #require(BruteForceBMatching.solve(problem))
      #expect(plan.pairs.count == best.pairs, "seed \(seed)")
      #expect(abs(plan.pairs.map(\.score).reduce(0, +) - best.score) < 1e-9, "seed \(seed)")
      #expect(abs(plan.summary.totalScore - best.score) < 1e-9)
      // Invariants: different mentors per mentee, within demand and capacity, no excluded pair.
      var load = [Int](repeating: 0, count: cohort.mentors.count)
      for i in cohort.mentees.indices {
        let mine = plan.pairs.filter { $0.menteeIndex == i }.map(\.mentorIndex)
        #expect(Set(mine).count == mine.count)
        #expect(mine.count <= cohort.mentees[i].mentorsWanted)
        for j in mine {
          load[j] += 1
          #expect(dense.isAllowed(row: i, column: j))
        }
      }
      #expect(zip(load, cohort.mentors.map(\.capacity)).allSatisfy { $0 <= $1 })
      #expect(plan.summary.matched == Set(plan.pairs.map(\.menteeIndex)).count)
      #expect(plan.summary.matched + plan.unmatched.count == cohort.mentees.count)
    }
    #expect(checked >= 5)
  }

  @Test func agreesWithTheSingleMentorSolverWhenEveryoneWantsOne() throws {
    for seed in UInt64(1)...8 {
      let cohort = CohortFixtures.generated(mentees: 30, mentors: 10, competencies: 6, seed: seed)
      let config = MatchingConfiguration()
      let single = CohortMatcher.match(cohort, configuration: config)
      let several = try CohortMatcher.matchSeveral(cohort, configuration: config)
      #expect(several.pairs.count == single.pairs.count)
      #expect(abs(several.summary.totalScore - single.summary.totalScore) < 1e-7)
    }
  }

  @Test func coverageCountsWhatTheMentorsCoverTogether() throws {
    for seed in UInt64(1)...10 {
      let cohort = Self.cohort(seed: seed)
      let plan = try CohortMatcher.matchSeveral(cohort, configuration: MatchingConfiguration())
      var goals = 0
      var covered = 0
      for i in Set(plan.pairs.map(\.menteeIndex)) {
        let mentee = cohort.mentees[i]
        let mentors = plan.pairs.filter { $0.menteeIndex == i }.map { cohort.mentors[$0.mentorIndex].person }
        for c in cohort.competencies.indices where mentee.gap(c) > 0 {
          goals += 1
          if mentors.contains(where: { $0.levels[c] >= mentee.goals[c]! }) { covered += 1 }
        }
      }
      #expect(plan.metrics.goals == goals)
      #expect(plan.metrics.goalsCovered == covered)
    }
  }

  @Test func explainsEachOfAMenteesPairs() throws {
    let cohort = Cohort(
      competencies: ["a", "b"],
      mentors: [
        CohortFixtures.mentor("m1", levels: [5, 1]), CohortFixtures.mentor("m2", levels: [1, 5]),
      ],
      mentees: [Mentee(person: Person(id: "e1", name: "E", levels: [0, 0]), goals: [4, 4], mentorsWanted: 2)])
    let plan = try CohortMatcher.matchSeveral(cohort, configuration: MatchingConfiguration())
    #expect(plan.pairs.map(\.mentorID).sorted() == ["m1", "m2"])
    let lines = plan.pairs.map { $0.highlights[0] }
    #expect(lines.contains { $0.hasSuffix("(asked for 2): the highest level among the mentee's mentors in a") })
    #expect(lines.contains { $0.hasSuffix("(asked for 2): the highest level among the mentee's mentors in b") })
    #expect(plan.metrics.goals == 2 && plan.metrics.goalsCovered == 2)
  }

  @Test func refusesDepartmentCaps() {
    var config = MatchingConfiguration()
    config.rules.maxMenteesPerDepartment = 1
    #expect(throws: SeveralMentorsError.unsupported("rules.max_mentees_per_department")) {
      try CohortMatcher.matchSeveral(Self.cohort(seed: 1), configuration: config)
    }
  }
}
