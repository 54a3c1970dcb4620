import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// Mentors who cover the same growth score the same, though the coverage
/// product's sums can differ in the last bits: the real-data plan showed
/// "rank 2/390" and a trade-off line naming a best option of the same score.
@Suite struct RankTieTests {
  @Test func mentorsWhoCoverTheSameGrowthTieAtRankOne() throws {
    let levels: [Double] = [3.6, 3.7, 3.8, 3.9, 4.1, 4.3, 4.6, 4.7, 4.9, 5]
    let cohort = Cohort(
      competencies: ["Science"],
      mentors: levels.enumerated().map { CohortFixtures.mentor("m\($0.offset)", levels: [$0.element]) },
      mentees: levels.indices.map { CohortFixtures.mentee("e\($0)", levels: [2], goals: [3.5]) })
    let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
    let scores = model.scores()
    let row = levels.indices.map { scores[0, $0] }
    // The premise: every mentor covers the whole need (the same score), yet the sums differ in the last bits.
    try #require(Set(row).count > 1)
    #expect(row.max()! - row.min()! < 1e-12)
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    #expect(plan.pairs.count == levels.count)
    #expect(plan.pairs.map(\.rank) == [Int](repeating: 1, count: levels.count))
    #expect(plan.pairs.allSatisfy { !$0.highlights.contains { $0.hasPrefix("trade-off") } })
  }

  @Test func realDifferencesStillRank() {
    #expect(PlannedPair.rank(betterColumns: 3, bestScore: 1.2, score: 1.199) == 4)
    #expect(PlannedPair.rank(betterColumns: 1, bestScore: 1.2, score: 1.2 - 1e-6) == 2)
    #expect(PlannedPair.rank(betterColumns: 3, bestScore: 1.2000000000000002, score: 1.2) == 1)
    #expect(PlannedPair.rank(betterColumns: 0, bestScore: 1, score: 1) == 1)
    // Relative to the scores' size: 1e-4 apart at a million is rounding, 1e-2 is not.
    #expect(!PlannedPair.scores(1e6 + 1e-4, above: 1e6))
    #expect(PlannedPair.scores(1e6 + 1e-2, above: 1e6))
    #expect(!PlannedPair.scores(1, above: 1.5))
  }
}
