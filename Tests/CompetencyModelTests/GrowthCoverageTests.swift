import CompetencyModel
import Testing
import _TestSupport

/// The covered-growth competency term against its definition, written out
/// here without matrices.
@Suite struct GrowthCoverageTests {
  /// `Σ w_c (covered_c + h · over_c) / Σ w_c (need_c + h · o_c)`, per competency.
  func reference(_ mentee: Mentee, _ mentor: Person, _ w: [Double], headroom h: Double) -> [Double] {
    var need = 0.0
    var parts = [Double](repeating: 0, count: w.count)
    for c in w.indices {
      let a = mentee.person.levels[c]
      guard let g = mentee.goals[c], g > a else { continue }
      let o = min(g + 1, 5) - g
      need += w[c] * ((g - a) + h * o)
      let m = mentor.levels[c]
      parts[c] = w[c] * (max(min(m, g) - a, 0) + h * max(min(m, g + o) - g, 0))
    }
    return need > 0 ? parts.map { $0 / need } : parts.map { _ in 0 }
  }

  /// A cohort with arbitrary real levels (not only half levels), goals on
  /// about half the competencies, some mentees without any growth goal.
  func randomCohort(mentees: Int, mentors: Int, competencies k: Int, seed: UInt64) -> Cohort {
    var rng = SplitMix(seed: seed)
    func level() -> Double { rng.next(upTo: 5) }
    let mentorList = (0..<mentors).map { j in
      CohortFixtures.mentor("m\(j)", levels: (0..<k).map { _ in rng.next(upTo: 1) < 0.3 ? level().rounded() : level() })
    }
    let menteeList = (0..<mentees).map { i -> Mentee in
      let levels = (0..<k).map { _ in level() }
      let goals: [Double?] = levels.map { a in
        let u = rng.next(upTo: 1)
        if u < 0.5 { return nil }
        if u < 0.6 { return max(a - 1, 0) }  // a goal at or below the current level: no need
        return min(a + rng.next(upTo: 2.5), 5)
      }
      return CohortFixtures.mentee("e\(i)", levels: levels, goals: i % 7 == 3 ? levels.map { _ in nil } : goals)
    }
    return Cohort(competencies: (0..<k).map { "c\($0)" }, mentors: mentorList, mentees: menteeList)
  }

  @Test(arguments: [0.0, 0.3, 1.0])
  func everyPairOfGeneratedCohortsMatchesTheDirectFormula(headroom: Double) {
    for seed in UInt64(1)...3 {
      let generated = CohortFixtures.generated(mentees: 70, mentors: 30, competencies: 12, seed: seed)
      for cohort in [generated, randomCohort(mentees: 50, mentors: 20, competencies: 6, seed: seed)] {
        var config = MatchingConfiguration()
        config.headroomCredit = headroom
        config.competencyWeights = [cohort.competencies[0]: 2.5, cohort.competencies[1]: 0]
        let model = FitModel(cohort: cohort, configuration: config)
        let w = config.weights(for: cohort.competencies)
        let dense = model.competencyFit()
        var blocked = [Double](repeating: 0, count: cohort.mentees.count * cohort.mentors.count)
        blocked.withUnsafeMutableBufferPointer {
          model.coverage.fill(mentees: 0..<cohort.mentees.count, into: $0, scale: 1)
        }
        for (i, mentee) in cohort.mentees.enumerated() {
          for (j, mentor) in cohort.mentors.enumerated() {
            let parts = reference(mentee, mentor.person, w, headroom: headroom)
            let expected = parts.reduce(0, +)
            #expect(abs(dense[i, j] - expected) < 1e-12)
            #expect(abs(blocked[i * cohort.mentors.count + j] - expected) < 1e-12)
            #expect(expected >= 0 && expected <= 1 + 1e-12)
            let direct = GrowthCoverage.direct(mentee: mentee, mentor: mentor.person, weights: w, headroom: headroom)
            #expect(abs(direct.value - expected) < 1e-12)
            let breakdown = model.breakdown(mentee: i, mentor: j)
            for contribution in breakdown.competencies {
              #expect(abs(contribution.value - parts[contribution.competency]) < 1e-12)
            }
            let named = Set(breakdown.competencies.map(\.competency))
            for c in w.indices where !named.contains(c) { #expect(parts[c] == 0) }
          }
        }
      }
    }
  }

  @Test func aMentorAtOrBelowTheMenteeContributesNothing() {
    for seed in UInt64(1)...4 {
      let cohort = randomCohort(mentees: 40, mentors: 25, competencies: 5, seed: seed)
      let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
      var checked = 0
      for i in cohort.mentees.indices {
        for j in cohort.mentors.indices {
          for c in model.breakdown(mentee: i, mentor: j).competencies
          where cohort.mentors[j].person.levels[c.competency] <= cohort.mentees[i].person.levels[c.competency] {
            #expect(c.value == 0)
            checked += 1
          }
        }
      }
      #expect(checked > 0)
    }
    // A mentor below the mentee everywhere scores 0, whatever the goals.
    let cohort = Cohort(
      competencies: ["a", "b"], mentors: [CohortFixtures.mentor("m", levels: [2, 2.5])],
      mentees: [CohortFixtures.mentee("e", levels: [2.4, 2.5], goals: [3.3, 4])])
    #expect(FitModel(cohort: cohort, configuration: MatchingConfiguration()).competencyFit()[0, 0] == 0)
  }

  @Test func aMentorAtOrAboveEveryGoalScoresOne() {
    let cohort = randomCohort(mentees: 40, mentors: 1, competencies: 6, seed: 9)
    let expertise = Cohort(
      competencies: cohort.competencies,
      mentors: [CohortFixtures.mentor("x", levels: [5, 5, 5, 5, 5, 5])], mentees: cohort.mentees)
    let model = FitModel(cohort: expertise, configuration: MatchingConfiguration())
    let fit = model.competencyFit()
    for i in expertise.mentees.indices {
      #expect(abs(fit[i, 0] - (model.hasGrowthGoal(mentee: i) ? 1 : 0)) < 1e-12)
    }
  }

  @Test func raisingAMentorsLevelNeverLowersAScore() {
    var rng = SplitMix(seed: 41)
    for seed in UInt64(1)...6 {
      let cohort = CohortFixtures.generated(mentees: 40, mentors: 12, competencies: 8, seed: seed)
      var config = MatchingConfiguration()
      config.headroomCredit = seed % 2 == 0 ? 0.5 : 0
      let before = FitModel(cohort: cohort, configuration: config).scores()
      for _ in 0..<10 {
        var raised = cohort
        let j = Int(rng.next(upTo: Double(cohort.mentors.count)))
        let c = Int(rng.next(upTo: Double(cohort.competencies.count)))
        let old = raised.mentors[j].person.levels[c]
        raised.mentors[j].person.levels[c] = min(5, old + 0.5 + rng.next(upTo: 2))
        let after = FitModel(cohort: raised, configuration: config).scores()
        var rose = false
        for i in cohort.mentees.indices {
          #expect(after[i, j] >= before[i, j] - 1e-12)
          if after[i, j] > before[i, j] + 1e-12 { rose = true }
          for other in cohort.mentors.indices where other != j { #expect(after[i, other] == before[i, other]) }
        }
        // Raising a level within some mentee's need (or headroom) must raise their score.
        let new = raised.mentors[j].person.levels[c]
        let needed = cohort.mentees.contains { e in
          guard let g = e.goals[c], g > e.person.levels[c] else { return false }
          let top = config.headroomCredit > 0 ? min(g + 1, 5) : g
          return min(new, top) > max(old, e.person.levels[c])
        }
        #expect(rose == needed)
      }
    }
  }

  @Test func aMentorWhoCoversAllGoalsBeatsOneWhoCoversNoneWhateverTheSideTerms() {
    var rng = SplitMix(seed: 5)
    for trial in 0..<200 {
      let k = 4
      let levels = (0..<k).map { _ in (rng.next(upTo: 8)).rounded() / 2 }
      let goals: [Double?] = levels.enumerated().map { c, a in
        c == 0 || rng.next(upTo: 1) < 0.5 ? min(a + 0.5 + (rng.next(upTo: 4)).rounded() / 2, 5) : nil
      }
      var mentee = CohortFixtures.mentee(
        "e", levels: levels, goals: goals, department: "Sales", offset: 0, seniority: 3)
      // Covers every goal exactly, with the worst side terms: same department,
      // 12 hours away, less senior, nobody's choice.
      let all = CohortFixtures.mentor(
        "all", levels: zip(levels, goals).map { $1 ?? $0 }, department: "Sales", offset: 720, seniority: 1)
      // Covers nothing (at the mentee's level), with the best side terms.
      var none = CohortFixtures.mentor(
        "none", levels: levels, department: "Engineering", offset: 0, seniority: 5)
      mentee.person.preferences = ["none"]
      none.person.preferences = ["e"]
      var config = MatchingConfiguration()
      if trial % 2 == 1 {
        // Side weights far above the competency weight are scaled down by the limit.
        config.terms.crossDepartment = 3
        config.terms.menteePreference = 2
      }
      let model = FitModel(
        cohort: Cohort(competencies: ["a", "b", "c", "d"], mentors: [all, none], mentees: [mentee]),
        configuration: config)
      let scores = model.scores()
      #expect(scores[0, 0] >= config.terms.competency - 1e-12)
      #expect(scores[0, 0] > scores[0, 1])
      #expect(model.terms.sideSum <= 0.8 * model.terms.competency + 1e-12)
      #expect(model.terms.sideSum > 0)
    }
  }

  @Test func theSideTermsLimitKeepsTheirRatiosAndCanBeLifted() {
    var config = MatchingConfiguration()
    #expect(config.terms.sideSum < 0.8)
    #expect(config.effectiveTerms == config.terms)
    config.terms.crossDepartment = 1.1  // side sum 1.6
    let scaled = config.effectiveTerms
    #expect(abs(scaled.sideSum - 0.8) < 1e-12)
    #expect(abs(scaled.crossDepartment / scaled.seniority - 1.1 / 0.1) < 1e-12)
    #expect(abs(scaled.crossDepartment - 1.1 * 0.8 / 1.6) < 1e-12)
    #expect(scaled.competency == 1)
    config.sideTermsLimit = nil
    #expect(config.effectiveTerms == config.terms)
  }

  @Test func tierNamesAreTheNearestTier() {
    #expect(CompetencyScale.name(of: 2.9) == "competent")
    #expect(CompetencyScale.name(of: 0.8) == "novice")
    #expect(CompetencyScale.name(of: 4.5) == "proficient")
    #expect(CompetencyScale.name(of: 0) == "none")
    #expect(CompetencyScale.name(of: 5) == "expert")
    // Against brute force: the tier at the least distance, the lower one on a tie.
    for step in 0...500 {
      let level = Double(step) / 100
      let distances = (0...5).map { abs(Double($0) - level) }
      let nearest = distances.indices.min { distances[$0] < distances[$1] - 1e-9 }!
      #expect(CompetencyScale.name(of: level) == CompetencyScale.tierNames[nearest])
    }
  }
}

/// A small seeded generator for the tests (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A uniform number in `0..<bound`.
  mutating func next(upTo bound: Double) -> Double { Double(next() >> 11) / Double(1 << 53) * bound }
}
