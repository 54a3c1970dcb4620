import Rationale

/// Renders a plan as CSV: one row per mentee, matched or not. Identifiers are
/// written exactly (quoted as needed) so programs can join on them; names,
/// e-mails and free text go through ``DisplayText/visible(_:)``.
enum PlanCSVRenderer {
  static let header = [
    "status", "mentee_id", "mentee_name", "mentee_email", "mentor_id", "mentor_name", "mentor_email", "score", "rank",
    "eligible_mentors", "competency", "seniority", "cross_department", "timezone", "mentee_preference",
    "mentor_preference", "focus", "milestones", "rationale",
  ]

  static func render(_ plan: PairingPlan) -> String {
    let cohort = plan.model.cohort
    func email(_ value: String?) -> CSVCell { value.map { .text(DisplayText.visible($0)) } ?? .empty }
    func shown(_ value: String) -> CSVCell { .text(DisplayText.visible(value)) }
    var writer = CSVWriter()
    writer.writeRow(header)
    var rows: [(Int, [CSVCell])] = []
    for pair in plan.pairs {
      let b = pair.breakdown
      let preference = plan.model.preferenceTerms(mentee: pair.menteeIndex, mentor: pair.mentorIndex)
      rows.append(
        (
          pair.menteeIndex,
          [
            .text("matched"), .text(pair.menteeID), shown(pair.menteeName),
            email(cohort.mentees[pair.menteeIndex].person.email), .text(pair.mentorID), shown(pair.mentorName),
            email(cohort.mentors[pair.mentorIndex].person.email), .number(pair.score), .integer(pair.rank),
            .integer(pair.eligibleMentors), .number(b.competency), .number(b.seniority), .number(b.crossDepartment),
            .number(b.timezone), .number(preference.mentee), .number(preference.mentor),
            shown(pair.growthPlan.focusSummary), shown(pair.growthPlan.milestoneSummary),
            shown(pair.highlights.joined(separator: "; ")),
          ]
        ))
    }
    for u in plan.unmatched {
      rows.append(
        (
          u.menteeIndex,
          [
            .text("unmatched"), .text(u.menteeID), shown(u.menteeName),
            email(cohort.mentees[u.menteeIndex].person.email), .empty, .empty, .empty, .empty, .empty, .empty,
            .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, shown(u.explanation),
          ]
        ))
    }
    for (_, cells) in rows.sorted(by: { $0.0 < $1.0 }) { writer.writeRow(cells) }
    // The summary's capacity advice: one row per advised mentor after the mentees
    // (status capacity_advice, the fit gain in the score column).
    for a in plan.summary.capacityAdvice ?? [] {
      let mentor = cohort.mentors.first { $0.id == a.mentor.id }
      let line = PlanNumbers.capacityAdviceLine(a)
      writer.writeRow(
        [
          .text("capacity_advice"), .empty, .empty, .empty, .text(a.mentor.id), shown(a.mentor.name),
          email(mentor?.person.email), .number(a.fitGain), .empty, .empty, .empty, .empty, .empty, .empty, .empty,
          .empty, .empty, .empty, shown(line),
        ])
    }
    return writer.text
  }
}
