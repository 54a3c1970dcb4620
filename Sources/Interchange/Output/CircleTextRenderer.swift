import Circles
import CompetencyModel
import Foundation

/// The text renderers of circles: table, CSV, JSON and Markdown, with the
/// numbers and the lead schedule the HTML and XLSX renderers share. Text
/// from the data is shown display-safe (``DisplayText``); CSV cells are
/// formula-safe (``CSVWriter``).
enum CircleTextRenderer {
  /// `text` with control characters (C0, DEL, C1) shown as `\u{…}` escapes,
  /// as in the plan formats (``DisplayText``), so data cannot move the
  /// terminal's cursor or break a Markdown table row.
  static func visible(_ text: String) -> String { DisplayText.visible(text) }

  static func percent(_ x: Double) -> String { String(format: "%.1f %%", 100 * x) }
  static func number(_ x: Double) -> String { String(format: "%.3f", x) }

  static func summaryLines(_ plan: CirclePlan) -> [String] {
    [
      "circles: \(plan.circles.count), participants: \(plan.circles.reduce(0) { $0 + $1.members.count })",
      "goals covered by a peer: \(percent(plan.goalsCovered))",
      "departments per circle: \(String(format: "%.2f", plan.departmentsPerCircle))",
      "objective: \(number(plan.objective)), bound: \(number(plan.bound)), gap: \(percent(plan.gap))",
    ]
  }

  static func schedule(_ circle: CirclePlan.Circle) -> String {
    circle.sessions.map { s in "\(s.date.map(\.description) ?? "week \(s.week)") \(s.leadID)" }.joined(
      separator: ", ")
  }

  static func table(_ plan: CirclePlan) -> String {
    var lines = summaryLines(plan)
    for circle in plan.circles {
      lines.append("")
      lines.append(
        "Circle \(circle.number): \(circle.members.count) members, departments \(circle.departments.joined(separator: ", ")), "
          + "shared hours \(String(format: "%.1f", circle.sharedHours))")
      for member in circle.members {
        lines.append("  \(member.id) (coverage \(percent(member.coverage)))")
        for learning in member.learning { lines.append("    \(learning.sentence)") }
        if !member.uncovered.isEmpty {
          lines.append("    no peer above in \(member.uncovered.joined(separator: ", "))")
        }
      }
      if let f = circle.facilitator { lines.append("  facilitator: \(f.rationale)") }
      if let note = circle.facilitatorNote { lines.append("  \(note)") }
      lines.append("  leads: \(schedule(circle))")
    }
    return lines.map { visible($0) }.joined(separator: "\n") + "\n"
  }

  static func csv(_ plan: CirclePlan) -> String {
    var writer = CSVWriter()
    writer.writeRow([
      "circle", "member", "department", "coverage", "learns", "uncovered", "circle_departments", "shared_hours",
      "facilitator",
    ])
    for circle in plan.circles {
      for member in circle.members {
        writer.writeRow([
          String(circle.number), member.id, member.department ?? "", number(member.coverage),
          member.learning.map(\.sentence).joined(separator: "; "), member.uncovered.joined(separator: "; "),
          circle.departments.joined(separator: "; "), String(format: "%.1f", circle.sharedHours),
          circle.facilitator?.id ?? "",
        ])
      }
    }
    return writer.text
  }

  static func json(_ plan: CirclePlan) throws -> String {
    let circles: [[String: Any]] = plan.circles.map { circle in
      [
        "number": circle.number,
        "members": circle.members.map { member -> [String: Any] in
          [
            "id": member.id, "department": member.department as Any, "coverage": member.coverage,
            "learns": member.learning.map {
              [
                "competency": $0.competency, "from": $0.peerID, "peer_level": $0.peerLevel, "level": $0.level,
                "goal": $0.goal,
              ] as [String: Any]
            },
            "uncovered": member.uncovered,
          ]
        },
        "departments": circle.departments,
        "shared_hours": circle.sharedHours,
        "facilitator": circle.facilitator.map { ["id": $0.id, "fit": $0.fit, "rationale": $0.rationale] } as Any,
        "sessions": circle.sessions.map {
          ["number": $0.number, "week": $0.week, "date": $0.date?.description as Any, "lead": $0.leadID]
            as [String: Any]
        },
      ]
    }
    let document: [String: Any] = [
      "circles": circles,
      "summary": [
        "circles": plan.circles.count, "goals_covered": plan.goalsCovered,
        "departments_per_circle": plan.departmentsPerCircle, "objective": plan.objective, "bound": plan.bound,
        "gap": plan.gap,
      ],
    ]
    let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func markdown(_ plan: CirclePlan) -> String {
    func cell(_ text: String) -> String {
      visible(text).replacingOccurrences(of: "|", with: "\\|")
    }
    var lines = ["# Peer mentoring circles", ""]
    lines += summaryLines(plan).map { "- " + cell($0) }
    for circle in plan.circles {
      lines += [
        "", "## Circle \(circle.number)", "",
        "Departments: \(cell(circle.departments.joined(separator: ", "))); shared hours: \(String(format: "%.1f", circle.sharedHours)).",
        "", "| member | coverage | learns | no peer above in |", "|---|---|---|---|",
      ]
      for member in circle.members {
        lines.append(
          "| \(cell(member.id)) | \(percent(member.coverage)) | \(cell(member.learning.map(\.sentence).joined(separator: "; "))) | \(cell(member.uncovered.joined(separator: ", "))) |"
        )
      }
      if let f = circle.facilitator { lines += ["", "Facilitator: \(cell(f.rationale))."] }
      if let note = circle.facilitatorNote { lines += ["", cell(note) + "."] }
      lines += ["", "Leads: \(cell(schedule(circle)))."]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
