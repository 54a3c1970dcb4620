import ArgumentParser
import CompetencyModel
import Foundation
import Intake
import Interchange
import Ledger

/// The options every cohort command shares: where the cohort is, the
/// optional configuration, and the files deciding which pairs may be made
/// (``PairFileOptions``). Reading them is ``Intake/CohortInputs``'s work.
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
    try Self.validate(cohort: cohort)
  }

  /// The usage check of a cohort argument, shared with `compare`.
  static func validate(cohort: [String]) throws {
    guard (1...2).contains(cohort.count) else {
      throw ValidationError("Give the cohort as one folder or as the mentors and mentees files.")
    }
  }

  /// The files these options name.
  var inputs: CohortInputs {
    CohortInputs(cohort: cohort, config: config, history: history, pairRules: pairRules, ledger: ledger)
  }

  /// Everything a matching run reads, after validation.
  typealias Loaded = CohortInputs.Loaded

  /// Reads every input (see ``Intake/CohortInputs/load(ledgerMayBeMissing:ownCohort:)``) and says on
  /// standard error which ledger was consulted and how many of its pairs this cohort cannot repeat.
  func load(ledgerMayBeMissing: Bool = false, ownCohort: String? = nil) throws -> Loaded {
    let loaded = try inputs.load(ledgerMayBeMissing: ledgerMayBeMissing, ownCohort: ownCohort)
    reportLedgerHistory(loaded)
    return loaded
  }
}

/// Says on standard error which ledger `loaded` consulted and how many of its
/// pairs the cohort cannot repeat (nothing when no ledger was consulted).
func reportLedgerHistory(_ loaded: CohortInputs.Loaded) {
  if let summary = loaded.ledgerSummary { printError(summary) }
}
