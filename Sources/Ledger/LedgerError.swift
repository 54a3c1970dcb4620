/// Why the programme ledger could not be used.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file is not an SQLite database (corrupt, or another kind of file).
  case notADatabase(path: String)
  /// The file is an SQLite database of some other application.
  case foreignDatabase(path: String)
  /// The ledger has no cohort of this name.
  case unknownCohort(String)
  /// A cohort of this name is already recorded.
  case duplicateCohort(String)
  /// An outcome names a pair the cohort's plan does not have.
  case unknownPair(cohort: String, menteeID: String, mentorID: String)
  /// Any other SQLite failure, with its message.
  case database(path: String, message: String)

  public var description: String {
    switch self {
    case .notADatabase(let path): return "\(path) is not a MentorMatch ledger (not an SQLite database, or damaged)"
    case .foreignDatabase(let path):
      return "\(path) is an SQLite database of another application, not a MentorMatch ledger"
    case .unknownCohort(let name): return "the ledger has no cohort named '\(name)'"
    case .duplicateCohort(let name): return "the ledger already has a cohort named '\(name)'"
    case .unknownPair(let cohort, let mentee, let mentor):
      return "cohort '\(cohort)' has no pair \(mentee)–\(mentor)"
    case .database(let path, let message): return "\(path): \(message)"
    }
  }
}
