import Rationale

/// A pair's reasons as Markdown and HTML show them: the whole line escaped
/// as text taken from the cohort (ids, names, competencies and departments
/// are untrusted), except that ``PairExplanation/explainCommand`` is shown as
/// code where ``PairExplanation/tieCost`` ends a trade-off line.
///
/// The rationale writes reasons in plain words (plain text, CSV, JSON,
/// spreadsheets, e-mail and calendar invitations show them as they are). The
/// code markup added here is a constant of this type, never built from the
/// line: a line can decide only whether the constant is used, so cohort data
/// cannot open the Markdown or HTML to injection. The check is sound because
/// ``PairExplanation/tradeOff(mentorID:score:holders:reducedCost:bonus:)``
/// always ends its line with one of its own phrases, after every id it names.
enum ReasonMarkup {
  /// `line` as a Markdown table cell (``PlanMarkdownRenderer/cell(_:)``), the
  /// command of a tie's trade-off line as a code span.
  ///
  /// - Complexity: O(length of `line`).
  static func markdown(_ line: String) -> String {
    guard let (before, after) = split(line) else { return PlanMarkdownRenderer.cell(line) }
    return PlanMarkdownRenderer.cell(before) + "`\(PairExplanation.explainCommand)`" + PlanMarkdownRenderer.cell(after)
  }

  /// `line` as HTML text (``DisplayText/html(_:)``), the command of a tie's
  /// trade-off line in a `<code>` element.
  ///
  /// - Complexity: O(length of `line`).
  static func html(_ line: String) -> String {
    guard let (before, after) = split(line) else { return DisplayText.html(line) }
    return DisplayText.html(before) + "<code>\(PairExplanation.explainCommand)</code>" + DisplayText.html(after)
  }

  /// The text before and after the command when `line` is a trade-off line
  /// ending in ``PairExplanation/tieCost``; `nil` for every other line.
  ///
  /// - Complexity: O(length of `line`).
  static func split(_ line: String) -> (before: String, after: String)? {
    let tie = PairExplanation.tieCost
    guard line.hasPrefix("trade-off: "), line.hasSuffix(tie),
      let command = tie.range(of: PairExplanation.explainCommand)
    else { return nil }
    let before = String(line.dropLast(tie.count)) + String(tie[..<command.lowerBound])
    return (before, String(tie[command.upperBound...]))
  }
}
