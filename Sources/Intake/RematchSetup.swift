import CompetencyModel
import Foundation
import Interchange
import Ledger
import Rationale

/// Everything one `rematch` runs on, read and cross-checked: the cohort now
/// (leavers out, joiners in), the recorded plan's pairs, the pairs that end
/// now and those that ended before, and the pair rules that still apply.
///
/// Invariants: no id of ``leavers`` is a mentee or mentor of ``cohort``;
/// ``endedNow`` ⊆ ``recorded``; every required pair of ``requirements``
/// joins two people of ``cohort``.
public struct RematchSetup: Sendable {
  /// The cohort now: the recorded cohort's people who stay, and the joiners.
  public var cohort: Cohort
  /// The configuration the cohort was loaded with.
  public var configuration: MatchingConfiguration
  /// The pairs not to repeat (history file and ledger).
  public var history: Set<PersonPair>
  /// The pair rules, required pairs limited to people of ``cohort``.
  public var requirements: PairRequirements
  /// The active pairs of the recorded plan's latest version.
  public var recorded: [PersonPair]
  /// The pairs listed as ended now.
  public var endedNow: Set<PersonPair>
  /// The pairs that ended in earlier versions: never made again.
  public var neverAgain: Set<PersonPair>
  /// The ids of the people who left.
  public var leavers: Set<String>

  /// Reads the changes of a running cohort and assembles what the re-match
  /// runs on. The files are read in this order, each failure thrown before
  /// the next file is read: the ended pairs, the joiners, the leavers.
  ///
  /// - Parameters:
  ///   - loaded: The cohort's inputs as loaded (``CohortInputs/load(ledgerMayBeMissing:ownCohort:)``).
  ///   - cohortFiles: The cohort argument (a folder or the two files), for
  ///     the joiner files a joiners folder lacks.
  ///   - recorded: The pairs of the recorded plan's latest version.
  ///   - ended: The ended pairs' file (``Interchange/RematchInputs/ended(path:recorded:)``), if any.
  ///   - joiners: The joiners' folder (``Interchange/RematchInputs/cohortNow(joiners:cohort:source:leavers:referenceDate:)``), if any.
  ///   - leavers: The leavers' file (``Interchange/RematchInputs/leavers(path:cohort:)``), if any;
  ///     a leaver may be a joiner.
  ///   - warning: Called with each joiner file's warning, as soon as the joiners are read.
  /// - Throws: ``Interchange/InputErrors`` for a bad file (each problem at
  ///   file:line:column); ``Interchange/CohortSource/LocateError`` when the
  ///   cohort files cannot be found.
  /// - Complexity: O(size of the files + people · competencies + recorded pairs + required pairs).
  public init(
    loaded: CohortInputs.Loaded, cohortFiles: [String], recorded: [ProgrammeLedger.VersionPair],
    ended: String?, joiners: String?, leavers: String?, warning: (InputError) -> Void
  ) throws {
    let active = recorded.filter { $0.status == .active }.map(\.pair)
    let endedNow = try ended.map { try RematchInputs.ended(path: $0, recorded: Set(active)) } ?? []
    let joined = try RematchInputs.cohortNow(
      joiners: joiners, cohort: loaded.cohort, source: try CohortSource.locate(cohortFiles), leavers: [],
      referenceDate: TimeZoneParser.referenceDate(programmeStart: loaded.configuration.programme.start))
    for problem in joined.warnings { warning(problem) }
    let left = try leavers.map { try RematchInputs.leavers(path: $0, cohort: joined.cohort) } ?? []
    cohort = Cohort(
      competencies: joined.cohort.competencies, mentors: joined.cohort.mentors.filter { !left.contains($0.id) },
      mentees: joined.cohort.mentees.filter { !left.contains($0.id) })
    let people = Set(cohort.mentees.map(\.id)).union(cohort.mentors.map(\.id))
    requirements = loaded.requirements
    requirements.must = requirements.must.filter { people.contains($0.menteeID) && people.contains($0.mentorID) }
    configuration = loaded.configuration
    history = loaded.history
    self.recorded = active
    self.endedNow = endedNow
    neverAgain = Set(recorded.filter { $0.status == .ended }.map(\.pair))
    self.leavers = left
  }

  /// Re-matches the cohort now (``Rationale/Rematch``).
  ///
  /// - Parameter reoptimise: The gain a continuing pair's move must exceed, or `nil` to keep them all.
  /// - Throws: ``Rationale/Rematch/Problem`` when the continuing pairs cannot all be kept.
  /// - Complexity: one certified solve of the cohort (two with `reoptimise`).
  public func rematch(reoptimise: Double?) throws -> Rematch {
    try Rematch(
      cohort: cohort, configuration: configuration, history: history, requirements: requirements,
      recorded: recorded, endedNow: endedNow, neverAgain: neverAgain, leavers: leavers, reoptimise: reoptimise)
  }

  /// Re-matches the recorded cohort `name` now, as ``rematch(reoptimise:)``.
  ///
  /// - Throws: ``CohortCheckError`` (bad data, exit code 65) naming the
  ///   cohort and the ``Rationale/Rematch/Problem``.
  /// - Complexity: as ``rematch(reoptimise:)``.
  public func rematch(reoptimise: Double?, cohort name: String) throws(CohortCheckError) -> Rematch {
    do {
      return try rematch(reoptimise: reoptimise)
    } catch {
      throw CohortCheckError("cannot re-match cohort '\(name)': \(error)")
    }
  }
}
