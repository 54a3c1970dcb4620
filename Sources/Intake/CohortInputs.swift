import CompetencyModel
import Foundation
import Interchange
import Ledger

/// The files one matching run reads — the cohort, its configuration, the
/// history of earlier cohorts, the pair rules and the programme ledger — and
/// the one place they are read and checked against each other.
///
/// A cohort is a folder holding `mentors.csv` and `mentees.csv`, or the two
/// files. Files not named fall back to the companions of the cohort's folder
/// (``companionNames``); the ledger falls back to
/// ``Ledger/ProgrammeLedger/defaultPath`` when that file exists.
///
/// ```swift
/// let loaded = try CohortInputs(cohort: ["Datasets/sample"]).load()
/// ```
public struct CohortInputs: Sendable, Equatable {
  /// The cohort: one folder, or the mentors and mentees files.
  public var cohort: [String]
  /// The configuration file given, if any.
  public var config: String?
  /// The history file given, if any.
  public var history: String?
  /// The pair-rules file given, if any.
  public var pairRules: String?
  /// The ledger file given, if any.
  public var ledger: String?

  /// Names the inputs of a run.
  ///
  /// - Complexity: O(1).
  public init(
    cohort: [String], config: String? = nil, history: String? = nil, pairRules: String? = nil, ledger: String? = nil
  ) {
    self.cohort = cohort
    self.config = config
    self.history = history
    self.pairRules = pairRules
    self.ledger = ledger
  }

  /// The names of the files a cohort folder may hold beside the two cohort files.
  public static let companionNames = (config: "config.yaml", history: "history.csv", pairRules: "pair-rules.csv")

  /// The folder whose `config.yaml`, `history.csv` and `pair-rules.csv` go
  /// with the cohort: the cohort folder, or the folder holding both cohort
  /// files when they are given as two files; `nil` when the two files are in
  /// different folders.
  ///
  /// - Complexity: O(1) file-system queries.
  public var companionFolder: String? {
    var isDirectory: ObjCBool = false
    if cohort.count == 1 {
      guard FileManager.default.fileExists(atPath: cohort[0], isDirectory: &isDirectory), isDirectory.boolValue
      else { return nil }
      return cohort[0]
    }
    let folders = cohort.map { ($0 as NSString).deletingLastPathComponent }
    let resolved = Set(
      folders.map { URL(fileURLWithPath: $0.isEmpty ? "." : $0).standardizedFileURL.resolvingSymlinksInPath().path })
    return resolved.count == 1 ? folders[0] : nil
  }

  /// The configuration, history and pair-rules files to read: the ones
  /// given, or else `config.yaml`, `history.csv` and `pair-rules.csv` in the
  /// ``companionFolder`` when present. When the two cohort files are in
  /// different folders, `unused` lists such files found in either folder and
  /// not used.
  ///
  /// - Complexity: O(1) file-system queries.
  public func resolvedCompanionFiles() -> (config: String?, history: String?, pairRules: String?, unused: [String]) {
    var config = self.config
    var history = self.history
    var pairRules = self.pairRules
    func path(_ name: String, in folder: String) -> String {
      folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }
    let names = Self.companionNames
    if let folder = companionFolder {
      func existing(_ name: String) -> String? {
        let candidate = path(name, in: folder)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
      }
      config = config ?? existing(names.config)
      history = history ?? existing(names.history)
      pairRules = pairRules ?? existing(names.pairRules)
      return (config, history, pairRules, [])
    }
    var unused: [String] = []
    if cohort.count == 2 {
      for folder in cohort.map({ ($0 as NSString).deletingLastPathComponent }) {
        for (name, given) in [(names.config, config), (names.history, history), (names.pairRules, pairRules)]
        where given == nil {
          let candidate = path(name, in: folder)
          if FileManager.default.fileExists(atPath: candidate) { unused.append(candidate) }
        }
      }
    }
    return (config, history, pairRules, unused)
  }

  /// Everything a matching run reads, after validation.
  public struct Loaded: Sendable {
    /// The cohort.
    public var cohort: Cohort
    /// The configuration (the defaults when no file applies).
    public var configuration: MatchingConfiguration
    /// The pairs not to repeat: the history file's and the ledger's.
    public var history: Set<PersonPair>
    /// The pairs the rules require or forbid.
    public var requirements: PairRequirements
    /// The warnings of every file read.
    public var warnings: [InputError]
    /// The ledger's part of ``history`` (nil when no ledger was consulted).
    public var ledgerHistory: LedgerHistory? = nil
  }

  /// Why the inputs could not be loaded: every problem of every file, and
  /// the ledger's failure when it failed too.
  ///
  /// A ledger failure alone is thrown as the ``Ledger/LedgerError`` itself.
  public struct Failure: Error, Sendable {
    /// Every problem found, in report order.
    public var problems: InputErrors
    /// The ledger's failure, when the ledger could not be read either.
    public var ledger: LedgerError?
  }

  /// Reads the configuration, the cohort, the history, the ledger's pairs
  /// and the pair rules, collecting every problem of every file before
  /// throwing.
  ///
  /// - Parameters:
  ///   - ledgerMayBeMissing: true for commands that create the ledger
  ///     (`ledger record`, `circles --record`); otherwise a ledger named by
  ///     ``ledger`` must exist.
  ///   - ownCohort: a recorded cohort this run is (its pairs are not history;
  ///     see ``Ledger/LedgerHistory``).
  /// - Returns: The inputs, checked against each other.
  /// - Throws: ``Failure`` when a file has errors; ``Interchange/CohortSource/LocateError``
  ///   when the cohort files cannot be found; ``Ledger/LedgerError`` when only
  ///   the ledger failed.
  /// - Complexity: O(size of the files + pairs the ledger holds).
  public func load(ledgerMayBeMissing: Bool = false, ownCohort: String? = nil) throws -> Loaded {
    var errors: [InputError] = []
    let (config, history, pairRules, unused) = resolvedCompanionFiles()
    for file in unused {
      errors.append(
        InputError(
          file: file, line: 1, column: 1,
          message:
            "not used: the mentors and mentees files are in different folders, so neither folder's files apply; name it with --config, --history or --pair-rules to use it",
          severity: .warning))
    }
    var configuration = MatchingConfiguration()
    // With its columns: and scales: sections (HR and survey exports), read once: it may be a stream.
    var mapping = CohortMapping()
    if let config {
      switch Result(catching: { () throws(InputErrors) in try CohortMappingReader.readConfiguration(path: config) }) {
      case .success(let value): (configuration, mapping) = value
      case .failure(let failure): errors += failure.errors
      }
    }
    let source: CohortSource
    switch Result(catching: { () throws(CohortSource.LocateError) in try CohortSource.locate(cohort) }) {
    case .success(let value): source = value
    case .failure(let failure): throw failure
    }
    var cohortResult: CohortReadResult? = nil
    // IANA zone names resolve at the programme's start (see Docs/cohort-format.md).
    let referenceDate = TimeZoneParser.referenceDate(programmeStart: configuration.programme.start)
    switch Result(catching: { () throws(InputErrors) in
      try CohortReader.read(source, mapping: mapping, referenceDate: referenceDate)
    }) {
    case .success(let value): cohortResult = value
    case .failure(let failure): errors += failure.errors
    }
    var pairs: Set<PersonPair> = []
    if let history {
      switch Result(catching: { () throws(InputErrors) in try HistoryReader.read(path: history) }) {
      case .success(let value): pairs = value.pairs
      case .failure(let failure): errors += failure.errors
      }
    }
    // The ledger is only read: a named one must exist; the default one is
    // used when it exists. Its failures are not bad data and keep their own kind.
    // A cohort's own recorded pairs are not its history (see LedgerHistory).
    var ledgerFailure: LedgerError? = nil
    var ledgerHistory: LedgerHistory? = nil
    let ledgerPath = ledger ?? ProgrammeLedger.defaultPath
    if (ledger != nil && !ledgerMayBeMissing) || FileManager.default.fileExists(atPath: ledgerPath) {
      let digest = InputsDigest.of(paths: [source.mentorsPath, source.menteesPath])
      switch Result(catching: { () throws(LedgerError) in
        try ProgrammeLedger(path: ledgerPath, access: .readOnly).history(
          inputsDigest: digest, names: Set(ownCohort.map { [$0] } ?? []))
      }) {
      case .success(let recorded):
        pairs.formUnion(recorded.pairs)
        ledgerHistory = recorded
      case .failure(let failure): ledgerFailure = failure
      }
    }
    // The readable rows of the pair rules are checked against the cohort even
    // when other rows have problems, so every problem is reported in one pass.
    var rules: PairRulesReader.Result? = nil
    if let pairRules {
      rules = PairRulesReader.read(path: pairRules, problems: &errors)
    }
    if let rules, let cohortResult {
      errors += PairRulesReader.problems(
        rules, cohort: cohortResult.cohort, configuration: configuration, history: pairs)
    }
    let fatal = errors.filter { $0.severity == .error }
    guard fatal.isEmpty, let cohortResult else {
      throw Failure(problems: InputErrors(errors), ledger: ledgerFailure)
    }
    if let ledgerFailure { throw ledgerFailure }
    return Loaded(
      cohort: cohortResult.cohort, configuration: configuration, history: pairs,
      requirements: rules?.requirements ?? PairRequirements(),
      warnings: cohortResult.warnings + errors, ledgerHistory: ledgerHistory)
  }
}
