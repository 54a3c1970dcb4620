import CompetencyModel
import Rationale

extension PlanCSVRenderer {
  /// The UTF-8 bytes of a plan row's one-line summaries, assembled in a
  /// reused in-memory ``ByteSink`` instead of `String`s: the bytes of
  /// ``GrowthPlan/focusSummary``, ``GrowthPlan/milestoneSummary`` and the
  /// highlights joined by `"; "`, byte for byte (tested against those
  /// `String`s, and through the CSV plan against ``PlanCSVRenderer/render(_:)``).
  ///
  /// Texts are copied from their UTF-8 storage in one step each
  /// (``ByteSink/appendUTF8(_:)``), and the parts of a growth plan are read
  /// in place, not copied out of their arrays.
  enum SummaryBytes {
    /// Replaces the bytes of `out` (an in-memory sink) with those of
    /// `plan.focusSummary`.
    ///
    /// - Complexity: O(length of the summary).
    static func focus(_ plan: GrowthPlan, into out: inout ByteSink) {
      out.removeAll()
      plan.focus.withUnsafeBufferPointer { focus in
        for index in focus.indices {
          if index > 0 { out.append("; " as StaticString) }
          out.appendUTF8(focus[index].competency)
          out.append(UInt8(ascii: " "))
          level(focus[index].current, into: &out)
          out.append(" → " as StaticString)
          if let midpoint = focus[index].midpoint {
            level(midpoint, into: &out)
            out.append(" → " as StaticString)
          }
          level(focus[index].target, into: &out)
        }
      }
    }

    /// Replaces the bytes of `out` (an in-memory sink) with those of
    /// `plan.milestoneSummary`.
    ///
    /// - Complexity: O(length of the summary).
    static func milestones(_ plan: GrowthPlan, into out: inout ByteSink) {
      out.removeAll()
      plan.milestones.withUnsafeBufferPointer { milestones in
        for index in milestones.indices {
          if index > 0 { out.append("; " as StaticString) }
          if let date = milestones[index].date {
            out.appendUTF8(date)
          } else {
            out.append("week " as StaticString)
            out.appendDecimal(milestones[index].week)
          }
          out.append(UInt8(ascii: " "))
          titleBeforeColon(milestones[index].title, into: &out)
        }
      }
    }

    /// Appends the bytes of `title.prefix { $0 != ":" }`: for an ASCII
    /// title (every byte a `Character`) the bytes before the first `:`
    /// byte, found in the UTF-8 storage; any other title by its
    /// `Character`s (a `:` followed by a combining mark is no `":"`).
    ///
    /// - Complexity: O(length of `title`).
    private static func titleBeforeColon(_ title: String, into out: inout ByteSink) {
      let ascii: Bool? = title.utf8.withContiguousStorageIfAvailable { bytes in
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        // Eight bytes per step: every byte's high bit (ASCII or not), and the first `:`.
        let raw = UnsafeRawPointer(base)
        var any: UInt64 = 0
        var end = bytes.count
        var index = 0
        while index + 8 <= bytes.count {
          let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          any |= word
          if end == bytes.count && ByteScan.equal(UInt8(ascii: ":"), in: word) != 0 {
            end = index
            while bytes[end] != UInt8(ascii: ":") { end += 1 }
          }
          index += 8
        }
        while index < bytes.count {
          any |= UInt64(bytes[index])
          if end == bytes.count && bytes[index] == UInt8(ascii: ":") { end = index }
          index += 1
        }
        guard any & 0x8080_8080_8080_8080 == 0 else { return false }
        out.append(UnsafeBufferPointer(rebasing: bytes[..<end]))
        return true
      }
      if ascii != true { out.append(String(title.prefix { $0 != ":" })) }
    }

    /// Replaces the bytes of `out` (an in-memory sink) with those of
    /// `texts.joined(separator: "; ")`.
    ///
    /// - Complexity: O(length of the result).
    static func joined(_ texts: [String], into out: inout ByteSink) {
      out.removeAll()
      texts.withUnsafeBufferPointer { texts in
        for index in texts.indices {
          if index > 0 { out.append("; " as StaticString) }
          out.appendUTF8(texts[index])
        }
      }
    }

    /// The bytes of `CompetencyScale.format(level)`: a whole level as an
    /// integer (`String(Int(level))`), any other as Swift's shortest
    /// round-trip text (`String(level)`).
    private static func level(_ value: Double, into out: inout ByteSink) {
      if value == value.rounded() {
        out.appendDecimal(Int(value))
      } else if value.isFinite {
        out.appendShortest(value)
      } else {
        out.append(String(value))
      }
    }
  }
}
