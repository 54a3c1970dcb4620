import ArgumentParser
import CompetencyModel
import Foundation
import Interchange
import Ledger

/// The options every cohort command shares: where the cohort is, the
/// optional configuration, and the files deciding which pairs may be made
/// (``PairFileOptions``).
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

  @OptionGroup var pairFiles: PairFileOptions

  /// The history file given with `--history`.
  var history: String? { pairFiles.history }
  /// The pair-rules file given with `--pair-rules`.
  var pairRules: String? { pairFiles.pairRules }
  /// The ledger given with `--ledger`.
  var ledger: String? { pairFiles.ledger }

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
  func load() throws -> Loaded {
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
    // IANA zone names resolve at the programme's start (see Docs/cohort-format.md).
    let referenceDate = TimeZoneParser.referenceDate(programmeStart: configuration.programme.start)
    switch Result(catching: { () throws(InputErrors) in try CohortReader.read(source, referenceDate: referenceDate) }) {
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
    let ledgerPath = ledger ?? ProgrammeLedger.defaultPath
    if FileManager.default.fileExists(atPath: ledgerPath) {
      do {
        pairs.formUnion(try ProgrammeLedger(path: ledgerPath).earlierPairs())
      } catch {
        errors.append(InputError(file: ledgerPath, line: 1, column: 1, message: "\(error)"))
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
    guard fatal.isEmpty, let cohortResult else { throw InputErrors(errors.sorted(by: InputError.reportOrder)) }
    return Loaded(
      cohort: cohortResult.cohort, configuration: configuration, history: pairs,
      requirements: rules?.requirements ?? PairRequirements(),
      warnings: cohortResult.warnings + errors)
  }

}
