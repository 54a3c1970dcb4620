import Circles
import CompetencyModel
import Testing
import _TestSupport

/// Random small instances whose rules bite: a few reporting lines inside the
/// group, two languages, grades 1...6, three departments, three time zones.
func randomParticipants(_ n: Int, competencies k: Int, seed: UInt64) -> [Mentee] {
  var random = SplitMix(seed: seed)
  let levels: [Double] = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]
  return (0..<n).map { i in
    let current = (0..<k).map { _ in levels[Int.random(in: 0...8, using: &random)] }
    let goals = current.map { level -> Double? in
      Bool.random(using: &random) ? min(5, level + Double(Int.random(in: 1...4, using: &random)) / 2) : nil
    }
    let manager =
      i >= 3 && Int.random(in: 0..<4, using: &random) == 0 ? "P\(Int.random(in: 0..<i, using: &random))" : nil
    let languages = [["en"], ["en", "fr"], ["fr"]][Int.random(in: 0...2, using: &random) % (i % 5 == 0 ? 3 : 2)]
    return CohortFixtures.mentee(
      "P\(i)", levels: current, goals: goals,
      department: ["Sales", "Ops", "Eng"][Int.random(in: 0...2, using: &random)],
      manager: manager, offset: [0, 60, 330][Int.random(in: 0...2, using: &random)],
      seniority: Double(Int.random(in: 1...6, using: &random)), languages: languages)
  }
}

/// Checks every hard rule of a grouping directly from the people, not through
/// the problem's own rule code.
func checkHardRules(_ circles: [[Int]], _ people: [Mentee], _ settings: CircleSettings, managers: [Person] = []) {
  #expect(circles.flatMap { $0 }.sorted() == Array(people.indices))
  let lines = ReportingLines(
    Cohort(
      competencies: [], mentors: [],
      mentees: people.map { p in
        var stripped = p.person
        stripped.levels = []
        return Mentee(person: stripped, goals: [])
      }))
  for circle in circles {
    #expect((settings.minimumSize...settings.maximumSize).contains(circle.count))
    for i in circle {
      let above = Set(lines.managers(above: people[i].id))
      for j in circle where j != i {
        #expect(!above.contains(people[j].id), "\(people[j].id) manages \(people[i].id) in one circle")
        if let limit = settings.maximumSeniorityGap {
          #expect(abs(people[i].person.seniority! - people[j].person.seniority!) <= limit)
        }
        #expect(!settings.earlierPairs.contains(PersonPair(menteeID: people[i].id, mentorID: people[j].id)))
      }
    }
    let listing = circle.map { Set(people[$0].person.languages) }.filter { !$0.isEmpty }
    if settings.requireSharedLanguage, let first = listing.first {
      #expect(!listing.dropFirst().reduce(first) { $0.intersection($1) }.isEmpty)
    }
  }
}

@Suite struct CircleFormationTests {
  @Test func objectiveMatchesTheDirectFormula() {
    let people = randomParticipants(9, competencies: 4, seed: 3)
    let settings = CircleSettings(maximumSeniorityGap: nil, excludeReportingLine: false, requireSharedLanguage: false)
    let problem = CircleProblem(participants: people, competencies: ["A", "B", "C", "D"], settings: settings)
    let circle = [0, 2, 3, 5, 8]
    var expected = 0.0
    for i in circle {
      // Coverage: per competency, the best peer's direct covered-growth share.
      var coverage = 0.0
      for c in 0..<4 {
        coverage += circle.filter { $0 != i }.map {
          GrowthCoverage.direct(mentee: people[i], mentor: people[$0].person, weights: [1, 1, 1, 1]).byCompetency[c]
        }.max()!
      }
      #expect(abs(problem.coverage(member: i, in: circle) - coverage) < 1e-12)
      let mix =
        circle.filter { $0 != i }.map {
          ScoreTerms.crossDepartment(mentee: people[i].person.department, mentor: people[$0].person.department)
        }.reduce(0, +) / 4
      // Shared hours: the zones are 0, 60 and 330 minutes; the widest pair spans the arc.
      let offsets = circle.map { people[$0].person.utcOffsetMinutes! }
      let hours = ScoreTerms.timezoneOverlap(mentee: offsets.min()!, mentor: offsets.max()!, workdayHours: 8)
      expected += coverage + 0.1 * mix + 0.1 * hours
    }
    #expect(abs(problem.value(of: circle) - expected) < 1e-9)
    for i in 0..<9 {
      for j in 0..<9 where j != i {
        let direct = GrowthCoverage.direct(mentee: people[i], mentor: people[j].person, weights: [1, 1, 1, 1]).value
        #expect(abs(problem.pairCoverage(member: i, peer: j) - direct) < 1e-12)
        #expect(
          abs(
            problem.sharedHoursShare([i, j])
              - ScoreTerms.timezoneOverlap(
                mentee: people[i].person.utcOffsetMinutes, mentor: people[j].person.utcOffsetMinutes, workdayHours: 8))
            < 1e-12)
      }
    }
  }

  @Test func sharedHoursGoRoundTheClock() {
    let people = [-600, 600, 660].enumerated().map { i, offset in
      CohortFixtures.mentee("P\(i)", levels: [1], goals: [nil], offset: offset)
    }
    let problem = CircleProblem(participants: people, competencies: ["A"], settings: CircleSettings(minimumSize: 2))
    // UTC+10, UTC+11 and UTC−10 (= UTC+14) lie on a 4-hour arc of the clock: 4 of 8 hours shared.
    #expect(abs(problem.sharedHoursShare([0, 1, 2]) - 4.0 / 8) < 1e-12)
  }

  @Test(arguments: [(8, 3, 4), (10, 3, 4), (12, 4, 6), (12, 3, 4), (13, 4, 6), (11, 3, 5)])
  func withinTwoPercentOfTheOptimum(n: Int, minimum: Int, maximum: Int) throws {
    for seed in UInt64(1)...3 {
      let people = randomParticipants(n, competencies: 5, seed: seed &* 977 &+ UInt64(n))
      let settings = CircleSettings(minimumSize: minimum, maximumSize: maximum, maximumSeniorityGap: 4)
      let problem = CircleProblem(participants: people, competencies: ["A", "B", "C", "D", "E"], settings: settings)
      guard let exact = ExactCircles.optimum(problem) else {
        #expect(throws: CircleError.self) { try CircleFormation.form(problem) }
        continue
      }
      let formed = try CircleFormation.form(problem)
      checkHardRules(formed.circles, people, settings)
      checkHardRules(exact.circles, people, settings)
      #expect(
        formed.objective >= 0.98 * exact.objective, "n \(n) seed \(seed): \(formed.objective) vs \(exact.objective)")
      #expect(formed.objective <= exact.objective + 1e-9)
      #expect(exact.objective <= formed.bound.total + 1e-9)
      #expect(abs(formed.objective - formed.circles.reduce(0) { $0 + problem.value(of: $1) }) < 1e-9)
    }
  }

  @Test func hardRulesHoldOnGeneratedCohorts() throws {
    for seed in UInt64(5)...6 {
      let cohort = CohortFixtures.generated(mentees: 150, mentors: 40, competencies: 8, seed: seed)
      let earlier: Set<PersonPair> = [
        PersonPair(menteeID: cohort.mentees[0].id, mentorID: cohort.mentees[1].id),
        PersonPair(menteeID: cohort.mentees[2].id, mentorID: cohort.mentees[3].id),
      ]
      // The shared-language rule is off here: the generator's local-language-only
      // people (4 %) are not always placed validly by the search (see Docs/circles.md);
      // the small random instances above check the language rule.
      let settings = CircleSettings(
        maximumSeniorityGap: nil, requireSharedLanguage: false, earlierPairs: earlier, seed: seed, kicks: 1)
      let problem = CircleProblem(
        participants: cohort.mentees, competencies: cohort.competencies, managers: cohort.mentors.map(\.person),
        settings: settings)
      let formed = try CircleFormation.form(problem)
      checkHardRules(formed.circles, cohort.mentees, settings)
      // The earlier pairs are unordered: neither order may share a circle.
      for pair in earlier {
        let a = cohort.mentees.firstIndex { $0.id == pair.menteeID }!
        let b = cohort.mentees.firstIndex { $0.id == pair.mentorID }!
        #expect(!formed.circles.contains { $0.contains(a) && $0.contains(b) })
      }
      #expect(formed.violations == 0)
      #expect(formed.objective <= formed.bound.total + 1e-9)
      // The search improves on the plain grouping by input order.
      let plain = stride(from: 0, to: 150, by: 5).map { Array($0..<$0 + 5) }
      #expect(formed.objective > CircleFormation(problem: problem, circles: plain).objective)
    }
  }

  @Test func theSameInputGivesTheSameCircles() throws {
    let people = randomParticipants(60, competencies: 6, seed: 11)
    let settings = CircleSettings(maximumSeniorityGap: 5, kicks: 2)
    let make = {
      CircleProblem(participants: people, competencies: ["A", "B", "C", "D", "E", "F"], settings: settings)
    }
    let first = try CircleFormation.form(make())
    let second = try CircleFormation.form(make())
    #expect(first.circles == second.circles)
    #expect(first.objective == second.objective)
  }

  @Test func theBoundIsNeverBelowAnyValidGrouping() throws {
    for seed in UInt64(1)...20 {
      let people = randomParticipants(24, competencies: 5, seed: seed)
      let settings = CircleSettings(
        maximumSeniorityGap: nil, excludeReportingLine: false, requireSharedLanguage: false, kicks: 2)
      let problem = CircleProblem(participants: people, competencies: ["A", "B", "C", "D", "E"], settings: settings)
      let bound = CircleBound(problem)
      var random = SplitMix(seed: seed)
      let order = Array(0..<24).shuffled(using: &random)
      let grouping = [
        Array(order[0..<6]), Array(order[6..<10]), Array(order[10..<15]), Array(order[15..<24].prefix(5)),
        Array(order[20..<24]),
      ]
      let formed = try CircleFormation.form(problem)
      #expect(CircleFormation(problem: problem, circles: grouping).objective <= bound.total + 1e-9)
      #expect(formed.objective <= bound.total + 1e-9)
      #expect(formed.gap >= 0 && formed.gap < 1)
    }
  }

  @Test(arguments: [(7, 4, 6), (3, 4, 6), (11, 6, 8), (0, 4, 6)])
  func countsThatCannotBeSplitAreAClearError(n: Int, minimum: Int, maximum: Int) {
    let people = randomParticipants(n, competencies: 2, seed: 1)
    let problem = CircleProblem(
      participants: people, competencies: ["A", "B"],
      settings: CircleSettings(minimumSize: minimum, maximumSize: maximum))
    #expect(throws: CircleError.sizesCannotSplit(participants: n, minimum: minimum, maximum: maximum)) {
      try CircleFormation.form(problem)
    }
    #expect(
      CircleError.sizesCannotSplit(participants: 7, minimum: 4, maximum: 6).description
        == "7 participants cannot be split into circles of 4 to 6 people: use another --size range or change the number of participants."
    )
  }

  @Test func aLanguageTooFewShareIsNamed() {
    let people = (0..<8).map { i in
      CohortFixtures.mentee(
        "P\(i)", levels: [1], goals: [3], languages: i < 2 ? ["tl"] : i == 2 ? ["en", "tl"] : ["en"])
    }
    let problem = CircleProblem(participants: people, competencies: ["A"], settings: CircleSettings(minimumSize: 4))
    #expect(ExactCircles.optimum(problem) == nil)
    #expect(throws: CircleError.self) { try CircleFormation.form(problem) }
    do {
      _ = try CircleFormation.form(problem)
    } catch {
      #expect(
        error.description.contains(
          "P0 works in tl and only 2 other participants share one of these or list none, for circles of at least 4"))
    }
  }

  @Test func aReportingChainThatFillsEveryCircleIsReported() {
    // Eight people in one chain of managers: no two may share a circle.
    let people = (0..<8).map { i in
      CohortFixtures.mentee("P\(i)", levels: [1], goals: [3], manager: i == 0 ? nil : "P\(i - 1)")
    }
    let problem = CircleProblem(participants: people, competencies: ["A"], settings: CircleSettings())
    #expect(ExactCircles.optimum(problem) == nil)
    #expect(throws: CircleError.self) { try CircleFormation.form(problem) }
  }
}
