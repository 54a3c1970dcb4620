import Assignment
import CompetencyModel
import Foundation
import Rationale
import Testing
import _TestSupport

/// Fit figures in the reasons read as in the plans' tables (three decimals),
/// and every competency that adds to a pair's fit is named.
@Suite struct ReasonWordingTests {
  @Test func fitFiguresHaveThreeDecimals() {
    #expect(PairExplanation.fit(1.2) == "1.200")
    #expect(PairExplanation.fit(0.25) == "0.250")
    #expect(PairExplanation.fit(-0.125) == "-0.125")
    #expect(PairExplanation.fit(-0.0001) == "0.000")
    #expect(PairExplanation.fit(2) == "2.000")
    #expect(PairExplanation.signedFit(0.3) == "+0.300")
    #expect(PairExplanation.signedFit(-1) == "-1.000")
    #expect(
      PairExplanation.tradeOff(mentorID: "m1", score: 1.2, holders: [], reducedCost: 0.05, bonus: 0)
        == "trade-off: best-scoring option m1 (1.200) taking one would cost the cohort at least 0.050 in total fit")
    #expect(
      PairExplanation.explanation(
        of: .capacityExhausted(eligibleMentors: 2, bestMentorID: "m1", bestScore: 0.25), minimum: nil
      ).hasSuffix("(best option m1, score 0.250)"))
    #expect(
      PairExplanation.explanation(of: .belowMinimumFit(bestScore: 0.2, minimum: 0.5), minimum: 0.5)
        == "every eligible mentor scores below the minimum fit 0.500 (best 0.200)")
  }

  /// Every figure in parentheses or after "score" in a generated plan's
  /// reasons has three decimals, as the tables show fit.
  @Test(arguments: 1...4 as ClosedRange<UInt64>)
  func aPlansReasonsStateFitAsItsTablesDo(seed: UInt64) throws {
    var cohort = CohortFixtures.generated(mentees: 30, mentors: 6, competencies: 5, seed: seed)
    for j in cohort.mentors.indices { cohort.mentors[j].capacity = 2 }
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    try #require(!plan.unmatched.isEmpty && plan.pairs.contains { $0.rank > 1 })
    let lines = plan.pairs.flatMap(\.highlights) + plan.unmatched.map(\.explanation)
    // A figure alone in parentheses, or after the words that introduce fit (counts like "(1 same reporting line" are not).
    let figure = try NSRegularExpression(pattern: #"\([+-]?[0-9][0-9.]*\)|(score |best |fit |least )[+-]?[0-9][0-9.]*"#)
    var seen = 0
    for line in lines {
      for match in figure.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
        let text = String(line[Range(match.range, in: line)!])
        // Levels in parentheses are words ("4 (proficient)"); figures are fit.
        #expect(text.range(of: #"[0-9]+\.[0-9]{3}\)?$"#, options: .regularExpression) != nil, "\(text) in \(line)")
        seen += 1
      }
    }
    #expect(seen > plan.pairs.count)
  }

  /// A mentee with five growth goals, a mentor covering all of them: three
  /// described in full, the other two named with their contributions.
  @Test func everyContributingCompetencyIsNamed() throws {
    let names = ["Coaching", "Finance", "Design", "Sales", "Writing"]
    let cohort = Cohort(
      competencies: names, mentors: [CohortFixtures.mentor("m1", levels: [5, 4.5, 4, 3.5, 3])],
      mentees: [CohortFixtures.mentee("e1", levels: [1, 1, 1, 1, 1], goals: [4, 4, 4, 4, 4])])
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    let pair = try #require(plan.pairs.first)
    let contributing = pair.breakdown.competencies.filter { $0.value > 0 }
    try #require(contributing.count == 5)
    let full = pair.highlights.filter { line in names.contains { line.hasPrefix($0 + ": mentor at") } }
    #expect(full.count == PairExplanation.competenciesShown)
    let more = try #require(pair.highlights.first { $0.hasPrefix(PairExplanation.moreCompetenciesPrefix) })
    let rest = contributing.dropFirst(PairExplanation.competenciesShown)
    #expect(
      more == "also, from 2 more competencies: "
        + rest.map { "\($0.name) (+\(PairExplanation.fit($0.value)))" }.joined(separator: ", "))
    // Every contributing competency is named once, in one line or the other.
    for c in contributing {
      #expect(pair.highlights.filter { $0.contains(c.name) }.count == 1, "\(c.name)")
    }
    // Three or fewer: no such line.
    let three = Cohort(
      competencies: names, mentors: [CohortFixtures.mentor("m1", levels: [5, 4.5, 4, 1, 1])],
      mentees: [CohortFixtures.mentee("e1", levels: [1, 1, 1, 1, 1], goals: [4, 4, 4, 4, 4])])
    let short = try #require(CohortMatcher.match(three, configuration: MatchingConfiguration()).pairs.first)
    #expect(!short.highlights.contains { $0.hasPrefix(PairExplanation.moreCompetenciesPrefix) })
    #expect(short.highlights.filter { $0.contains(": mentor at") }.count == 3)
  }
}
