import CompetencyModel
import Foundation
import GRDB

/// The programme's memory across cohorts: an SQLite database (through GRDB)
/// that records each cohort's run (a digest of its inputs, the configuration,
/// the plan) and, later, the outcome of each pair.
///
/// Safety: every change is one transaction, so a run interrupted part-way
/// leaves the ledger as it was; the database is in WAL mode, so another
/// process can read while one writes; a file that is not a ledger is refused
/// with a clear error. The schema is versioned by migrations.
///
/// Invariants: cohort names are unique; a cohort holds each mentee at most
/// once; outcomes refer to recorded pairs.
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

  /// SQLite's `application_id` of MentorMatch ledgers ("MMLG").
  static let applicationID: Int32 = 0x4D4D_4C47

  /// The default ledger: `$MENTOR_MATCH_LEDGER`, else
  /// `~/.local/share/mentor-match/ledger.sqlite`.
  public static var defaultPath: String {
    if let path = ProcessInfo.processInfo.environment["MENTOR_MATCH_LEDGER"], !path.isEmpty { return path }
    let home = FileManager.default.homeDirectoryForCurrentUser.path
    return home + "/.local/share/mentor-match/ledger.sqlite"
  }

  let path: String
  let pool: DatabasePool

  /// Opens the ledger at `path`, creating it (and its folder) on first use.
  ///
  /// - Throws: ``LedgerError`` for a file that is not a ledger or cannot be opened.
  public init(path: String) throws(LedgerError) {
    self.path = path
    do {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
      pool = try DatabasePool(path: path)
      let (identifier, tables) = try pool.read { db in
        (
          try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
          try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        )
      }
      if identifier != Self.applicationID && !tables.filter({ !$0.hasPrefix("sqlite_") }).isEmpty {
        throw LedgerError.foreignDatabase(path: path)
      }
      try Self.migrator.migrate(pool)
    } catch let error as LedgerError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
      throw LedgerError.notADatabase(path: path)
    } catch {
      throw LedgerError.database(path: path, message: "\(error)")
    }
  }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
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
    }
    return migrator
  }

  /// Records a cohort's plan in one transaction.
  ///
  /// - Throws: ``LedgerError/duplicateCohort(_:)`` when the name is taken.
  public func record(
    cohort name: String, recordedAt: String, inputsDigest: String, configuration: String,
    pairs: [(menteeID: String, mentorID: String, score: Double)]
  ) throws(LedgerError) {
    try write { db in
      if try Int.fetchOne(db, sql: "SELECT id FROM cohort WHERE name = ?", arguments: [name]) != nil {
        throw LedgerError.duplicateCohort(name)
      }
      try db.execute(
        sql: "INSERT INTO cohort (name, recordedAt, inputsDigest, configuration) VALUES (?, ?, ?, ?)",
        arguments: [name, recordedAt, inputsDigest, configuration])
      let cohort = db.lastInsertedRowID
      for pair in pairs {
        try db.execute(
          sql: "INSERT INTO pair (cohortId, menteeID, mentorID, score) VALUES (?, ?, ?, ?)",
          arguments: [cohort, pair.menteeID, pair.mentorID, pair.score])
      }
    }
  }

  /// Stores outcomes for pairs of a recorded cohort, all or none.
  ///
  /// - Throws: ``LedgerError/unknownCohort(_:)`` or ``LedgerError/unknownPair(cohort:menteeID:mentorID:)``.
  public func importOutcomes(cohort name: String, _ outcomes: [(pair: PersonPair, value: Double)]) throws(LedgerError) {
    try write { db in
      guard let cohort = try Int64.fetchOne(db, sql: "SELECT id FROM cohort WHERE name = ?", arguments: [name]) else {
        throw LedgerError.unknownCohort(name)
      }
      for outcome in outcomes {
        try db.execute(
          sql: "UPDATE pair SET outcome = ? WHERE cohortId = ? AND menteeID = ? AND mentorID = ?",
          arguments: [outcome.value, cohort, outcome.pair.menteeID, outcome.pair.mentorID])
        if db.changesCount == 0 {
          throw LedgerError.unknownPair(cohort: name, menteeID: outcome.pair.menteeID, mentorID: outcome.pair.mentorID)
        }
      }
    }
  }

  /// The recorded cohorts, oldest first.
  public func cohorts() throws(LedgerError) -> [CohortRecord] {
    try read { db in
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
    try read { db in
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
    try read { db in
      Set(
        try Row.fetchAll(db, sql: "SELECT DISTINCT menteeID, mentorID FROM pair").map {
          PersonPair(menteeID: $0["menteeID"], mentorID: $0["mentorID"])
        })
    }
  }

  func write(_ body: @escaping (Database) throws -> Void) throws(LedgerError) {
    do { try pool.write(body) } catch { throw map(error) }
  }

  func read<T>(_ body: @escaping (Database) throws -> T) throws(LedgerError) -> T {
    do { return try pool.read(body) } catch { throw map(error) }
  }

  func map(_ error: any Error) -> LedgerError {
    if let error = error as? LedgerError { return error }
    if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
      return .notADatabase(path: path)
    }
    return .database(path: path, message: "\(error)")
  }
}
