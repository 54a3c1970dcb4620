import CompetencyModel
import Interchange
import Ledger
import Rationale

extension CohortInputs.Loaded {
  /// The line that names the ledger consulted and how many of its pairs this
  /// cohort cannot repeat (``Ledger/LedgerHistory/summary(excluded:)``), or
  /// `nil` when no ledger was consulted.
  ///
  /// - Complexity: O(people + the ledger's pairs).
  public var ledgerSummary: String? {
    guard let ledgerHistory else { return nil }
    let mentees = Set(cohort.mentees.map(\.id))
    let mentors = Set(cohort.mentors.map(\.id))
    let excluded = ledgerHistory.pairs.filter { mentees.contains($0.menteeID) && mentors.contains($0.mentorID) }
    return ledgerHistory.summary(excluded: excluded.count)
  }

  /// When the loaded cohort is itself recorded in the ledger: one line saying
  /// whether `plan` (made now under `configuration`) is the recorded plan,
  /// or exactly why not (``Ledger/RecordedPlanCheck``); else `nil`.
  ///
  /// - Throws: ``Ledger/LedgerError`` when the ledger cannot be read.
  /// - Complexity: O(pairs) per recorded cohort tried.
  public func recordedPlanNote(
    _ plan: PairingPlan, configuration: MatchingConfiguration
  ) throws(LedgerError) -> String? {
    guard let history = ledgerHistory, !history.ownCohorts.isEmpty else { return nil }
    let ledger = try ProgrammeLedger(path: history.path, access: .readOnly)
    let pairs = Set(plan.pairs.map { PersonPair(menteeID: $0.menteeID, mentorID: $0.mentorID) })
    return try RecordedPlanCheck.note(
      ledger: ledger, history: history, pairs: pairs, configuration: ConfigurationWriter.yaml(configuration))
  }

  /// What `validate` prints on standard output: the cohort's figures and
  /// the warning count, and a note when the mentors offer fewer places than
  /// there are mentees.
  ///
  /// - Complexity: O(people).
  public var validationSummary: String {
    let c = cohort
    var out =
      "ok: \(c.mentors.count) mentors offering \(c.totalCapacity) places, \(c.mentees.count) mentees,"
      + " \(c.competencies.count) competencies; \(warnings.count) warning(s)\n"
    if c.totalCapacity < c.mentees.count {
      out +=
        "note: the mentors offer \(c.totalCapacity) places for \(c.mentees.count) mentees;"
        + " at least \(c.mentees.count - c.totalCapacity) will stay unmatched\n"
    }
    return out
  }

  /// The warnings `validate` adds to the files' own: each competency the
  /// configuration weighs that no cohort file has.
  ///
  /// - Complexity: O(weights + competencies).
  public var configurationWarnings: [String] {
    configuration.unmatchedCompetencyWeights(for: cohort.competencies).map {
      "warning: the configuration weighs competency '\($0)', which no cohort file has"
    }
  }
}
