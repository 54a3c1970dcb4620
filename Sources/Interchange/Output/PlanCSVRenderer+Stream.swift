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
  ///   at most 8 × cores blocks of 256 rows in memory beyond the sink's megabyte.
  static func write(_ plan: PairingPlan, to sink: inout ByteSink) {
    let cohort = plan.model.cohort
    for (index, name) in header.enumerated() {
      if index > 0 { sink.append(UInt8(ascii: ",")) }
      CSVCellBytes.text(name, &sink)
    }
    sink.append(0x0A)
    // Pairs first, then unmatched mentees, ordered by mentee as a stable sort of that list orders them.
    let pairCount = plan.pairs.count
    var order: [(mentee: Int, position: Int)] = []
    order.reserveCapacity(pairCount + plan.unmatched.count)
    plan.pairs.withUnsafeBufferPointer { pairs in
      for position in pairs.indices { order.append((pairs[position].menteeIndex, position)) }
    }
    plan.unmatched.withUnsafeBufferPointer { unmatched in
      for position in unmatched.indices { order.append((unmatched[position].menteeIndex, pairCount + position)) }
    }
    order.sort { $0.mentee != $1.mentee ? $0.mentee < $1.mentee : $0.position < $1.position }
    let rows = order.map(\.position)

    sink.appendBlocks(count: rows.count, block: 256) { range, out in
      // The plan's arrays are read in place for the whole block: no row copies a pair or a person.
      var scratch = ByteSink(capacity: 4096)
      let model = plan.model
      plan.pairs.withUnsafeBufferPointer { pairs in
        plan.unmatched.withUnsafeBufferPointer { unmatched in
          model.cohort.mentees.withUnsafeBufferPointer { mentees in
            model.cohort.mentors.withUnsafeBufferPointer { mentors in
              for row in rows[range] {
                if row < pairCount {
                  let pair = pairs.baseAddress! + row
                  let preference = model.preferenceTerms(
                    mentee: pair.pointee.menteeIndex, mentor: pair.pointee.mentorIndex)
                  writePairRow(
                    pair, menteeEmail: mentees[pair.pointee.menteeIndex].person.email,
                    mentorEmail: mentors[pair.pointee.mentorIndex].person.email, preference: preference,
                    scratch: &scratch, to: &out)
                } else {
                  let u = unmatched.baseAddress! + (row - pairCount)
                  writeUnmatchedRow(u, email: mentees[u.pointee.menteeIndex].person.email, to: &out)
                }
              }
            }
          }
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

  /// One matched mentee's row, read in place from the plan's array.
  /// `scratch` holds the summaries' bytes while they are written.
  private static func writePairRow(
    _ pair: UnsafePointer<PlannedPair>, menteeEmail: String?, mentorEmail: String?,
    preference: (mentee: Double, mentor: Double), scratch: inout ByteSink, to sink: inout ByteSink
  ) {
    var out = CSVCellBytes.Row()
    out.text("matched", &sink)
    out.text(pair.pointee.menteeID, &sink)
    out.shown(pair.pointee.menteeName, &sink)
    out.email(menteeEmail, &sink)
    out.text(pair.pointee.mentorID, &sink)
    out.shown(pair.pointee.mentorName, &sink)
    out.email(mentorEmail, &sink)
    out.number(pair.pointee.score, &sink)
    out.integer(pair.pointee.rank, &sink)
    out.integer(pair.pointee.eligibleMentors, &sink)
    out.number(pair.pointee.breakdown.competency, &sink)
    out.number(pair.pointee.breakdown.seniority, &sink)
    out.number(pair.pointee.breakdown.crossDepartment, &sink)
    out.number(pair.pointee.breakdown.timezone, &sink)
    out.number(preference.mentee, &sink)
    out.number(preference.mentor, &sink)
    SummaryBytes.focus(pair.pointee.growthPlan, into: &scratch)
    out.shown(bytes: scratch, &sink)
    SummaryBytes.milestones(pair.pointee.growthPlan, into: &scratch)
    out.shown(bytes: scratch, &sink)
    SummaryBytes.joined(pair.pointee.highlights, into: &scratch)
    out.shown(bytes: scratch, &sink)
    sink.append(0x0A)
  }

  /// One unmatched mentee's row, read in place from the plan's array.
  private static func writeUnmatchedRow(
    _ u: UnsafePointer<UnmatchedMentee>, email: String?, to sink: inout ByteSink
  ) {
    var out = CSVCellBytes.Row()
    out.text("unmatched", &sink)
    out.text(u.pointee.menteeID, &sink)
    out.shown(u.pointee.menteeName, &sink)
    out.email(email, &sink)
    out.empty(14, &sink)
    out.shown(u.pointee.explanation, &sink)
    sink.append(0x0A)
  }
}
