import Foundation
import Rationale

/// The text report of `tune`: the data behind the fit, the cross-validated
/// errors, each learned weight with its standard error (or the value it
/// keeps), and the closing notes (``Rationale/TuningNotes``).
public enum TuningReport {
  /// The report of `tuning`.
  ///
  /// - Complexity: O(weights).
  public static func render(_ tuning: WeightTuning) -> String {
    var out = "\(tuning.observations) outcomes, \(tuning.features.count) weights;"
    out += " ridge penalty \(tuning.penalty) (chosen by cross-validation)\n"
    if tuning.tooLittleData {
      out += "warning: fewer than 5 outcomes per weight: treat these weights as a hint, not a result\n"
    }
    out += "cross-validated RMS error: tuned \(PairExplanation.number(tuning.crossValidatedError)),"
    out += " current weights \(PairExplanation.number(tuning.currentError))\n\n"
    let width = max(28, (tuning.features.map(\.count).max() ?? 0) + 2)
    out += "weight".padding(toLength: width, withPad: " ", startingAt: 0) + "coefficient  std. error\n"
    for (index, name) in tuning.features.enumerated() {
      out += name.padding(toLength: width, withPad: " ", startingAt: 0)
      out += PairExplanation.number(tuning.coefficients[index]).padding(toLength: 13, withPad: " ", startingAt: 0)
      out +=
        tuning.informative[index]
        ? PairExplanation.number(tuning.standardErrors[index]) + "\n"
        : "- (no variation in the data: kept at \(PairExplanation.number(tuning.configuredWeights[index])))\n"
    }
    out += TuningNotes.text(tuning)
    return out
  }
}
