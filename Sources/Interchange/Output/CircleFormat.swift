import Circles
import Foundation

/// The formats `circles` writes: the plan formats, one enum for both
/// (``PlanFormat``: the same six names, file extensions, binary XLSX and
/// `--format`/`--output` resolution).
public typealias CircleFormat = PlanFormat

extension PlanFormat {
  /// The circles in this format, as bytes: aligned text, one CSV row per
  /// member, `{"circles": [{"members": [{"id": …}]}], "summary": …}`, a
  /// Markdown report, one self-contained HTML report
  /// (``CircleHTMLRenderer``), or an XLSX workbook with sheets Circles,
  /// Members and Summary (``CircleXLSXRenderer``).
  ///
  /// - Parameter warning: Called with a message for each XLSX cell cut to the spreadsheet limit.
  /// - Throws: when the JSON or the XLSX container cannot be built.
  /// - Complexity: O(size of the plan).
  public func render(_ plan: CirclePlan, warning: (String) -> Void = { _ in }) throws -> Data {
    switch self {
    case .table: return Data(CircleTextRenderer.table(plan).utf8)
    case .csv: return Data(CircleTextRenderer.csv(plan).utf8)
    case .json: return Data(try CircleTextRenderer.json(plan).utf8)
    case .markdown: return Data(CircleTextRenderer.markdown(plan).utf8)
    case .html: return Data(CircleHTMLRenderer.render(plan).utf8)
    case .xlsx: return try CircleXLSXRenderer.render(plan, warning: warning)
    }
  }
}
