import CohortGenerator
import CompetencyModel
import MatchQuality
import Testing
import _TestSupport

@Suite struct CoverageBoundTests {
  /// The largest coverage of any capacity-feasible plan of eligible pairs, by
  /// trying every way to give each mentee a mentor or nobody (no preference
  /// for matching more mentees: the quantity the bound is about).
  func bruteForceMaximum(_ cohort: Cohort, eligibility: EligibilityMatrix) -> Int {
    var load = [Int](repeating: 0, count: cohort.mentors.count)
    var best = 0
    func visit(_ i: Int, _ total: Int) {
      guard i < cohort.mentees.count else {
        best = max(best, total)
        return
      }
      visit(i + 1, total)
      for j in cohort.mentors.indices
      where load[j] < cohort.mentors[j].capacity && eligibility.exclusion(mentee: i, mentor: j) == nil {
        load[j] += 1
        visit(i + 1, total + CoverageBound.covered(cohort, mentee: i, mentor: j))
        load[j] -= 1
      }
    }
    visit(0, 0)
    return best
  }

  /// A small random cohort: levels and goals on a coarse grid so that ties and
  /// exact equalities (mentor level = goal) are common.
  func randomCohort(_ random: inout SeededRandomNumberGenerator) -> Cohort {
    let k = 3
    let n = Int.random(in: 1...6, using: &random)
    let m = Int.random(in: 1...4, using: &random)
    func level() -> Double { Double(Int.random(in: 0...10, using: &random)) / 2 }
    let mentors = (0..<m).map { j in
      CohortFixtures.mentor(
        "m\(j)", levels: (0..<k).map { _ in level() }, capacity: Int.random(in: 0...2, using: &random))
    }
    let mentees = (0..<n).map { i in
      CohortFixtures.mentee(
        "e\(i)", levels: (0..<k).map { _ in level() },
        goals: (0..<k).map { _ in Bool.random(using: &random) ? level() : nil })
    }
    return Cohort(competencies: ["A", "B", "C"], mentors: mentors, mentees: mentees)
  }

  @Test func equalsBruteForceOnRandomSmallCohorts() {
    var random = SeededRandomNumberGenerator(seed: 9)
    var nonTrivial = 0
    for _ in 0..<300 {
      let cohort = randomCohort(&random)
      var eligibility = EligibilityMatrix(mentees: cohort.mentees.count, mentors: cohort.mentors.count)
      for i in cohort.mentees.indices {
        for j in cohort.mentors.indices where Int.random(in: 0..<4, using: &random) == 0 {
          eligibility.exclude(mentee: i, mentor: j, because: .previousPair)
        }
      }
      let bound = CoverageBound.maximum(cohort, eligibility: eligibility)
      let expected = bruteForceMaximum(cohort, eligibility: eligibility)
      #expect(bound.covered == expected)
      if expected > 0 { nonTrivial += 1 }
      // The plan behind the bound is feasible and reaches it.
      var load = [Int](repeating: 0, count: cohort.mentors.count)
      var covered = 0
      for (i, j) in bound.mentorOf.enumerated() {
        guard let j else { continue }
        #expect(eligibility.exclusion(mentee: i, mentor: j) == nil)
        load[j] += 1
        covered += CoverageBound.covered(cohort, mentee: i, mentor: j)
      }
      #expect(zip(load, cohort.mentors).allSatisfy { $0 <= $1.capacity })
      #expect(covered == bound.covered)
    }
    #expect(nonTrivial > 100)
  }

  /// A case where maximising matched mentees first would lose coverage: the
  /// bound must not prefer matching more mentees.
  @Test func doesNotTradeCoverageForMatchedMentees() {
    let cohort = Cohort(
      competencies: ["A", "B"],
      mentors: [
        CohortFixtures.mentor("strong", levels: [5, 5], capacity: 1),
        CohortFixtures.mentor("weak", levels: [0, 0], capacity: 1),
      ],
      mentees: [
        // Only the strong mentor covers either goal of e0; e1 may only take the strong mentor.
        CohortFixtures.mentee("e0", levels: [1, 1], goals: [4, 4]),
        CohortFixtures.mentee("e1", levels: [1, 1], goals: [2, nil]),
      ])
    var eligibility = EligibilityMatrix(mentees: 2, mentors: 2)
    eligibility.exclude(mentee: 1, mentor: 1, because: .previousPair)
    // Matching both mentees gives e1 the strong mentor and covers 1 goal; the bound covers 2.
    let bound = CoverageBound.maximum(cohort, eligibility: eligibility)
    #expect(bound.covered == 2)
    #expect(bound.mentorOf[0] == 0)
  }

  @Test func countsOnlyGoalsAboveTheCurrentLevelAndMetByTheMentor() {
    let cohort = Cohort(
      competencies: ["A", "B", "C"],
      mentors: [CohortFixtures.mentor("m", levels: [3, 2.5, 5])],
      mentees: [CohortFixtures.mentee("e", levels: [1, 1, 4], goals: [3, 3, 2])])
    // A: goal 3, mentor 3 → covered; B: mentor 2.5 < 3; C: goal below current → not a goal.
    #expect(CoverageBound.goals(cohort, mentee: 0) == 2)
    #expect(CoverageBound.covered(cohort, mentee: 0, mentor: 0) == 1)
  }
}
