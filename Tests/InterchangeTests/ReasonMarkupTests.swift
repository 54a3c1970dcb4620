import CompetencyModel
import Foundation
import Rationale
import Testing
import _TestSupport

@testable import Interchange

/// A trade-off line names `mentor-match explain`: code in the Markdown and
/// HTML plans, plain words elsewhere, and the cohort's ids stay escaped.
@Suite struct ReasonMarkupTests {
  static let mentorID = "m`<b>|*_[x](y)A"
  static let menteeID = "e`1|<i>&"

  /// Two identical mentees who both score best with one mentor of one
  /// place: the one who gets the other mentor reads a trade-off line naming
  /// the first mentor (a hostile id) and who holds its place, here in its
  /// tie form (what the duals give depends on the solve; the renderers are
  /// under test).
  static func plan() -> PairingPlan {
    let cohort = Cohort(
      competencies: ["Coaching"],
      mentors: [CohortFixtures.mentor(mentorID, levels: [5]), CohortFixtures.mentor("m2", levels: [4])],
      mentees: [
        CohortFixtures.mentee(menteeID, levels: [1], goals: [5]), CohortFixtures.mentee("e2", levels: [1], goals: [5]),
      ])
    var plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    for k in plan.pairs.indices {
      plan.pairs[k].highlights = plan.pairs[k].highlights.map { line in
        guard line.hasPrefix("trade-off: ") else { return line }
        return PairExplanation.tradeOff(
          mentorID: mentorID, score: 1, holders: [menteeID], reducedCost: 0, bonus: 10)
      }
    }
    return plan
  }

  /// The plan's one trade-off line.
  func tradeOff(_ plan: PairingPlan) throws -> String {
    let lines = plan.pairs.flatMap(\.highlights).filter { $0.hasPrefix("trade-off: ") }
    try #require(lines.count == 1)
    return lines[0]
  }

  @Test func theTieLineNamesTheCommandInPlainWords() throws {
    let line = try tradeOff(Self.plan())
    #expect(line.hasSuffix("; " + PairExplanation.tieCost))
    #expect(line.contains(Self.mentorID))
    #expect(!PairExplanation.tieCost.contains("`"))
    for format in [PlanFormat.table, .csv, .json] {
      let text = format.render(Self.plan())
      #expect(text.contains("mentor-match explain gives the exact cost"), "\(format)")
      #expect(!text.contains("`mentor-match") && !text.contains("explain`"), "\(format)")
    }
  }

  @Test func markdownShowsTheCommandAsCodeAndTheIDsEscaped() throws {
    let plan = Self.plan()
    let markdown = PlanFormat.markdown.render(plan)
    #expect(markdown.contains("; `mentor-match explain` gives the exact cost of taking one"))
    #expect(!markdown.contains("\\`mentor-match"))
    // The only unescaped backquotes are the code span's two.
    let unescaped = zip(markdown, markdown.dropFirst()).filter { $0.0 != "\\" && $0.1 == "`" }.count
    #expect(unescaped == 2)
    #expect(markdown.contains("best-scoring option " + PlanMarkdownRenderer.cell(Self.mentorID)))
    #expect(markdown.contains("holds places for " + PlanMarkdownRenderer.cell(Self.menteeID)))
    #expect(!markdown.contains("<b>") && !markdown.contains("<i>"))
    #expect(
      ReasonMarkup.markdown(try tradeOff(plan)).hasSuffix("`mentor-match explain` gives the exact cost of taking one"))
  }

  @Test func htmlShowsTheCommandAsCodeAndTheIDsEscaped() throws {
    let plan = Self.plan()
    let html = PlanFormat.html.render(plan)
    #expect(html.components(separatedBy: "<code>mentor-match explain</code>").count == 2)
    #expect(html.contains("; <code>mentor-match explain</code> gives the exact cost of taking one</li>"))
    #expect(!html.contains("`mentor-match"))
    #expect(html.contains("best-scoring option " + DisplayText.html(Self.mentorID)))
    #expect(!html.contains("<b>|") && !html.contains("<i>&"))
  }

  @Test func onlyTheRationalesOwnEndingBecomesCode() {
    let tie = PairExplanation.tieCost
    // Text that ends like the tie but is not a trade-off line (a department, say) stays text.
    for line in ["cross-department: Sales; " + tie, tie, "trade-off: best-scoring option x (1); " + tie + " (+0.1)"] {
      #expect(ReasonMarkup.markdown(line) == PlanMarkdownRenderer.cell(line), "\(line)")
      #expect(ReasonMarkup.html(line) == DisplayText.html(line), "\(line)")
    }
    // Every other trade-off ending stays text too.
    let costly = PairExplanation.tradeOff(mentorID: "<m>`", score: 1, holders: ["a|b"], reducedCost: 0.2, bonus: 10)
    #expect(ReasonMarkup.markdown(costly) == PlanMarkdownRenderer.cell(costly))
    #expect(ReasonMarkup.html(costly) == DisplayText.html(costly))
    // An id that spells the command itself is escaped like any other id.
    let forged = PairExplanation.tradeOff(
      mentorID: "`mentor-match explain`<script>", score: 1, holders: [], reducedCost: 0, bonus: 10)
    #expect(
      ReasonMarkup.markdown(forged).hasPrefix("trade-off: best-scoring option \\`mentor-match explain\\`&lt;script&gt;")
    )
    #expect(ReasonMarkup.html(forged).hasPrefix("trade-off: best-scoring option `mentor-match explain`&lt;script&gt;"))
    #expect(ReasonMarkup.html(forged).components(separatedBy: "<code>").count == 2)
  }
}
