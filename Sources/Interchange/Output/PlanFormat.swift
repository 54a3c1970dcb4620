import Foundation
import Rationale

/// The ways `mentor-match match` can write a pairing plan.
public enum PlanFormat: String, Sendable, CaseIterable {
  /// Aligned text for a terminal, each pair followed by its reasons.
  case table
  /// One row per mentee (matched or not), RFC 4180, formula-safe.
  case csv
  /// The versioned JSON document described in `Docs/plan-format.md`.
  case json
  /// A Markdown report: summary, pairs table, unmatched table.
  case markdown
  /// One self-contained HTML report: actions first, searchable and sortable
  /// tables, charts (inline styles and script, no external files).
  case html
  /// An XLSX workbook: pairs, unmatched mentees, summary (binary: needs a file).
  case xlsx

  /// Whether the format is binary and so must go to a file.
  public var isBinary: Bool { self == .xlsx }

  /// The bytes of `plan` in this format (UTF-8 for the text formats).
  ///
  /// - Parameters:
  ///   - plan: The plan.
  ///   - warning: Called with a message for each XLSX cell cut to the
  ///     spreadsheet limit (``XLSXWorkbook/maximumCellLength``).
  ///   - context: The cohort, configuration and date the HTML report and the
  ///     XLSX Summary sheet name; the other formats ignore it.
  /// - Throws: ``OutputError`` when the XLSX container cannot be built.
  /// - Complexity: O(size of the plan).
  public func data(
    _ plan: PairingPlan, context: PlanReportContext? = nil, warning: (String) -> Void = { _ in }
  ) throws(OutputError) -> Data {
    switch self {
    case .xlsx: return try PlanXLSXRenderer.render(plan, context: context, warning: warning)
    case .json: return PlanDocument(plan).encodedData()
    default: return Data(render(plan, context: context).utf8)
    }
  }

  /// Renders `plan` in this format. The output depends only on the plan
  /// (and, for HTML, the `context`), so identical inputs give byte-identical
  /// files.
  ///
  /// - Complexity: O(size of the plan).
  public func render(_ plan: PairingPlan, context: PlanReportContext? = nil) -> String {
    switch self {
    case .table: return PlanTableRenderer.render(plan)
    case .csv: return PlanCSVRenderer.render(plan)
    case .json: return PlanDocument(plan).encoded()
    case .markdown: return PlanMarkdownRenderer.render(plan)
    case .html: return PlanHTMLRenderer.render(plan, context: context)
    case .xlsx: preconditionFailure("XLSX is binary: use data(_:)")
    }
  }
}

/// Number formatting shared by the plan renderers.
enum PlanNumbers {
  /// A score with three decimals, as reports show it and as the reasons
  /// state fit (``PairExplanation/fit(_:)``); `-` for none (or a value that
  /// is not finite).
  static func score(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "-" }
    return PairExplanation.fit(value)
  }

  /// A change with its sign and three decimals: `+0.125`, `-1.000`.
  static func signed(_ value: Double) -> String {
    value.isFinite ? PairExplanation.signedFit(value) : "-"
  }

  /// A share as a whole percentage.
  static func percent(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "-" : "\(Int((Double(part) / Double(whole) * 100).rounded()))%"
  }

  /// The certificate in one line of plain words, the same as `solve` reports.
  static func certificate(_ plan: PairingPlan) -> String { SolveReport.Certificate(plan.certificate).summary }

  /// Goal coverage and cross-department share in one line of plain words.
  static func metrics(_ plan: PairingPlan) -> String {
    let m = plan.metrics
    let coverage = m.goalCoverage.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
    let cross = m.crossDepartmentShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
    return
      "Goals covered: \(coverage) (\(m.goalsCovered) of \(m.goals) growth goals have a mentor at or above the goal level)"
      + " · cross-department pairs: \(cross)"
  }

  /// The fairness comparison in one line, or `nil` outside fairness mode.
  static func fairness(_ plan: PairingPlan) -> String? {
    guard let f = plan.summary.fairness else { return nil }
    return "Fairness objective: lowest fit \(score(f.bottleneck)) (total-fit plan: \(score(f.totalFitPlanMinimum)))"
      + " · total fit \(score(plan.summary.totalScore)) (total-fit plan: \(score(f.totalFitPlanTotal)))"
  }

  /// The load histogram as `0:2 1:10 2:20`.
  static func loads(_ histogram: [Int]) -> String {
    histogram.enumerated().filter { $0.element > 0 }.map { "\($0.offset):\($0.element)" }.joined(separator: " ")
  }
}
