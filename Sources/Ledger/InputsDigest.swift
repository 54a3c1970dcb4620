import Foundation

/// A digest of input files (64-bit FNV-1a over their bytes, in order), so a
/// recorded run can be matched to the files it came from, and a cohort
/// recognised as one the ledger already holds (``LedgerHistory``).
public enum InputsDigest {
  /// The digest of the files at `paths`, read in order; an unreadable file
  /// counts as empty.
  ///
  /// - Complexity: O(total bytes).
  public static func of(paths: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for path in paths {
      for byte in (FileManager.default.contents(atPath: path) ?? Data()) {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      }
    }
    return "fnv1a64:" + String(hash, radix: 16)
  }
}
