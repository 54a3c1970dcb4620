import Interchange
import Ledger

/// The texts of the `ledger list`, `ledger pairs` and `ledger show`
/// commands: tab-separated cohort lines, and the pairs as CSV (RFC 4180,
/// formula-safe, ``CSVWriter``).
public enum LedgerReport {
  /// One line per recorded cohort: name, time recorded, pairs, outcomes and
  /// the digest of its cohort files, separated by tabs.
  ///
  /// - Complexity: O(cohorts).
  public static func cohorts(_ cohorts: [ProgrammeLedger.CohortRecord]) -> String {
    cohorts.map { c in
      "\(c.name)\t\(c.recordedAt)\t\(c.pairs) pairs\t\(c.outcomes) outcomes\t\(c.inputsDigest)\n"
    }.joined()
  }

  /// A recorded cohort's pairs and their outcomes, as CSV
  /// (`mentee,mentor,score,outcome`; an outcome not stored is empty).
  ///
  /// - Complexity: O(pairs).
  public static func pairs(_ pairs: [ProgrammeLedger.PairRecord]) -> String {
    var writer = CSVWriter()
    writer.writeRow(["mentee", "mentor", "score", "outcome"])
    for p in pairs {
      writer.writeRow([
        .text(p.menteeID), .text(p.mentorID), .number(p.score), p.outcome.map { CSVCell.number($0) } ?? .empty,
      ])
    }
    return writer.text
  }

  /// A recorded cohort: every plan version (number, time, kind, pairs in
  /// force, pairs ended, note), then the pairs of `shown` as CSV
  /// (`mentee,mentor,score,status,rule_break`). The heading shows control
  /// characters as escapes (``DisplayText``).
  ///
  /// - Complexity: O(versions + pairs of `shown`).
  public static func versions(
    cohort name: String, _ versions: [ProgrammeLedger.PlanVersion],
    shown: (version: ProgrammeLedger.PlanVersion, pairs: [ProgrammeLedger.VersionPair])
  ) -> String {
    var out = "cohort '\(name)': \(versions.count) plan version\(versions.count == 1 ? "" : "s")\n"
    for v in versions {
      let ended = v.endedPairs > 0 ? ", \(v.endedPairs) ended" : ""
      out += "  version \(v.number)  \(v.createdAt)  \(v.kind.rawValue)  \(v.activePairs) pairs\(ended)  \(v.note)\n"
    }
    out += "\nversion \(shown.version.number):\n"
    var writer = CSVWriter()
    writer.writeRow(["mentee", "mentor", "score", "status", "rule_break"])
    for p in shown.pairs {
      writer.writeRow([
        .text(p.menteeID), .text(p.mentorID), .number(p.score), .text(p.status.rawValue),
        p.ruleBreak.map { CSVCell.text($0) } ?? .empty,
      ])
    }
    return DisplayText.visible(out, keepingLineBreaks: true) + writer.text
  }
}
