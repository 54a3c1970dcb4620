import Assignment

/// Why a cohort whose mentees ask for several mentors cannot be matched.
public enum SeveralMentorsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A configuration the several-mentor solver does not support.
  case unsupported(String)
  /// The run-time certificate failed: the plan is not proven optimal, so it is not given.
  case certificateFailed([BMatchingViolation])

  public var description: String {
    switch self {
    case .unsupported(let what): return "several mentors per mentee (mentors_wanted) do not support \(what)"
    case .certificateFailed(let violations):
      return "the several-mentor plan failed its optimality certificate: "
        + violations.prefix(3).map(\.description).joined(separator: "; ")
    }
  }
}
