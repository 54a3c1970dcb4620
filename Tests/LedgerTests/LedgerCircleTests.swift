import CompetencyModel
import Foundation
import Ledger
import Testing
import _TestSupport

/// Recording peer circles and reading back the circle-mates not to repeat.
@Suite struct LedgerCircleTests {
  func temporaryPath() -> (folder: String, path: String) {
    let folder = TemporaryFolder.unusedPath("mm-ledger-circles")
    return (folder, folder + "/ledger.sqlite")
  }

  /// Every unordered pair within each circle, smaller id first, enumerated directly.
  func mates(_ circles: [[String]]) -> Set<PersonPair> {
    var pairs = Set<PersonPair>()
    for circle in circles {
      for a in circle {
        for b in circle where a < b { pairs.insert(PersonPair(menteeID: a, mentorID: b)) }
      }
    }
    return pairs
  }

  @Test func recordedCirclesGiveBackEveryPairOfCircleMates() throws {
    let (folder, path) = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = [("1", ["e3", "e1", "e7"]), ("2", ["e2", "e4", "e5", "e6"])]
    let second = [("1", ["e1", "e2", "e8"])]
    do {
      let ledger = try ProgrammeLedger(path: path, access: .create)
      #expect(try ledger.earlierCircleMates().isEmpty)
      try ledger.recordCircles(
        cohort: "2026-spring", recordedAt: "t", inputsDigest: "d", configuration: "c",
        circles: first.map { ($0.0, $0.1) })
      try ledger.recordCircles(
        cohort: "2026-autumn", recordedAt: "t", inputsDigest: "d", configuration: "c",
        circles: second.map { ($0.0, $0.1) })
      #expect(throws: LedgerError.duplicateCohort("2026-spring")) {
        try ledger.recordCircles(
          cohort: "2026-spring", recordedAt: "t", inputsDigest: "d", configuration: "c", circles: [])
      }
    }
    let reader = try ProgrammeLedger(path: path, access: .readOnly)
    // Circle "1" of the two cohorts is two circles: e3 and e8 never met.
    let expected = mates(first.map(\.1) + second.map(\.1))
    #expect(try reader.earlierCircleMates() == expected)
    #expect(!expected.contains(PersonPair(menteeID: "e3", mentorID: "e8")))
    #expect(try reader.circles(cohort: "2026-spring").map(\.members) == first.map(\.1))
    #expect(try reader.cohorts().map(\.name) == ["2026-spring", "2026-autumn"])
    #expect(throws: LedgerError.unknownCohort("nope")) { try reader.circles(cohort: "nope") }
  }

  @Test func aLedgerWithoutCirclesReadsNoneReadOnly() throws {
    let (folder, path) = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
      let ledger = try ProgrammeLedger(path: path, access: .create)
      try ledger.record(
        cohort: "plan", recordedAt: "t", inputsDigest: "d", configuration: "c", pairs: [("e1", "m1", 0.5)])
    }
    let reader = try ProgrammeLedger(path: path, access: .readOnly)
    #expect(try reader.earlierCircleMates().isEmpty)
    #expect(try reader.circles(cohort: "plan").isEmpty)
    #expect(try reader.earlierPairs() == [PersonPair(menteeID: "e1", mentorID: "m1")])
  }
}
