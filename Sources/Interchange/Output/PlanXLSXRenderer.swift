import Foundation
import Rationale

/// Renders a plan as an XLSX workbook for HR systems: a sheet of pairs (the
/// CSV plan's columns), a sheet of unmatched mentees with reasons and a
/// summary sheet.
enum PlanXLSXRenderer {
  static func render(_ plan: PairingPlan, warning: (String) -> Void = { _ in }) throws(OutputError) -> Data {
    let cohort = plan.model.cohort
    func text(_ value: String?) -> XLSXWorkbook.Cell { value.map { .text($0) } ?? .empty }
    // The CSV plan's columns without `status`.
    var pairs: [[XLSXWorkbook.Cell]] = [PlanCSVRenderer.header.dropFirst().map { .text($0) }]
    for p in plan.pairs {
      let b = p.breakdown
      let preference = plan.model.preferenceTerms(mentee: p.menteeIndex, mentor: p.mentorIndex)
      pairs.append([
        .text(p.menteeID), .text(p.menteeName), text(cohort.mentees[p.menteeIndex].person.email), .text(p.mentorID),
        .text(p.mentorName), text(cohort.mentors[p.mentorIndex].person.email), .number(p.score),
        .number(Double(p.rank)), .number(Double(p.eligibleMentors)), .number(b.competency), .number(b.seniority),
        .number(b.crossDepartment), .number(b.timezone), .number(preference.mentee), .number(preference.mentor),
        .text(p.growthPlan.focusSummary),
        .text(p.growthPlan.milestoneSummary), .text(p.highlights.joined(separator: "; ")),
      ])
    }
    var unmatched: [[XLSXWorkbook.Cell]] = [["mentee_id", "mentee_name", "mentee_email", "reason"].map { .text($0) }]
    for u in plan.unmatched {
      unmatched.append([
        .text(u.menteeID), .text(u.menteeName), text(cohort.mentees[u.menteeIndex].person.email), .text(u.explanation),
      ])
    }
    let s = plan.summary
    let m = plan.metrics
    var summary: [[XLSXWorkbook.Cell]] = [[.text("measure"), .text("value")]]
    let figures: [(String, Double?)] = [
      ("mentees", Double(s.mentees)), ("mentors", Double(s.mentors)), ("matched", Double(s.matched)),
      ("unmatched", Double(s.unmatched)), ("total fit", s.totalScore), ("mean fit", s.meanScore),
      ("lowest fit", s.minimumScore), ("places offered", Double(s.placesOffered)),
      ("places taken", Double(s.placesUsed)), ("mentors at capacity", Double(s.mentorsAtCapacity)),
      ("growth goals", Double(m.goals)), ("growth goals covered", Double(m.goalsCovered)),
      ("goal coverage", m.goalCoverage), ("cross-department share", m.crossDepartmentShare),
      ("pairs checked for optimality", Double(plan.certificate.pairsChecked)),
    ]
    for (name, value) in figures { summary.append([.text(name), value.map { .number($0) } ?? .empty]) }
    return try XLSXWorkbook(sheets: [
      .init(name: "Pairs", rows: pairs), .init(name: "Unmatched", rows: unmatched),
      .init(name: "Summary", rows: summary),
    ]).data(warning: warning)
  }
}
