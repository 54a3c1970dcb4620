import Rationale

/// Renders a plan as a Markdown report: the summary as a list, how to read
/// fit (when there are pairs), the pairs and the unmatched mentees.
enum PlanMarkdownRenderer {
  static func render(_ plan: PairingPlan) -> String {
    let s = plan.summary
    var out = "# Mentoring pairing plan\n\n"
    out += "- Matched: \(s.matched) of \(s.mentees) mentees (\(PlanNumbers.percent(s.matched, of: s.mentees)))\n"
    out += "- Fit: total \(PlanNumbers.score(s.totalScore)), mean \(PlanNumbers.score(s.meanScore)),"
    out += " minimum \(PlanNumbers.score(s.minimumScore))\n"
    out += "- Mentors: \(s.mentorsUsed) of \(s.mentors) used, \(s.mentorsAtCapacity) at capacity;"
    out += " places \(s.placesUsed) of \(s.placesOffered) taken\n"
    out += "- Mentees per mentor: \(PlanNumbers.loads(s.loadHistogram))\n"
    out += "- \(PlanNumbers.metrics(plan))\n"
    if let fairness = PlanNumbers.fairness(plan) { out += "- \(fairness)\n" }
    if let advice = PlanNumbers.capacityAdvice(plan) {
      out += "- \(cell(advice[0]))\n" + advice.dropFirst().map { "  - \(cell($0))\n" }.joined()
    }
    out += "- \(PlanNumbers.certificate(plan))\n\n"
    if !plan.pairs.isEmpty {
      // Only numbers and fixed words (no cohort data), as the HTML report's note.
      out += PlanFitScale.explanation(plan) + "\n\n"
      out += "## Pairs\n\n| Mentee | Mentor | Score | Rank | Why | Growth plan |\n|---|---|---:|---:|---|---|\n"
      for p in plan.pairs {
        out += "| \(cell(p.menteeID)) \(cell(p.menteeName)) | \(cell(p.mentorID)) \(cell(p.mentorName)) | "
        out += "\(PlanNumbers.score(p.score)) | \(p.rank)/\(p.eligibleMentors) | "
        out += p.highlights.map(ReasonMarkup.markdown).joined(separator: "<br>") + " | "
        out += cell(p.growthPlan.focusSummary) + "<br>" + cell(p.growthPlan.milestoneSummary) + " |\n"
      }
      out += "\n"
    }
    if !plan.unmatched.isEmpty {
      out += "## Unmatched\n\n| Mentee | Reason |\n|---|---|\n"
      for u in plan.unmatched { out += "| \(cell(u.menteeID)) \(cell(u.menteeName)) | \(cell(u.explanation)) |\n" }
      out += "\n"
    }
    return out
  }

  /// Escapes text for a Markdown table cell: control characters (line breaks
  /// included) become visible escapes (``DisplayText``), and pipes, HTML and
  /// Markdown's emphasis, code and link characters are escaped.
  static func cell(_ text: String) -> String {
    var out = ""
    for ch in DisplayText.visible(text) {
      switch ch {
      case "|": out += "\\|"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\\", "*", "_", "`", "[", "]": out += "\\\(ch)"
      default: out.append(ch)
      }
    }
    return out
  }
}
