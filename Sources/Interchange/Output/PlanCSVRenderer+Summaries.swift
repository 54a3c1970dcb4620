import CompetencyModel
import Rationale

extension PlanCSVRenderer {
  /// The UTF-8 bytes of a plan row's one-line summaries, assembled in a
  /// reused buffer instead of `String`s: the bytes of
  /// ``GrowthPlan/focusSummary``, ``GrowthPlan/milestoneSummary`` and the
  /// highlights joined by `"; "`, byte for byte (tested through the CSV
  /// plan against ``PlanCSVRenderer/render(_:)``).
  enum SummaryBytes {
    /// Replaces `out` with the bytes of `plan.focusSummary`.
    ///
    /// - Complexity: O(length of the summary).
    static func focus(_ plan: GrowthPlan, into out: inout [UInt8]) {
      out.removeAll(keepingCapacity: true)
      for (index, f) in plan.focus.enumerated() {
        if index > 0 { out.append(contentsOf: "; ".utf8) }
        out.append(contentsOf: f.competency.utf8)
        out.append(UInt8(ascii: " "))
        level(f.current, into: &out)
        out.append(contentsOf: " → ".utf8)
        level(f.midpoint, into: &out)
        out.append(contentsOf: " → ".utf8)
        level(f.target, into: &out)
      }
    }

    /// Replaces `out` with the bytes of `plan.milestoneSummary`.
    ///
    /// - Complexity: O(length of the summary).
    static func milestones(_ plan: GrowthPlan, into out: inout [UInt8]) {
      out.removeAll(keepingCapacity: true)
      for (index, m) in plan.milestones.enumerated() {
        if index > 0 { out.append(contentsOf: "; ".utf8) }
        if let date = m.date {
          out.append(contentsOf: date.utf8)
        } else {
          out.append(contentsOf: "week ".utf8)
          integer(m.week, into: &out)
        }
        out.append(UInt8(ascii: " "))
        let title = m.title.utf8
        if title.allSatisfy({ $0 < 0x80 }) {
          // ASCII: every byte is a Character, so the prefix ends at the first ':' byte.
          out.append(contentsOf: title.prefix { $0 != UInt8(ascii: ":") })
        } else {
          out.append(contentsOf: m.title.prefix { $0 != ":" }.utf8)
        }
      }
    }

    /// Replaces `out` with the bytes of `texts.joined(separator: "; ")`.
    ///
    /// - Complexity: O(length of the result).
    static func joined(_ texts: [String], into out: inout [UInt8]) {
      out.removeAll(keepingCapacity: true)
      for (index, text) in texts.enumerated() {
        if index > 0 { out.append(contentsOf: "; ".utf8) }
        out.append(contentsOf: text.utf8)
      }
    }

    /// The bytes of `CompetencyScale.format(level)`: a whole level as an
    /// integer, any other as Swift's shortest round-trip text.
    private static func level(_ value: Double, into out: inout [UInt8]) {
      if value == value.rounded() {
        integer(Int(value), into: &out)
      } else {
        out.append(contentsOf: String(value).utf8)
      }
    }

    /// The bytes of `String(value)`.
    private static func integer(_ value: Int, into out: inout [UInt8]) {
      if value < 0 { out.append(UInt8(ascii: "-")) }
      let start = out.count
      var magnitude = value.magnitude
      repeat {
        out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
        magnitude /= 10
      } while magnitude > 0
      out[start...].reverse()
    }
  }
}
