import ArgumentParser

/// The options naming the files that decide which pairs may be made, shared
/// by every command that matches a cohort (through ``CohortOptions``) and by
/// `compare`: the history of earlier cohorts, the pair rules and the ledger.
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

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The programme ledger whose recorded pairs are not repeated; a file named here must exist (default: $MENTOR_MATCH_LEDGER or ~/.local/share/mentor-match/ledger.sqlite, when it exists).",
      valueName: "file"))
  var ledger: String?

  /// The options as command-line arguments, to hand on to another parse.
  ///
  /// - Complexity: O(1).
  var arguments: [String] {
    [("--history", history), ("--pair-rules", pairRules), ("--ledger", ledger)].flatMap { name, value in
      value.map { [name, $0] } ?? []
    }
  }
}
