import CompetencyModel
import Foundation
import GRDB
import Ledger
import Testing
import _TestSupport

/// Opening modes, concurrent connections and the errors of a ledger the
/// operating system or another writer stands in the way of.
@Suite struct LedgerAccessTests {
  let pairs: [(menteeID: String, mentorID: String, score: Double)] = [("e1", "m1", 0.8), ("e2", "m2", 0.6)]

  func temporaryFolder() -> String {
    TemporaryFolder.unusedPath("mm-ledger-access")
  }

  @Test func readOnlyAndExistingAccessNeverCreateAnything() throws {
    let folder = temporaryFolder()
    let path = folder + "/sub/ledger.sqlite"
    #expect(throws: LedgerError.missing(path: path)) { try ProgrammeLedger(path: path, access: .readOnly) }
    #expect(throws: LedgerError.missing(path: path)) { try ProgrammeLedger(path: path, access: .existing) }
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(LedgerError.missing(path: path).kind == .missing)
  }

  @Test func aReadOnlyLedgerReadsWithoutChangingTheFile() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/ledger.sqlite"
    do {
      let ledger = try ProgrammeLedger(path: path)
      try ledger.record(cohort: "c1", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: pairs)
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let reader = try ProgrammeLedger(path: path, access: .readOnly)
    #expect(try reader.cohorts().map(\.name) == ["c1"])
    #expect(try reader.earlierPairs().count == 2)
    #expect(try reader.pairs(cohort: "c1").map(\.mentorID) == ["m1", "m2"])
    // A read-only connection refuses changes (as an operational error, not bad data).
    #expect {
      try reader.record(cohort: "c2", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: [])
    } throws: { ($0 as? LedgerError)?.kind == .unavailable }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func anEmptyDatabaseReadsAsAnEmptyLedger() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/empty.sqlite"
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let reader = try ProgrammeLedger(path: path, access: .readOnly)
    #expect(try reader.cohorts().isEmpty)
    #expect(try reader.earlierPairs().isEmpty)
    #expect(throws: LedgerError.unknownCohort("c")) { try reader.pairs(cohort: "c") }
    // Opened for writing, the same empty file becomes a ledger.
    try ProgrammeLedger(path: path, access: .existing).record(
      cohort: "c", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: pairs)
    #expect(try ProgrammeLedger(path: path, access: .readOnly).cohorts().map(\.pairs) == [2])
  }

  @Test func readersAndWritersWaitOutAnotherWriter() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/ledger.sqlite"
    let ledger = try ProgrammeLedger(path: path)
    try ledger.record(cohort: "c1", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: pairs)
    // Another connection holds the write lock, as a long `ledger record` would.
    let other = try DatabaseQueue(path: path)
    try other.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      defer { try? db.execute(sql: "COMMIT") }
      try db.execute(
        sql: "INSERT INTO cohort (name, recordedAt, inputsDigest, configuration) VALUES ('pending', 't', 'd', 'x')")
      // Readers see the committed ledger at once.
      #expect(try ProgrammeLedger(path: path, access: .readOnly).cohorts().map(\.name) == ["c1"])
      #expect(try ledger.cohorts().map(\.name) == ["c1"])
      // A writer gives up after its timeout with a temporary failure.
      #expect(throws: LedgerError.busy(path: path, seconds: 0.2)) {
        try ProgrammeLedger(path: path, access: .existing, busyTimeout: 0.2).record(
          cohort: "c2", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: [])
      }
      #expect(LedgerError.busy(path: path, seconds: 0.2).kind == .busy)
    }
    // A patient writer waits for the lock instead of failing.
    let release = DispatchSemaphore(value: 0)
    let holder = Thread {
      try? other.writeWithoutTransaction { db in
        try db.execute(sql: "BEGIN IMMEDIATE")
        defer { try? db.execute(sql: "COMMIT") }
        release.signal()
        Thread.sleep(forTimeInterval: 0.5)
      }
    }
    holder.start()
    release.wait()
    try ProgrammeLedger(path: path, access: .existing, busyTimeout: 20).record(
      cohort: "c2", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: pairs)
    #expect(try ledger.cohorts().map(\.name) == ["c1", "pending", "c2"])
  }

  @Test func concurrentFirstOpensAllSucceed() async throws {
    // Eight connections create and record into one new ledger at once: each
    // either initialises it or waits and finds it initialised; none reports
    // a locked or foreign database.
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/ledger.sqlite"
    let names = (0..<8).map { "c\($0)" }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for name in names {
        group.addTask {
          try ProgrammeLedger(path: path).record(
            cohort: name, recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: [("e1", "m1", 1)])
        }
      }
      try await group.waitForAll()
    }
    #expect(Set(try ProgrammeLedger(path: path, access: .readOnly).cohorts().map(\.name)) == Set(names))
  }

  @Test func aLedgerWrittenByTheMigratorOfEarlierReleasesStillOpens() throws {
    // Earlier releases created the schema with GRDB's migrator ("v1").
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/old.sqlite"
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
    }
    try old.close()
    try ProgrammeLedger(path: path, access: .existing).record(
      cohort: "c", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: pairs)
    #expect(try ProgrammeLedger(path: path, access: .readOnly).earlierPairs().count == 2)
  }
}
