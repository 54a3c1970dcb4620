import CompetencyModel
import Foundation
import GRDB
import Ledger
import Testing
import _TestSupport

@Suite struct ProgrammeLedgerTests {
  func temporaryPath(_ name: String = "ledger.sqlite") -> String {
    TemporaryFolder.unusedPath("mm-ledger") + "/\(name)"
  }

  let pairs: [(menteeID: String, mentorID: String, score: Double)] = [("e1", "m1", 0.8), ("e2", "m2", 0.6)]

  @Test func recordsPlansAndOutcomes() throws {
    let path = temporaryPath()
    let ledger = try ProgrammeLedger(path: path)
    try ledger.record(
      cohort: "2026-spring", recordedAt: "2026-03-01", inputsDigest: "abc", configuration: "x", pairs: pairs)
    try ledger.importOutcomes(cohort: "2026-spring", [(PersonPair(menteeID: "e1", mentorID: "m1"), 4.5)])
    let cohorts = try ledger.cohorts()
    #expect(cohorts.map(\.name) == ["2026-spring"])
    #expect(cohorts.first?.pairs == 2 && cohorts.first?.outcomes == 1)
    #expect(try ledger.pairs(cohort: "2026-spring").map(\.outcome) == [4.5, nil])
    #expect(
      try ledger.earlierPairs()
        == [PersonPair(menteeID: "e1", mentorID: "m1"), PersonPair(menteeID: "e2", mentorID: "m2")])
    // Reopening finds everything; a second process could do the same.
    let again = try ProgrammeLedger(path: path)
    #expect(try again.pairs(cohort: "2026-spring").count == 2)
  }

  @Test func aFailedChangeLeavesTheLedgerAsItWas() throws {
    let ledger = try ProgrammeLedger(path: temporaryPath())
    try ledger.record(cohort: "c1", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: pairs)
    // The second outcome names a pair the plan does not have: nothing is stored.
    // Every unknown pair is named, not only the first.
    let unknown = [PersonPair(menteeID: "e2", mentorID: "m9"), PersonPair(menteeID: "e7", mentorID: "m1")]
    #expect(throws: LedgerError.unknownPairs(cohort: "c1", pairs: unknown)) {
      try ledger.importOutcomes(
        cohort: "c1",
        [(PersonPair(menteeID: "e1", mentorID: "m1"), 3), (unknown[0], 2), (unknown[1], 1)])
    }
    #expect(try ledger.pairs(cohort: "c1").allSatisfy { $0.outcome == nil })
    #expect(throws: LedgerError.duplicateCohort("c1")) {
      try ledger.record(cohort: "c1", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: [])
    }
    #expect(throws: LedgerError.unknownCohort("c2")) { try ledger.pairs(cohort: "c2") }
  }

  @Test func refusesFilesThatAreNotLedgers() throws {
    let garbage = temporaryPath("garbage.sqlite")
    try FileManager.default.createDirectory(
      atPath: (garbage as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
    #expect(throws: LedgerError.notADatabase(path: garbage)) { try ProgrammeLedger(path: garbage) }
  }

  @Test func readsWhileAnotherConnectionWrites() throws {
    let path = temporaryPath()
    let writer = try ProgrammeLedger(path: path)
    let reader = try ProgrammeLedger(path: path)
    for k in 0..<20 {
      try writer.record(cohort: "c\(k)", recordedAt: "t", inputsDigest: "d", configuration: "x", pairs: pairs)
      #expect(try reader.cohorts().count == k + 1)
    }
  }
}

extension ProgrammeLedgerTests {
  @Test func refusesAnotherApplicationsDatabase() throws {
    let path = temporaryPath("other.sqlite")
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let other = try DatabaseQueue(path: path)
    try other.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
    #expect(throws: LedgerError.foreignDatabase(path: path)) { try ProgrammeLedger(path: path) }
  }
}
