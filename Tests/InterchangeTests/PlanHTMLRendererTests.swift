import CompetencyModel
import Foundation
import Rationale
import Testing
import _TestSupport

@testable import Interchange

@Suite struct PlanHTMLRendererTests {
  static let context = PlanReportContext(cohort: "cohorts/<2027>", configuration: nil, date: "2027-01-04")

  /// A cohort with hostile names and departments, and a tight capacity so
  /// some mentees stay unmatched.
  static func plan() -> PairingPlan {
    var cohort = CohortFixtures.generated(mentees: 30, mentors: 10, competencies: 6, seed: 9)
    cohort.mentees[0].person.name = "<script>alert('x')</script> & co"
    cohort.mentees[1].person.department = "R&D \"<b>\""
    cohort.mentors[0].person.department = "R&D \"<b>\""
    for j in cohort.mentors.indices { cohort.mentors[j].capacity = min(cohort.mentors[j].capacity, 2) }
    return CohortMatcher.match(cohort, configuration: MatchingConfiguration())
  }

  /// The number of times `needle` occurs in `text`.
  func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  /// The rows of the table with id `id`'s body.
  func bodyRows(_ id: String, in html: String) throws -> Int {
    let start = try #require(html.range(of: "<table class=\"sortable\" id=\"\(id)\">"))
    let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
    return count("<tr", in: String(html[start.upperBound..<end.lowerBound])) - 1
  }

  @Test func isSelfContainedAndEscaped() {
    let plan = Self.plan()
    let html = PlanFormat.html.render(plan, context: Self.context)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    // Exactly one script, ours, inline; no name ever opens another.
    #expect(count("<script", in: html) == 1)
    #expect(html.contains("<script>\n" + PlanHTMLAssets.script + "\n</script>"))
    #expect(!html.contains("<script src"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
    #expect(html.contains("<option value=\"R&amp;D &quot;&lt;b&gt;&quot;\">R&amp;D &quot;&lt;b&gt;&quot;</option>"))
    #expect(html.contains("department=\"R&amp;D &quot;&lt;b&gt;&quot;\""))
    #expect(!html.contains("\"<b>\""))
    #expect(html.contains("Cohort: <b>cohorts/&lt;2027&gt;</b>"))
    // Nothing from the network: no URL, no link or import of any kind.
    for banned in ["http://", "https://", "//cdn", "<link", "@import", "src=", "url("] {
      #expect(!html.contains(banned), "\(banned)")
    }
    #expect(html == PlanFormat.html.render(Self.plan(), context: Self.context))
  }

  @Test func opensWithContextHeadlineAndActions() throws {
    let plan = Self.plan()
    #expect(!plan.unmatched.isEmpty)
    let html = PlanFormat.html.render(plan, context: Self.context)
    let order = [
      "id=\"context\"", "id=\"headline\"", "id=\"actions\"", "id=\"figures\"", "id=\"pairs-section\"",
      "id=\"mentors-section\"", "id=\"departments-section\"", "id=\"charts\"", "id=\"method\"",
    ]
    let positions = try order.map { try #require(html.range(of: $0)).lowerBound }
    #expect(positions == positions.sorted())
    #expect(html.contains("Date: <b>2027-01-04</b>") && html.contains("Configuration: <b>built-in defaults</b>"))
    // The headline speaks plainly; the solver's words are kept for the end.
    let headline = PlanHTMLRenderer.headline(plan)
    #expect(headline.hasPrefix("\(plan.summary.matched) of \(plan.summary.mentees) mentees"))
    #expect(headline.contains("\(plan.unmatched.count) mentees need action"))
    for jargon in ["dual", "certificate", "reduced cost", "violation"] { #expect(!headline.contains(jargon)) }
    #expect(html.contains(DisplayText.html(PlanNumbers.certificate(plan))))
    #expect(try bodyRows("unmatched", in: html) == plan.unmatched.count)
    for u in plan.unmatched { #expect(html.contains(DisplayText.html(u.explanation))) }
  }

  @Test func tablesHaveOneRowPerPairMentorAndDepartment() throws {
    let plan = Self.plan()
    let html = PlanFormat.html.render(plan, context: Self.context)
    #expect(try bodyRows("pairs", in: html) == plan.pairs.count)
    #expect(try bodyRows("mentors", in: html) == plan.model.cohort.mentors.count)
    let departments = Set(
      (plan.model.cohort.mentees.map(\.person) + plan.model.cohort.mentors.map(\.person)).map {
        $0.department ?? PlanBreakdown.noDepartment
      })
    #expect(try bodyRows("departments", in: html) == departments.count)
    #expect(html.contains("\(plan.pairs.count) of \(plan.pairs.count) pairs"))
    // Sortable numbers carry their exact value.
    for p in plan.pairs { #expect(html.contains("data-sort=\"\(p.score)\">\(PlanNumbers.score(p.score))</td>")) }
  }

  @Test func chartsHaveAxisTitlesAndTheScaleIsExplained() {
    let plan = Self.plan()
    let html = PlanFormat.html.render(plan)
    #expect(count("<svg", in: html) == 3)
    #expect(count("class=\"axis\"", in: html) == 6)
    // Goal coverage is drawn on a 0–100% scale, with its ticks.
    #expect(html.contains(">0%</text>") && html.contains(">100%</text>"))
    let terms = plan.model.terms
    #expect(html.contains("The highest fit possible is \(PlanNumbers.score(terms.competency + terms.sideSum))."))
    #expect(html.contains("@media print"))
    // Without a context there is no context line, and nothing else changes.
    #expect(!html.contains("id=\"context\""))
  }

  @Test func breakdownAgreesWithThePairs() {
    let plan = Self.plan()
    let cohort = plan.model.cohort
    let breakdown = PlanBreakdown(plan)
    for row in breakdown.mentors {
      let mine = plan.pairs.filter { $0.mentorIndex == row.index }
      #expect(row.load == mine.count && row.load <= row.capacity)
      #expect(row.mentees.map(\.id) == mine.map(\.menteeID))
      if !mine.isEmpty {
        #expect(abs(row.meanFit! - mine.map(\.score).reduce(0, +) / Double(mine.count)) < 1e-12)
      }
    }
    for row in breakdown.departments {
      func inIt(_ person: Person) -> Bool { (person.department ?? PlanBreakdown.noDepartment) == row.name }
      #expect(row.mentees == cohort.mentees.filter { inIt($0.person) }.count)
      #expect(row.matched == plan.pairs.filter { inIt(cohort.mentees[$0.menteeIndex].person) }.count)
      #expect(row.matched + row.unmatched == row.mentees)
      #expect(row.placesOffered == cohort.mentors.filter { inIt($0.person) }.map(\.capacity).reduce(0, +))
      #expect(row.placesTaken == plan.pairs.filter { inIt(cohort.mentors[$0.mentorIndex].person) }.count)
    }
    #expect(breakdown.departments.map(\.matched).reduce(0, +) == plan.pairs.count)
  }

  @Test func fitIsExplainedAsCoveredGrowthNotAShareOfGoals() throws {
    // A mentor half way to both goals reaches neither goal, yet the fit's main part is half of it.
    let cohort = Cohort(
      competencies: ["Coaching", "Finance"], mentors: [CohortFixtures.mentor("m1", levels: [2, 2])],
      mentees: [CohortFixtures.mentee("e1", levels: [1, 1], goals: [3, 3])])
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    let pair = try #require(plan.pairs.first)
    #expect(abs(pair.breakdown.competency - 0.5) < 1e-12 && plan.metrics.goalsCovered == 0)
    let note = PlanFitScale.explanation(plan)
    #expect(note.contains("is the share of the growth the mentee asked for (the levels from where they are to"))
    #expect(note.contains("that the mentor's own levels cover (0: none; 1.000: the mentor already reaches every goal"))
    #expect(!note.contains("share of the mentee's growth goals"))
    #expect(PlanHTMLRenderer.headline(plan).contains("1.000 means the mentor already reaches every goal"))
    // With headroom credit a mentor exactly at every goal falls short of 1: the texts say so.
    var configuration = MatchingConfiguration()
    configuration.headroomCredit = 0.5
    let atGoals = Cohort(
      competencies: cohort.competencies, mentors: [CohortFixtures.mentor("m1", levels: [3, 3])],
      mentees: cohort.mentees)
    let headroom = CohortMatcher.match(atGoals, configuration: configuration)
    #expect(try #require(headroom.pairs.first).breakdown.competency < 1 - 1e-9)
    #expect(PlanHTMLRenderer.headline(headroom).contains("1.000 means the mentor is a level above every goal"))
    #expect(PlanFitScale.explanation(headroom).contains("1.000: the mentor is a level above every goal"))
  }

  @Test func theMarkdownPlanExplainsFitInTheHTMLNotesWords() throws {
    let plan = try PlanTextWordingTests.onePairPlan()
    let markdown = PlanMarkdownRenderer.render(plan)
    let note = PlanFitScale.explanation(plan)
    // Once, as its own paragraph, between the summary list and the pairs.
    #expect(markdown.components(separatedBy: note).count == 2)
    let paragraph = try #require(markdown.range(of: "\n\n" + note + "\n\n"))
    let pairs = try #require(markdown.range(of: "## Pairs"))
    #expect(paragraph.upperBound <= pairs.lowerBound)
    #expect(PlanHTMLRenderer.render(plan, context: Self.context).contains(PlanHTMLRenderer.escape(note)))
    // No pairs, no fit to read: no paragraph.
    let nobody = Cohort(
      competencies: plan.model.cohort.competencies,
      mentors: [CohortFixtures.mentor("m1", levels: [2, 2], capacity: 0)], mentees: plan.model.cohort.mentees)
    let empty = CohortMatcher.match(nobody, configuration: MatchingConfiguration())
    try #require(empty.pairs.isEmpty)
    #expect(!PlanMarkdownRenderer.render(empty).contains("How to read fit"))
  }

  @Test func theRankByFitIsNotCalledAChoice() throws {
    // "Choice 41 of 89" read as the mentee's 41st pick; picks are a different thing (--choices).
    let plan = Self.plan()
    let html = PlanFormat.html.render(plan, context: Self.context)
    #expect(html.contains("<th data-type=\"number\">Rank</th>") && !html.contains(">Choice</th>"))
    let pair = try #require(plan.pairs.first)
    #expect(
      html.contains(
        "title=\"by fit, this mentor ranks \(pair.rank) of the mentee's \(pair.eligibleMentors) allowed mentors (1 is"
          + " the best)\">\(pair.rank) of \(pair.eligibleMentors)</td>"))
    #expect(!html.contains("the mentee's choice"))
    #expect(PlanXLSXRenderer.pairHeaders.contains("Rank") && !PlanXLSXRenderer.pairHeaders.contains("Choice"))
  }

  @Test func dateFollowsSourceDateEpoch() {
    #expect(PlanReportContext.today(environment: ["SOURCE_DATE_EPOCH": "0"]) == "1970-01-01")
    #expect(PlanReportContext.today(environment: ["SOURCE_DATE_EPOCH": "1798761599"]) == "2026-12-31")
    #expect(PlanReportContext.today(environment: ["SOURCE_DATE_EPOCH": "1798761600"]) == "2027-01-01")
    // Not a number: the clock, which is a well-formed date.
    let today = PlanReportContext.today(environment: ["SOURCE_DATE_EPOCH": "soon"])
    #expect(CalendarDate(today) != nil)
  }
}
