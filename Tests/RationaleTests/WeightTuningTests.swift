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
}
