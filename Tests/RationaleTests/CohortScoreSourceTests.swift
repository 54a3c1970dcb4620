import CompetencyModel
import LinearAlgebra
import Rationale
import Testing
import _TestSupport

/// The blocks the solver's passes read (``CohortScoreSource``), every pair
/// against the direct formula: covered growth written out
/// (``GrowthCoverage/direct(mentee:mentor:weights:headroom:)``) plus the side
/// terms, every excluded pair `.nan` exactly when a rule names it.
@Suite struct CohortScoreSourceTests {
  @Test(arguments: [(1, 1), (1, 9), (9, 1), (37, 11), (53, 29)])
  func everyBlockEntryMatchesTheDirectFormulaAndTheRules(mentees: Int, mentors: Int) {
    for seed in UInt64(1)...2 {
      var cohort = CohortFixtures.generated(mentees: mentees, mentors: mentors, competencies: 9, seed: seed)
      var g = SplitMix(seed: seed)
      // Stated preferences, so that that term is covered too.
      for i in cohort.mentees.indices where i % 3 == 0 {
        cohort.mentees[i].person.preferences = cohort.mentors.prefix(3).map(\.id).shuffled(using: &g)
      }
      var config = MatchingConfiguration()
      config.headroomCredit = seed == 1 ? 0 : 0.4
      config.competencyWeights = [cohort.competencies[0]: 2.5, cohort.competencies[1]: 0]
      config.minimumScore = 0.2
      let never = Set(
        (0..<max(1, mentees * mentors / 7)).map { _ in
          PersonPair(
            menteeID: cohort.mentees[Int(g.next(upTo: Double(mentees)))].id,
            mentorID: cohort.mentors[Int(g.next(upTo: Double(mentors)))].id)
        })
      let model = FitModel(cohort: cohort, configuration: config)
      let rules = PairRules(cohort, configuration: config, never: never)
      let weights = config.weights(for: cohort.competencies)
      let whole = model.scores()
      // Blocks that do not divide the rows (3 mentees' worth of pairs, and 2).
      for pairsPerBlock in [3 * mentors, 2 * mentors + 1, 1 << 20] {
        let source = CohortScoreSource(model: model, rules: rules, pairsPerBlock: pairsPerBlock)
        var excluded = 0
        for block in source.blocks {
          var buffer = [Double](repeating: 7, count: block.count * mentors)
          buffer.withUnsafeMutableBufferPointer { source.fill(rows: block, into: $0) }
          for (r, i) in block.enumerated() {
            for j in 0..<mentors {
              let score = buffer[r * mentors + j]
              let parts = model.breakdown(mentee: i, mentor: j)
              let direct = GrowthCoverage.direct(
                mentee: cohort.mentees[i], mentor: cohort.mentors[j].person, weights: weights,
                headroom: config.headroomCredit)
              let expected =
                model.terms.competency * direct.value + parts.seniority + parts.crossDepartment + parts.timezone
                + parts.preference
              if rules.exclusion(mentee: i, mentor: j, score: whole[i, j]) != nil {
                #expect(score.isNaN)
                excluded += 1
              } else {
                #expect(score.bitPattern == whole[i, j].bitPattern)
                #expect(abs(score - expected) < 1e-12)
              }
            }
          }
        }
        #expect(excluded > 0)
      }
    }
  }
}
