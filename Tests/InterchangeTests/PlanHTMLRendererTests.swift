import CompetencyModel
import Interchange
import Rationale
import Testing
import _TestSupport

@Suite struct PlanHTMLRendererTests {
  @Test func isSelfContainedEscapedAndCharted() {
    var cohort = CohortFixtures.generated(mentees: 30, mentors: 10, competencies: 6, seed: 9)
    cohort.mentees[0].person.name = "<script>alert('x')</script> & co"
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    let html = PlanFormat.html.render(plan)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 3)
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(
      html.components(separatedBy: "<tr>").count - 1 == plan.pairs.count + 1
        + (plan.unmatched.isEmpty ? 0 : plan.unmatched.count + 1))
    #expect(html == PlanFormat.html.render(CohortMatcher.match(cohort, configuration: MatchingConfiguration())))
  }
}
