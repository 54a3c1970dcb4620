import Rationale

/// Renders a plan as CSV: one row per mentee, matched or not.
enum PlanCSVRenderer {
  static let header = [
    "status", "mentee_id", "mentee_name", "mentor_id", "mentor_name", "score", "rank", "eligible_mentors",
    "competency", "seniority", "cross_department", "timezone", "rationale",
  ]

  static func render(_ plan: PairingPlan) -> String {
    var writer = CSVWriter()
    writer.writeRow(header)
    var rows: [(Int, [CSVCell])] = []
    for pair in plan.pairs {
      let b = pair.breakdown
      rows.append(
        (
          pair.menteeIndex,
          [
            .text("matched"), .text(pair.menteeID), .text(pair.menteeName), .text(pair.mentorID),
            .text(pair.mentorName), .number(pair.score), .integer(pair.rank), .integer(pair.eligibleMentors),
            .number(b.competency), .number(b.seniority), .number(b.crossDepartment), .number(b.timezone),
            .text(pair.highlights.joined(separator: "; ")),
          ]
        ))
    }
    for u in plan.unmatched {
      rows.append(
        (
          u.menteeIndex,
          [
            .text("unmatched"), .text(u.menteeID), .text(u.menteeName), .empty, .empty, .empty, .empty, .empty,
            .empty, .empty, .empty, .empty, .text(u.explanation),
          ]
        ))
    }
    for (_, cells) in rows.sorted(by: { $0.0 < $1.0 }) { writer.writeRow(cells) }
    return writer.text
  }
}
