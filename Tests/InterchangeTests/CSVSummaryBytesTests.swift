import Foundation
import Rationale
import Testing

@testable import Interchange

/// The CSV plan's byte-level cells and summaries against the `String`s they
/// replace: integers against `String(value)`, shown cells against
/// `DisplayText.visible` then ``CSVCellBytes/text(_:_:)``, and the summary
/// bytes against ``GrowthPlan/focusSummary``, ``GrowthPlan/milestoneSummary``
/// and `joined(separator: "; ")`.
struct CSVSummaryBytesTests {
  private static let texts: [String] = [
    "", "Coaching", "kickoff: agree goals", "no colon", ":leading", "é: accent first", "a:\u{301}b: combining colon",
    "漢字: 🙂", "tab\there: x", "esc\u{1B}[31m: y", "c1\u{85}: z", "comma, \"quote\": w", "=SUM(A1): v", "del\u{7F}",
    // Longer than the eight-byte words the title's colon is looked for in, colons at and across their edges.
    "midpoint review: what changed", "seven b:", "eight by:", "sixteen bytes ok: x",
    "a long title with no colon at all",
    "a long ascii title, then é: x", "a long ascii title: then é", "a long title, combining: colon:\u{301} x",
  ]

  @Test func integerCellsAreStringsOfTheValue() {
    var values = [0, 1, -1, 9, 10, -10, 99, 100, 12_345, -987_654_321, Int.max, Int.min, Int.max - 1, Int.min + 1]
    var random = SystemRandomNumberGenerator()
    for _ in 0..<1000 { values.append(Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64)) }
    for value in values {
      var sink = ByteSink()
      CSVCellBytes.integer(value, &sink)
      #expect(sink.bytes == Array(String(value).utf8), "\(value)")
    }
  }

  @Test func shownCellsAreVisibleTextCells() {
    for a in Self.texts {
      for b in Self.texts {
        let value = a + b
        var expected = ByteSink()
        CSVCellBytes.text(DisplayText.visible(value), &expected)
        var sink = ByteSink()
        var row = CSVCellBytes.Row()
        row.shown(value, &sink)
        #expect(sink.bytes == expected.bytes, "\(value.debugDescription)")
        var fromBytes = ByteSink()
        var other = CSVCellBytes.Row()
        other.shown(bytes: Array(value.utf8), &fromBytes)
        #expect(fromBytes.bytes == expected.bytes, "\(value.debugDescription)")
      }
    }
  }

  /// A growth plan decoded from its JSON form (it has no memberwise initialiser).
  private func growthPlan(focus: [[String: Any]], milestones: [[String: Any]]) throws -> GrowthPlan {
    let data = try JSONSerialization.data(withJSONObject: ["focus": focus, "milestones": milestones])
    return try JSONDecoder().decode(GrowthPlan.self, from: data)
  }

  @Test func summaryBytesAreTheSummaries() throws {
    let levels: [Double] = [0, -0.0, 1, 2.5, -3, 0.1, 4.75, 1e-7, 123_456, 0.30000000000000004]
    var random = SystemRandomNumberGenerator()
    for round in 0..<300 {
      let focus: [[String: Any]] = (0..<Int(random.next() % 4)).map { _ in
        var f: [String: Any] = [
          "competency": Self.texts.randomElement(using: &random)!,
          "current": levels.randomElement(using: &random)!, "target": levels.randomElement(using: &random)!,
        ]
        // A one-step focus has no midpoint.
        if random.next() % 3 != 0 { f["midpoint"] = levels.randomElement(using: &random)! }
        return f
      }
      let milestones: [[String: Any]] = (0..<Int(random.next() % 4)).map { _ in
        var m: [String: Any] = [
          "week": Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64),
          "title": Self.texts.randomElement(using: &random)!,
        ]
        if random.next() % 2 == 0 { m["date"] = Self.texts.randomElement(using: &random)! }
        return m
      }
      let plan = try growthPlan(focus: focus, milestones: milestones)
      #expect(plan.focus.count == focus.count && plan.milestones.count == milestones.count)
      #expect(plan.focus.map { $0.midpoint == nil } == focus.map { $0["midpoint"] == nil })
      var bytes = ByteSink()
      bytes.append("stale bytes, replaced" as StaticString)
      PlanCSVRenderer.SummaryBytes.focus(plan, into: &bytes)
      #expect(bytes.bytes == Array(plan.focusSummary.utf8), "round \(round): \(plan.focusSummary.debugDescription)")
      PlanCSVRenderer.SummaryBytes.milestones(plan, into: &bytes)
      #expect(
        bytes.bytes == Array(plan.milestoneSummary.utf8), "round \(round): \(plan.milestoneSummary.debugDescription)")
      let highlights = (0..<Int(random.next() % 4)).map { _ in Self.texts.randomElement(using: &random)! }
      PlanCSVRenderer.SummaryBytes.joined(highlights, into: &bytes)
      #expect(bytes.bytes == Array(highlights.joined(separator: "; ").utf8))
      var cell = ByteSink()
      var row = CSVCellBytes.Row()
      row.shown(bytes: bytes, &cell)
      var expected = ByteSink()
      CSVCellBytes.text(DisplayText.visible(highlights.joined(separator: "; ")), &expected)
      #expect(cell.bytes == expected.bytes)
    }
  }
}
