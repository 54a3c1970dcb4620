import Rationale

/// The text report of `compare`: the two configurations, the pairs kept,
/// changed, lost and gained, and how each summary figure moves.
///
/// Control characters in identifiers are shown as escapes (``DisplayText``).
public enum ComparisonReport {
  /// The report of `comparison` between the plans of configurations `first`
  /// and `second` (their file names, as given).
  ///
  /// - Complexity: O(pairs changed + figures).
  public static func render(_ comparison: PlanComparison, first: String, second: String) -> String {
    var out = "A: \(first)\nB: \(second)\n(fit figures use each configuration's own weights)\n\n"
    out += "kept \(comparison.kept) · changed \(comparison.changed.count) · lost \(comparison.lost.count)"
    out += " · gained \(comparison.gained.count) · unmatched in both \(comparison.unmatchedInBoth)\n\n"
    for figure in comparison.figures {
      let a = figure.first.map(PairExplanation.number) ?? "-"
      let b = figure.second.map(PairExplanation.number) ?? "-"
      let delta = figure.first.flatMap { x in figure.second.map { PairExplanation.number($0 - x) } } ?? "-"
      out += "\(figure.name): \(a) → \(b) (\(delta.hasPrefix("-") || delta == "0" ? delta : "+" + delta))\n"
    }
    for (title, list) in [
      ("changed", comparison.changed), ("lost", comparison.lost), ("gained", comparison.gained),
    ]
    where !list.isEmpty {
      out += "\n\(title):\n"
      for change in list { out += "  \(change.menteeID): \(change.before ?? "-") → \(change.after ?? "-")\n" }
    }
    return DisplayText.visible(out, keepingLineBreaks: true)
  }
}
