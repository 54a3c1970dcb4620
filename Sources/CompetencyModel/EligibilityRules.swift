/// Applies the configured hard rules to a cohort.
public enum EligibilityRules {
  /// The eligibility of every pair under `configuration.rules`, and, when
  /// `scores` is given and a minimum score is configured, the minimum.
  ///
  /// ```swift
  /// let eligibility = EligibilityRules.evaluate(cohort, configuration: config, history: pairs)
  /// ```
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - configuration: The rules and the minimum score.
  ///   - history: Pairs made in earlier cohorts.
  ///   - scores: The pair scores, row-major, for the minimum-score rule.
  /// - Returns: The eligibility matrix.
  /// - Complexity: O(`mentees · mentors · ⌈languages / 64⌉`) plus
  ///   O(`(mentees + mentors) · depth`) for reporting lines of that depth.
  ///   ``PairRules`` answers the same questions without the dense matrix.
  public static func evaluate(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [], scores: [Double]? = nil,
    never: Set<PersonPair> = []
  ) -> EligibilityMatrix {
    let n = cohort.mentees.count
    let m = cohort.mentors.count
    var rulesConfiguration = configuration
    if scores == nil { rulesConfiguration.minimumScore = nil }
    let rules = PairRules(cohort, configuration: rulesConfiguration, history: history, never: never)
    let values = scores ?? [Double](repeating: 0, count: n * m)
    precondition(values.count == n * m, "Scores must be mentees x mentors")
    var matrix = EligibilityMatrix(mentees: n, mentors: m)
    values.withUnsafeBufferPointer { s in
      matrix.withUnsafeMutableReasons { codes in rules.fill(rows: 0..<n, scores: s, codes: codes) }
    }
    return matrix
  }
}
