import Assignment
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

  /// Mentee e0's near-tied mentors (Science only) and a clearly better one
  /// (Science and Art) whom mentee e1 takes, being the only one covering e1's goal.
  static let nearTiedLevels: [Double] = [3.6, 3.7, 3.8, 3.9, 4.1, 4.3, 4.6, 4.7, 4.9, 5]
  static func nearTiedCohort(mentorsWanted: Int = 1) -> Cohort {
    var mentors = nearTiedLevels.enumerated().map { CohortFixtures.mentor("n\($0.offset)", levels: [$0.element, 2]) }
    mentors.append(CohortFixtures.mentor("best", levels: [5, 5]))
    var e0 = CohortFixtures.mentee("e0", levels: [2, 2], goals: [3.5, 3.5])
    e0.mentorsWanted = mentorsWanted
    return Cohort(
      competencies: ["Science", "Art"], mentors: mentors,
      mentees: [e0, CohortFixtures.mentee("e1", levels: [2, 2], goals: [nil, 3.5])])
  }

  /// A mentor within rounding of the pair's score is not "better", even when
  /// another one clearly is: every path (the pricing pass, the required
  /// pairs, the several-mentors plan) gives e0 rank 2, after the best mentor.
  @Test func nearTiedMentorsDoNotCountAboveAClearlyBetterOne() throws {
    let cohort = Self.nearTiedCohort()
    let configuration = MatchingConfiguration()
    let scores = FitModel(cohort: cohort, configuration: configuration).scores()
    let nearTied = Self.nearTiedLevels.indices.map { scores[0, $0] }
    // The premise: the Science-only mentors differ in the last bits, the best one clearly.
    try #require(Set(nearTied).count > 1)
    #expect(nearTied.max()! - nearTied.min()! < 1e-12)
    #expect(scores[0, nearTied.count] > nearTied.max()! + 0.1)

    let plan = CohortMatcher.match(cohort, configuration: configuration)
    let pair = try #require(plan.pairs.first { $0.menteeID == "e0" })
    try #require(pair.mentorID != "best")
    // Some near-tied mentor scores above e0's own mentor in the last bits
    // (else the test would not tell exact counting from counting with rounding).
    let own = scores[0, pair.mentorIndex]
    try #require(nearTied.contains { $0 > own })
    #expect(pair.rank == 2)
    #expect(plan.pairs.first { $0.menteeID == "e1" }?.rank == 1)

    // The required-pair path counts on its own: the same rank.
    let must = PairRequirements(must: [PersonPair(menteeID: "e0", mentorID: pair.mentorID)])
    let required = CohortMatcher.match(cohort, configuration: configuration, requirements: must)
    #expect(required.pairs.first { $0.menteeID == "e0" }?.rank == 2)
    // Every near-tied mentor required in turn: rank 2 whichever it is.
    for j in nearTied.indices {
      let one = PairRequirements(must: [PersonPair(menteeID: "e0", mentorID: cohort.mentors[j].id)])
      let plan = CohortMatcher.match(cohort, configuration: configuration, requirements: one)
      #expect(plan.pairs.first { $0.menteeID == "e0" }?.rank == 2, "n\(j)")
    }

    // The several-mentors path: e0 wants two mentors, both near-tied.
    let several = try CohortMatcher.matchSeveral(Self.nearTiedCohort(mentorsWanted: 2), configuration: configuration)
    let mine = several.pairs.filter { $0.menteeID == "e0" }
    #expect(mine.count == 2)
    #expect(mine.allSatisfy { $0.mentorID != "best" && $0.rank == 2 })
  }

  /// The pricing pass's threshold and the plan's comparison are one rule.
  @Test func theThresholdIsThePlansComparison() {
    for score in [0.0, 0.5, 1.2, -3, 1e6] {
      let t = ScoreTie.threshold(above: score)
      #expect(t > score)
      #expect(!PlannedPair.scores(t, above: score))
      #expect(PlannedPair.scores(t.nextUp, above: score))
    }
    #expect(!PlannedPair.scores(1, above: .nan))
    #expect(ScoreTie.threshold(above: .nan).isNaN)
  }
}
