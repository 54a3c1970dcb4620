import CompetencyModel
import Foundation
import GRDB

/// The programme's memory across cohorts: an SQLite database (through GRDB)
/// that records each cohort's run (a digest of its inputs, the configuration,
/// the plan) and, later, the outcome of each pair.
///
/// Safety: every change is one transaction, so a run interrupted part-way
/// leaves the ledger as it was; the database is in WAL mode, so another
/// process can read while one writes; writers wait for each other up to a busy
/// timeout (``defaultBusyTimeout``) instead of failing at once; a new ledger is
/// initialised in one immediate transaction (schema and `application_id`
/// together), so a concurrent opener never sees it half made; a file that is
/// not a ledger is refused with a clear error.
///
/// Invariants: cohort names are unique; a cohort holds each mentee at most
/// once; outcomes refer to recorded pairs; a ledger opened ``Access/readOnly``
/// is never written, created or extended (no folder, file or schema).
public struct ProgrammeLedger: Sendable {
  /// A recorded cohort.
  public struct CohortRecord: Sendable, Equatable {
    public var name: String
    public var recordedAt: String
    public var inputsDigest: String
    public var pairs: Int
    public var outcomes: Int
  }

  /// A recorded pair with its outcome, if any.
  public struct PairRecord: Sendable, Equatable {
    public var menteeID: String
    public var mentorID: String
    public var score: Double
    public var outcome: Double?
  }

  /// How a ledger is opened.
  public enum Access: Sendable, Equatable {
    /// Read and write, creating the file (and its folder) when missing.
    case create
    /// Read and write a ledger that must already exist.
    case existing
    /// Only read a ledger that must already exist: works on a file or folder
    /// the user cannot write, and never changes anything on disk.
    case readOnly
  }

  /// SQLite's `application_id` of MentorMatch ledgers ("MMLG").
  static let applicationID: Int32 = 0x4D4D_4C47

  /// The default ledger: `$MENTOR_MATCH_LEDGER`, else
  /// `~/.local/share/mentor-match/ledger.sqlite`.
  public static var defaultPath: String {
    if let path = ProcessInfo.processInfo.environment["MENTOR_MATCH_LEDGER"], !path.isEmpty { return path }
    let home = FileManager.default.homeDirectoryForCurrentUser.path
    return home + "/.local/share/mentor-match/ledger.sqlite"
  }

  /// How long a connection waits for another process's lock before giving up
  /// with ``LedgerError/busy(path:seconds:)``: `$MENTOR_MATCH_LEDGER_TIMEOUT`
  /// seconds when set to a non-negative number, else 30.
  public static var defaultBusyTimeout: Double {
    if let text = ProcessInfo.processInfo.environment["MENTOR_MATCH_LEDGER_TIMEOUT"], let seconds = Double(text),
      seconds.isFinite, seconds >= 0
    {
      return seconds
    }
    return 30
  }

  let path: String
  let busyTimeout: Double
  let queue: DatabaseQueue
  /// False for an existing but empty SQLite file opened read-only: it reads as
  /// a ledger with no cohorts.
  let hasSchema: Bool

  /// Opens the ledger at `path`.
  ///
  /// - Parameters:
  ///   - path: the ledger file.
  ///   - access: ``Access/create`` (the default) creates the file and its
  ///     folder on first use; ``Access/existing`` and ``Access/readOnly``
  ///     require the file to exist.
  ///   - busyTimeout: seconds to wait for another process's lock.
  /// - Throws: ``LedgerError`` for a missing file (``LedgerError/missing(path:)``),
  ///   a file that is not a ledger, a lock held past the timeout, or a file
  ///   system that refuses.
  /// - Complexity: O(1) queries; a new ledger is initialised in one transaction.
  public init(path: String, access: Access = .create, busyTimeout: Double = defaultBusyTimeout) throws(LedgerError) {
    self.path = path
    self.busyTimeout = busyTimeout
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.label = "MentorMatch ledger"
    if access != .create, !FileManager.default.fileExists(atPath: path) { throw LedgerError.missing(path: path) }
    do {
      if access == .readOnly {
        configuration.readonly = true
        queue = try Self.openReadOnly(path: path, configuration: configuration)
        let state = try queue.read { try Self.schemaState($0) }
        switch state {
        case .ledger: hasSchema = true
        case .empty: hasSchema = false
        case .foreign: throw LedgerError.foreignDatabase(path: path)
        }
      } else {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
          try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        configuration.journalMode = .wal
        queue = try DatabaseQueue(path: path, configuration: configuration)
        // Look first without the write lock; initialise an empty file in
        // one immediate transaction that looks again, so two first users
        // cannot both create the schema or see it half made.
        var state = try queue.read { try Self.schemaState($0) }
        if state == .empty {
          state = try queue.writeWithoutTransaction { db in
            var found = SchemaState.empty
            try db.inTransaction(.immediate) {
              found = try Self.schemaState(db)
              if found == .empty { try Self.createSchema(db) }
              return .commit
            }
            return found
          }
        }
        if state == .foreign { throw LedgerError.foreignDatabase(path: path) }
        // Ledgers of earlier releases gain versioned plans (schema "v2") in one transaction.
        try queue.writeWithoutTransaction { db in
          if try !Self.hasVersionTables(db) {
            try db.inTransaction(.immediate) {
              try Self.upgradeToVersions(db)
              return .commit
            }
          }
        }
        hasSchema = true
      }
    } catch {
      throw Self.map(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// Opens `path` read-only; when SQLite cannot make the WAL index beside it
  /// (a read-only folder), opens it as immutable, which needs no index. That
  /// fallback reads the main file only: changes a writer left in a `-wal`
  /// file are unseen, which can only happen when someone else can write the
  /// folder.
  static func openReadOnly(path: String, configuration: Configuration) throws -> DatabaseQueue {
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      _ = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master") }
      return queue
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY
    {
      let url = URL(fileURLWithPath: path).absoluteURL
      guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { throw error }
      components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
      guard let uri = components.string else { throw error }
      let queue = try DatabaseQueue(path: uri, configuration: configuration)
      _ = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master") }
      return queue
    }
  }

  /// What an opened SQLite file holds.
  enum SchemaState { case ledger, empty, foreign }

  /// A MentorMatch ledger (its `application_id`), an empty database (no
  /// tables of its own), or another application's database.
  static func schemaState(_ db: Database) throws -> SchemaState {
    let identifier = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    if identifier == applicationID { return .ledger }
    let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    return tables.allSatisfy { $0.hasPrefix("sqlite_") } ? .empty : .foreign
  }

  /// Creates the ledger's tables and marks the file as a ledger; runs inside
  /// the caller's immediate transaction. The `grdb_migrations` row keeps the
  /// file readable by earlier releases, which used GRDB's migrator ("v1").
  static func createSchema(_ db: Database) throws {
    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    try db.create(table: "cohort") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("name", .text).notNull().unique()
      t.column("recordedAt", .text).notNull()
      t.column("inputsDigest", .text).notNull()
      t.column("configuration", .text).notNull()
    }
    try db.create(table: "pair") { t in
      t.autoIncrementedPrimaryKey("id")
      t.belongsTo("cohort", onDelete: .cascade).notNull()
      t.column("menteeID", .text).notNull()
      t.column("mentorID", .text).notNull()
      t.column("score", .double).notNull()
      t.column("outcome", .double)
      t.uniqueKey(["cohortId", "menteeID"])
    }
    try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v1')")
  }

  /// Records a cohort's plan in one transaction, as its version 1 (kind
  /// ``VersionKind/matched``).
  ///
  /// - Throws: ``LedgerError/duplicateCohort(_:)`` when the name is taken.
  public func record(
    cohort name: String, recordedAt: String, inputsDigest: String, configuration: String,
    pairs: [(menteeID: String, mentorID: String, score: Double)]
  ) throws(LedgerError) {
    try write { db in
      let cohort = try Self.insertCohort(
        db, name: name, recordedAt: recordedAt, inputsDigest: inputsDigest, configuration: configuration)
      for pair in pairs {
        try db.execute(
          sql: "INSERT INTO pair (cohortId, menteeID, mentorID, score) VALUES (?, ?, ?, ?)",
          arguments: [cohort, pair.menteeID, pair.mentorID, pair.score])
      }
      _ = try Self.insertVersion(
        db, cohort: cohort, createdAt: recordedAt, kind: .matched, note: "the optimal plan",
        pairs: pairs.map { VersionPair(menteeID: $0.menteeID, mentorID: $0.mentorID, score: $0.score) })
    }
  }

  /// Stores outcomes for pairs of a recorded cohort, all or none.
  ///
  /// - Throws: ``LedgerError/unknownCohort(_:)``, or
  ///   ``LedgerError/unknownPairs(cohort:pairs:)`` listing every outcome whose
  ///   pair the plan does not have (then nothing is stored).
  /// - Complexity: one indexed update per outcome, in one transaction.
  public func importOutcomes(cohort name: String, _ outcomes: [(pair: PersonPair, value: Double)]) throws(LedgerError) {
    try write { db in
      guard let cohort = try Int64.fetchOne(db, sql: "SELECT id FROM cohort WHERE name = ?", arguments: [name]) else {
        throw LedgerError.unknownCohort(name)
      }
      var unknown: [PersonPair] = []
      for outcome in outcomes {
        try db.execute(
          sql: "UPDATE pair SET outcome = ? WHERE cohortId = ? AND menteeID = ? AND mentorID = ?",
          arguments: [outcome.value, cohort, outcome.pair.menteeID, outcome.pair.mentorID])
        if db.changesCount == 0 { unknown.append(outcome.pair) }
      }
      if !unknown.isEmpty { throw LedgerError.unknownPairs(cohort: name, pairs: unknown) }
    }
  }

  /// The recorded cohorts, oldest first.
  public func cohorts() throws(LedgerError) -> [CohortRecord] {
    guard hasSchema else { return [] }
    return try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT c.name, c.recordedAt, c.inputsDigest, COUNT(p.id) AS pairs, COUNT(p.outcome) AS outcomes
          FROM cohort c LEFT JOIN pair p ON p.cohortId = c.id GROUP BY c.id ORDER BY c.id
          """
      ).map {
        CohortRecord(
          name: $0["name"], recordedAt: $0["recordedAt"], inputsDigest: $0["inputsDigest"], pairs: $0["pairs"],
          outcomes: $0["outcomes"])
      }
    }
  }

  /// The pairs of a recorded cohort, by mentee id.
  public func pairs(cohort name: String) throws(LedgerError) -> [PairRecord] {
    guard hasSchema else { throw LedgerError.unknownCohort(name) }
    return try read { db in
      guard let cohort = try Int64.fetchOne(db, sql: "SELECT id FROM cohort WHERE name = ?", arguments: [name]) else {
        throw LedgerError.unknownCohort(name)
      }
      return try Row.fetchAll(
        db, sql: "SELECT menteeID, mentorID, score, outcome FROM pair WHERE cohortId = ? ORDER BY menteeID",
        arguments: [cohort]
      ).map {
        PairRecord(menteeID: $0["menteeID"], mentorID: $0["mentorID"], score: $0["score"], outcome: $0["outcome"])
      }
    }
  }

  /// Every pair of every recorded cohort: the history not to repeat.
  public func earlierPairs() throws(LedgerError) -> Set<PersonPair> {
    guard hasSchema else { return [] }
    return try read { db in
      Set(
        try Row.fetchAll(db, sql: "SELECT DISTINCT menteeID, mentorID FROM pair").map {
          PersonPair(menteeID: $0["menteeID"], mentorID: $0["mentorID"])
        })
    }
  }

  /// Adds a cohort row inside a write, refusing a name already recorded
  /// (plans and circles share the names).
  ///
  /// - Returns: The new cohort's row id.
  /// - Throws: ``LedgerError/duplicateCohort(_:)`` when the name is taken.
  static func insertCohort(
    _ db: Database, name: String, recordedAt: String, inputsDigest: String, configuration: String
  ) throws -> Int64 {
    if try Int.fetchOne(db, sql: "SELECT id FROM cohort WHERE name = ?", arguments: [name]) != nil {
      throw LedgerError.duplicateCohort(name)
    }
    try db.execute(
      sql: "INSERT INTO cohort (name, recordedAt, inputsDigest, configuration) VALUES (?, ?, ?, ?)",
      arguments: [name, recordedAt, inputsDigest, configuration])
    return db.lastInsertedRowID
  }

  func write(_ body: @escaping (Database) throws -> Void) throws(LedgerError) {
    do { try queue.write(body) } catch { throw Self.map(error, path: path, busyTimeout: busyTimeout) }
  }

  func read<T>(_ body: @escaping (Database) throws -> T) throws(LedgerError) -> T {
    do { return try queue.read(body) } catch { throw Self.map(error, path: path, busyTimeout: busyTimeout) }
  }

  /// Turns GRDB, SQLite and file-system errors into ``LedgerError``s.
  static func map(_ error: any Error, path: String, busyTimeout: Double) -> LedgerError {
    if let error = error as? LedgerError { return error }
    if let error = error as? DatabaseError {
      switch error.resultCode {
      case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
      case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, seconds: busyTimeout)
      case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_PERM, .SQLITE_AUTH,
        .SQLITE_NOLFS:
        return .unavailable(path: path, message: error.message ?? "\(error.resultCode)")
      default: return .database(path: path, message: error.message ?? "\(error)")
      }
    }
    if let error = error as? CocoaError {
      return .unavailable(path: path, message: error.localizedDescription)
    }
    return .database(path: path, message: "\(error)")
  }
}
