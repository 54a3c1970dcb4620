import CompetencyModel

/// The largest cohort whose full score matrix `score` writes.
public enum ScoreMatrixLimit {
  /// The most pairs written: the dense matrix must fit BLAS's 32-bit
  /// indices and memory (8 bytes a pair, plus the CSV text).
  public static let maximumPairs = 200_000_000

  /// Checks that `cohort`'s score matrix holds at most ``maximumPairs`` pairs.
  ///
  /// - Throws: ``CohortCheckError`` saying how many pairs it would hold.
  /// - Complexity: O(1).
  public static func check(_ cohort: Cohort) throws(CohortCheckError) {
    let pairs = cohort.mentees.count.multipliedReportingOverflow(by: cohort.mentors.count)
    guard !pairs.overflow, pairs.partialValue <= maximumPairs else {
      throw CohortCheckError(
        "the score matrix would hold \(cohort.mentees.count) x \(cohort.mentors.count) pairs,"
          + " more than the \(maximumPairs) this command writes; `match` handles cohorts of any size")
    }
  }
}
