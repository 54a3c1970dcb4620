import Rationale

/// Renders a plan as one self-contained HTML report for the people who act
/// on it. In order: the cohort, configuration and date; a plain-language
/// headline; the actions (unmatched mentees with their reasons); summary
/// figures; a searchable, filterable, sortable table of pairs; a per-mentor
/// view; a per-department breakdown; charts with axis titles and the fit
/// scale explained; and how the plan was checked.
///
/// One file, no network: styles (with a print stylesheet) and one small
/// script are inline (``PlanHTMLAssets``), charts are inline SVG, and the
/// script reads the page, never personal data embedded in code. Every text
/// taken from the input passes through ``DisplayText/html(_:)``. Without the
/// script every row is shown. The output depends only on the plan and the
/// context: identical inputs give identical bytes.
enum PlanHTMLRenderer {
  /// The report of `plan`.
  ///
  /// - Parameters:
  ///   - plan: The plan.
  ///   - context: The cohort, configuration and date shown at the top;
  ///     without it the top line says only what the plan holds.
  /// - Complexity: O(size of the plan + D log D) for D departments.
  static func render(_ plan: PairingPlan, context: PlanReportContext? = nil) -> String {
    let s = plan.summary
    let m = plan.metrics
    let cohort = plan.model.cohort
    let breakdown = PlanBreakdown(plan)
    var out = HTMLPage.head(title: "Mentoring pairing plan", style: PlanHTMLAssets.style)
    out += """
      <header>
      <h1>Mentoring pairing plan</h1>

      """
    if let context {
      out += "<p class=\"context\" id=\"context\"><span>Cohort: <b>\(escape(context.cohort))</b></span>"
      out += "<span>Configuration: <b>\(escape(context.configurationText))</b></span>"
      out += "<span>Date: <b>\(escape(context.date))</b></span></p>\n"
    }
    out += "<p class=\"headline\" id=\"headline\">\(escape(headline(plan)))</p>\n</header>\n"

    // Actions first: what somebody has to do something about.
    out += "<section id=\"actions\">\n<h2>What needs action</h2>\n"
    if plan.unmatched.isEmpty {
      out += "<p>Every mentee has a mentor: nothing needs action.</p>\n"
    } else {
      out += "<p>\(plan.unmatched.count) mentee\(plan.unmatched.count == 1 ? " has" : "s have") no mentor yet."
      out += " Each one's reason is below.</p>\n"
      out += "<table class=\"sortable\" id=\"unmatched\">\n<thead><tr><th>Mentee</th><th>Department</th>"
      out += "<th>Reason</th></tr></thead>\n<tbody>\n"
      for u in plan.unmatched {
        let department = cohort.mentees[u.menteeIndex].person.department ?? ""
        out += "<tr><td>\(escape(u.menteeName)) <span class=\"id\">\(escape(u.menteeID))</span></td>"
        out += "<td>\(escape(department))</td><td>\(escape(u.explanation))</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }
    if let advice = PlanNumbers.capacityAdvice(plan) {
      // The exact gain of one more place at the advised mentors (CapacityAdvice).
      out += "<div id=\"capacity-advice\">\n<h3>Where one more place helps</h3>\n"
      out += "<p class=\"advice\">\(escape(advice[0]))</p>\n"
      if advice.count > 1 {
        out += "<ul>\n" + advice.dropFirst().map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
      }
      out += "</div>\n"
    }
    out += "</section>\n"

    out += "<section id=\"figures\">\n<h2>The plan in figures</h2>\n<div class=\"cards\">\n"
    let cards: [(String, String)] = [
      (PlanNumbers.percent(s.matched, of: s.mentees), "\(s.matched) of \(s.mentees) mentees matched"),
      (PlanNumbers.score(s.meanScore), "average fit"),
      (PlanNumbers.score(s.minimumScore), "lowest fit"),
      (m.goalCoverage.map { "\(Int(($0 * 100).rounded()))%" } ?? "-", "growth goals covered"),
      (m.crossDepartmentShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "-", "pairs across departments"),
      ("\(s.placesUsed)/\(s.placesOffered)", "mentor places taken"),
    ]
    for (value, label) in cards {
      out += "<div class=\"card\"><b>\(escape(value))</b><span>\(escape(label))</span></div>\n"
    }
    out += "</div>\n"
    if let fairness = PlanNumbers.fairness(plan) { out += "<p>\(escape(fairness))</p>\n" }
    out += "<p class=\"note\">\(escape(PlanFitScale.explanation(plan)))</p>\n</section>\n"

    out += pairsSection(plan, departments: breakdown.departments.map(\.name))
    out += mentorsSection(breakdown)
    out += departmentsSection(breakdown)

    out += "<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n"
    out += figure(
      "Fit of the pairs", bars: fitHistogram(plan.pairs.map(\.score)), xTitle: "fit (lower end of each band)",
      yTitle: "pairs")
    out += figure(
      "Mentors by number of mentees",
      bars: s.loadHistogram.enumerated().map { ("\($0.offset)", Double($0.element), "\($0.element)") },
      xTitle: "mentees per mentor", yTitle: "mentors")
    out += figure(
      "Goals covered by competency",
      bars: m.coverageByCompetency.filter { $0.goals > 0 }.map {
        ($0.competency, Double($0.covered) / Double($0.goals), "\($0.covered)/\($0.goals)")
      }, xTitle: "share of goals whose mentor is at or above the goal", yTitle: "competency", horizontal: true,
      shares: true)
    out += "</div>\n</section>\n"

    out += "<section id=\"method\">\n<h2>How this plan was checked</h2>\n"
    out += "<p class=\"note\">\(escape(PlanNumbers.certificate(plan)))</p>\n</section>\n"
    out += "<script>\n\(PlanHTMLAssets.script)\n</script>\n</body>\n</html>\n"
    return out
  }

  /// The plan in one or two sentences of plain words.
  static func headline(_ plan: PairingPlan) -> String {
    let s = plan.summary
    var text = "\(s.matched) of \(s.mentees) mentees (\(PlanNumbers.percent(s.matched, of: s.mentees))) have a mentor"
    if let coverage = plan.metrics.goalCoverage {
      text += "; their mentors already reach \(Int((coverage * 100).rounded()))% of the growth goals they set"
    }
    text += "."
    if let mean = s.meanScore, let low = s.minimumScore {
      let terms = plan.model.terms
      text += " Fit averages \(PlanNumbers.score(mean)) and is at least \(PlanNumbers.score(low)), on a scale up to"
      text += " \(PlanNumbers.score(terms.competency + terms.sideSum)) where \(PlanNumbers.score(terms.competency))"
      text += " means \(PlanFitScale.fullCoverage(plan))."
    }
    text += " No other plan within the programme's rules matches more mentees"
    text +=
      plan.summary.fairness == nil
      ? " or gives a better total fit." : " or gives the worst-served mentee a better fit."
    if s.unmatched > 0 {
      text += " \(s.unmatched) mentee\(s.unmatched == 1 ? " needs" : "s need") action: see below."
    }
    return text
  }

  /// The pairs: search box, department filter, sortable columns.
  static func pairsSection(_ plan: PairingPlan, departments: [String]) -> String {
    let cohort = plan.model.cohort
    var out = "<section id=\"pairs-section\">\n<h2>Pairs</h2>\n<div class=\"controls\">"
    out += "<label>Search <input type=\"search\" id=\"pair-search\" placeholder=\"name, id, competency…\"></label>"
    out += "<label>Department <select id=\"department-filter\"><option value=\"\">all departments</option>"
    for name in departments { out += "<option value=\"\(escape(name))\">\(escape(name))</option>" }
    out += "</select></label>"
    out += "<span id=\"pair-count\" aria-live=\"polite\">\(plan.pairs.count) of \(plan.pairs.count) pairs</span>"
    out += "</div>\n<p class=\"note screen-only\">Click a column heading to sort by it; click again to reverse.</p>\n"
    out += "<table class=\"sortable\" id=\"pairs\">\n<thead><tr><th>Mentee</th><th>Mentee department</th>"
    out += "<th>Mentor</th><th>Mentor department</th><th data-type=\"number\">Fit</th>"
    out += "<th data-type=\"number\">Rank</th><th>Why</th><th>Growth plan</th></tr></thead>\n<tbody>\n"
    for p in plan.pairs {
      let menteeDepartment = cohort.mentees[p.menteeIndex].person.department ?? ""
      let mentorDepartment = cohort.mentors[p.mentorIndex].person.department ?? ""
      out += "<tr data-mentee-department=\"\(escape(bucket(menteeDepartment)))\""
      out += " data-mentor-department=\"\(escape(bucket(mentorDepartment)))\">"
      out += "<td>\(escape(p.menteeName)) <span class=\"id\">\(escape(p.menteeID))</span></td>"
      out += "<td>\(escape(menteeDepartment))</td>"
      out += "<td>\(escape(p.mentorName)) <span class=\"id\">\(escape(p.mentorID))</span></td>"
      out += "<td>\(escape(mentorDepartment))</td>"
      out += "<td class=\"num\" data-sort=\"\(p.score)\">\(PlanNumbers.score(p.score))</td>"
      out += "<td class=\"num\" data-sort=\"\(p.rank)\" title=\"by fit, this mentor ranks \(p.rank) of the mentee's"
      out += " \(p.eligibleMentors) allowed mentors (1 is the best)\">\(p.rank) of \(p.eligibleMentors)</td>"
      out += "<td><ul class=\"why\">" + p.highlights.map { "<li>\(ReasonMarkup.html($0))</li>" }.joined() + "</ul></td>"
      out += "<td>\(escape(p.growthPlan.focusSummary))<br><span class=\"note\">"
      out += "\(escape(p.growthPlan.milestoneSummary))</span></td></tr>\n"
    }
    out += "</tbody>\n</table>\n</section>\n"
    return out
  }

  /// A department as the filter knows it: empty is ``PlanBreakdown/noDepartment``.
  static func bucket(_ department: String) -> String {
    department.isEmpty ? PlanBreakdown.noDepartment : department
  }

  /// One row per mentor: department, load against capacity, mean fit, mentees.
  static func mentorsSection(_ breakdown: PlanBreakdown) -> String {
    var out = "<section id=\"mentors-section\">\n<h2>Mentors</h2>\n"
    out += "<table class=\"sortable\" id=\"mentors\">\n<thead><tr><th>Mentor</th><th>Department</th>"
    out += "<th data-type=\"number\">Mentees</th><th data-type=\"number\">Places</th>"
    out += "<th data-type=\"number\">Average fit</th><th>Mentees matched</th></tr></thead>\n<tbody>\n"
    for row in breakdown.mentors {
      out += "<tr><td>\(escape(row.name)) <span class=\"id\">\(escape(row.id))</span></td>"
      out += "<td>\(escape(row.department ?? ""))</td><td class=\"num\">\(row.load)</td>"
      out += "<td class=\"num\">\(row.capacity)</td>"
      out += "<td class=\"num\" data-sort=\"\(row.meanFit ?? -1)\">\(PlanNumbers.score(row.meanFit))</td><td>"
      out += row.mentees.map { "\(escape($0.name)) <span class=\"id\">\(escape($0.id))</span>" }.joined(separator: ", ")
      out += "</td></tr>\n"
    }
    out += "</tbody>\n</table>\n</section>\n"
    return out
  }

  /// One row per department: its mentees matched and its mentors' places.
  static func departmentsSection(_ breakdown: PlanBreakdown) -> String {
    var out = "<section id=\"departments-section\">\n<h2>Departments</h2>\n"
    out += "<p class=\"note\">Mentees by their own department; places by their mentors' department.</p>\n"
    out += "<table class=\"sortable\" id=\"departments\">\n<thead><tr><th>Department</th>"
    out += "<th data-type=\"number\">Mentees</th><th data-type=\"number\">Matched</th>"
    out += "<th data-type=\"number\">Unmatched</th><th data-type=\"number\">Average fit</th>"
    out += "<th data-type=\"number\">Mentor from another department</th><th data-type=\"number\">Mentors</th>"
    out += "<th data-type=\"number\">Places taken</th><th data-type=\"number\">Places offered</th></tr></thead>\n"
    out += "<tbody>\n"
    for row in breakdown.departments {
      out += "<tr><td>\(escape(row.name))</td><td class=\"num\">\(row.mentees)</td>"
      out += "<td class=\"num\">\(row.matched)</td><td class=\"num\">\(row.unmatched)</td>"
      out += "<td class=\"num\" data-sort=\"\(row.meanFit ?? -1)\">\(PlanNumbers.score(row.meanFit))</td>"
      out += "<td class=\"num\">\(row.crossDepartment)</td><td class=\"num\">\(row.mentors)</td>"
      out += "<td class=\"num\">\(row.placesTaken)</td><td class=\"num\">\(row.placesOffered)</td></tr>\n"
    }
    out += "</tbody>\n</table>\n</section>\n"
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

  /// A bar chart as inline SVG with both axis titles: `bars` are (label,
  /// value, value text); `xTitle` names the categories (vertical bars) or
  /// the values (horizontal bars), `yTitle` the other axis. With `shares`
  /// (horizontal bars only) the bars are drawn on a 0–100% scale with its
  /// ticks, else relative to the largest value.
  static func figure(
    _ caption: String, bars: [(String, Double, String)], xTitle: String, yTitle: String, horizontal: Bool = false,
    shares: Bool = false
  ) -> String {
    let maximum = shares ? max(bars.map(\.1).max() ?? 0, 1) : max(bars.map(\.1).max() ?? 0, 1e-12)
    var svg = ""
    if horizontal {
      let rowHeight = 20
      let height = max(rowHeight * bars.count, rowHeight) + 36
      svg += "<svg width=\"440\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(caption))\">\n"
      svg += "<text x=\"12\" y=\"\(height / 2)\" font-size=\"11\" text-anchor=\"middle\" class=\"axis\""
      svg += " transform=\"rotate(-90 12 \(height / 2))\">\(escape(yTitle))</text>\n"
      for (k, bar) in bars.enumerated() {
        let y = k * rowHeight
        let length = Int((bar.1 / maximum * 200).rounded())
        svg += "<text x=\"170\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"11\">\(escape(bar.0))</text>"
        svg += "<rect x=\"176\" y=\"\(y + 4)\" width=\"\(length)\" height=\"13\" fill=\"#4c78a8\"/>"
        svg += "<text x=\"\(180 + length)\" y=\"\(y + 14)\" font-size=\"11\">\(escape(bar.2))</text>\n"
      }
      let axisY = max(rowHeight * bars.count, rowHeight) + 4
      svg += "<line x1=\"176\" y1=\"\(axisY)\" x2=\"376\" y2=\"\(axisY)\" stroke=\"#5b6478\"/>"
      if shares {
        for (x, tick) in [(176, "0%"), (276, "50%"), (376, "100%")] {
          svg += "<text x=\"\(x)\" y=\"\(axisY + 12)\" font-size=\"9\" text-anchor=\"middle\">\(tick)</text>"
        }
      }
      svg += "<text x=\"276\" y=\"\(axisY + 28)\" font-size=\"11\" text-anchor=\"middle\" class=\"axis\">"
      svg += "\(escape(xTitle))</text>\n"
    } else {
      let barWidth = 34
      let left = 36
      let width = max(left + barWidth * bars.count + 10, 220)
      svg += "<svg width=\"\(width)\" height=\"212\" role=\"img\" aria-label=\"\(escape(caption))\">\n"
      svg += "<text x=\"12\" y=\"85\" font-size=\"11\" text-anchor=\"middle\" class=\"axis\""
      svg += " transform=\"rotate(-90 12 85)\">\(escape(yTitle))</text>\n"
      svg +=
        "<line x1=\"\(left - 4)\" y1=\"150\" x2=\"\(left + barWidth * bars.count)\" y2=\"150\" stroke=\"#5b6478\"/>"
      for (k, bar) in bars.enumerated() {
        let x = left + k * barWidth
        let length = Int((bar.1 / maximum * 130).rounded())
        svg +=
          "<rect x=\"\(x)\" y=\"\(150 - length)\" width=\"\(barWidth - 4)\" height=\"\(length)\" fill=\"#4c78a8\"/>"
        svg += "<text x=\"\(x + (barWidth - 4) / 2)\" y=\"\(145 - length)\" font-size=\"10\" text-anchor=\"middle\">"
        svg += "\(escape(bar.2))</text>"
        svg += "<text x=\"\(x + (barWidth - 4) / 2)\" y=\"166\" font-size=\"9\" text-anchor=\"middle\">"
        svg += "\(escape(bar.0))</text>\n"
      }
      svg += "<text x=\"\(left + barWidth * bars.count / 2)\" y=\"192\" font-size=\"11\" text-anchor=\"middle\""
      svg += " class=\"axis\">\(escape(xTitle))</text>\n"
    }
    svg += "</svg>"
    return "<figure><figcaption>\(escape(caption))</figcaption>\n\(svg)\n</figure>\n"
  }

  /// Text for HTML content and attributes (``DisplayText/html(_:)``).
  static func escape(_ text: String) -> String { DisplayText.html(text) }
}
