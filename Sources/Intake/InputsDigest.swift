import Foundation
import Interchange

/// A digest of input files (64-bit FNV-1a over their bytes, in order), so a
/// plan recorded in the programme ledger can be matched to the files it came
/// from.
public enum InputsDigest {
  /// `fnv1a64:` and the hexadecimal digest of the files' bytes, in order; a
  /// file that cannot be read counts as empty.
  ///
  /// - Complexity: O(total size of the files).
  public static func of(paths: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for path in paths {
      for byte in (FileManager.default.contents(atPath: path) ?? Data()) {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      }
    }
    return "fnv1a64:" + String(hash, radix: 16)
  }

  /// The digest of a cohort's mentors and mentees files.
  ///
  /// - Throws: ``Interchange/CohortSource/LocateError`` when the files cannot be found.
  /// - Complexity: O(size of the two files).
  public static func of(cohort: [String]) throws -> String {
    let files = try CohortSource.locate(cohort)
    return of(paths: [files.mentorsPath, files.menteesPath])
  }
}
