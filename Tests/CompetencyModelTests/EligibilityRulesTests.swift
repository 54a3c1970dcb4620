import CompetencyModel
import Testing
import _TestSupport

@Suite struct EligibilityRulesTests {
  /// m1 manages m2, who manages e1; e2 is also mentor m3's manager; e3 is
  /// also a mentor (same id); e4 speaks only German.
  let cohort = Cohort(
    competencies: ["a"],
    mentors: [
      CohortFixtures.mentor("m1", levels: [5], languages: ["en"]),
      CohortFixtures.mentor("m2", levels: [5], manager: "m1", languages: ["en", "de"]),
      CohortFixtures.mentor("m3", levels: [5], manager: "e2", languages: ["en"]),
      CohortFixtures.mentor("e3", levels: [5]),
    ],
    mentees: [
      CohortFixtures.mentee("e1", levels: [1], goals: [3], manager: "m2", languages: ["en"]),
      CohortFixtures.mentee("e2", levels: [1], goals: [3], languages: ["en"]),
      CohortFixtures.mentee("e3", levels: [1], goals: [3]),
      CohortFixtures.mentee("e4", levels: [1], goals: [3], languages: ["de"]),
    ])

  @Test func appliesEveryRule() {
    let history: Set<PersonPair> = [PersonPair(menteeID: "e2", mentorID: "m1")]
    let e = EligibilityRules.evaluate(cohort, configuration: MatchingConfiguration(), history: history)
    // Reporting line, two levels up, and in the other direction (e2 manages m3).
    #expect(e.exclusion(mentee: 0, mentor: 1) == .reportingLine)
    #expect(e.exclusion(mentee: 0, mentor: 0) == .reportingLine)
    #expect(e.exclusion(mentee: 1, mentor: 2) == .reportingLine)
    #expect(e.exclusion(mentee: 1, mentor: 0) == .previousPair)
    #expect(e.exclusion(mentee: 2, mentor: 3) == .samePerson)
    #expect(e.exclusion(mentee: 3, mentor: 0) == .noSharedLanguage)
    #expect(e.exclusion(mentee: 3, mentor: 1) == nil)
    // Nobody lists languages for e3 / mentor e3: the language rule does not apply.
    #expect(e.exclusion(mentee: 2, mentor: 0) == nil)
    #expect(e.exclusionCounts(mentee: 0) == [.reportingLine: 2])
  }

  @Test func rulesCanBeSwitchedOff() {
    var config = MatchingConfiguration()
    config.rules.excludeSelf = false
    config.rules.excludeReportingLine = false
    config.rules.excludePreviousPairs = false
    config.rules.requireSharedLanguage = false
    let history: Set<PersonPair> = [PersonPair(menteeID: "e2", mentorID: "m1")]
    let e = EligibilityRules.evaluate(cohort, configuration: config, history: history)
    #expect(e.reasons.allSatisfy { $0 == 0 })
  }

  @Test func minimumScoreExcludesWeakPairsAfterTheRules() {
    var config = MatchingConfiguration()
    config.minimumScore = 0.5
    let scores = [Double](repeating: 0.4, count: 16)
    let e = EligibilityRules.evaluate(cohort, configuration: config, scores: scores)
    #expect(e.exclusion(mentee: 0, mentor: 1) == .reportingLine)
    #expect(e.exclusion(mentee: 1, mentor: 1) == .belowMinimumScore)
  }

  @Test func reportingLinesSurviveACycle() {
    let looped = Cohort(
      competencies: ["a"], mentors: [CohortFixtures.mentor("m1", levels: [5], manager: "e1")],
      mentees: [CohortFixtures.mentee("e1", levels: [1], goals: [3], manager: "m1")])
    #expect(ReportingLines(looped).managers(above: "e1") == ["m1"])
    let e = EligibilityRules.evaluate(looped, configuration: MatchingConfiguration())
    #expect(e.exclusion(mentee: 0, mentor: 0) == .reportingLine)
  }
}

@Suite struct PairRulesMaskTests {
  /// `mask` (the blockwise path of every pass) excludes exactly the pairs the
  /// dense rules report, with one word of languages per person and with two.
  @Test(arguments: [10, 70]) func maskAgreesWithTheDenseRules(languageCount: Int) {
    var cohort = CohortFixtures.generated(mentees: 90, mentors: 40, competencies: 4, seed: 21)
    for i in cohort.mentees.indices {
      cohort.mentees[i].person.languages = i % 5 == 0 ? [] : ["L\(i % languageCount)", "L\((i * 7) % languageCount)"]
    }
    for j in cohort.mentors.indices {
      cohort.mentors[j].person.languages = j % 4 == 0 ? [] : ["L\((j * 3) % languageCount)"]
    }
    let configuration = MatchingConfiguration()
    let rules = PairRules(cohort, configuration: configuration)
    let n = cohort.mentees.count
    let m = cohort.mentors.count
    var scores = [Double](repeating: 1, count: n * m)
    scores.withUnsafeMutableBufferPointer { rules.mask(rows: 0..<n, scores: $0) }
    let dense = EligibilityRules.evaluate(cohort, configuration: configuration)
    var excluded = 0
    for i in 0..<n {
      for j in 0..<m {
        #expect(scores[i * m + j].isNaN == (dense.exclusion(mentee: i, mentor: j) != nil), "pair \(i), \(j)")
        if dense.exclusion(mentee: i, mentor: j) == .noSharedLanguage { excluded += 1 }
      }
    }
    #expect(excluded > 100)
  }
}
