import Rationale

/// The text report of `sensitivity`: how many pairs every run kept, the
/// least stable pairs, and how many pairs change when each weight alone moves.
///
/// Control characters in identifiers are shown as escapes (``DisplayText``).
public enum SensitivityReport {
  /// The report of `analysis`, made with `spread`, listing the `show` least
  /// stable pairs (by share kept, then mentee id).
  ///
  /// - Complexity: O(*p* log *p* + weights) for *p* matched pairs.
  public static func render(_ analysis: SensitivityAnalysis, spread: Double, show: Int) -> String {
    let shares = analysis.stability.map(\.share)
    let stable = shares.filter { $0 == 1 }.count
    let percent = Int((spread * 100).rounded())
    var out = "\(analysis.runs) runs, weights perturbed by about ±\(percent) %\n"
    out += "pairs kept in every run: \(stable) of \(shares.count)"
    if !shares.isEmpty {
      out += "; mean stability \(PairExplanation.number(shares.reduce(0, +) / Double(shares.count)))"
    }
    out += "\n\nleast stable pairs:\n"
    for entry in analysis.stability.sorted(by: {
      $0.share != $1.share ? $0.share < $1.share : $0.menteeID < $1.menteeID
    })
    .prefix(show) {
      out += "  \(entry.menteeID) → \(entry.mentorID): kept in \(Int((entry.share * 100).rounded())) % of runs\n"
    }
    out += "\npairs changed when one weight moves by ∓\(percent) %:\n"
    for effect in analysis.effects {
      out += "  \(effect.weight): \(effect.changedWhenLower) / \(effect.changedWhenHigher)\n"
    }
    return DisplayText.visible(out, keepingLineBreaks: true)
  }
}
