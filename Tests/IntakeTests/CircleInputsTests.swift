import CompetencyModel
import Foundation
import Intake
import Interchange
import Ledger
import Testing
import _TestSupport

/// The inputs of `circles` read by the library: earlier circle-mates from a
/// file and the ledger, and the facilitators.
@Suite struct CircleInputsTests {
  func pair(_ a: String, _ b: String) -> PersonPair { PersonPair(menteeID: min(a, b), mentorID: max(a, b)) }

  @Test func earlierCircleMatesJoinTheFileAndTheLedger() throws {
    let folder = try TemporaryFolder(prefix: "intake-circles")
    let history = try folder.write("circles.csv", "circle,member\nC1,e1\nC1,e2\nC1,e3\n")
    let ledgerPath = folder.path("ledger.sqlite")
    try ProgrammeLedger(path: ledgerPath).recordCircles(
      cohort: "autumn", recordedAt: "t", inputsDigest: "d", configuration: "x",
      circles: [(name: "1", members: ["e3", "e4"]), (name: "2", members: ["e5", "e6"])])

    let fileOnly = Set([pair("e1", "e2"), pair("e1", "e3"), pair("e2", "e3")])
    let ledgerOnly = Set([pair("e3", "e4"), pair("e5", "e6")])
    let both = try CircleInputs.earlierCircleMates(circleHistory: history, ledger: ledgerPath, recording: false)
    #expect(both.pairs == fileOnly.union(ledgerOnly))
    #expect(both.ledgerPath == ledgerPath && both.ledgerPairs == 2)
    #expect(both.summary == "ledger \(ledgerPath): 2 recorded circle-mate pairs kept apart")

    let noLedger = folder.path("none.sqlite")
    // A named ledger that does not exist is an error, unless this run records (and so creates) it.
    #expect(throws: LedgerError.missing(path: noLedger)) {
      try CircleInputs.earlierCircleMates(circleHistory: history, ledger: noLedger, recording: false)
    }
    let recording = try CircleInputs.earlierCircleMates(circleHistory: history, ledger: noLedger, recording: true)
    #expect(recording.pairs == fileOnly && recording.ledgerPath == nil && recording.summary == nil)
    #expect(!FileManager.default.fileExists(atPath: noLedger))
  }

  @Test func oneRecordedPairIsSingular() throws {
    let folder = try TemporaryFolder(prefix: "intake-circles")
    let ledgerPath = folder.path("ledger.sqlite")
    try ProgrammeLedger(path: ledgerPath).recordCircles(
      cohort: "autumn", recordedAt: "t", inputsDigest: "d", configuration: "x",
      circles: [(name: "1", members: ["a", "b"])])
    let mates = try CircleInputs.earlierCircleMates(circleHistory: nil, ledger: ledgerPath, recording: true)
    #expect(mates.pairs == [pair("a", "b")])
    #expect(mates.summary == "ledger \(ledgerPath): 1 recorded circle-mate pair kept apart")
  }

  @Test func aBadCircleHistoryIsReportedAtItsLine() throws {
    let folder = try TemporaryFolder(prefix: "intake-circles")
    let history = try folder.write("circles.csv", "circle,member\nC1,e1\nC1,\n")
    let noLedger = folder.path("none.sqlite")
    let error = #expect(throws: InputErrors.self) {
      try CircleInputs.earlierCircleMates(circleHistory: history, ledger: noLedger, recording: true)
    }
    #expect(error?.errors.map(\.line) == [3])
  }

  @Test func facilitatorsAreReadAsTheCohortsMentors() throws {
    let folder = try TemporaryFolder(prefix: "intake-facilitators")
    let cohort = CohortFixtures.generated(mentees: 20, mentors: 6, competencies: 4, seed: 3)
    try CohortWriter.write(cohort, toFolder: folder.folder)
    // The cohort's own mentors file, as facilitators: the same people come back.
    let facilitators = try CircleInputs.facilitators(path: folder.path("mentors.csv"), cohort: [folder.folder])
    #expect(facilitators.map(\.id) == cohort.mentors.map(\.id))
    #expect(facilitators.map(\.capacity) == cohort.mentors.map(\.capacity))
    #expect(throws: CohortSource.LocateError.self) {
      try CircleInputs.facilitators(path: folder.path("mentors.csv"), cohort: [folder.path("nowhere")])
    }
  }
}
