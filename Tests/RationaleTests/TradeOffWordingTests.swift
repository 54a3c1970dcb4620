import Rationale
import Testing

/// The trade-off line's cost clause follows the reduced cost and the
/// cardinality bonus: "another mentee without a mentor" only when the bonus
/// says so, a tie when the cost is nil, else the cost in fit.
@Suite struct TradeOffWordingTests {
  func line(cost: Double, bonus: Double) -> String {
    PairExplanation.tradeOff(mentorID: "m1", score: 0.9, holders: ["e2"], reducedCost: cost, bonus: bonus)
  }

  @Test func withoutABonusNoMenteeIsSaidToLoseTheirMentor() {
    // A zero bonus made every reduced cost, even 0, read as a lost mentee.
    #expect(line(cost: 0, bonus: 0).hasSuffix(PairExplanation.tieCost))
    #expect(line(cost: 0.25, bonus: 0).hasSuffix("taking one would cost the cohort at least 0.250 in total fit"))
    for cost in [0.0, 0.0004, 0.3, 7] {
      #expect(!line(cost: cost, bonus: 0).contains("without a mentor"))
    }
  }

  @Test func withABonusHalfOfItOrMoreCostsAMentee() {
    #expect(line(cost: 1, bonus: 2).hasSuffix("taking one would leave another mentee without a mentor"))
    #expect(line(cost: 0.99, bonus: 2).hasSuffix("taking one would cost the cohort at least 0.990 in total fit"))
    #expect(line(cost: 0.0001, bonus: 2).hasSuffix(PairExplanation.tieCost))
    #expect(line(cost: 0, bonus: 2).hasPrefix("trade-off: best-scoring option m1 (0.900) holds places for e2;"))
  }
}
