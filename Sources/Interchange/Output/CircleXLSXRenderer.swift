import Circles
import Foundation

/// Renders circles as an XLSX workbook with three sheets: `Circles` (one row
/// per circle), `Members` (one row per member, with what they learn from
/// whom) and `Summary` (the figures). Text cells are inline strings, never
/// formulas, so the file is safe to open in spreadsheet programs; control
/// characters are shown by ``DisplayText``.
public enum CircleXLSXRenderer {
  /// The workbook's bytes.
  ///
  /// - Throws: ``OutputError`` when the workbook cannot be built.
  /// - Complexity: O(size of the plan).
  public static func render(_ plan: CirclePlan, warning: (String) -> Void = { _ in }) throws -> Data {
    func text(_ value: String) -> XLSXWorkbook.Cell { .text(DisplayText.visible(value)) }
    var circles: [[XLSXWorkbook.Cell]] = [
      ["circle", "members", "departments", "shared_hours", "facilitator", "facilitator_fit", "leads"].map(text)
    ]
    var members: [[XLSXWorkbook.Cell]] = [
      ["circle", "member", "department", "coverage", "learns", "uncovered"].map(text)
    ]
    for circle in plan.circles {
      circles.append([
        .number(Double(circle.number)), text(circle.members.map(\.id).joined(separator: ", ")),
        text(circle.departments.joined(separator: ", ")), .number(circle.sharedHours),
        circle.facilitator.map { text($0.id) } ?? .empty, circle.facilitator.map { .number($0.fit) } ?? .empty,
        text(CircleTextRenderer.schedule(circle)),
      ])
      for member in circle.members {
        members.append([
          .number(Double(circle.number)), text(member.id), member.department.map(text) ?? .empty,
          .number(member.coverage), text(member.learning.map(\.sentence).joined(separator: "; ")),
          text(member.uncovered.joined(separator: ", ")),
        ])
      }
    }
    let summary: [[XLSXWorkbook.Cell]] = [
      [text("measure"), text("value")],
      [text("circles"), .number(Double(plan.circles.count))],
      [text("participants"), .number(Double(plan.circles.reduce(0) { $0 + $1.members.count }))],
      [text("goals_covered"), .number(plan.goalsCovered)],
      [text("departments_per_circle"), .number(plan.departmentsPerCircle)],
      [text("objective"), .number(plan.objective)],
      [text("bound"), .number(plan.bound)],
      [text("gap"), .number(plan.gap)],
    ]
    let workbook = XLSXWorkbook(sheets: [
      XLSXWorkbook.Sheet(name: "Circles", rows: circles), XLSXWorkbook.Sheet(name: "Members", rows: members),
      XLSXWorkbook.Sheet(name: "Summary", rows: summary),
    ])
    return try workbook.data(warning: warning)
  }
}
