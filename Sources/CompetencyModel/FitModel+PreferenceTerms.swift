extension FitModel {
  /// A pair's two weighted preference terms apart: the mentee's preference
  /// for the mentor (`weights.mentee_preference` times the mentee's term)
  /// and the mentor's for the mentee (`weights.mentor_preference` times the
  /// mentor's term). They sum to the pair's ``ScoreBreakdown/preference``.
  ///
  /// - Parameters:
  ///   - mentee: The mentee's index in the cohort.
  ///   - mentor: The mentor's index in the cohort.
  /// - Returns: Both weighted terms, 0 for a pair neither side listed.
  /// - Complexity: O(1) expected.
  public func preferenceTerms(mentee i: Int, mentor j: Int) -> (mentee: Double, mentor: Double) {
    preferences.weightedTerms(mentee: i, mentor: j)
  }
}

extension PreferenceTable {
  /// The mentee's and the mentor's weighted preference terms of a pair; their
  /// sum is ``weighted(mentee:mentor:)``.
  ///
  /// - Complexity: O(1) expected.
  func weightedTerms(mentee i: Int, mentor j: Int) -> (mentee: Double, mentor: Double) {
    guard let value = entries[i]?[j] else { return (0, 0) }
    return (menteeWeight * value.mentee, mentorWeight * value.mentor)
  }
}
