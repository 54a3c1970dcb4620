import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// ``Rematch`` against the exhaustive oracle on small cohorts.
@Suite struct RematchTests {
  var configuration: MatchingConfiguration {
    var config = MatchingConfiguration()
    config.rules.goalMenteesFirst = false  // one phase, as the oracle solves it
    return config
  }

  /// A recorded optimal plan, its first pair ended and its last mentee gone.
  func scenario(seed: UInt64) -> (now: Cohort, recorded: [PersonPair], ended: PersonPair, leaver: String)? {
    let cohort = CohortFixtures.generated(mentees: 7, mentors: 3, competencies: 4, seed: seed)
    let plan = CohortMatcher.match(cohort, configuration: configuration)
    let recorded = plan.pairs.map { PersonPair(menteeID: $0.menteeID, mentorID: $0.mentorID) }
    guard recorded.count >= 3 else { return nil }
    let leaver = cohort.mentees[cohort.mentees.count - 1].id
    let now = Cohort(
      competencies: cohort.competencies, mentors: cohort.mentors, mentees: cohort.mentees.filter { $0.id != leaver })
    return (now, recorded, recorded[0], leaver)
  }

  /// The dense problem of `now` with `ended` forbidden, each continuing pair
  /// allowed and worth `bonus` more, each continuing mentee's allowed pairs
  /// worth `priority` more, and (when `fixed`) continuing mentees' rows and
  /// places taken out.
  func oracle(
    _ now: Cohort, continuing: [PersonPair], ended: PersonPair, bonus: Double, fixed: Bool, priority: Double = 0
  )
    -> (optimum: BruteForceAssignment.Optimum, fixedScore: Double)
  {
    let model = FitModel(cohort: now, configuration: configuration)
    let raw = model.scores().elements
    var problem = CohortMatcher.score(now, configuration: configuration, never: [ended]).problem
    let m = now.mentors.count
    var scores = problem.scores
    var capacities = problem.capacities
    var fixedScore = 0.0
    for pair in continuing {
      let i = now.menteeIndexByID[pair.menteeID]!
      let j = now.mentorIndexByID[pair.mentorID]!
      if fixed {
        for k in 0..<m { scores[i * m + k] = AssignmentProblem.forbidden }
        capacities[j] -= 1
        fixedScore += raw[i * m + j]
      } else {
        for k in 0..<m where !scores[i * m + k].isNaN { scores[i * m + k] += priority }
        scores[i * m + j] = raw[i * m + j] + bonus + priority
      }
    }
    problem = AssignmentProblem(rows: problem.rows, columns: m, scores: scores, capacities: capacities)
    return (BruteForceAssignment.solve(problem), fixedScore)
  }

  @Test func keepsEveryContinuingPairAndMatchesTheRestOptimally() throws {
    var checked = 0
    for seed in UInt64(1)...24 {
      guard let s = scenario(seed: seed) else { continue }
      let rematch = try Rematch(
        cohort: s.now, configuration: configuration, recorded: s.recorded, endedNow: [s.ended], leavers: [s.leaver])
      let made = Set(rematch.plan.pairs.map { PersonPair(menteeID: $0.menteeID, mentorID: $0.mentorID) })
      let continuing = s.recorded.filter { $0 != s.ended && $0.menteeID != s.leaver }
      #expect(Set(rematch.kept) == Set(continuing))
      #expect(Set(continuing).isSubset(of: made))
      #expect(!made.contains(s.ended))
      #expect(rematch.moved.isEmpty)
      #expect(rematch.ended.map(\.pair).contains(s.ended))
      let (optimum, fixedScore) = oracle(s.now, continuing: continuing, ended: s.ended, bonus: 0, fixed: true)
      #expect(rematch.plan.summary.matched == optimum.assignedCount + continuing.count)
      #expect(abs(rematch.plan.summary.totalScore - (optimum.totalScore + fixedScore)) < 1e-9)
      // No mentor over capacity.
      for (j, mentor) in s.now.mentors.enumerated() {
        #expect(rematch.plan.pairs.filter { $0.mentorIndex == j }.count <= mentor.capacity)
      }
      checked += 1
    }
    #expect(checked >= 15)
  }

  @Test func reoptimisingMovesAPairOnlyWhenTheGainExceedsTheCost() throws {
    var checked = 0
    var moves = 0
    for seed in UInt64(1)...24 {
      guard let s = scenario(seed: seed) else { continue }
      let continuing = s.recorded.filter { $0 != s.ended && $0.menteeID != s.leaver }
      for cost in [0.0, 0.05, 0.3] {
        let rematch = try Rematch(
          cohort: s.now, configuration: configuration, recorded: s.recorded, endedNow: [s.ended],
          leavers: [s.leaver], reoptimise: cost)
        let made = Set(rematch.plan.pairs.map { PersonPair(menteeID: $0.menteeID, mentorID: $0.mentorID) })
        #expect(!made.contains(s.ended))
        #expect(Set(rematch.kept).isSubset(of: made))
        #expect(rematch.kept.count + rematch.moved.count == continuing.count)
        // A move gives a continuing mentee another mentor, never none.
        let matched = Set(rematch.plan.pairs.map(\.menteeID))
        #expect(continuing.allSatisfy { matched.contains($0.menteeID) })
        #expect(rematch.moved.allSatisfy { $0.toMentorID != nil && $0.toMentorID != $0.fromMentorID })
        // The objective: most matched, then continuing mentees matched (a priority
        // larger than any fit difference), then total fit plus the cost per pair kept.
        let priority = 1000.0
        let (optimum, _) = oracle(
          s.now, continuing: continuing, ended: s.ended, bonus: cost, fixed: false, priority: priority)
        let keptNow = continuing.filter { made.contains($0) }.count
        let value =
          rematch.plan.summary.totalScore + cost * Double(keptNow) + priority * Double(continuing.count)
        #expect(rematch.plan.summary.matched == optimum.assignedCount)
        #expect(abs(value - optimum.totalScore) < 1e-9)
        moves += rematch.moved.count
      }
      checked += 1
    }
    #expect(checked >= 15)
    #expect(moves > 0)  // the sweep does exercise moves
  }

  @Test func refusesContinuingPairsBeyondACapacityAndUnknownPeople() {
    let cohort = CohortFixtures.generated(mentees: 6, mentors: 2, competencies: 3, seed: 3)
    let mentor = cohort.mentors[0]
    let tooMany = cohort.mentees.prefix(mentor.capacity + 1).map { PersonPair(menteeID: $0.id, mentorID: mentor.id) }
    #expect(
      throws: Rematch.Problem.overCapacity(mentorID: mentor.id, continuing: tooMany.count, capacity: mentor.capacity)
    ) {
      try Rematch(cohort: cohort, configuration: configuration, recorded: tooMany, endedNow: [])
    }
    let stranger = PersonPair(menteeID: "X1", mentorID: mentor.id)
    #expect(throws: Rematch.Problem.unknownPerson(pair: stranger, id: "X1")) {
      try Rematch(cohort: cohort, configuration: configuration, recorded: [stranger], endedNow: [])
    }
  }
}
