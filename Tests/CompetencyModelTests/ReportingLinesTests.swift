import CompetencyModel
import Testing
import _TestSupport

/// The pairs in one reporting line, by walking every chain: mentee `i` and
/// mentor `j` when either's id is above the other's (first manager given
/// counts, mentors first; a walk stops where it would repeat a person).
private func naiveReportingPairs(_ cohort: Cohort) -> Set<PersonPair> {
  var managerOf: [String: String] = [:]
  for person in cohort.mentors.map(\.person) + cohort.mentees.map(\.person) {
    if let manager = person.manager, !manager.isEmpty, managerOf[person.id] == nil { managerOf[person.id] = manager }
  }
  func above(_ id: String) -> Set<String> {
    var seen: Set<String> = [id]
    var result: Set<String> = []
    var current = id
    while let next = managerOf[current], seen.insert(next).inserted {
      result.insert(next)
      current = next
    }
    return result
  }
  var pairs: Set<PersonPair> = []
  for mentee in cohort.mentees {
    let chain = above(mentee.id)
    for mentor in cohort.mentors where chain.contains(mentor.id) {
      pairs.insert(PersonPair(menteeID: mentee.id, mentorID: mentor.id))
    }
  }
  for mentor in cohort.mentors {
    let chain = above(mentor.id)
    for mentee in cohort.mentees where chain.contains(mentee.id) {
      pairs.insert(PersonPair(menteeID: mentee.id, mentorID: mentor.id))
    }
  }
  return pairs
}

/// A random cohort whose managers form forests, sometimes with people on
/// both sides, managers outside the cohort and (when `loops`) cycles.
private func randomCohort(_ rng: inout SplitMix, loops: Bool) -> Cohort {
  let people = Int.random(in: 2...40, using: &rng)
  let ids = (0..<people).map { "p\($0)" }
  // A random forest over the ids (each person's manager comes earlier), plus outsiders.
  var managerOf: [String: String] = [:]
  for k in 1..<people where Int.random(in: 0..<5, using: &rng) > 0 {
    managerOf[ids[k]] = Bool.random(using: &rng) ? ids[Int.random(in: 0..<k, using: &rng)] : "boss\(k % 3)"
  }
  if loops, people > 3 {
    // Close one or two loops by giving an early person a later manager.
    for _ in 0..<Int.random(in: 1...2, using: &rng) {
      let a = Int.random(in: 0..<(people / 2), using: &rng)
      managerOf[ids[a]] = ids[Int.random(in: (people / 2)..<people, using: &rng)]
    }
  }
  var mentors: [Mentor] = []
  var mentees: [Mentee] = []
  for id in ids.shuffled(using: &rng) {
    let side = Int.random(in: 0..<5, using: &rng)
    if side < 3 { mentees.append(CohortFixtures.mentee(id, levels: [1], goals: [3], manager: managerOf[id])) }
    if side > 1 { mentors.append(CohortFixtures.mentor(id, levels: [4], capacity: 2, manager: managerOf[id])) }
  }
  return Cohort(competencies: ["a"], mentors: mentors, mentees: mentees)
}

@Suite struct ReportingLinesTests {
  @Test(arguments: [false, true])
  func pairsAgreeWithWalkingEveryChain(loops: Bool) {
    var rng = SplitMix(seed: loops ? 17 : 3)
    var found = 0
    for _ in 0..<300 {
      let cohort = randomCohort(&rng, loops: loops)
      let lines = ReportingLines(cohort)
      let menteeIDs = cohort.mentees.map(\.id)
      let mentorIDs = cohort.mentors.map(\.id)
      var pairs: Set<PersonPair> = []
      for (i, j) in lines.pairs(lower: menteeIDs, upper: cohort.mentorIndexByID) {
        pairs.insert(PersonPair(menteeID: menteeIDs[i], mentorID: mentorIDs[j]))
      }
      for (j, i) in lines.pairs(lower: mentorIDs, upper: cohort.menteeIndexByID) {
        pairs.insert(PersonPair(menteeID: menteeIDs[i], mentorID: mentorIDs[j]))
      }
      let expected = naiveReportingPairs(cohort)
      #expect(pairs == expected)
      found += expected.count
      // The rules exclude exactly those pairs (and the same person on both sides).
      let rules = PairRules(cohort, configuration: MatchingConfiguration())
      for (i, mentee) in cohort.mentees.enumerated() {
        for (j, mentor) in cohort.mentors.enumerated() {
          let exclusion = rules.exclusion(mentee: i, mentor: j, score: 0)
          let pair = PersonPair(menteeID: mentee.id, mentorID: mentor.id)
          if mentee.id == mentor.id {
            #expect(exclusion == .samePerson)
          } else {
            #expect((exclusion == .reportingLine) == expected.contains(pair))
          }
        }
      }
    }
    #expect(found > 100)
  }

  @Test func managersAboveFollowTheFirstManagerAndStopAtALoop() {
    let cohort = Cohort(
      competencies: ["a"],
      mentors: [
        CohortFixtures.mentor("a", levels: [4], manager: "b"), CohortFixtures.mentor("b", levels: [4], manager: "c"),
        CohortFixtures.mentor("c", levels: [4], manager: "a"),
      ],
      mentees: [
        CohortFixtures.mentee("e", levels: [1], goals: [3], manager: "a"),
        CohortFixtures.mentee("a", levels: [1], goals: [3], manager: "x"),
      ])
    let lines = ReportingLines(cohort)
    #expect(lines.managers(above: "e") == ["a", "b", "c"])
    #expect(lines.managers(above: "a") == ["b", "c"])
    #expect(lines.managers(above: "x") == [])
    #expect(lines.managers(above: "nobody") == [])
  }

  @Test func aDeepChainIsIndexedWithoutRecursion() {
    // 50,000 people in one chain: every mentee is below every mentor above it.
    let depth = 50_000
    var mentors: [Mentor] = []
    var mentees: [Mentee] = []
    for k in 0..<depth {
      let manager = k == 0 ? nil : "p\(k - 1)"
      if k % 10_000 == 0 {
        mentors.append(CohortFixtures.mentor("p\(k)", levels: [4], manager: manager))
      } else {
        mentees.append(CohortFixtures.mentee("p\(k)", levels: [1], goals: [3], manager: manager))
      }
    }
    let cohort = Cohort(competencies: ["a"], mentors: mentors, mentees: mentees)
    let lines = ReportingLines(cohort)
    let below = lines.pairs(lower: mentees.map(\.id), upper: cohort.mentorIndexByID)
    // Mentor j (at depth 10,000·j) is above every mentee deeper than it.
    let expected = (0..<mentors.count).reduce(0) { $0 + (depth - 1 - 10_000 * $1) - (mentors.count - 1 - $1) }
    #expect(below.count == expected)
    // And below every mentee above it (all but the mentors above it).
    let above = (0..<mentors.count).reduce(0) { $0 + 10_000 * $1 - $1 }
    #expect(lines.pairs(lower: mentors.map(\.id), upper: cohort.menteeIndexByID).count == above)
  }
}
