import CompetencyModel

/// Whether a plan made now for a recorded cohort is the plan the ledger
/// holds for it, and if not, exactly why not.
public enum RecordedPlanCheck {
  /// One line comparing `pairs` (the plan made now from the same cohort
  /// files) with the latest version of the recorded cohort `name`.
  ///
  /// The reasons it names: the latest version is not the matched optimum (an
  /// approved edit or a re-match), the configuration differs from the one
  /// recorded, or else the other inputs (history file, pair rules, earlier
  /// cohorts of the ledger) differ.
  ///
  /// - Parameters:
  ///   - ledger: The ledger holding the cohort.
  ///   - name: The recorded cohort.
  ///   - pairs: The plan's pairs.
  ///   - configuration: The configuration in force, as the ledger stores it (YAML).
  /// - Complexity: O(pairs).
  public static func note(
    ledger: ProgrammeLedger, cohort name: String, pairs: Set<PersonPair>, configuration: String
  ) throws(LedgerError) -> String {
    let (version, recorded) = try ledger.plan(cohort: name)
    let active = Set(recorded.filter { $0.status == .active }.map(\.pair))
    let label = "cohort '\(name)' version \(version.number)"
    if active == pairs { return "this plan is \(label) as recorded" }
    var mentorOf: [String: String] = [:]
    for pair in active { mentorOf[pair.menteeID] = pair.mentorID }
    var now: [String: String] = [:]
    for pair in pairs { now[pair.menteeID] = pair.mentorID }
    let differing = Set(mentorOf.keys).union(now.keys).filter { mentorOf[$0] != now[$0] }.count
    var reasons: [String] = []
    switch version.kind {
    case .approved: reasons.append("version \(version.number) is an approved edit, not the optimum")
    case .rematch: reasons.append("version \(version.number) is a re-match after changes")
    case .matched, .migrated: break
    }
    if try ledger.configuration(cohort: name) != configuration {
      reasons.append("the configuration differs from the one recorded")
    }
    if reasons.isEmpty {
      reasons.append(
        "same configuration, so the history or pair-rules files, or the ledger's earlier cohorts, differ from the recording's"
      )
    }
    return "this plan differs from \(label) for \(differing) mentee\(differing == 1 ? "" : "s"): "
      + reasons.joined(separator: "; ") + " (`ledger show \(name)` prints the recorded plan)"
  }

  /// The note for the latest cohort of `history.ownCohorts` that has a plan
  /// (cohorts of circles have none), or `nil` when there is none.
  ///
  /// - Complexity: O(pairs) per own cohort tried.
  public static func note(
    ledger: ProgrammeLedger, history: LedgerHistory, pairs: Set<PersonPair>, configuration: String
  ) throws(LedgerError) -> String? {
    for name in history.ownCohorts.reversed() {
      do {
        return try note(ledger: ledger, cohort: name, pairs: pairs, configuration: configuration)
      } catch .unknownVersion {
        continue
      }
    }
    return nil
  }
}
