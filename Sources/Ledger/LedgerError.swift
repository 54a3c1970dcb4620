import CompetencyModel

/// Why the programme ledger could not be used.
///
/// The cases fall into three kinds (see ``kind``): the ledger's content or the
/// request is wrong (``Kind/data``), the ledger does not exist
/// (``Kind/missing``), or the operating system or a concurrent writer stood in
/// the way (``Kind/unavailable`` and ``Kind/busy``), which is not bad data.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file is not an SQLite database (corrupt, or another kind of file).
  case notADatabase(path: String)
  /// The file is an SQLite database of some other application.
  case foreignDatabase(path: String)
  /// The ledger has no cohort of this name.
  case unknownCohort(String)
  /// A cohort of this name is already recorded.
  case duplicateCohort(String)
  /// Outcomes name pairs the cohort's plan does not have (every one of them,
  /// in the order given).
  case unknownPairs(cohort: String, pairs: [PersonPair])
  /// The cohort has no plan version of this number (`latest` is its latest
  /// version, 0 for a cohort of circles, which has no plan).
  case unknownVersion(cohort: String, version: Int, latest: Int)
  /// A read-only use named a ledger file that does not exist.
  case missing(path: String)
  /// Another process kept the ledger locked for longer than the busy timeout.
  case busy(path: String, seconds: Double)
  /// The file or its folder could not be opened, created or written
  /// (permissions, a read-only medium, a full disk, an I/O error).
  case unavailable(path: String, message: String)
  /// Any other SQLite failure, with its message.
  case database(path: String, message: String)

  /// What kind of failure this is, for exit codes.
  public enum Kind: Sendable, Equatable {
    /// The ledger's content or the request is wrong.
    case data
    /// The ledger file does not exist.
    case missing
    /// The file system refused (permissions, read-only, full, I/O error).
    case unavailable
    /// Still locked by another process after the timeout: try again later.
    case busy
  }

  /// The kind of this failure.
  public var kind: Kind {
    switch self {
    case .notADatabase, .foreignDatabase, .unknownCohort, .duplicateCohort, .unknownPairs, .unknownVersion: return .data
    case .missing: return .missing
    case .busy: return .busy
    case .unavailable, .database: return .unavailable
    }
  }

  public var description: String {
    switch self {
    case .notADatabase(let path): return "\(path) is not a MentorMatch ledger (not an SQLite database, or damaged)"
    case .foreignDatabase(let path):
      return "\(path) is an SQLite database of another application, not a MentorMatch ledger"
    case .unknownCohort(let name): return "the ledger has no cohort named '\(name)'"
    case .duplicateCohort(let name): return "the ledger already has a cohort named '\(name)'"
    case .unknownPairs(let cohort, let pairs):
      let listed = pairs.map { "\($0.menteeID)–\($0.mentorID)" }.joined(separator: ", ")
      return "cohort '\(cohort)' has no pair\(pairs.count == 1 ? "" : "s") \(listed)"
    case .unknownVersion(let cohort, let version, let latest):
      return latest == 0
        ? "cohort '\(cohort)' has no recorded plan (it records circles)"
        : "cohort '\(cohort)' has no plan version \(version); its versions are 1 to \(latest)"
    case .missing(let path):
      return "the ledger \(path) does not exist (`ledger record` creates it)"
    case .busy(let path, let seconds):
      let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
      return "the ledger \(path) is still locked by another process after \(shown) s; try again later"
    case .unavailable(let path, let message): return "cannot use the ledger \(path): \(message)"
    case .database(let path, let message): return "the ledger \(path): \(message)"
    }
  }
}
