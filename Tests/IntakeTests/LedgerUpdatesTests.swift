import CompetencyModel
import Foundation
import Intake
import Interchange
import Ledger
import Rationale
import Testing
import _TestSupport

/// Every change the commands make to the ledger, one library call each
/// (``LedgerUpdates``), checked against the ledger read back, and the texts
/// of ``LedgerReport`` parsed back.
@Suite struct LedgerUpdatesTests {
  /// A small generated cohort written as files, its inputs loaded, and a ledger path.
  struct Setup {
    let folder: TemporaryFolder
    let cohortFiles: [String]
    let loaded: CohortInputs.Loaded
    let ledger: String

    init() throws {
      folder = try TemporaryFolder(prefix: "ledger-updates")
      let cohort = CohortFixtures.generated(mentees: 14, mentors: 5, competencies: 3, seed: 7)
      try CohortWriter.write(cohort, toFolder: folder.folder)
      cohortFiles = [folder.folder]
      ledger = folder.path("ledger.sqlite")
      loaded = try CohortInputs(cohort: cohortFiles, ledger: ledger).load(ledgerMayBeMissing: true)
    }

    var plan: PairingPlan {
      CohortMatcher.match(
        loaded.cohort, configuration: loaded.configuration, history: loaded.history,
        requirements: loaded.requirements)
    }

    func read() throws -> ProgrammeLedger { try ProgrammeLedger(path: ledger, access: .readOnly) }
  }

  func pairs(_ plan: PairingPlan) -> Set<PersonPair> {
    Set(plan.pairs.map { PersonPair(menteeID: $0.menteeID, mentorID: $0.mentorID) })
  }

  @Test func aRecordedPlanIsVersionOneWithThePlansPairsAndANameIsTakenOnce() throws {
    let setup = try Setup()
    let plan = setup.plan
    let line = try LedgerUpdates.recordPlan(
      plan, cohort: "c1", loaded: setup.loaded, cohortFiles: setup.cohortFiles, ledger: setup.ledger)
    #expect(line == "recorded cohort 'c1': \(plan.pairs.count) pairs, \(plan.unmatched.count) unmatched")
    let ledger = try setup.read()
    let versions = try ledger.versions(cohort: "c1")
    #expect(versions.map(\.kind) == [.matched])
    #expect(versions.first?.activePairs == plan.pairs.count)
    #expect(
      Set(try ledger.pairs(cohort: "c1").map { PersonPair(menteeID: $0.menteeID, mentorID: $0.mentorID) })
        == pairs(plan))
    #expect(throws: LedgerError.duplicateCohort("c1")) {
      try LedgerUpdates.recordPlan(
        plan, cohort: "c1", loaded: setup.loaded, cohortFiles: setup.cohortFiles, ledger: setup.ledger)
    }
  }

  @Test func outcomesAreStoredAllOrNoneAndAnUnknownPairIsReportedAtItsRow() throws {
    let setup = try Setup()
    let plan = setup.plan
    _ = try LedgerUpdates.recordPlan(
      plan, cohort: "c1", loaded: setup.loaded, cohortFiles: setup.cohortFiles, ledger: setup.ledger)
    let chosen = Array(plan.pairs.prefix(3))
    let rows = chosen.enumerated().map { "\($0.element.menteeID),\($0.element.mentorID),0.\($0.offset + 2)" }
    let bad = try setup.folder.write(
      "bad.csv", (["mentee,mentor,outcome"] + rows + ["nobody,none,1"]).joined(separator: "\n") + "\n")
    let error = #expect(throws: InputErrors.self) {
      try LedgerUpdates.importOutcomes(path: bad, cohort: "c1", ledger: setup.ledger)
    }
    #expect(
      error?.errors == [
        InputError(
          file: bad, line: chosen.count + 2, column: 1,
          message: "cohort 'c1' has no pair nobody–none in its recorded plan")
      ])
    #expect(try setup.read().pairs(cohort: "c1").allSatisfy { $0.outcome == nil })

    let good = try setup.folder.write("good.csv", (["mentee,mentor,outcome"] + rows).joined(separator: "\n") + "\n")
    let line = try LedgerUpdates.importOutcomes(path: good, cohort: "c1", ledger: setup.ledger)
    #expect(line == "stored \(chosen.count) outcomes for cohort 'c1'")
    var stored: [PersonPair: Double] = [:]
    for p in try setup.read().pairs(cohort: "c1") {
      stored[PersonPair(menteeID: p.menteeID, mentorID: p.mentorID)] = p.outcome
    }
    for (k, pair) in chosen.enumerated() {
      #expect(stored[PersonPair(menteeID: pair.menteeID, mentorID: pair.mentorID)] == Double(k + 2) / 10)
    }
  }

  @Test func anApprovedEditIsTheNextVersionWithTheEditedPairs() throws {
    let setup = try Setup()
    let plan = setup.plan
    _ = try LedgerUpdates.recordPlan(
      plan, cohort: "c1", loaded: setup.loaded, cohortFiles: setup.cohortFiles, ledger: setup.ledger)
    // The exported plan with its first pair left out.
    let kept = Array(plan.pairs.dropFirst())
    let csv = "mentee_id,mentor_id\n" + kept.map { "\($0.menteeID),\($0.mentorID)\n" }.joined()
    let edited = try setup.folder.write("edited.csv", csv)
    var warnings: [InputError] = []
    let line = try LedgerUpdates.recordApproved(
      path: edited, cohort: "c1", loaded: setup.loaded, cohortFiles: setup.cohortFiles, ledger: setup.ledger,
      warning: { warnings.append($0) })
    let unmatched = setup.loaded.cohort.mentees.count - kept.count
    #expect(
      line == "recorded cohort 'c1' version 2 (approved): \(kept.count) pairs, \(unmatched) unmatched, 0 rule breaks")
    #expect(warnings.isEmpty)
    let (version, recorded) = try setup.read().plan(cohort: "c1")
    #expect(version.number == 2 && version.kind == .approved)
    #expect(version.note == "approved plan from edited.csv (0 rule breaks)")
    #expect(
      Set(recorded.filter { $0.status == .active }.map(\.pair))
        == Set(kept.map { PersonPair(menteeID: $0.menteeID, mentorID: $0.mentorID) }))
  }

  @Test func aRematchIsTheNextVersionWithItsEndedPairs() throws {
    let setup = try Setup()
    let plan = setup.plan
    _ = try LedgerUpdates.recordPlan(
      plan, cohort: "c1", loaded: setup.loaded, cohortFiles: setup.cohortFiles, ledger: setup.ledger)
    let recorded = try setup.read().plan(cohort: "c1")
    let ending = plan.pairs[0]
    let ended = try setup.folder.write("ended.csv", "mentee,mentor\n\(ending.menteeID),\(ending.mentorID)\n")
    let rematch = try RematchSetup(
      loaded: setup.loaded, cohortFiles: setup.cohortFiles, recorded: recorded.pairs, ended: ended, joiners: nil,
      leavers: nil, warning: { _ in }
    ).rematch(reoptimise: nil, cohort: "c1")
    let line = try LedgerUpdates.recordRematch(rematch, cohort: "c1", after: recorded, ledger: setup.ledger)
    let note =
      "re-match of version 1: \(rematch.kept.count) kept, \(rematch.new.count) new, \(rematch.moved.count) moved, "
      + "\(rematch.ended.count) ended"
    #expect(line == "recorded cohort 'c1' version 2 (rematch): \(note)")
    let (version, now) = try setup.read().plan(cohort: "c1")
    #expect(version.number == 2 && version.kind == .rematch && version.note == note)
    #expect(
      now.contains {
        $0.pair == PersonPair(menteeID: ending.menteeID, mentorID: ending.mentorID) && $0.status == .ended
      })
    #expect(Set(now.filter { $0.status == .active }.map(\.pair)) == pairs(rematch.plan))
  }

  @Test func aDeletedCohortIsGoneWithItsFiguresAndCannotBeDeletedTwice() throws {
    let setup = try Setup()
    let plan = setup.plan
    _ = try LedgerUpdates.recordPlan(
      plan, cohort: "c\u{1B}1", loaded: setup.loaded, cohortFiles: setup.cohortFiles, ledger: setup.ledger)
    let line = try LedgerUpdates.delete(cohort: "c\u{1B}1", ledger: setup.ledger)
    #expect(line == DisplayText.visible("deleted cohort 'c\u{1B}1': \(plan.pairs.count) pairs, 0 outcomes"))
    #expect(!line.contains("\u{1B}"))
    #expect(try setup.read().cohorts().isEmpty)
    #expect(throws: LedgerError.unknownCohort("c\u{1B}1")) {
      try LedgerUpdates.delete(cohort: "c\u{1B}1", ledger: setup.ledger)
    }
  }

  @Test func theLedgerTextsReadBackAsWhatTheLedgerHolds() throws {
    let setup = try Setup()
    let plan = setup.plan
    _ = try LedgerUpdates.recordPlan(
      plan, cohort: "c1", loaded: setup.loaded, cohortFiles: setup.cohortFiles, ledger: setup.ledger)
    let ledger = try setup.read()
    let cohorts = try ledger.cohorts()
    let listed = LedgerReport.cohorts(cohorts).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    #expect(listed.map { $0[0] } == cohorts.map(\.name))
    #expect(listed.map { $0[2] } == cohorts.map { "\($0.pairs) pairs" })

    let pairRecords = try ledger.pairs(cohort: "c1")
    let table = try CSVTable.parse(LedgerReport.pairs(pairRecords), file: "pairs.csv")
    #expect(table.header.fields.map(\.value) == ["mentee", "mentor", "score", "outcome"])
    #expect(table.records.map { $0[0].value } == pairRecords.map(\.menteeID))
    #expect(table.records.allSatisfy { $0[3].value.isEmpty })

    let shown = try ledger.plan(cohort: "c1")
    let text = LedgerReport.versions(cohort: "c1", try ledger.versions(cohort: "c1"), shown: shown)
    let parts = text.components(separatedBy: "\nversion 1:\n")
    #expect(parts.count == 2)
    #expect(parts[0].hasPrefix("cohort 'c1': 1 plan version\n  version 1  "))
    let shownTable = try CSVTable.parse(parts[1], file: "show.csv")
    #expect(shownTable.records.count == shown.pairs.count)
    #expect(shownTable.records.map { $0[1].value } == shown.pairs.map(\.mentorID))
  }
}
