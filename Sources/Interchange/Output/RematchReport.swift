import Foundation
import Rationale

/// Renders a re-match (``Rematch``) in every plan format: the plan as
/// `match` renders it, plus its changes — pairs kept, new, ended and moved.
///
/// - table and Markdown: a "Changes" section after the plan;
/// - CSV: the plan's rows with a last `change` column (`kept`, `new`,
///   `moved from M…`), then one `ended` row per ended pair, so the file is
///   still a plan `ledger record --plan` reads;
/// - JSON: the plan document with a `changes` object (`kept`, `new`,
///   `ended`, `moved`);
/// - HTML: a "Changes" section before the end of the page;
/// - XLSX: a "Changes" sheet after the plan's sheets.
public enum RematchReport {
  /// One line per change, in order kept, new, moved, ended.
  public struct Change: Sendable, Equatable, Codable {
    public var change: String
    public var menteeID: String
    public var mentorID: String?
    /// The mentor before (a move) or why the pair ended.
    public var detail: String?
  }

  /// The changes of `rematch`, in the order kept, new, moved, ended.
  ///
  /// - Complexity: O(pairs).
  public static func changes(_ rematch: Rematch) -> [Change] {
    rematch.kept.map { Change(change: "kept", menteeID: $0.menteeID, mentorID: $0.mentorID, detail: nil) }
      + rematch.new.map { Change(change: "new", menteeID: $0.menteeID, mentorID: $0.mentorID, detail: nil) }
      + rematch.moved.map {
        Change(change: "moved", menteeID: $0.menteeID, mentorID: $0.toMentorID, detail: "from \($0.fromMentorID)")
      }
      + rematch.ended.map {
        Change(change: "ended", menteeID: $0.pair.menteeID, mentorID: $0.pair.mentorID, detail: $0.reason.rawValue)
      }
  }

  /// One line of counts: kept, new, moved, ended.
  public static func counts(_ rematch: Rematch) -> String {
    var line = "changes: \(rematch.kept.count) kept · \(rematch.new.count) new · \(rematch.moved.count) moved"
    line += " · \(rematch.ended.count) ended"
    if let bonus = rematch.reoptimise { line += " (continuing pairs moved only to gain more than \(bonus) each)" }
    return line
  }

  /// The report in `format`.
  ///
  /// - Throws: ``OutputError`` when an XLSX cell is too long.
  /// - Complexity: O(size of the plan).
  public static func data(_ rematch: Rematch, format: PlanFormat, warning: (String) -> Void = { _ in })
    throws(OutputError) -> Data
  {
    let plan = rematch.plan
    let changes = changes(rematch)
    switch format {
    case .table:
      var out = PlanTableRenderer.render(plan) + "\n" + counts(rematch) + "\n"
      for c in changes where c.change != "kept" {
        out += "  \(c.change)  \(c.menteeID) → \(c.mentorID ?? "-")\(c.detail.map { "  (\($0))" } ?? "")\n"
      }
      return Data(DisplayText.visible(out, keepingLineBreaks: true).utf8)
    case .markdown:
      var out = PlanMarkdownRenderer.render(plan) + "\n## Changes\n\n" + counts(rematch) + "\n\n"
      out += "| change | mentee | mentor | detail |\n|---|---|---|---|\n"
      for c in changes {
        let cells = [c.change, c.menteeID, c.mentorID ?? "", c.detail ?? ""].map {
          DisplayText.visible($0).replacingOccurrences(of: "|", with: "\\|")
        }
        out += "| " + cells.joined(separator: " | ") + " |\n"
      }
      return Data(out.utf8)
    case .csv:
      return Data(csv(rematch, changes: changes).utf8)
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var document = PlanDocument(plan).encodedData()
      // Splice `"changes": […]` in before the document's closing brace.
      guard let body = try? encoder.encode(changes), let close = document.lastIndex(of: UInt8(ascii: "}")) else {
        return document
      }
      let indented = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\n", with: "\n  ")
      document.replaceSubrange(close..<document.endIndex, with: Data(",\n  \"changes\" : \(indented)\n}\n".utf8))
      return document
    case .html:
      var page = PlanHTMLRenderer.render(plan)
      var section = "<section><h2>Changes</h2><p>\(DisplayText.html(counts(rematch)))</p>\n"
      section += "<table><thead><tr><th>change</th><th>mentee</th><th>mentor</th><th>detail</th></tr></thead><tbody>\n"
      for c in changes {
        section +=
          "<tr>"
          + [c.change, c.menteeID, c.mentorID ?? "", c.detail ?? ""].map {
            "<td>\(DisplayText.html($0))</td>"
          }.joined() + "</tr>\n"
      }
      section += "</tbody></table></section>\n"
      if let end = page.range(of: "</body>", options: .backwards) {
        page.insert(contentsOf: section, at: end.lowerBound)
      } else {
        page += section
      }
      return Data(page.utf8)
    case .xlsx:
      var rows: [[XLSXWorkbook.Cell]] = [["change", "mentee_id", "mentor_id", "detail"].map { .text($0) }]
      for c in changes {
        rows.append([
          .text(c.change), .text(c.menteeID), c.mentorID.map { .text($0) } ?? .empty,
          c.detail.map { .text($0) } ?? .empty,
        ])
      }
      return try XLSXWorkbook(sheets: PlanXLSXRenderer.sheets(plan) + [.init(name: "Changes", rows: rows)])
        .data(warning: warning)
    }
  }

  /// The plan's CSV with a `change` column, then the ended pairs as rows.
  static func csv(_ rematch: Rematch, changes: [Change]) -> String {
    let text = PlanCSVRenderer.render(rematch.plan)
    guard let table = try? CSVTable.parse(text, file: "plan.csv") else { return text }
    var changeOf: [String: String] = [:]
    for c in changes where c.change != "ended" {
      changeOf[c.menteeID] = c.change == "moved" ? "moved \(c.detail ?? "")" : c.change
    }
    // The fields are re-written exactly as rendered (already neutralised once).
    var writer = CSVWriter(neutralizingFormulas: false)
    let header = PlanCSVRenderer.header
    writer.writeRow(table.header.fields.map { CSVCell.text($0.value) } + [.text("change")])
    for record in table.records {
      let status = record[0].value
      let change = status == "matched" ? changeOf[record[1].value] ?? "" : ""
      writer.writeRow(record.fields.map { CSVCell.text($0.value) } + [.text(change)])
    }
    let mentee = header.firstIndex(of: "mentee_id")!
    let mentor = header.firstIndex(of: "mentor_id")!
    let rationale = header.firstIndex(of: "rationale")!
    var ended = CSVWriter()
    for c in changes where c.change == "ended" {
      var cells = [CSVCell](repeating: .empty, count: header.count + 1)
      cells[0] = .text("ended")
      cells[mentee] = .text(c.menteeID)
      cells[mentor] = .text(c.mentorID ?? "")
      cells[rationale] = .text("ended: \(c.detail ?? "")")
      cells[header.count] = .text("ended")
      ended.writeRow(cells)
    }
    return writer.text + ended.text
  }
}
