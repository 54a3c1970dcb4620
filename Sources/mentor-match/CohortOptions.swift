import ArgumentParser
import CompetencyModel
import Foundation
import Interchange
import Ledger

/// The options every cohort command shares: where the cohort is, and the
/// optional configuration and history files.
struct CohortOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The cohort: a folder holding mentors.csv and mentees.csv, or the two files.", valueName: "cohort"))
  var cohort: [String]

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A configuration file (YAML). Default: config.yaml in the cohort folder if present, else built-in defaults.",
      valueName: "file"))
  var config: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Pairs of earlier cohorts not to repeat (CSV: mentee,mentor). Default: history.csv in the cohort folder if present.",
      valueName: "file"))
  var history: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Pairs to make or never make (CSV: mentee,mentor,rule with rule must or never). Default: pair-rules.csv in the cohort folder if present.",
      valueName: "file"))
  var pairRules: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The programme ledger whose recorded pairs are not repeated (default: $MENTOR_MATCH_LEDGER or ~/.local/share/mentor-match/ledger.sqlite, when it exists).",
      valueName: "file"))
  var ledger: String?

  func validate() throws {
    guard (1...2).contains(cohort.count) else {
      throw ValidationError("Give the cohort as one folder or as the mentors and mentees files.")
    }
  }

  /// The configuration and history files to read: the ones given, or else
  /// `config.yaml` and `history.csv` inside a cohort folder when present.
  func resolvedCompanionFiles() -> (config: String?, history: String?, pairRules: String?) {
    var config = self.config
    var history = self.history
    var pairRules = self.pairRules
    var isDirectory: ObjCBool = false
    if cohort.count == 1, FileManager.default.fileExists(atPath: cohort[0], isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      let folder = cohort[0] as NSString
      let candidates = (folder.appendingPathComponent("config.yaml"), folder.appendingPathComponent("history.csv"))
      if config == nil, FileManager.default.fileExists(atPath: candidates.0) { config = candidates.0 }
      if history == nil, FileManager.default.fileExists(atPath: candidates.1) { history = candidates.1 }
      let rules = folder.appendingPathComponent("pair-rules.csv")
      if pairRules == nil, FileManager.default.fileExists(atPath: rules) { pairRules = rules }
    }
    return (config, history, pairRules)
  }

  /// Everything a matching run reads, after validation.
  struct Loaded {
    var cohort: Cohort
    var configuration: MatchingConfiguration
    var history: Set<PersonPair>
    var requirements: PairRequirements
    var warnings: [InputError]
  }

  /// Reads the configuration, the cohort and the history, collecting every
  /// problem of every file before throwing.
  ///
  /// - Parameter ledgerMayBeMissing: true for `ledger record`, which creates
  ///   the ledger; otherwise a ledger named by `--ledger` must exist.
  func load(ledgerMayBeMissing: Bool = false) throws -> Loaded {
    var errors: [InputError] = []
    let (config, history, pairRules) = resolvedCompanionFiles()
    var configuration = MatchingConfiguration()
    if let config {
      switch Result(catching: { () throws(InputErrors) in try ConfigurationReader.read(path: config) }) {
      case .success(let value): configuration = value
      case .failure(let failure): errors += failure.errors
      }
    }
    let source: CohortSource
    switch Result(catching: { () throws(CohortSource.LocateError) in try CohortSource.locate(cohort) }) {
    case .success(let value): source = value
    case .failure(let failure): throw failure
    }
    var cohortResult: CohortReadResult? = nil
    switch Result(catching: { () throws(InputErrors) in try CohortReader.read(source) }) {
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
    // used when it exists. Its failures are not bad data and keep their own
    // exit codes (see `exitCode(for:)`).
    var ledgerFailure: LedgerError? = nil
    let ledgerPath = ledger ?? ProgrammeLedger.defaultPath
    if (ledger != nil && !ledgerMayBeMissing) || FileManager.default.fileExists(atPath: ledgerPath) {
      switch Result(catching: { () throws(LedgerError) in
        try ProgrammeLedger(path: ledgerPath, access: .readOnly).earlierPairs()
      }) {
      case .success(let recorded): pairs.formUnion(recorded)
      case .failure(let failure): ledgerFailure = failure
      }
    }
    var rules: PairRulesReader.Result? = nil
    if let pairRules {
      switch Result(catching: { () throws(InputErrors) in try PairRulesReader.read(path: pairRules) }) {
      case .success(let value): rules = value
      case .failure(let failure): errors += failure.errors
      }
    }
    if let rules, let cohortResult {
      errors += PairRulesReader.problems(
        rules, cohort: cohortResult.cohort, configuration: configuration, history: pairs)
    }
    let fatal = errors.filter { $0.severity == .error }
    guard fatal.isEmpty, let cohortResult else {
      if let ledgerFailure { printError("error: \(ledgerFailure)") }
      throw InputErrors(errors.sorted(by: InputError.reportOrder))
    }
    if let ledgerFailure { throw ledgerFailure }
    return Loaded(
      cohort: cohortResult.cohort, configuration: configuration, history: pairs,
      requirements: rules?.requirements ?? PairRequirements(),
      warnings: cohortResult.warnings + errors)
  }

}
