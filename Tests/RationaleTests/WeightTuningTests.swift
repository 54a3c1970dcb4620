import CohortGenerator
import CompetencyModel
import Rationale
import Testing
import _TestSupport

@Suite struct WeightTuningTests {
  /// Outcomes from known coefficients plus noise, on random pairs.
  func simulate(_ cohort: Cohort, truth: [Double], count: Int, noise: Double, seed: UInt64) -> [WeightTuning.Outcome] {
    var generator = SeededRandomNumberGenerator(seed: seed)
    let k = cohort.competencies.count
    return (0..<count).map { _ in
      let i = Int.random(in: 0..<cohort.mentees.count, using: &generator)
      let j = Int.random(in: 0..<cohort.mentors.count, using: &generator)
      let mentee = cohort.mentees[i].person
      let mentor = cohort.mentors[j].person
      // Covered growth per competency, unit weights: (min(m, goal) − current)⁺ / total need.
      let need = (0..<k).reduce(0.0) { $0 + cohort.mentees[i].gap($1) }
      var x = (0..<k).map { c -> Double in
        guard need > 0, let goal = cohort.mentees[i].goals[c], goal > mentee.levels[c] else { return 0 }
        return max(min(mentor.levels[c], goal) - mentee.levels[c], 0) / need
      }
      x.append(ScoreTerms.seniority(mentee: mentee.seniority, mentor: mentor.seniority, idealGap: 2))
      x.append(ScoreTerms.crossDepartment(mentee: mentee.department, mentor: mentor.department))
      x.append(
        ScoreTerms.timezoneOverlap(mentee: mentee.utcOffsetMinutes, mentor: mentor.utcOffsetMinutes, workdayHours: 8))
      x += [0, 0]
      let value =
        1 + zip(x, truth).reduce(0) { $0 + $1.0 * $1.1 } + Double.random(in: -noise...noise, using: &generator)
      return WeightTuning.Outcome(menteeIndex: i, mentorIndex: j, value: value)
    }
  }

  @Test func recoversKnownWeightsFromNoisyOutcomes() throws {
    let cohort = CohortFixtures.generated(mentees: 300, mentors: 80, competencies: 4, seed: 12)
    let truth = [2.0, 1.0, 0.5, 0.0, 0.4, 0.3, 0.6, 0, 0]
    let outcomes = simulate(cohort, truth: truth, count: 1500, noise: 0.02, seed: 3)
    let tuning = try WeightTuning(cohort: cohort, base: MatchingConfiguration(), outcomes: outcomes)
    #expect(!tuning.tooLittleData)
    for (fitted, expected) in zip(tuning.coefficients, truth) { #expect(abs(fitted - expected) < 0.15) }
    #expect(tuning.coefficients.allSatisfy { $0 >= 0 })
    #expect(abs(tuning.intercept - 1) < 0.1)
    #expect(tuning.crossValidatedError < 0.03)
    #expect(tuning.crossValidatedError < tuning.currentError)
    // Nobody states preferences: those weights cannot be learnt and say so.
    #expect(tuning.informative == [true, true, true, true, true, true, true, false, false])
    #expect(zip(tuning.standardErrors, tuning.informative).allSatisfy { $1 ? ($0 >= 0 && $0.isFinite) : $0.isNaN })
  }

  @Test func saysWhenTheDataAreTooFew() throws {
    let cohort = CohortFixtures.generated(mentees: 40, mentors: 10, competencies: 4, seed: 2)
    let outcomes = simulate(cohort, truth: [1, 1, 1, 1, 0.2, 0.1, 0.2, 0, 0], count: 12, noise: 0.2, seed: 5)
    let tuning = try WeightTuning(cohort: cohort, base: MatchingConfiguration(), outcomes: outcomes)
    #expect(tuning.tooLittleData)
    #expect(tuning.coefficients.allSatisfy { $0 >= 0 && $0.isFinite })
  }

  @Test func theSameOutcomesGiveTheSameFitInAnyOrder() throws {
    let cohort = CohortFixtures.generated(mentees: 60, mentors: 20, competencies: 4, seed: 7)
    let outcomes = simulate(cohort, truth: [1, 0.5, 0.5, 1, 0.2, 0.1, 0.3, 0, 0], count: 80, noise: 0.1, seed: 9)
    var generator = SeededRandomNumberGenerator(seed: 4)
    let shuffled = outcomes.shuffled(using: &generator)
    #expect(shuffled != outcomes)
    let a = try WeightTuning(cohort: cohort, base: MatchingConfiguration(), outcomes: outcomes)
    let b = try WeightTuning(cohort: cohort, base: MatchingConfiguration(), outcomes: shuffled)
    #expect(a.coefficients == b.coefficients)
    #expect(a.crossValidatedError == b.crossValidatedError && a.currentError == b.currentError)
    #expect(a.penalty == b.penalty)
    // Folds follow the pair's ids only, and spread over every fold.
    let folds = outcomes.map {
      WeightTuning.fold(
        menteeID: cohort.mentees[$0.menteeIndex].id, mentorID: cohort.mentors[$0.mentorIndex].id, of: 5)
    }
    #expect(Set(folds) == Set(0..<5))
  }

  @Test func weightsTheDataCannotInformKeepTheirCurrentValuesAndTheThresholdMoves() throws {
    let cohort = CohortFixtures.generated(mentees: 120, mentors: 40, competencies: 4, seed: 5)
    let outcomes = simulate(cohort, truth: [2, 1, 1, 2, 0.3, 0.2, 0.5, 0, 0], count: 400, noise: 0.05, seed: 6)
    var base = MatchingConfiguration()
    base.minimumScore = 0.3
    let tuning = try WeightTuning(cohort: cohort, base: base, outcomes: outcomes)
    #expect(tuning.scale > 0)
    // Nobody stated preferences: those weights keep their current values, on the tuned scale.
    let terms = base.effectiveTerms
    #expect(abs(tuning.configuration.terms.menteePreference - terms.menteePreference * tuning.scale) < 1e-12)
    #expect(abs(tuning.configuration.terms.mentorPreference - terms.mentorPreference * tuning.scale) < 1e-12)
    #expect(tuning.configuration.terms.menteePreference > 0)
    // The threshold excludes as many of the cohort's pairs under the tuned scores as before.
    let threshold = try #require(tuning.minimumScore)
    #expect(threshold.current == 0.3 && tuning.configuration.minimumScore == threshold.tuned)
    let before = FitModel(cohort: cohort, configuration: base).scores().elements.filter { $0 < 0.3 }.count
    let after = FitModel(cohort: cohort, configuration: tuning.configuration).scores().elements.filter {
      $0 < threshold.tuned
    }.count
    #expect(before > 0)
    #expect(after == before)
  }
}
