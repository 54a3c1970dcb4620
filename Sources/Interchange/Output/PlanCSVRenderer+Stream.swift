import Foundation
import Rationale

extension PlanCSVRenderer {
  /// Streams the CSV plan of `plan`: the bytes of ``render(_:)``, byte for
  /// byte (tested on generated plans with awkward strings and numbers),
  /// without building the text: the same rows in the same order (mentees in
  /// cohort order, a mentee's pairs before their unmatched row, then the
  /// capacity advice), each cell written as ``CSVWriter`` writes it (formula
  /// neutralisation, RFC 4180 quoting, `-0.0` as `0`). Blocks of rows are
  /// written on every core and handed to `sink` in order.
  ///
  /// - Parameters:
  ///   - plan: The plan.
  ///   - sink: Where the bytes go.
  /// - Complexity: O(size of the output + *r* log *r*) for *r* rows;
  ///   two batches of 4 × cores blocks of 256 rows in memory beyond the sink's megabyte.
  static func write(_ plan: PairingPlan, to sink: inout ByteSink) {
    let cohort = plan.model.cohort
    for (index, name) in header.enumerated() {
      if index > 0 { sink.append(UInt8(ascii: ",")) }
      CSVCellBytes.text(name, &sink)
    }
    sink.append(0x0A)
    // Pairs first, then unmatched mentees, ordered by mentee as a stable sort of that list orders them.
    var order: [(mentee: Int, position: Int)] = []
    order.reserveCapacity(plan.pairs.count + plan.unmatched.count)
    for (position, pair) in plan.pairs.enumerated() { order.append((pair.menteeIndex, position)) }
    for (position, u) in plan.unmatched.enumerated() { order.append((u.menteeIndex, plan.pairs.count + position)) }
    order.sort { $0.mentee != $1.mentee ? $0.mentee < $1.mentee : $0.position < $1.position }
    let rows = order.map(\.position)

    sink.appendBlocks(count: rows.count, block: 256) { range, out in
      var scratch: [UInt8] = []
      scratch.reserveCapacity(1024)
      for row in rows[range] {
        if row < plan.pairs.count {
          writePairRow(plan.pairs[row], plan: plan, scratch: &scratch, to: &out)
        } else {
          writeUnmatchedRow(plan.unmatched[row - plan.pairs.count], plan: plan, to: &out)
        }
      }
    }
    for a in plan.summary.capacityAdvice ?? [] {
      let mentor = cohort.mentors.first { $0.id == a.mentor.id }
      var out = CSVCellBytes.Row()
      out.text("capacity_advice", &sink)
      out.empty(3, &sink)
      out.text(a.mentor.id, &sink)
      out.shown(a.mentor.name, &sink)
      out.email(mentor?.person.email, &sink)
      out.number(a.fitGain, &sink)
      out.empty(10, &sink)
      out.shown(PlanNumbers.capacityAdviceLine(a), &sink)
      sink.append(0x0A)
    }
  }

  /// One matched mentee's row.
  /// `scratch` holds the summaries' bytes while they are written.
  private static func writePairRow(
    _ pair: PlannedPair, plan: PairingPlan, scratch: inout [UInt8], to sink: inout ByteSink
  ) {
    let cohort = plan.model.cohort
    let b = pair.breakdown
    let preference = plan.model.preferenceTerms(mentee: pair.menteeIndex, mentor: pair.mentorIndex)
    var out = CSVCellBytes.Row()
    out.text("matched", &sink)
    out.text(pair.menteeID, &sink)
    out.shown(pair.menteeName, &sink)
    out.email(cohort.mentees[pair.menteeIndex].person.email, &sink)
    out.text(pair.mentorID, &sink)
    out.shown(pair.mentorName, &sink)
    out.email(cohort.mentors[pair.mentorIndex].person.email, &sink)
    out.number(pair.score, &sink)
    out.integer(pair.rank, &sink)
    out.integer(pair.eligibleMentors, &sink)
    out.number(b.competency, &sink)
    out.number(b.seniority, &sink)
    out.number(b.crossDepartment, &sink)
    out.number(b.timezone, &sink)
    out.number(preference.mentee, &sink)
    out.number(preference.mentor, &sink)
    SummaryBytes.focus(pair.growthPlan, into: &scratch)
    out.shown(bytes: scratch, &sink)
    SummaryBytes.milestones(pair.growthPlan, into: &scratch)
    out.shown(bytes: scratch, &sink)
    SummaryBytes.joined(pair.highlights, into: &scratch)
    out.shown(bytes: scratch, &sink)
    sink.append(0x0A)
  }

  /// One unmatched mentee's row.
  private static func writeUnmatchedRow(_ u: UnmatchedMentee, plan: PairingPlan, to sink: inout ByteSink) {
    var out = CSVCellBytes.Row()
    out.text("unmatched", &sink)
    out.text(u.menteeID, &sink)
    out.shown(u.menteeName, &sink)
    out.email(plan.model.cohort.mentees[u.menteeIndex].person.email, &sink)
    out.empty(14, &sink)
    out.shown(u.explanation, &sink)
    sink.append(0x0A)
  }
}
