import Foundation
import Rationale

extension PlanFormat {
  /// The bytes of `shortlist` in this format: one row per suggestion (CSV,
  /// XLSX), a list per mentee (table, Markdown, HTML), or the
  /// ``ShortlistDocument`` (JSON).
  ///
  /// - Throws: ``OutputError`` when the XLSX container cannot be built.
  /// - Complexity: O(size of the shortlist).
  public func data(_ shortlist: Shortlist, warning: (String) -> Void = { _ in }) throws(OutputError) -> Data {
    switch self {
    case .json: return ShortlistDocument(shortlist).encodedData()
    case .xlsx:
      let rows = ShortlistRenderer.rows(shortlist)
      var sheet: [[XLSXWorkbook.Cell]] = [ShortlistRenderer.header.map { .text($0) }]
      for row in rows {
        sheet.append(
          [
            .text(row.menteeID), .text(row.menteeName), .number(Double(row.position)), .text(row.mentorID),
            .text(row.mentorName), .number(row.fit), .text(row.inPlan ? "yes" : "no"),
            .number(Double(row.matchedChange)), .number(row.fitChange), .text(row.reasons),
          ])
      }
      var exposure: [[XLSXWorkbook.Cell]] = [["mentor_id", "mentor_name", "lists", "bound"].map { .text($0) }]
      let cohort = shortlist.plan.model.cohort
      for (j, mentor) in cohort.mentors.enumerated() {
        exposure.append([
          .text(mentor.id), .text(mentor.person.name), .number(Double(shortlist.exposure[j])),
          .number(Double(shortlist.exposureBound[j])),
        ])
      }
      return try XLSXWorkbook(sheets: [
        .init(name: "Shortlists", rows: sheet), .init(name: "Mentor exposure", rows: exposure),
      ]).data(warning: warning)
    case .csv:
      var writer = CSVWriter()
      writer.writeRow(ShortlistRenderer.header)
      for row in ShortlistRenderer.rows(shortlist) {
        writer.writeRow([
          .text(row.menteeID), .text(row.menteeName), .integer(row.position), .text(row.mentorID),
          .text(row.mentorName), .number(row.fit), .text(row.inPlan ? "yes" : "no"), .integer(row.matchedChange),
          .number(row.fitChange), .text(row.reasons),
        ])
      }
      return Data(writer.text.utf8)
    case .table: return Data(ShortlistRenderer.table(shortlist).utf8)
    case .markdown: return Data(ShortlistRenderer.markdown(shortlist).utf8)
    case .html: return Data(ShortlistRenderer.html(shortlist).utf8)
    }
  }
}

/// The text forms of a shortlist.
enum ShortlistRenderer {
  /// The CSV and XLSX columns.
  static let header = [
    "mentee_id", "mentee_name", "position", "mentor_id", "mentor_name", "fit", "in_plan", "matched_change",
    "fit_change", "reasons",
  ]

  /// One suggestion as a flat row.
  struct Row {
    var menteeID: String
    var menteeName: String
    var position: Int
    var mentorID: String
    var mentorName: String
    var fit: Double
    var inPlan: Bool
    var matchedChange: Int
    var fitChange: Double
    var reasons: String
  }

  static func rows(_ shortlist: Shortlist) -> [Row] {
    shortlist.entries.flatMap { entry in
      entry.suggestions.enumerated().map { k, s in
        Row(
          menteeID: entry.menteeID, menteeName: entry.menteeName, position: k + 1, mentorID: s.mentorID,
          mentorName: s.mentorName, fit: s.score, inPlan: s.inPlan, matchedChange: s.matchedChange,
          fitChange: s.fitChange, reasons: s.reasons.joined(separator: "; "))
      }
    }
  }

  /// The summary line: lists, suggestions, the exposure bound.
  static func summary(_ shortlist: Shortlist) -> String {
    let suggestions = shortlist.entries.map(\.suggestions.count).reduce(0, +)
    let short = shortlist.entries.filter { $0.suggestions.count < shortlist.size }.count
    let widest = shortlist.exposure.max() ?? 0
    var text =
      "\(shortlist.entries.count) mentees, \(suggestions) suggestions (\(shortlist.size) asked per mentee; "
      + "\(short) mentee(s) with fewer); no mentor on more than size × capacity lists (most: \(widest))"
    if !shortlist.costsFromPlan { text += "; costs measured from an optimal b-matching, not the plan" }
    return text
  }

  static func table(_ shortlist: Shortlist) -> String {
    var out = "Shortlists: " + summary(shortlist) + "\n"
    for entry in shortlist.entries {
      out += "\n\(DisplayText.visible(entry.menteeID))  \(DisplayText.visible(entry.menteeName))\n"
      if entry.suggestions.isEmpty { out += "  (no eligible mentor)\n" }
      for (k, s) in entry.suggestions.enumerated() {
        let cost =
          s.inPlan ? "plan" : "cost \(s.matchedChange) matched, \(PlanNumbers.signed(s.fitChange)) fit"
        out +=
          "  \(k + 1). \(DisplayText.visible(s.mentorID))  \(DisplayText.visible(s.mentorName))  fit \(PlanNumbers.score(s.score))  \(cost)\n"
        for reason in s.reasons.dropFirst() { out += "       - \(DisplayText.visible(reason))\n" }
      }
    }
    return out
  }

  static func markdown(_ shortlist: Shortlist) -> String {
    func cell(_ text: String) -> String {
      DisplayText.visible(text).replacing("|", with: "\\|").replacing("<", with: "&lt;")
    }
    var out = "# Shortlists\n\n" + summary(shortlist) + "\n\n"
    out += "| mentee | # | mentor | fit | matched change | fit change | reasons |\n|---|---|---|---|---|---|---|\n"
    for row in rows(shortlist) {
      out +=
        "| \(cell(row.menteeID)) \(cell(row.menteeName)) | \(row.position) | \(cell(row.mentorID)) \(cell(row.mentorName)) | \(PlanNumbers.score(row.fit)) | \(row.inPlan ? "plan" : String(row.matchedChange)) | \(row.inPlan ? "plan" : PlanNumbers.signed(row.fitChange)) | \(cell(row.reasons)) |\n"
    }
    return out
  }

  static func html(_ shortlist: Shortlist) -> String {
    let e = DisplayText.html
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Shortlists</title>
      <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}</style>
      </head><body><h1>Shortlists</h1>

      """
    out += "<p>\(e(summary(shortlist)))</p>\n<table><thead><tr>"
    for name in ["mentee", "#", "mentor", "fit", "matched change", "fit change", "reasons"] {
      out += "<th>\(e(name))</th>"
    }
    out += "</tr></thead><tbody>\n"
    for row in rows(shortlist) {
      out +=
        "<tr><td>\(e(row.menteeID)) \(e(row.menteeName))</td><td>\(row.position)</td><td>\(e(row.mentorID)) \(e(row.mentorName))</td><td>\(PlanNumbers.score(row.fit))</td><td>\(row.inPlan ? "plan" : String(row.matchedChange))</td><td>\(row.inPlan ? "plan" : PlanNumbers.signed(row.fitChange))</td><td>\(e(row.reasons))</td></tr>\n"
    }
    return out + "</tbody></table></body></html>\n"
  }
}
