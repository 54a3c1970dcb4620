import CompetencyModel
import Foundation
import GRDB
import Ledger
import Testing
import _TestSupport

@Suite struct LedgerVersionTests {
  func temporaryPath() -> String {
    TemporaryFolder.unusedPath("mm-versions") + "/ledger.sqlite"
  }

  func pair(_ mentee: String, _ mentor: String) -> PersonPair { PersonPair(menteeID: mentee, mentorID: mentor) }

  @Test func eachChangeIsANewVersionAndOldOnesStayReadable() throws {
    let path = temporaryPath()
    let ledger = try ProgrammeLedger(path: path)
    try ledger.record(
      cohort: "spring", recordedAt: "t1", inputsDigest: "d", configuration: "x",
      pairs: [("e1", "m1", 0.8), ("e2", "m2", 0.6)])
    try ledger.importOutcomes(cohort: "spring", [(pair("e1", "m1"), 4)])
    // A re-match: e2–m2 ended, e2 now with m3, e1–m1 kept.
    let number = try ledger.addVersion(
      cohort: "spring", createdAt: "t2", kind: .rematch, note: "e2–m2 ended",
      pairs: [
        .init(menteeID: "e1", mentorID: "m1", score: 0.8), .init(menteeID: "e2", mentorID: "m3", score: 0.5),
        .init(menteeID: "e2", mentorID: "m2", score: 0.6, status: .ended),
      ])
    #expect(number == 2)
    let versions = try ledger.versions(cohort: "spring")
    #expect(versions.map(\.number) == [1, 2])
    #expect(versions.map(\.kind) == [.matched, .rematch])
    #expect(versions.map(\.activePairs) == [2, 2] && versions.map(\.endedPairs) == [0, 1])
    #expect(try ledger.plan(cohort: "spring", version: 1).pairs.map(\.mentorID) == ["m1", "m2"])
    #expect(try ledger.plan(cohort: "spring").version.number == 2)
    #expect(throws: LedgerError.unknownVersion(cohort: "spring", version: 3, latest: 2)) {
      try ledger.plan(cohort: "spring", version: 3)
    }
    // The current plan keeps the kept pair's outcome, and holds the ended pair (never to repeat).
    let current = try ledger.pairs(cohort: "spring")
    #expect(current.map { "\($0.menteeID)-\($0.mentorID)" } == ["e1-m1", "e2-m2", "e2-m3"])
    #expect(current.first?.outcome == 4)
    let history = try ledger.history(inputsDigest: "other")
    #expect(history.pairs == [pair("e1", "m1"), pair("e2", "m2"), pair("e2", "m3")])
  }

  @Test func aCohortsOwnAndLaterRecordingsAreNotItsHistory() throws {
    let ledger = try ProgrammeLedger(path: temporaryPath())
    try ledger.record(cohort: "a", recordedAt: "t", inputsDigest: "dA", configuration: "x", pairs: [("e1", "m1", 1)])
    try ledger.record(cohort: "b", recordedAt: "t", inputsDigest: "dB", configuration: "x", pairs: [("e2", "m2", 1)])
    try ledger.record(cohort: "c", recordedAt: "t", inputsDigest: "dC", configuration: "x", pairs: [("e3", "m3", 1)])
    let ofB = try ledger.history(inputsDigest: "dB")
    #expect(ofB.pairs == [pair("e1", "m1")])
    #expect(ofB.earlierCohorts == ["a"] && ofB.ownCohorts == ["b"] && ofB.laterCohorts == ["c"])
    #expect(
      ofB.summary(excluded: 1)
        == "ledger \(ofB.path): 1 recorded pair excluded (from 1 earlier cohort: 'a'); 'b' is this cohort, not its history; 'c' recorded later, not counted"
    )
    let byName = try ledger.history(inputsDigest: "changed", names: ["c"])
    #expect(byName.pairs == [pair("e1", "m1"), pair("e2", "m2")])
    let new = try ledger.history(inputsDigest: "dNew")
    #expect(new.pairs.count == 3 && new.ownCohorts.isEmpty)
  }

  @Test func deleteRemovesEverythingOfOneCohortOnly() throws {
    let ledger = try ProgrammeLedger(path: temporaryPath())
    try ledger.record(cohort: "a", recordedAt: "t", inputsDigest: "dA", configuration: "x", pairs: [("e1", "m1", 1)])
    try ledger.record(cohort: "b", recordedAt: "t", inputsDigest: "dB", configuration: "x", pairs: [("e2", "m2", 1)])
    try ledger.addVersion(
      cohort: "a", createdAt: "t2", kind: .approved, note: "", pairs: [.init(menteeID: "e1", mentorID: "m4", score: 1)])
    try ledger.deleteCohort("a")
    #expect(try ledger.cohorts().map(\.name) == ["b"])
    #expect(throws: LedgerError.unknownCohort("a")) { try ledger.versions(cohort: "a") }
    #expect(try ledger.history(inputsDigest: nil).pairs == [pair("e2", "m2")])
    #expect(throws: LedgerError.unknownCohort("a")) { try ledger.deleteCohort("a") }
    // The name is free again.
    try ledger.record(cohort: "a", recordedAt: "t", inputsDigest: "dA", configuration: "x", pairs: [])
  }

  /// A ledger as `main` made it before plans were versioned (schema "v1").
  func makeVersionOneLedger(at path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let old = try DatabaseQueue(path: path)
    try old.write { db in
      try db.execute(sql: "PRAGMA application_id = \(0x4D4D_4C47)")
      try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1')")
      try db.execute(
        sql:
          "CREATE TABLE cohort (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, recordedAt TEXT NOT NULL, inputsDigest TEXT NOT NULL, configuration TEXT NOT NULL)"
      )
      try db.execute(
        sql:
          "CREATE TABLE pair (id INTEGER PRIMARY KEY AUTOINCREMENT, cohortId INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE, menteeID TEXT NOT NULL, mentorID TEXT NOT NULL, score DOUBLE NOT NULL, outcome DOUBLE, UNIQUE (cohortId, menteeID))"
      )
      try db.execute(sql: "INSERT INTO cohort VALUES (1, 'old', '2026-01-01', 'dOld', 'x')")
      try db.execute(sql: "INSERT INTO pair VALUES (1, 1, 'e1', 'm1', 0.5, 3.5), (2, 1, 'e2', 'm2', 0.4, NULL)")
    }
    try old.close()
  }

  @Test func aVersionOneLedgerReadsAsVersionOneAndUpgradesWhenWritten() throws {
    let path = temporaryPath()
    try makeVersionOneLedger(at: path)
    // Read-only: nothing changes on disk, the plan reads as version 1.
    let reader = try ProgrammeLedger(path: path, access: .readOnly)
    #expect(try reader.versions(cohort: "old").map(\.kind) == [.migrated])
    #expect(try reader.plan(cohort: "old").pairs.map(\.mentorID) == ["m1", "m2"])
    let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
    #expect(!tables.contains("plan_version"))
    // Opened for writing: upgraded once, outcomes kept, a mentee may now have an ended and a new pair.
    let writer = try ProgrammeLedger(path: path, access: .existing)
    #expect(try writer.versions(cohort: "old").map(\.number) == [1])
    #expect(try writer.pairs(cohort: "old").map(\.outcome) == [3.5, nil])
    try writer.addVersion(
      cohort: "old", createdAt: "t", kind: .rematch, note: "",
      pairs: [
        .init(menteeID: "e1", mentorID: "m1", score: 0.5),
        .init(menteeID: "e2", mentorID: "m2", score: 0.4, status: .ended),
        .init(menteeID: "e2", mentorID: "m3", score: 0.3),
      ])
    let again = try ProgrammeLedger(path: path, access: .existing)
    #expect(try again.versions(cohort: "old").map(\.number) == [1, 2])
    #expect(try again.pairs(cohort: "old").count == 3)
    let migrations = try DatabaseQueue(path: path).read {
      try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
    }
    #expect(migrations == ["v1", "v2"])
  }
}
