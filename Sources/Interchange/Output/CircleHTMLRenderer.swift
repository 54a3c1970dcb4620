import Circles
import Foundation

/// Renders circles as one self-contained HTML report: the summary figures,
/// then one section per circle with its members, what each learns from
/// whom, the facilitator and the lead schedule. No scripts, no external
/// resources, no timestamps: identical circles give identical bytes. Every
/// text from the data goes through ``escape(_:)`` (control characters shown
/// by ``DisplayText``, then `& < > " '` as entities).
public enum CircleHTMLRenderer {
  /// The report's stylesheet.
  static let style = """
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem; color: #1d2433; }
    h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
    .cards { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
    .card { background: #f3f5f9; border-radius: 8px; padding: 0.8rem 1.1rem; min-width: 9rem; }
    .card b { display: block; font-size: 1.5rem; } .card span { color: #5b6478; font-size: 0.85rem; }
    table { border-collapse: collapse; margin: 0.5rem 0; } th, td { border: 1px solid #d5dae3; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
    th { background: #f3f5f9; } p.note { color: #5b6478; }
    """

  /// The report.
  ///
  /// - Complexity: O(size of the plan).
  public static func render(_ plan: CirclePlan) -> String {
    let participants = plan.circles.reduce(0) { $0 + $1.members.count }
    var out = HTMLPage.head(title: "Peer mentoring circles", style: style)
    out += """
      <h1>Peer mentoring circles</h1>
      <div class="cards">

      """
    let cards: [(String, String)] = [
      (String(plan.circles.count), "circles"), (String(participants), "participants"),
      (CircleTextRenderer.percent(plan.goalsCovered), "goals covered by a peer"),
      (String(format: "%.2f", plan.departmentsPerCircle), "departments per circle"),
      (CircleTextRenderer.number(plan.objective), "objective"), (CircleTextRenderer.number(plan.bound), "upper bound"),
      (CircleTextRenderer.percent(plan.gap), "gap to the bound"),
    ]
    for (value, label) in cards {
      out += "<div class=\"card\"><b>\(escape(value))</b><span>\(escape(label))</span></div>\n"
    }
    out += "</div>\n"
    for circle in plan.circles {
      out += "<section id=\"circle-\(circle.number)\">\n<h2>Circle \(circle.number)</h2>\n"
      out +=
        "<p>Departments: \(escape(circle.departments.joined(separator: ", "))); shared hours: "
        + "\(String(format: "%.1f", circle.sharedHours)).</p>\n"
      out +=
        "<table>\n<thead><tr><th>member</th><th>coverage</th><th>learns</th><th>no peer above in</th></tr></thead>\n<tbody>\n"
      for member in circle.members {
        let learns = member.learning.map { escape($0.sentence) }.joined(separator: "<br>")
        out +=
          "<tr><td>\(escape(member.id))</td><td>\(CircleTextRenderer.percent(member.coverage))</td><td>\(learns)</td>"
          + "<td>\(escape(member.uncovered.joined(separator: ", ")))</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
      if let facilitator = circle.facilitator { out += "<p>Facilitator: \(escape(facilitator.rationale)).</p>\n" }
      if let note = circle.facilitatorNote { out += "<p class=\"note\">\(escape(note)).</p>\n" }
      out += "<p>Leads: \(escape(CircleTextRenderer.schedule(circle))).</p>\n</section>\n"
    }
    out += "</body>\n</html>\n"
    return out
  }

  /// Text for HTML content and attributes (``DisplayText/html(_:)``).
  static func escape(_ text: String) -> String { DisplayText.html(text) }
}
