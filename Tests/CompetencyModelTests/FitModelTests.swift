import CompetencyModel
import Testing
import _TestSupport

@Suite struct FitModelTests {
  /// The score written out term by term, without BLAS or the model's matrices:
  /// covered growth `Σ w_c (min(m, goal) − current)⁺ / Σ w_c (goal − current)⁺`.
  func directScore(_ cohort: Cohort, _ config: MatchingConfiguration, _ i: Int, _ j: Int) -> Double {
    let mentee = cohort.mentees[i]
    let mentor = cohort.mentors[j].person
    let w = config.weights(for: cohort.competencies)
    var need = 0.0
    var covered = 0.0
    for c in cohort.competencies.indices {
      guard let goal = mentee.goals[c], goal > mentee.person.levels[c] else { continue }
      need += w[c] * (goal - mentee.person.levels[c])
      covered += w[c] * max(min(mentor.levels[c], goal) - mentee.person.levels[c], 0)
    }
    var score = need > 0 ? config.terms.competency * covered / need : 0
    score +=
      config.terms.seniority
      * ScoreTerms.seniority(
        mentee: mentee.person.seniority, mentor: mentor.seniority, idealGap: config.idealSeniorityGap)
    score +=
      config.terms.crossDepartment
      * ScoreTerms.crossDepartment(mentee: mentee.person.department, mentor: mentor.department)
    score +=
      config.terms.timezone
      * ScoreTerms.timezoneOverlap(
        mentee: mentee.person.utcOffsetMinutes, mentor: mentor.utcOffsetMinutes, workdayHours: config.workdayHours)
    return score
  }

  @Test func allPairScoresMatchTheDefinitionAndTheBreakdowns() {
    let cohort = CohortFixtures.generated(mentees: 60, mentors: 25, competencies: 12, seed: 3)
    var config = MatchingConfiguration()
    config.competencyWeights = [cohort.competencies[0].uppercased(): 3, cohort.competencies[1]: 0]
    let model = FitModel(cohort: cohort, configuration: config)
    let scores = model.scores()
    for i in 0..<cohort.mentees.count {
      for j in 0..<cohort.mentors.count {
        let expected = directScore(cohort, config, i, j)
        #expect(abs(scores[i, j] - expected) < 1e-12)
        let breakdown = model.breakdown(mentee: i, mentor: j)
        #expect(abs(breakdown.total - scores[i, j]) < 1e-12)
        #expect(breakdown.components.allSatisfy { $0.value >= 0 })
        #expect(abs(breakdown.components.reduce(0) { $0 + $1.value } - breakdown.total) < 1e-12)
      }
    }
  }

  @Test func competencyFitIsOneForAMentorAtEveryGoal() {
    let cohort = Cohort(
      competencies: ["a", "b", "c"],
      mentors: [
        CohortFixtures.mentor("m1", levels: [3, 4, 0]), CohortFixtures.mentor("m2", levels: [5, 0, 5]),
        CohortFixtures.mentor("m3", levels: [2, 3, 5]),
      ],
      mentees: [CohortFixtures.mentee("e1", levels: [1, 2, 3], goals: [3, 4, nil])])
    let fit = FitModel(cohort: cohort, configuration: MatchingConfiguration()).competencyFit()
    // m1 is exactly at both goals: all of the need is covered.
    #expect(abs(fit[0, 0] - 1) < 1e-12)
    // m2 covers goal a (need 2) but is below the mentee in b: half the need.
    #expect(abs(fit[0, 1] - 0.5) < 1e-12)
    // m3 covers 1 of a's 2 levels and 1 of b's 2: (1 + 1) / 4.
    #expect(abs(fit[0, 2] - 0.5) < 1e-12)
  }

  @Test func aCompetencyWeightShiftsTheFitTowardIt() {
    let cohort = Cohort(
      competencies: ["Coaching", "Negotiation"],
      mentors: [CohortFixtures.mentor("m1", levels: [5, 0]), CohortFixtures.mentor("m2", levels: [0, 5])],
      mentees: [CohortFixtures.mentee("e1", levels: [1, 1], goals: [3, 3])])
    var config = MatchingConfiguration()
    #expect(
      FitModel(cohort: cohort, configuration: config).scores()[0, 0]
        == FitModel(cohort: cohort, configuration: config).scores()[0, 1])
    config.competencyWeights = ["negotiation": 3]
    let scores = FitModel(cohort: cohort, configuration: config).scores()
    // Each mentor covers one competency's 2 levels in full: w · 2 / (1 · 2 + 3 · 2).
    #expect(abs(scores[0, 1] - 0.75) < 1e-12)
    #expect(abs(scores[0, 0] - 0.25) < 1e-12)
  }

  @Test func aMenteeWithoutGoalsHasNoCompetencyFit() {
    let cohort = Cohort(
      competencies: ["a"], mentors: [CohortFixtures.mentor("m1", levels: [5])],
      mentees: [CohortFixtures.mentee("e1", levels: [4], goals: [3])])
    let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
    #expect(model.competencyFit()[0, 0] == 0)
    #expect(model.breakdown(mentee: 0, mentor: 0).competencies.isEmpty)
  }
}

@Suite struct ScoreTermsTests {
  @Test func seniorityRisesToTheIdealGapThenFalls() {
    #expect(ScoreTerms.seniority(mentee: 3, mentor: 3, idealGap: 2) == 0)
    #expect(ScoreTerms.seniority(mentee: 3, mentor: 2, idealGap: 2) == 0)
    #expect(ScoreTerms.seniority(mentee: 3, mentor: 4, idealGap: 2) == 0.5)
    #expect(ScoreTerms.seniority(mentee: 3, mentor: 5, idealGap: 2) == 1)
    #expect(ScoreTerms.seniority(mentee: 1, mentor: 5, idealGap: 2) == 0.5)
    #expect(ScoreTerms.seniority(mentee: 1, mentor: 9, idealGap: 2) == 0)
    #expect(ScoreTerms.seniority(mentee: nil, mentor: 9, idealGap: 2) == 0)
  }

  @Test func timezoneOverlapGoesRoundTheClock() {
    #expect(ScoreTerms.timezoneOverlap(mentee: 0, mentor: 0, workdayHours: 8) == 1)
    #expect(ScoreTerms.timezoneOverlap(mentee: 0, mentor: 120, workdayHours: 8) == 0.75)
    #expect(ScoreTerms.timezoneOverlap(mentee: 0, mentor: 600, workdayHours: 8) == 0)
    // UTC+12 and UTC-12 keep the same clock time.
    #expect(ScoreTerms.timezoneOverlap(mentee: 720, mentor: -720, workdayHours: 8) == 1)
    #expect(ScoreTerms.timezoneOverlap(mentee: 330, mentor: -300, workdayHours: 8) == 0)
    #expect(ScoreTerms.timezoneOverlap(mentee: nil, mentor: 0, workdayHours: 8) == 0)
  }

  @Test func crossDepartmentNeedsTwoKnownDifferentDepartments() {
    #expect(ScoreTerms.crossDepartment(mentee: "Sales", mentor: "Engineering") == 1)
    #expect(ScoreTerms.crossDepartment(mentee: "Sales", mentor: "sales") == 0)
    #expect(ScoreTerms.crossDepartment(mentee: nil, mentor: "Sales") == 0)
  }
}

@Suite struct PreferenceTermTests {
  @Test func rankedPreferencesBecomeWeightedTerms() {
    var e1 = CohortFixtures.mentee("e1", levels: [1], goals: [3])
    e1.person.preferences = ["m2", "nobody", "m1"]
    var m1 = CohortFixtures.mentor("m1", levels: [5])
    m1.person.preferences = ["e1"]
    let cohort = Cohort(competencies: ["a"], mentors: [m1, CohortFixtures.mentor("m2", levels: [5])], mentees: [e1])
    let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
    let scores = model.scores()
    // m2 is e1's first of three choices (1), m1 the third (1/3) and m1 lists e1 first (1).
    #expect(abs(model.breakdown(mentee: 0, mentor: 1).preference - 0.2) < 1e-12)
    #expect(abs(model.breakdown(mentee: 0, mentor: 0).preference - (0.2 / 3 + 0.1)) < 1e-12)
    for j in 0..<2 { #expect(abs(model.breakdown(mentee: 0, mentor: j).total - scores[0, j]) < 1e-12) }
  }
}
