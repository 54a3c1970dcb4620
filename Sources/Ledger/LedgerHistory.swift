import CompetencyModel
import Foundation
import GRDB

/// The pairs a ledger holds that a cohort must not repeat, and which
/// recorded cohorts they come from.
///
/// A cohort's own recorded pairs are never history for that cohort: a cohort
/// is recognised by the digest of its input files (``InputsDigest``) or by
/// name, and only cohorts recorded *before* it count. So re-running a recorded
/// cohort sees the history it was recorded with, and a cohort not in the
/// ledger sees every recorded cohort. A cohort's pairs are those of its
/// latest plan version, active and ended.
///
/// Invariants: ``earlierCohorts``, ``ownCohorts`` and ``laterCohorts`` are
/// disjoint and, together, every recorded cohort; ``pairs`` are the latest
/// pairs of ``earlierCohorts`` only.
public struct LedgerHistory: Sendable, Equatable {
  /// The ledger file.
  public var path: String
  /// The pairs not to repeat.
  public var pairs: Set<PersonPair>
  /// Cohorts whose pairs count, in recording order.
  public var earlierCohorts: [String]
  /// Cohorts recorded from these input files (or named as this cohort): not history.
  public var ownCohorts: [String]
  /// Cohorts recorded after this cohort's first recording: not history.
  public var laterCohorts: [String]

  public init(
    path: String, pairs: Set<PersonPair>, earlierCohorts: [String], ownCohorts: [String], laterCohorts: [String]
  ) {
    self.path = path
    self.pairs = pairs
    self.earlierCohorts = earlierCohorts
    self.ownCohorts = ownCohorts
    self.laterCohorts = laterCohorts
  }

  /// One line for standard error: which ledger, how many pairs it excluded
  /// and which cohorts it did not count.
  ///
  /// - Parameter excluded: The number of ``pairs`` whose mentee and mentor
  ///   are both in the cohort at hand (the pairs actually excluded).
  /// - Complexity: O(recorded cohorts).
  public func summary(excluded: Int) -> String {
    func names(_ list: [String]) -> String {
      let quoted = list.prefix(4).map { "'\($0)'" }.joined(separator: ", ")
      return list.count > 4 ? quoted + " and \(list.count - 4) more" : quoted
    }
    var line = "ledger \(path): \(excluded) recorded pair\(excluded == 1 ? "" : "s") excluded"
    line +=
      earlierCohorts.isEmpty
      ? " (no earlier cohort)"
      : " (from \(earlierCohorts.count) earlier cohort\(earlierCohorts.count == 1 ? "" : "s"): \(names(earlierCohorts)))"
    if !ownCohorts.isEmpty {
      line += "; \(names(ownCohorts)) \(ownCohorts.count == 1 ? "is" : "are") this cohort, not its history"
    }
    if !laterCohorts.isEmpty { line += "; \(names(laterCohorts)) recorded later, not counted" }
    return line
  }
}

extension ProgrammeLedger {
  /// The history for a cohort whose input files have digest `inputsDigest`
  /// (``InputsDigest/of(paths:)``) and which may be recorded under `names`.
  ///
  /// - Complexity: one query over the cohorts and one over the earlier cohorts' pairs.
  public func history(inputsDigest: String?, names: Set<String> = []) throws(LedgerError) -> LedgerHistory {
    guard hasSchema else {
      return LedgerHistory(path: path, pairs: [], earlierCohorts: [], ownCohorts: [], laterCohorts: [])
    }
    return try read { db in
      let cohorts = try Row.fetchAll(db, sql: "SELECT id, name, inputsDigest FROM cohort ORDER BY id").map {
        (id: $0["id"] as Int64, name: $0["name"] as String, digest: $0["inputsDigest"] as String)
      }
      let own = cohorts.filter { names.contains($0.name) || (inputsDigest != nil && $0.digest == inputsDigest) }
      let first = own.map(\.id).min() ?? .max
      let earlier = cohorts.filter { $0.id < first }
      let ownIDs = Set(own.map(\.id))
      let later = cohorts.filter { $0.id > first && !ownIDs.contains($0.id) }
      var pairs = Set<PersonPair>()
      if !earlier.isEmpty {
        let rows = try Row.fetchAll(
          db, sql: "SELECT DISTINCT menteeID, mentorID FROM pair WHERE cohortId < ?", arguments: [first])
        for row in rows { pairs.insert(PersonPair(menteeID: row["menteeID"], mentorID: row["mentorID"])) }
      }
      return LedgerHistory(
        path: path, pairs: pairs, earlierCohorts: earlier.map(\.name), ownCohorts: own.map(\.name),
        laterCohorts: later.map(\.name))
    }
  }
}
