import Interchange
import Ledger

extension InputsDigest {
  /// The digest of a cohort's mentors and mentees files.
  ///
  /// - Throws: ``Interchange/CohortSource/LocateError`` when the files cannot be found.
  /// - Complexity: O(size of the two files).
  public static func of(cohort: [String]) throws -> String {
    let files = try CohortSource.locate(cohort)
    return of(paths: [files.mentorsPath, files.menteesPath])
  }
}
