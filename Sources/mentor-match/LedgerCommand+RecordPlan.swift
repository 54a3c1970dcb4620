import CompetencyModel
import Foundation
import Interchange
import Ledger

extension MentorMatch.LedgerCommand.Record {
  /// `ledger record --plan EDITED.csv`: checks an edited plan and records it
  /// as the cohort's next version (kind `approved`), carrying the ended
  /// pairs of the version before so they are never made again.
  func recordApproved(_ path: String) throws {
    let loaded = try cohort.load(ledgerMayBeMissing: true, ownCohort: name)
    for warning in loaded.warnings { printError(warning.description) }
    let model = FitModel(cohort: loaded.cohort, configuration: loaded.configuration)
    let rules = PairRules(
      loaded.cohort, configuration: loaded.configuration, history: loaded.history,
      never: loaded.requirements.never)
    let (approved, breaks) = try ApprovedPlanReader.read(path: path, model: model, rules: rules)
    for warning in breaks { printError(warning.description) }
    let ledger = try LedgerOptions(ledger: cohort.ledger).open(.create)
    let files = try CohortSource.locate(cohort.cohort)
    let stamp = ISO8601DateFormatter().string(from: Date())
    let version = try ledgerOperation { () throws(LedgerError) in
      let known = try ledger.cohorts().contains { $0.name == name }
      let previous = known ? try ledger.plan(cohort: name).pairs : []
      let pairs = ProgrammeLedger.nextVersionPairs(
        active: approved.map {
          ProgrammeLedger.VersionPair(
            menteeID: $0.menteeID, mentorID: $0.mentorID, score: $0.score, ruleBreak: $0.ruleBreak?.explanation)
        }, previous: previous)
      return try ledger.addVersion(
        cohort: name, createdAt: stamp, kind: .approved,
        note:
          "approved plan from \((path as NSString).lastPathComponent) (\(breaks.count) rule break\(breaks.count == 1 ? "" : "s"))",
        pairs: pairs,
        newCohort: ProgrammeLedger.CohortInputs(
          inputsDigest: InputsDigest.of(paths: [files.mentorsPath, files.menteesPath]),
          configuration: ConfigurationWriter.yaml(loaded.configuration)))
    }
    let unmatched = loaded.cohort.mentees.count - approved.count
    print(
      DisplayText.visible(
        "recorded cohort '\(name)' version \(version) (approved): \(approved.count) pairs, \(unmatched) unmatched, \(breaks.count) rule break\(breaks.count == 1 ? "" : "s")"
      ))
  }
}
