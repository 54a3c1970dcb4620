/// Why a pair may not be made. Raw values are stable (they are stored in an
/// ``EligibilityMatrix``); `0` means allowed.
public enum Exclusion: UInt8, Sendable, CaseIterable, Comparable {
  /// The mentor and the mentee are the same person.
  case samePerson = 1
  /// One is in the other's chain of managers.
  case reportingLine
  /// The pair was made in an earlier cohort.
  case previousPair
  /// Both list languages and share none.
  case noSharedLanguage
  /// The pair scores below the configured minimum.
  case belowMinimumScore
  /// The programme's pair rules say never to make it.
  case neverPair

  /// A plain-words explanation.
  public var explanation: String {
    switch self {
    case .samePerson: return "same person"
    case .reportingLine: return "same reporting line"
    case .previousPair: return "paired in an earlier cohort"
    case .noSharedLanguage: return "no shared language"
    case .belowMinimumScore: return "below the minimum fit"
    case .neverPair: return "listed as never to pair"
    }
  }

  public static func < (a: Exclusion, b: Exclusion) -> Bool { a.rawValue < b.rawValue }
}
