import CompetencyModel
import Foundation
import GRDB

extension ProgrammeLedger {
  /// Records a cohort's peer circles in one transaction: a `cohort` row (the
  /// name shares the namespace of recorded plans) and one `circle_member`
  /// row per member. The table is created on first use, so ledgers made by
  /// earlier releases gain it when they first record circles.
  ///
  /// - Parameters:
  ///   - name: The cohort's name.
  ///   - circles: Each circle's name and member ids.
  /// - Throws: ``LedgerError/duplicateCohort(_:)`` when the name is taken.
  /// - Complexity: one insert per member.
  public func recordCircles(
    cohort name: String, recordedAt: String, inputsDigest: String, configuration: String,
    circles: [(name: String, members: [String])]
  ) throws(LedgerError) {
    try write { db in
      try Self.createCircleTable(db)
      let cohort = try Self.insertCohort(
        db, name: name, recordedAt: recordedAt, inputsDigest: inputsDigest, configuration: configuration)
      for circle in circles {
        for member in circle.members {
          try db.execute(
            sql: "INSERT INTO circle_member (cohortId, circle, memberID) VALUES (?, ?, ?)",
            arguments: [cohort, circle.name, member])
        }
      }
    }
  }

  /// Every pair of people who shared a recorded circle, each with the
  /// smaller id first: the circle-mates not to repeat. Empty for a ledger
  /// without recorded circles.
  ///
  /// - Complexity: O(Σ circle size²).
  public func earlierCircleMates() throws(LedgerError) -> Set<PersonPair> {
    guard hasSchema else { return [] }
    return try read { db in
      guard try Self.hasCircleTable(db) else { return [] }
      let rows = try Row.fetchAll(
        db, sql: "SELECT cohortId, circle, memberID FROM circle_member ORDER BY cohortId, circle, id")
      var circles: [[String]] = []
      var current: (Int64, String)? = nil
      for row in rows {
        let key: (Int64, String) = (row["cohortId"], row["circle"])
        if current == nil || current! != key {
          circles.append([])
          current = key
        }
        circles[circles.count - 1].append(row["memberID"])
      }
      return PersonPair.circleMates(circles)
    }
  }

  /// The recorded circles of a cohort, by circle name then recording order.
  ///
  /// - Throws: ``LedgerError/unknownCohort(_:)``.
  public func circles(cohort name: String) throws(LedgerError) -> [(name: String, members: [String])] {
    guard hasSchema else { throw LedgerError.unknownCohort(name) }
    return try read { db in
      guard let cohort = try Int64.fetchOne(db, sql: "SELECT id FROM cohort WHERE name = ?", arguments: [name]) else {
        throw LedgerError.unknownCohort(name)
      }
      guard try Self.hasCircleTable(db) else { return [] }
      var result: [(name: String, members: [String])] = []
      for row in try Row.fetchAll(
        db, sql: "SELECT circle, memberID FROM circle_member WHERE cohortId = ? ORDER BY id", arguments: [cohort])
      {
        let circle: String = row["circle"]
        if result.last?.name != circle { result.append((circle, [])) }
        result[result.count - 1].members.append(row["memberID"])
      }
      return result
    }
  }

  /// Whether the ledger has the `circle_member` table.
  static func hasCircleTable(_ db: Database) throws -> Bool {
    try Int.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'circle_member'") != nil
  }

  /// Creates the `circle_member` table when it is missing.
  static func createCircleTable(_ db: Database) throws {
    try db.create(table: "circle_member", ifNotExists: true) { t in
      t.autoIncrementedPrimaryKey("id")
      t.belongsTo("cohort", onDelete: .cascade).notNull()
      t.column("circle", .text).notNull()
      t.column("memberID", .text).notNull()
      t.uniqueKey(["cohortId", "memberID"])
    }
  }
}
