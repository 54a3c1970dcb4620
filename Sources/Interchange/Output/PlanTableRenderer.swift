import Rationale

/// Renders a plan as aligned text for a terminal: the summary (with how to
/// read fit, when there are pairs), the pairs and the unmatched mentees.
/// Every field from the input goes through ``DisplayText/visible(_:)``, so
/// no name can drive the terminal.
enum PlanTableRenderer {
  static func render(_ plan: PairingPlan) -> String {
    let s = plan.summary
    var out = ""
    out += "Matched \(s.matched) of \(s.mentees) mentees (\(PlanNumbers.percent(s.matched, of: s.mentees)))"
    out += " · total fit \(PlanNumbers.score(s.totalScore)) · mean \(PlanNumbers.score(s.meanScore))"
    out += " · minimum \(PlanNumbers.score(s.minimumScore))\n"
    out += "Mentors: \(s.mentorsUsed) of \(s.mentors) used, \(s.mentorsAtCapacity) at capacity;"
    out +=
      " places \(s.placesUsed) of \(s.placesOffered) taken; mentees per mentor \(PlanNumbers.loads(s.loadHistogram))\n"
    out += PlanNumbers.metrics(plan) + "\n"
    if let fairness = PlanNumbers.fairness(plan) { out += fairness + "\n" }
    if let advice = PlanNumbers.capacityAdvice(plan) {
      out +=
        DisplayText.visible(advice[0]) + "\n" + advice.dropFirst().map { "  · \(DisplayText.visible($0))\n" }.joined()
    }
    out += PlanNumbers.certificate(plan) + "\n"
    if !plan.pairs.isEmpty {
      // How to read fit, as the Markdown and HTML plans say it (only numbers and fixed words).
      out += wrapped(PlanFitScale.explanation(plan), width: 100)
    }
    guard !plan.pairs.isEmpty || !plan.unmatched.isEmpty else { return out }
    let menteeWidth = plan.pairs.map { label($0.menteeID, $0.menteeName).count }.max() ?? 0
    let mentorWidth = plan.pairs.map { label($0.mentorID, $0.mentorName).count }.max() ?? 0
    if !plan.pairs.isEmpty {
      out += "\n"
      out += pad("MENTEE", menteeWidth) + "   " + pad("MENTOR", mentorWidth) + "  SCORE  RANK\n"
      for pair in plan.pairs {
        out += pad(label(pair.menteeID, pair.menteeName), menteeWidth) + " → "
        out += pad(label(pair.mentorID, pair.mentorName), mentorWidth) + "  "
        out += PlanNumbers.score(pair.score) + "  \(pair.rank)/\(pair.eligibleMentors)\n"
        for line in pair.highlights { out += "    · \(DisplayText.visible(line))\n" }
        if !pair.growthPlan.focus.isEmpty { out += "    plan: \(DisplayText.visible(pair.growthPlan.focusSummary))\n" }
      }
    }
    if !plan.unmatched.isEmpty {
      out += "\nUnmatched:\n"
      for u in plan.unmatched {
        out += "  \(label(u.menteeID, u.menteeName)): \(DisplayText.visible(u.explanation))\n"
      }
    }
    return out
  }

  static func label(_ id: String, _ name: String) -> String {
    DisplayText.visible(name.isEmpty ? id : "\(id) \(name)")
  }

  /// `text` broken at spaces into lines of at most `width` characters (a
  /// longer word stays whole on its own line), each ending in a newline.
  ///
  /// - Complexity: O(`text.count`).
  static func wrapped(_ text: String, width: Int) -> String {
    var out = ""
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if !line.isEmpty && line.count + 1 + word.count > width {
        out += line + "\n"
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    return line.isEmpty ? out : out + line + "\n"
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
