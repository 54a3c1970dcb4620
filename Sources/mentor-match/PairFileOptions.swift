import ArgumentParser

/// The options naming the files that decide which pairs may be made, shared
/// by every command that matches a cohort (through ``CohortOptions``) and by
/// `compare`: the history of earlier cohorts, the pair rules and the ledger
/// (``LedgerOptions``).
struct PairFileOptions: ParsableArguments {
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

  @OptionGroup var ledgerOptions: LedgerOptions

  /// The ledger given with `--ledger`.
  var ledger: String? { ledgerOptions.ledger }
}
