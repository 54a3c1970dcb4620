import CompetencyModel
import Foundation
import GRDB

/// Versioned plans: every change to a recorded cohort's plan (the matched
/// plan, HR's approved edit, a re-match) is a new version; old versions stay
/// readable.
///
/// Storage (schema "v2"): `plan_version` (one row per version of a cohort)
/// and `plan_pair` (the pairs of each version, each `active` or `ended`, with
/// the rule it breaks when the programme chose to break one). The `pair`
/// table keeps the *latest* version's pairs, active and ended, with their
/// outcomes: it is what outcomes attach to and what later cohorts avoid.
/// Ledgers of schema "v1" (made by earlier releases) are upgraded in one
/// transaction the first time they are opened for writing; opened read-only
/// they read as if upgraded (each cohort's pairs are its version 1).
extension ProgrammeLedger {
  /// Whether a pair of a version is in force or has ended (kept in later
  /// versions so that it is never made again).
  public enum PairStatus: String, Sendable, Equatable, CaseIterable {
    case active
    case ended
  }

  /// What made a version.
  public enum VersionKind: String, Sendable, Equatable {
    /// The optimal plan, matched and recorded by `ledger record`.
    case matched
    /// A plan edited outside the tool and approved (`ledger record --plan`).
    case approved
    /// A mid-programme re-match (`rematch --record`).
    case rematch
    /// Version 1 of a cohort recorded before plans were versioned.
    case migrated
  }

  /// One version of a cohort's plan.
  public struct PlanVersion: Sendable, Equatable {
    /// 1 for the first plan, then 2, 3, … in order of recording.
    public var number: Int
    public var createdAt: String
    public var kind: VersionKind
    /// A free note (what changed).
    public var note: String
    /// Pairs in force.
    public var activePairs: Int
    /// Pairs that ended (never to be made again).
    public var endedPairs: Int

    public init(number: Int, createdAt: String, kind: VersionKind, note: String, activePairs: Int, endedPairs: Int) {
      self.number = number
      self.createdAt = createdAt
      self.kind = kind
      self.note = note
      self.activePairs = activePairs
      self.endedPairs = endedPairs
    }
  }

  /// A pair of a plan version.
  public struct VersionPair: Sendable, Equatable {
    public var menteeID: String
    public var mentorID: String
    public var score: Double
    public var status: PairStatus
    /// The rule the programme chose to break with this pair (for example
    /// "same reporting line"), or `nil`.
    public var ruleBreak: String?

    public init(
      menteeID: String, mentorID: String, score: Double, status: PairStatus = .active, ruleBreak: String? = nil
    ) {
      self.menteeID = menteeID
      self.mentorID = mentorID
      self.score = score
      self.status = status
      self.ruleBreak = ruleBreak
    }

    /// The pair's identity.
    public var pair: PersonPair { PersonPair(menteeID: menteeID, mentorID: mentorID) }
  }

  /// What a new cohort row holds when ``addVersion(cohort:createdAt:kind:note:pairs:newCohort:)`` creates one.
  public struct CohortInputs: Sendable, Equatable {
    public var inputsDigest: String
    public var configuration: String

    public init(inputsDigest: String, configuration: String) {
      self.inputsDigest = inputsDigest
      self.configuration = configuration
    }
  }

  /// The versions of a recorded cohort's plan, oldest first.
  ///
  /// - Throws: ``LedgerError/unknownCohort(_:)``.
  /// - Complexity: one query over the cohort's versions.
  public func versions(cohort name: String) throws(LedgerError) -> [PlanVersion] {
    guard hasSchema else { throw LedgerError.unknownCohort(name) }
    return try read { db in
      let (cohort, recordedAt) = try Self.cohortRow(db, name: name)
      guard try Self.hasVersionTables(db) else {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pair WHERE cohortId = ?", arguments: [cohort]) ?? 0
        return [
          PlanVersion(
            number: 1, createdAt: recordedAt, kind: .migrated, note: "recorded before plans were versioned",
            activePairs: count, endedPairs: 0)
        ]
      }
      return try Row.fetchAll(
        db,
        sql: """
          SELECT v.version, v.createdAt, v.kind, v.note,
            SUM(CASE WHEN p.status = 'active' THEN 1 ELSE 0 END) AS active,
            SUM(CASE WHEN p.status = 'ended' THEN 1 ELSE 0 END) AS ended
          FROM plan_version v LEFT JOIN plan_pair p ON p.versionId = v.id
          WHERE v.cohortId = ? GROUP BY v.id ORDER BY v.version
          """, arguments: [cohort]
      ).map {
        PlanVersion(
          number: $0["version"], createdAt: $0["createdAt"],
          kind: VersionKind(rawValue: $0["kind"]) ?? .migrated, note: $0["note"],
          activePairs: $0["active"] ?? 0, endedPairs: $0["ended"] ?? 0)
      }
    }
  }

  /// The pairs of one version of a cohort's plan (the latest when `version`
  /// is `nil`), by mentee id then mentor id.
  ///
  /// - Throws: ``LedgerError/unknownCohort(_:)``, or
  ///   ``LedgerError/unknownVersion(cohort:version:latest:)``.
  public func plan(cohort name: String, version: Int? = nil) throws(LedgerError) -> (
    version: PlanVersion, pairs: [VersionPair]
  ) {
    let all = try versions(cohort: name)
    let found = version.map { v in all.first { $0.number == v } } ?? all.last
    guard let chosen = found else {
      throw LedgerError.unknownVersion(cohort: name, version: version ?? 1, latest: all.last?.number ?? 0)
    }
    let pairs = try read { db -> [VersionPair] in
      let (cohort, _) = try Self.cohortRow(db, name: name)
      guard try Self.hasVersionTables(db) else {
        return try Row.fetchAll(
          db, sql: "SELECT menteeID, mentorID, score FROM pair WHERE cohortId = ? ORDER BY menteeID, mentorID",
          arguments: [cohort]
        ).map { VersionPair(menteeID: $0["menteeID"], mentorID: $0["mentorID"], score: $0["score"]) }
      }
      return try Row.fetchAll(
        db,
        sql: """
          SELECT p.menteeID, p.mentorID, p.score, p.status, p.ruleBreak FROM plan_pair p
          JOIN plan_version v ON v.id = p.versionId WHERE v.cohortId = ? AND v.version = ?
          ORDER BY p.menteeID, p.mentorID
          """, arguments: [cohort, chosen.number]
      ).map {
        VersionPair(
          menteeID: $0["menteeID"], mentorID: $0["mentorID"], score: $0["score"],
          status: PairStatus(rawValue: $0["status"]) ?? .active, ruleBreak: $0["ruleBreak"])
      }
    }
    return (chosen, pairs)
  }

  /// The configuration (YAML) a cohort was recorded with.
  ///
  /// - Throws: ``LedgerError/unknownCohort(_:)``.
  public func configuration(cohort name: String) throws(LedgerError) -> String {
    guard hasSchema else { throw LedgerError.unknownCohort(name) }
    return try read { db in
      guard
        let text = try String.fetchOne(db, sql: "SELECT configuration FROM cohort WHERE name = ?", arguments: [name])
      else { throw LedgerError.unknownCohort(name) }
      return text
    }
  }

  /// Adds the next version of a cohort's plan, in one transaction, and makes
  /// it the cohort's current plan (the `pair` table: pairs no longer in the
  /// plan leave it, new ones join, outcomes of pairs kept stay).
  ///
  /// - Parameters:
  ///   - name: The cohort.
  ///   - createdAt: The time stamp.
  ///   - kind: What made the version.
  ///   - note: What changed, in a few words.
  ///   - pairs: The version's pairs, active and ended; each mentee has at
  ///     most one active pair.
  ///   - newCohort: When given and the cohort is not recorded, it is created
  ///     with these inputs and this plan as version 1; when `nil` the cohort
  ///     must exist.
  /// - Returns: The new version's number.
  /// - Throws: ``LedgerError/unknownCohort(_:)``.
  /// - Complexity: one insert per pair plus one indexed update per pair kept.
  @discardableResult
  public func addVersion(
    cohort name: String, createdAt: String, kind: VersionKind, note: String, pairs: [VersionPair],
    newCohort: CohortInputs? = nil
  ) throws(LedgerError) -> Int {
    var number = 0
    try write { db in
      let cohort: Int64
      if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM cohort WHERE name = ?", arguments: [name]) {
        cohort = existing
      } else if let newCohort {
        cohort = try Self.insertCohort(
          db, name: name, recordedAt: createdAt, inputsDigest: newCohort.inputsDigest,
          configuration: newCohort.configuration)
      } else {
        throw LedgerError.unknownCohort(name)
      }
      number = try Self.insertVersion(db, cohort: cohort, createdAt: createdAt, kind: kind, note: note, pairs: pairs)
      // The current plan: drop pairs no longer in it, add new ones, keep outcomes.
      let current = Set(pairs.map(\.pair))
      for row in try Row.fetchAll(
        db, sql: "SELECT id, menteeID, mentorID FROM pair WHERE cohortId = ?", arguments: [cohort])
      where !current.contains(PersonPair(menteeID: row["menteeID"], mentorID: row["mentorID"])) {
        try db.execute(sql: "DELETE FROM pair WHERE id = ?", arguments: [row["id"] as Int64])
      }
      for pair in pairs {
        try db.execute(
          sql: """
            INSERT INTO pair (cohortId, menteeID, mentorID, score) VALUES (?, ?, ?, ?)
            ON CONFLICT (cohortId, menteeID, mentorID) DO UPDATE SET score = excluded.score
            """, arguments: [cohort, pair.menteeID, pair.mentorID, pair.score])
      }
    }
    return number
  }

  /// Deletes a recorded cohort: its plan versions, pairs, outcomes and
  /// circles, in one transaction.
  ///
  /// - Throws: ``LedgerError/unknownCohort(_:)``.
  public func deleteCohort(_ name: String) throws(LedgerError) {
    try write { db in
      let (cohort, _) = try Self.cohortRow(db, name: name)
      // Explicit deletes: foreign keys may be off in connections of other tools.
      if try Self.hasVersionTables(db) {
        try db.execute(
          sql: "DELETE FROM plan_pair WHERE versionId IN (SELECT id FROM plan_version WHERE cohortId = ?)",
          arguments: [cohort])
        try db.execute(sql: "DELETE FROM plan_version WHERE cohortId = ?", arguments: [cohort])
      }
      if try Self.hasCircleTable(db) {
        try db.execute(sql: "DELETE FROM circle_member WHERE cohortId = ?", arguments: [cohort])
      }
      try db.execute(sql: "DELETE FROM pair WHERE cohortId = ?", arguments: [cohort])
      try db.execute(sql: "DELETE FROM cohort WHERE id = ?", arguments: [cohort])
    }
  }

  /// The cohort's row id and recording time.
  static func cohortRow(_ db: Database, name: String) throws -> (Int64, String) {
    guard let row = try Row.fetchOne(db, sql: "SELECT id, recordedAt FROM cohort WHERE name = ?", arguments: [name])
    else { throw LedgerError.unknownCohort(name) }
    return (row["id"], row["recordedAt"])
  }

  /// Inserts the next version of a cohort and its pairs; returns its number.
  static func insertVersion(
    _ db: Database, cohort: Int64, createdAt: String, kind: VersionKind, note: String, pairs: [VersionPair]
  ) throws -> Int {
    let number =
      (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM plan_version WHERE cohortId = ?", arguments: [cohort]) ?? 0)
      + 1
    try db.execute(
      sql: "INSERT INTO plan_version (cohortId, version, createdAt, kind, note) VALUES (?, ?, ?, ?, ?)",
      arguments: [cohort, number, createdAt, kind.rawValue, note])
    let version = db.lastInsertedRowID
    for pair in pairs {
      try db.execute(
        sql:
          "INSERT INTO plan_pair (versionId, menteeID, mentorID, score, status, ruleBreak) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [version, pair.menteeID, pair.mentorID, pair.score, pair.status.rawValue, pair.ruleBreak])
    }
    return number
  }

  /// Whether the ledger has the version tables of schema "v2".
  static func hasVersionTables(_ db: Database) throws -> Bool {
    try Int.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plan_version'") != nil
  }

  /// Upgrades a "v1" ledger to "v2" inside the caller's transaction: the
  /// version tables, each recorded plan as its version 1 (kind `migrated`),
  /// and a `pair` table keyed by (cohort, mentee, mentor) so that a mentee can
  /// have an ended pair and a new one. Does nothing on a "v2" ledger.
  ///
  /// - Complexity: O(recorded pairs).
  static func upgradeToVersions(_ db: Database) throws {
    guard try !hasVersionTables(db) else { return }
    try db.create(table: "plan_version") { t in
      t.autoIncrementedPrimaryKey("id")
      t.belongsTo("cohort", onDelete: .cascade).notNull()
      t.column("version", .integer).notNull()
      t.column("createdAt", .text).notNull()
      t.column("kind", .text).notNull()
      t.column("note", .text).notNull()
      t.uniqueKey(["cohortId", "version"])
    }
    try db.create(table: "plan_pair") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("versionId", .integer).notNull().indexed().references("plan_version", onDelete: .cascade)
      t.column("menteeID", .text).notNull()
      t.column("mentorID", .text).notNull()
      t.column("score", .double).notNull()
      t.column("status", .text).notNull()
      t.column("ruleBreak", .text)
      t.uniqueKey(["versionId", "menteeID", "mentorID"])
    }
    // Rebuild `pair` without its one-pair-per-mentee key (SQLite cannot drop a constraint).
    try db.create(table: "pair_v2") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("cohortId", .integer).notNull().indexed().references("cohort", onDelete: .cascade)
      t.column("menteeID", .text).notNull()
      t.column("mentorID", .text).notNull()
      t.column("score", .double).notNull()
      t.column("outcome", .double)
      t.uniqueKey(["cohortId", "menteeID", "mentorID"])
    }
    try db.execute(
      sql:
        "INSERT INTO pair_v2 (id, cohortId, menteeID, mentorID, score, outcome) SELECT id, cohortId, menteeID, mentorID, score, outcome FROM pair"
    )
    try db.execute(sql: "DROP TABLE pair")
    try db.execute(sql: "ALTER TABLE pair_v2 RENAME TO pair")
    // Each recorded plan becomes its version 1 (cohorts of circles have no pairs and no plan).
    for row in try Row.fetchAll(
      db, sql: "SELECT id, recordedAt FROM cohort WHERE id IN (SELECT DISTINCT cohortId FROM pair) ORDER BY id")
    {
      let cohort: Int64 = row["id"]
      let pairs = try Row.fetchAll(
        db, sql: "SELECT menteeID, mentorID, score FROM pair WHERE cohortId = ?", arguments: [cohort]
      ).map { VersionPair(menteeID: $0["menteeID"], mentorID: $0["mentorID"], score: $0["score"]) }
      _ = try insertVersion(
        db, cohort: cohort, createdAt: row["recordedAt"], kind: .migrated,
        note: "recorded before plans were versioned", pairs: pairs)
    }
    if try Int.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'") != nil
    {
      try db.execute(sql: "INSERT OR IGNORE INTO grdb_migrations (identifier) VALUES ('v2')")
    }
  }
}
