import Circles
import CompetencyModel
import Foundation
import Interchange
import Ledger
import Rationale

/// Every change the commands make to the programme ledger, one call each: a
/// matched plan, an approved edit, a re-match's next version, circles,
/// outcomes, a deletion. Each opens the ledger at `ledger` (`nil`:
/// ``Ledger/ProgrammeLedger/defaultPath``) with the access it needs, stamps
/// the time (ISO 8601) and returns the line that confirms the change, for the
/// command to print.
///
/// Invariant: a call changes the ledger in one transaction or not at all.
public enum LedgerUpdates {
  /// Opens the ledger at `path`, or the default ledger.
  static func open(_ path: String?, _ access: ProgrammeLedger.Access) throws(LedgerError) -> ProgrammeLedger {
    try ProgrammeLedger(path: path ?? ProgrammeLedger.defaultPath, access: access)
  }

  /// The time of a change as the ledger stores it.
  static func stamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

  /// Records a cohort's matched plan as version 1 (`ledger record`), creating
  /// the ledger when it does not exist.
  ///
  /// - Parameters:
  ///   - plan: The plan made from `loaded`.
  ///   - name: The cohort's name in the ledger.
  ///   - loaded: The inputs the plan was made from (their configuration is stored).
  ///   - cohortFiles: The cohort argument, for the digest of its two files.
  ///   - ledger: The ledger file, or `nil` for the default one.
  /// - Returns: `recorded cohort 'NAME': P pairs, U unmatched`.
  /// - Throws: ``Ledger/LedgerError`` (``Ledger/LedgerError/duplicateCohort(_:)``
  ///   when the name is taken); ``Interchange/CohortSource/LocateError``.
  /// - Complexity: O(size of the cohort files + pairs).
  public static func recordPlan(
    _ plan: PairingPlan, cohort name: String, loaded: CohortInputs.Loaded, cohortFiles: [String], ledger: String?,
    at date: Date = Date()
  ) throws -> String {
    let writer = try open(ledger, .create)
    let stamp = stamp(date)
    let digest = try InputsDigest.of(cohort: cohortFiles)
    try writer.record(
      cohort: name, recordedAt: stamp, inputsDigest: digest,
      configuration: ConfigurationWriter.yaml(loaded.configuration),
      pairs: plan.pairs.map { ($0.menteeID, $0.mentorID, $0.score) })
    return "recorded cohort '\(name)': \(plan.pairs.count) pairs, \(plan.unmatched.count) unmatched"
  }

  /// Checks an edited plan (`ledger record --plan EDITED.csv`) against the
  /// capacities and rules of `loaded` and records it as the cohort's next
  /// version (kind `approved`; the first when the cohort is new), carrying
  /// the ended pairs of the version before so they are never made again.
  ///
  /// - Parameters:
  ///   - path: The edited plan (``Interchange/ApprovedPlanReader``).
  ///   - name: The cohort's name in the ledger.
  ///   - loaded: The cohort's inputs.
  ///   - cohortFiles: The cohort argument, for the digest of a new cohort.
  ///   - ledger: The ledger file, or `nil` for the default one.
  ///   - warning: Called with each rule the plan breaks, before the ledger is opened.
  /// - Returns: `recorded cohort 'NAME' version K (approved): …`, display-safe.
  /// - Throws: ``Interchange/InputErrors`` for a bad plan; ``Ledger/LedgerError``;
  ///   ``Interchange/CohortSource/LocateError``.
  /// - Complexity: O(size of the plan file + pairs of the version before).
  public static func recordApproved(
    path: String, cohort name: String, loaded: CohortInputs.Loaded, cohortFiles: [String], ledger: String?,
    at date: Date = Date(), warning: (InputError) -> Void
  ) throws -> String {
    let model = FitModel(cohort: loaded.cohort, configuration: loaded.configuration)
    let rules = PairRules(
      loaded.cohort, configuration: loaded.configuration, history: loaded.history,
      never: loaded.requirements.never)
    let (approved, breaks) = try ApprovedPlanReader.read(path: path, model: model, rules: rules)
    for problem in breaks { warning(problem) }
    let writer = try open(ledger, .create)
    let files = try CohortSource.locate(cohortFiles)
    let stamp = stamp(date)
    let plural = breaks.count == 1 ? "" : "s"
    let known = try writer.cohorts().contains { $0.name == name }
    let previous = known ? try writer.plan(cohort: name).pairs : []
    let pairs = ProgrammeLedger.nextVersionPairs(
      active: approved.map {
        ProgrammeLedger.VersionPair(
          menteeID: $0.menteeID, mentorID: $0.mentorID, score: $0.score, ruleBreak: $0.ruleBreak?.explanation)
      }, previous: previous)
    let version = try writer.addVersion(
      cohort: name, createdAt: stamp, kind: .approved,
      note: "approved plan from \((path as NSString).lastPathComponent) (\(breaks.count) rule break\(plural))",
      pairs: pairs,
      newCohort: ProgrammeLedger.CohortInputs(
        inputsDigest: InputsDigest.of(paths: [files.mentorsPath, files.menteesPath]),
        configuration: ConfigurationWriter.yaml(loaded.configuration)))
    let unmatched = loaded.cohort.mentees.count - approved.count
    return DisplayText.visible(
      "recorded cohort '\(name)' version \(version) (approved): \(approved.count) pairs, \(unmatched) unmatched, "
        + "\(breaks.count) rule break\(plural)")
  }

  /// Records a re-match (`rematch --record`) as the cohort's next version
  /// (kind `rematch`): its pairs, the pairs that end now and those that
  /// ended before.
  ///
  /// - Parameters:
  ///   - rematch: The re-match of the cohort's latest version.
  ///   - name: The recorded cohort.
  ///   - recorded: That latest version and its pairs, as read before the re-match.
  ///   - ledger: The ledger file, or `nil` for the default one; it must exist.
  /// - Returns: `recorded cohort 'NAME' version K (rematch): re-match of version J: …`, display-safe.
  /// - Throws: ``Ledger/LedgerError``.
  /// - Complexity: O(pairs of the two versions).
  public static func recordRematch(
    _ rematch: Rematch, cohort name: String,
    after recorded: (version: ProgrammeLedger.PlanVersion, pairs: [ProgrammeLedger.VersionPair]), ledger: String?,
    at date: Date = Date()
  ) throws(LedgerError) -> String {
    let writer = try open(ledger, .existing)
    let pairs = ProgrammeLedger.nextVersionPairs(
      active: rematch.plan.pairs.map {
        ProgrammeLedger.VersionPair(menteeID: $0.menteeID, mentorID: $0.mentorID, score: $0.score)
      }, ending: rematch.endingPairs, previous: recorded.pairs)
    let note =
      "re-match of version \(recorded.version.number): \(rematch.kept.count) kept, \(rematch.new.count) new, "
      + "\(rematch.moved.count) moved, \(rematch.ended.count) ended"
    let version = try writer.addVersion(
      cohort: name, createdAt: stamp(date), kind: .rematch, note: note, pairs: pairs)
    return DisplayText.visible("recorded cohort '\(name)' version \(version) (rematch): \(note)")
  }

  /// Records circles (`circles --record`) as a new cohort, creating the
  /// ledger when it does not exist.
  ///
  /// - Returns: `recorded N circles as cohort 'NAME'`.
  /// - Throws: ``Ledger/LedgerError`` (``Ledger/LedgerError/duplicateCohort(_:)``
  ///   when the name is taken); ``Interchange/CohortSource/LocateError``.
  /// - Complexity: O(size of the cohort files + members).
  public static func recordCircles(
    _ plan: CirclePlan, cohort name: String, configuration: MatchingConfiguration, cohortFiles: [String],
    ledger: String?, at date: Date = Date()
  ) throws -> String {
    let writer = try open(ledger, .create)
    let digest = try InputsDigest.of(cohort: cohortFiles)
    try writer.recordCircles(
      cohort: name, recordedAt: stamp(date), inputsDigest: digest,
      configuration: ConfigurationWriter.yaml(configuration),
      circles: plan.circles.map { (String($0.number), $0.members.map(\.id)) })
    return "recorded \(plan.circles.count) circles as cohort '\(name)'"
  }

  /// Stores the outcomes of `path` (CSV: mentee,mentor,outcome) for a
  /// recorded cohort's pairs, all or none (`ledger import-outcomes`).
  ///
  /// - Returns: `stored N outcomes for cohort 'NAME'`.
  /// - Throws: ``Interchange/InputErrors`` for a bad file, and for outcomes
  ///   whose pair the recorded plan lacks (each at its row);
  ///   ``Ledger/LedgerError`` otherwise.
  /// - Complexity: O(size of the file), one indexed update per outcome.
  public static func importOutcomes(path: String, cohort name: String, ledger: String?) throws -> String {
    let rows = try OutcomesReader.read(path: path)
    let writer = try open(ledger, .existing)
    let stored = Result { () throws(LedgerError) in
      try writer.importOutcomes(cohort: name, rows.map { ($0.pair, $0.value) })
    }
    if case .failure(.unknownPairs(_, let pairs)) = stored {
      // Every pair the plan lacks, at its row.
      let unknown = Set(pairs)
      throw InputErrors(
        rows.filter { unknown.contains($0.pair) }.map {
          InputError(
            file: path, line: $0.line, column: $0.column,
            message: "cohort '\(name)' has no pair \($0.pair.menteeID)–\($0.pair.mentorID) in its recorded plan")
        })
    }
    try stored.get()
    return "stored \(rows.count) outcomes for cohort '\(name)'"
  }

  /// Deletes a recorded cohort: its plan versions, pairs, outcomes and
  /// circles (`ledger delete`).
  ///
  /// - Returns: `deleted cohort 'NAME': P pairs, O outcomes` (the figures
  ///   when the cohort was listed), display-safe.
  /// - Throws: ``Ledger/LedgerError`` (``Ledger/LedgerError/unknownCohort(_:)``).
  /// - Complexity: one transaction over the cohort's rows.
  public static func delete(cohort name: String, ledger: String?) throws(LedgerError) -> String {
    let writer = try open(ledger, .existing)
    let found = try writer.cohorts().first { $0.name == name }
    try writer.deleteCohort(name)
    let figures = found.map { ": \($0.pairs) pairs, \($0.outcomes) outcomes" } ?? ""
    return DisplayText.visible("deleted cohort '\(name)'\(figures)")
  }
}
