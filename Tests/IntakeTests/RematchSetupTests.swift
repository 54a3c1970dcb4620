import CompetencyModel
import Foundation
import Intake
import Interchange
import Ledger
import Rationale
import Testing
import _TestSupport

/// `rematch`'s inputs read and cross-checked by the library (``RematchSetup``),
/// and the ledger version it records (``ProgrammeLedger/nextVersionPairs(active:ending:previous:)``).
@Suite struct RematchSetupTests {
  /// The bundled sample cohort (part of the repository).
  let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets/sample").path

  func pair(_ mentee: String, _ mentor: String) -> PersonPair { PersonPair(menteeID: mentee, mentorID: mentor) }

  /// Version 1 of the recorded plan: E00001…E00004 with M00001…M00004, and
  /// E00005–M00005 ended before.
  var recorded: [ProgrammeLedger.VersionPair] {
    (1...4).map {
      ProgrammeLedger.VersionPair(menteeID: "E0000\($0)", mentorID: "M0000\($0)", score: Double($0) / 10)
    } + [
      ProgrammeLedger.VersionPair(
        menteeID: "E00005", mentorID: "M00005", score: 0.5, status: .ended, ruleBreak: "same reporting line")
    ]
  }

  func loaded() throws -> CohortInputs.Loaded {
    try CohortInputs(cohort: [sample], ledger: TemporaryFolder.unusedPath("no-ledger")).load(ledgerMayBeMissing: true)
  }

  @Test func anEndedPairNotInForceIsReportedAtItsFileLineAndColumn() throws {
    let folder = try TemporaryFolder(prefix: "intake-rematch")
    // E00005–M00005 ended before: it is not a pair of the plan in force either.
    let ended = try folder.write("ended.csv", "mentee,mentor\nE00001,M00001\nE00002,M00003\nE00005,M00005\n")
    var warnings: [InputError] = []
    let error = #expect(throws: InputErrors.self) {
      try RematchSetup(
        loaded: try loaded(), cohortFiles: [sample], recorded: recorded, ended: ended, joiners: nil, leavers: nil,
        warning: { warnings.append($0) })
    }
    #expect(
      error?.errors == [
        InputError(
          file: ended, line: 3, column: 1, message: "E00002–M00003 is not a pair of the recorded plan in force"),
        InputError(
          file: ended, line: 4, column: 1, message: "E00005–M00005 is not a pair of the recorded plan in force"),
      ])
    #expect(warnings.isEmpty)
  }

  @Test func aLeaverWhoIsNotInTheCohortIsReportedAfterTheEndedPairsPass() throws {
    let folder = try TemporaryFolder(prefix: "intake-rematch")
    let ended = try folder.write("ended.csv", "mentee,mentor\nE00001,M00001\n")
    let leavers = try folder.write("leavers.csv", "id\nM00002\nX00001\n")
    let error = #expect(throws: InputErrors.self) {
      try RematchSetup(
        loaded: try loaded(), cohortFiles: [sample], recorded: recorded, ended: ended, joiners: nil,
        leavers: leavers, warning: { _ in })
    }
    #expect(
      error?.errors == [
        InputError(file: leavers, line: 3, column: 1, message: "'X00001' is not a mentee or mentor of the cohort")
      ])
  }

  @Test func aJoinerAlreadyInTheCohortIsReportedAtItsLineForEitherRole() throws {
    let folder = try TemporaryFolder(prefix: "intake-rematch")
    let ended = try folder.write("ended.csv", "mentee,mentor\nE00001,M00001\n")
    let mentees = try String(contentsOfFile: sample + "/mentees.csv", encoding: .utf8).split(separator: "\n")
    let mentors = try String(contentsOfFile: sample + "/mentors.csv", encoding: .utf8).split(separator: "\n")
    // Line 2 is new, line 3 repeats a mentee; the mentors' line 2 repeats a mentor.
    let newMentee = Substring(mentees[1].replacingOccurrences(of: "E00001", with: "E09999"))
    try FileManager.default.createDirectory(atPath: folder.path("joiners"), withIntermediateDirectories: true)
    let menteesFile = try folder.write(
      "joiners/mentees.csv", [mentees[0], newMentee, mentees[2]].joined(separator: "\n") + "\n")
    let mentorsFile = try folder.write("joiners/mentors.csv", [mentors[0], mentors[1]].joined(separator: "\n") + "\n")
    let menteeID = try #require(mentees[2].split(separator: ",").first).description
    let mentorID = try #require(mentors[1].split(separator: ",").first).description
    let error = #expect(throws: InputErrors.self) {
      try RematchSetup(
        loaded: try loaded(), cohortFiles: [sample], recorded: recorded, ended: ended, joiners: folder.path("joiners"),
        leavers: nil, warning: { _ in })
    }
    #expect(
      error?.errors
        == InputErrors([
          InputError(
            file: menteesFile, line: 3, column: 1,
            message: "mentee '\(menteeID)' is already in the cohort; joiners are new people"),
          InputError(
            file: mentorsFile, line: 2, column: 1,
            message: "mentor '\(mentorID)' is already in the cohort; joiners are new people"),
        ]).errors)
  }

  @Test func theSetupJoinsLeavesAndEndsAsTheFilesSay() throws {
    let folder = try TemporaryFolder(prefix: "intake-rematch")
    let ended = try folder.write("ended.csv", "mentee,mentor\nE00001,M00001\n")
    let leavers = try folder.write("leavers.csv", "id\nM00002\nE00003\n")
    // One joiner: the sample's first mentee under a new id.
    let rows = try String(contentsOfFile: sample + "/mentees.csv", encoding: .utf8).split(separator: "\n")
    let joinerRow = rows[1].replacingOccurrences(of: "E00001", with: "E09999")
    try FileManager.default.createDirectory(atPath: folder.path("joiners"), withIntermediateDirectories: true)
    _ = try folder.write("joiners/mentees.csv", rows[0] + "\n" + joinerRow + "\n")
    let inputs = try loaded()

    var warnings: [InputError] = []
    let setup = try RematchSetup(
      loaded: inputs, cohortFiles: [sample], recorded: recorded, ended: ended, joiners: folder.path("joiners"),
      leavers: leavers, warning: { warnings.append($0) })

    #expect(setup.recorded == (1...4).map { pair("E0000\($0)", "M0000\($0)") })
    #expect(setup.endedNow == [pair("E00001", "M00001")])
    #expect(setup.neverAgain == [pair("E00005", "M00005")])
    #expect(setup.leavers == ["M00002", "E00003"])
    #expect(setup.cohort.mentees.map(\.id) == inputs.cohort.mentees.map(\.id).filter { $0 != "E00003" } + ["E09999"])
    #expect(setup.cohort.mentors.map(\.id) == inputs.cohort.mentors.map(\.id).filter { $0 != "M00002" })
    #expect(setup.cohort.competencies == inputs.cohort.competencies)
    // The joiner keeps the levels and goals of the row it copies.
    let original = inputs.cohort.mentees[0]
    let joiner = try #require(setup.cohort.mentees.last)
    #expect(joiner.person.levels == original.person.levels && joiner.goals == original.goals)
    let people = Set(setup.cohort.mentees.map(\.id) + setup.cohort.mentors.map(\.id))
    #expect(setup.requirements.must.allSatisfy { people.contains($0.menteeID) && people.contains($0.mentorID) })
    #expect(setup.configuration == inputs.configuration && setup.history == inputs.history)
    #expect(warnings.allSatisfy { $0.file == folder.path("joiners/mentees.csv") })

    let rematch = try setup.rematch(reoptimise: nil)
    #expect(
      Set(rematch.ended.map { "\($0.pair.menteeID)-\($0.pair.mentorID) \($0.reason)" }) == [
        "E00001-M00001 ended", "E00002-M00002 mentorLeft", "E00003-M00003 menteeLeft",
      ])
    #expect(rematch.kept == [pair("E00004", "M00004")] && rematch.moved.isEmpty)
    #expect(rematch.endingPairs == Set(rematch.ended.map(\.pair)))
    let made = Set(rematch.plan.pairs.map { pair($0.menteeID, $0.mentorID) })
    #expect(made.isDisjoint(with: setup.endedNow.union(setup.neverAgain)))
    #expect(rematch.plan.pairs.contains { $0.menteeID == "E09999" })
  }

  @Test func theNextVersionCarriesEveryEndedPairOnce() {
    let previous = recorded
    let active = [
      ProgrammeLedger.VersionPair(menteeID: "E00004", mentorID: "M00004", score: 0.4),
      ProgrammeLedger.VersionPair(menteeID: "E00002", mentorID: "M00009", score: 0.9),
    ]
    let next = ProgrammeLedger.nextVersionPairs(
      active: active, ending: [pair("E00001", "M00001"), pair("E00002", "M00002"), pair("E07777", "M07777")],
      previous: previous)
    // The active pairs as given, then the ended ones in the version before's order,
    // as it recorded them; a pair it did not hold is not invented.
    #expect(
      next
        == active + [
          ProgrammeLedger.VersionPair(menteeID: "E00001", mentorID: "M00001", score: 0.1, status: .ended),
          ProgrammeLedger.VersionPair(menteeID: "E00002", mentorID: "M00002", score: 0.2, status: .ended),
          previous[4],
        ])
    // A pair made again is not carried as ended; with nothing ending, only earlier ended pairs are carried.
    let again = ProgrammeLedger.nextVersionPairs(
      active: [ProgrammeLedger.VersionPair(menteeID: "E00005", mentorID: "M00005", score: 0.5)], previous: previous)
    #expect(again.map(\.status) == [.active])
    #expect(ProgrammeLedger.nextVersionPairs(active: [], previous: previous) == [previous[4]])
    #expect(ProgrammeLedger.nextVersionPairs(active: active, previous: []) == active)
  }
}
