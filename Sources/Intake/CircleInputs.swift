import Circles
import CompetencyModel
import Foundation
import Interchange
import Ledger

/// The inputs of `circles` beyond the cohort's: the earlier circle-mates not
/// to put together again, and the facilitators.
public enum CircleInputs {
  /// The earlier circle-mates of a run, and where they come from.
  ///
  /// Invariant: ``ledgerPairs`` is the number of ``pairs`` the ledger gave
  /// (before the union with the circle history file's) and is 0 when
  /// ``ledgerPath`` is `nil`.
  public struct EarlierCircleMates: Sendable, Equatable {
    /// Every unordered pair of earlier circle-mates (smaller id first).
    public var pairs: Set<PersonPair>
    /// The ledger consulted, if any.
    public var ledgerPath: String?
    /// The circle-mate pairs the ledger holds.
    public var ledgerPairs: Int

    /// One line for standard error when a ledger was consulted, like the
    /// pairs' line of every cohort command (``Ledger/LedgerHistory/summary(excluded:)``):
    /// which ledger, and how many pairs it keeps apart.
    ///
    /// - Complexity: O(1).
    public var summary: String? {
      ledgerPath.map {
        "ledger \($0): \(ledgerPairs) recorded circle-mate pair\(ledgerPairs == 1 ? "" : "s") kept apart"
      }
    }
  }

  /// Reads the earlier circle-mates: those of `circleHistory` and those of
  /// the circles recorded in the ledger.
  ///
  /// - Parameters:
  ///   - circleHistory: A circle history file (``Interchange/CircleHistoryReader``), if given.
  ///   - ledger: The ledger given (`--ledger`), if any; else the default
  ///     ledger (``Ledger/ProgrammeLedger/defaultPath``) is read when it exists.
  ///   - recording: Whether this run records its circles: then a named ledger
  ///     need not exist yet (it is created when the circles are recorded).
  /// - Throws: ``Interchange/InputErrors`` for a bad circle history file,
  ///   ``Ledger/LedgerError`` when the ledger cannot be read.
  /// - Complexity: O(size of the file + circle-mate pairs the ledger holds).
  public static func earlierCircleMates(
    circleHistory: String?, ledger: String?, recording: Bool
  ) throws -> EarlierCircleMates {
    var result = EarlierCircleMates(pairs: [], ledgerPath: nil, ledgerPairs: 0)
    if let circleHistory {
      result.pairs = try CircleHistoryReader.read(path: circleHistory)
    }
    let path = ledger ?? ProgrammeLedger.defaultPath
    if (ledger != nil && !recording) || FileManager.default.fileExists(atPath: path) {
      let recorded = try ProgrammeLedger(path: path, access: .readOnly).earlierCircleMates()
      result.ledgerPath = path
      result.ledgerPairs = recorded.count
      result.pairs.formUnion(recorded)
    }
    return result
  }

  /// Reads the facilitators: a file in the mentors format (capacity = the
  /// circles each can take), read as the mentors of a cohort whose mentees are
  /// the cohort's, so that competencies and rules line up.
  ///
  /// - Parameters:
  ///   - path: The facilitators file.
  ///   - cohort: The cohort argument (a folder or the two files).
  /// - Throws: ``Interchange/CohortSource/LocateError`` when the cohort files
  ///   cannot be found; ``Interchange/InputErrors`` for a bad file.
  /// - Complexity: O(size of the facilitators and mentees files).
  public static func facilitators(path: String, cohort: [String]) throws -> [Mentor] {
    let menteesPath = try CohortSource.locate(cohort).menteesPath
    return try CohortReader.read(CohortSource(mentorsPath: path, menteesPath: menteesPath)).cohort.mentors
  }

  /// The circle problem of a loaded cohort: its mentees as participants, its
  /// mentors as the managers whose reporting lines count, and the settings
  /// of the configuration's `circles:` section and rules, with the sizes and
  /// grade gap the command resolved.
  ///
  /// - Parameters:
  ///   - loaded: The cohort's inputs.
  ///   - sizes: The circle sizes.
  ///   - maximumGradeGap: The most two members' grades may differ, or `nil` for no limit.
  ///   - earlier: Earlier circle-mates not to put together again (``earlierCircleMates(circleHistory:ledger:recording:)``).
  ///   - seed: The seed of the local search.
  ///   - rounds: The most improvement rounds, or `nil` for the default.
  /// - Complexity: O(participants² · competencies) (``Circles/CircleProblem``).
  public static func problem(
    _ loaded: CohortInputs.Loaded, sizes: ClosedRange<Int>, maximumGradeGap: Double?, earlier: Set<PersonPair>,
    seed: UInt64, rounds: Int?
  ) -> CircleProblem {
    let configuration = loaded.configuration
    let circles = configuration.circles
    let settings = CircleSettings(
      minimumSize: sizes.lowerBound, maximumSize: sizes.upperBound, maximumSeniorityGap: maximumGradeGap,
      excludeReportingLine: configuration.rules.excludeReportingLine,
      requireSharedLanguage: circles.requireSharedLanguage ?? configuration.rules.requireSharedLanguage,
      earlierPairs: earlier,
      crossDepartment: circles.crossDepartment, sharedHours: circles.sharedHours,
      workdayHours: configuration.workdayHours,
      competencyWeights: configuration.weights(for: loaded.cohort.competencies),
      headroom: configuration.headroomCredit, seed: seed, rounds: rounds)
    return CircleProblem(
      participants: loaded.cohort.mentees, competencies: loaded.cohort.competencies,
      managers: loaded.cohort.mentors.map(\.person), settings: settings)
  }
}
