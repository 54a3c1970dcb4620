import Rationale

/// Renders a plan as one self-contained HTML report: summary figures, charts
/// drawn as inline SVG (fit distribution, mentor load, goal coverage by
/// competency) and the tables of pairs and unmatched mentees. No scripts, no
/// external resources, no timestamps: identical plans give identical bytes.
enum PlanHTMLRenderer {
  static func render(_ plan: PairingPlan) -> String {
    let s = plan.summary
    let m = plan.metrics
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Mentoring pairing plan</title>
      <style>
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem; color: #1d2433; }
      h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
      .cards { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
      .card { background: #f3f5f9; border-radius: 8px; padding: 0.8rem 1.1rem; min-width: 9rem; }
      .card b { display: block; font-size: 1.5rem; } .card span { color: #5b6478; font-size: 0.85rem; }
      .charts { display: flex; flex-wrap: wrap; gap: 2rem; }
      figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 0.4rem; }
      table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #e3e7ef; vertical-align: top; }
      th { background: #f3f5f9; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
      ul.why { margin: 0; padding-left: 1.1rem; } .note { color: #5b6478; font-size: 0.85rem; }
      </style>
      </head>
      <body>
      <h1>Mentoring pairing plan</h1>
      <p class="note">\(escape(PlanNumbers.certificate(plan)))</p>
      <div class="cards">

      """
    let cards: [(String, String)] = [
      (PlanNumbers.percent(s.matched, of: s.mentees), "\(s.matched) of \(s.mentees) mentees matched"),
      (PlanNumbers.score(s.meanScore), "mean fit"),
      (PlanNumbers.score(s.minimumScore), "lowest fit"),
      (m.goalCoverage.map { "\(Int(($0 * 100).rounded()))%" } ?? "-", "growth goals covered"),
      (m.crossDepartmentShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "-", "cross-department pairs"),
      ("\(s.placesUsed)/\(s.placesOffered)", "mentor places taken"),
    ]
    for (value, label) in cards {
      out += "<div class=\"card\"><b>\(escape(value))</b><span>\(escape(label))</span></div>\n"
    }
    out += "</div>\n"
    if let fairness = PlanNumbers.fairness(plan) { out += "<p>\(escape(fairness))</p>\n" }
    out += "<div class=\"charts\">\n"
    out += figure("Fit of the pairs", bars: fitHistogram(plan.pairs.map(\.score)))
    out += figure(
      "Mentors by number of mentees",
      bars: s.loadHistogram.enumerated().map { ("\($0.offset)", Double($0.element), "\($0.element)") })
    out += figure(
      "Goals covered by competency",
      bars: m.coverageByCompetency.filter { $0.goals > 0 }.map {
        ($0.competency, Double($0.covered) / Double($0.goals), "\($0.covered)/\($0.goals)")
      }, horizontal: true)
    out += "</div>\n"
    out += "<h2>Pairs</h2>\n<table>\n<tr><th>Mentee</th><th>Mentor</th><th>Score</th><th>Rank</th>"
    out += "<th>Why</th><th>Growth plan</th></tr>\n"
    for p in plan.pairs {
      out += "<tr><td>\(escape(p.menteeID)) \(escape(p.menteeName))</td>"
      out += "<td>\(escape(p.mentorID)) \(escape(p.mentorName))</td>"
      out += "<td class=\"num\">\(PlanNumbers.score(p.score))</td><td class=\"num\">\(p.rank)/\(p.eligibleMentors)</td>"
      out += "<td><ul class=\"why\">" + p.highlights.map { "<li>\(escape($0))</li>" }.joined() + "</ul></td>"
      out += "<td>\(escape(p.growthPlan.focusSummary))<br><span class=\"note\">"
      out += "\(escape(p.growthPlan.milestoneSummary))</span></td></tr>\n"
    }
    out += "</table>\n"
    if !plan.unmatched.isEmpty {
      out += "<h2>Unmatched</h2>\n<table>\n<tr><th>Mentee</th><th>Reason</th></tr>\n"
      for u in plan.unmatched {
        out += "<tr><td>\(escape(u.menteeID)) \(escape(u.menteeName))</td><td>\(escape(u.explanation))</td></tr>\n"
      }
      out += "</table>\n"
    }
    out += "</body>\n</html>\n"
    return out
  }

  /// Ten equal bins between the lowest and highest score.
  static func fitHistogram(_ scores: [Double]) -> [(String, Double, String)] {
    guard let low = scores.min(), let high = scores.max() else { return [] }
    let bins = 10
    let width = high > low ? (high - low) / Double(bins) : 1
    var counts = [Int](repeating: 0, count: bins)
    for score in scores { counts[min(bins - 1, Int((score - low) / width))] += 1 }
    return counts.enumerated().map {
      (PlanNumbers.score(low + Double($0.offset) * width), Double($0.element), "\($0.element)")
    }
  }

  /// A bar chart as inline SVG: `bars` are (label, value, value text).
  static func figure(_ caption: String, bars: [(String, Double, String)], horizontal: Bool = false) -> String {
    let maximum = max(bars.map(\.1).max() ?? 0, 1e-12)
    var svg = ""
    if horizontal {
      let rowHeight = 20
      let height = max(rowHeight * bars.count, rowHeight)
      svg += "<svg width=\"420\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(caption))\">\n"
      for (k, bar) in bars.enumerated() {
        let y = k * rowHeight
        let length = Int((bar.1 / maximum * 200).rounded())
        svg += "<text x=\"150\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"11\">\(escape(bar.0))</text>"
        svg += "<rect x=\"156\" y=\"\(y + 4)\" width=\"\(length)\" height=\"13\" fill=\"#4c78a8\"/>"
        svg += "<text x=\"\(160 + length)\" y=\"\(y + 14)\" font-size=\"11\">\(escape(bar.2))</text>\n"
      }
    } else {
      let barWidth = 28
      let width = max(barWidth * bars.count + 20, 120)
      svg += "<svg width=\"\(width)\" height=\"190\" role=\"img\" aria-label=\"\(escape(caption))\">\n"
      for (k, bar) in bars.enumerated() {
        let x = 10 + k * barWidth
        let length = Int((bar.1 / maximum * 130).rounded())
        svg +=
          "<rect x=\"\(x)\" y=\"\(150 - length)\" width=\"\(barWidth - 4)\" height=\"\(length)\" fill=\"#4c78a8\"/>"
        svg += "<text x=\"\(x + (barWidth - 4) / 2)\" y=\"\(145 - length)\" font-size=\"10\" text-anchor=\"middle\">"
        svg += "\(escape(bar.2))</text>"
        svg += "<text x=\"\(x + (barWidth - 4) / 2)\" y=\"168\" font-size=\"9\" text-anchor=\"middle\">"
        svg += "\(escape(bar.0))</text>\n"
      }
    }
    svg += "</svg>"
    return "<figure><figcaption>\(escape(caption))</figcaption>\n\(svg)\n</figure>\n"
  }

  /// Text for HTML content and attributes (``DisplayText/html(_:)``).
  static func escape(_ text: String) -> String { DisplayText.html(text) }
}
