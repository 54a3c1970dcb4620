/// The closing lines of a tuning report: which weights were kept, how the
/// threshold moved, and whether the tuned weights are worth adopting.
public enum TuningNotes {
  /// The notes for `tuning`, each line ending with a line break.
  ///
  /// - Complexity: O(features).
  public static func text(_ tuning: WeightTuning) -> String {
    var out = "\n"
    let kept = tuning.features.indices.filter { !tuning.informative[$0] }.map { tuning.features[$0] }
    if !kept.isEmpty {
      out += "kept at their current values × \(PairExplanation.number(tuning.scale)) (the outcome units per unit of"
      out += " the current score), as the data cannot inform them: \(kept.joined(separator: ", "))\n"
    }
    if let threshold = tuning.minimumScore {
      out += "minimum_score: \(PairExplanation.number(threshold.current)) → \(PairExplanation.number(threshold.tuned))"
      out += " (excludes as many of the cohort's pairs under the tuned scores)\n"
    }
    if tuning.beatsCurrent {
      out += "the tuned weights predict the outcomes better than the current ones (cross-validated)\n"
    } else {
      out += "the tuned weights do not predict the outcomes better than the current ones"
      out += " (cross-validated): keep the current configuration\n"
    }
    return out
  }
}
