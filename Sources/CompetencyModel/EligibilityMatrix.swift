/// Which pairs the hard rules allow, and for each excluded pair, the first rule
/// that excludes it (in the order of ``Exclusion``).
///
/// Invariant: `reasons.count == mentees * mentors`, row-major; `0` is allowed,
/// any other value is an ``Exclusion`` raw value.
public struct EligibilityMatrix: Sendable, Equatable {
  /// The number of mentees (rows).
  public let mentees: Int
  /// The number of mentors (columns).
  public let mentors: Int
  /// The exclusion code of each pair, row-major.
  public private(set) var reasons: [UInt8]

  /// An all-allowed matrix.
  public init(mentees: Int, mentors: Int) {
    self.mentees = mentees
    self.mentors = mentors
    reasons = [UInt8](repeating: 0, count: mentees * mentors)
  }

  /// The rule excluding the pair, or `nil` when it is allowed.
  ///
  /// - Complexity: O(1).
  public func exclusion(mentee: Int, mentor: Int) -> Exclusion? {
    Exclusion(rawValue: reasons[mentee * mentors + mentor])
  }

  /// Records that `exclusion` applies to the pair, keeping an earlier rule's
  /// reason when one is already recorded.
  ///
  /// - Complexity: O(1).
  public mutating func exclude(mentee: Int, mentor: Int, because exclusion: Exclusion) {
    let k = mentee * mentors + mentor
    if reasons[k] == 0 || reasons[k] > exclusion.rawValue { reasons[k] = exclusion.rawValue }
  }

  /// Gives `body` the codes to fill, row-major.
  ///
  /// - Complexity: O(1) plus `body`.
  public mutating func withUnsafeMutableReasons<R>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows
    -> R
  {
    try reasons.withUnsafeMutableBufferPointer { try body($0) }
  }

  /// How many pairs each rule excludes for one mentee.
  ///
  /// - Complexity: O(`mentors`).
  public func exclusionCounts(mentee: Int) -> [Exclusion: Int] {
    var counts: [Exclusion: Int] = [:]
    for j in 0..<mentors {
      if let e = exclusion(mentee: mentee, mentor: j) { counts[e, default: 0] += 1 }
    }
    return counts
  }
}
