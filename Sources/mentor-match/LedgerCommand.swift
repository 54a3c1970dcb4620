import ArgumentParser
import CompetencyModel
import Foundation
import Intake
import Interchange
import Ledger
import Rationale

extension MentorMatch {
  /// `mentor-match ledger`: the programme's memory across cohorts.
  struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "ledger",
      abstract: "Record plans (versioned) and outcomes in the programme ledger (SQLite); show, list and delete them.",
      discussion: """
        The ledger is \(ProgrammeLedger.defaultPath.replacingOccurrences(of: NSHomeDirectory(), with: "~")) \
        unless $MENTOR_MATCH_LEDGER or --ledger names another file; `record` creates it on first use, \
        and the other subcommands need it to exist. \
        `match`, `score` and the other cohort commands also avoid the pairs of earlier recorded cohorts (never a cohort's own).
        """,
      subcommands: [Record.self, ImportOutcomes.self, List.self, Pairs.self, Show.self, Delete.self])
  }
}

extension MentorMatch.LedgerCommand {
  /// `ledger record`: match a cohort and record its plan.
  struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "record", abstract: "Match a cohort and record its plan under a name.")

    @OptionGroup var cohort: CohortOptions

    @Option(name: .long, help: "The cohort's name in the ledger, e.g. 2026-spring.")
    var name: String

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Record this plan instead of matching: a plan exported with `match --format csv` and edited; it is checked against capacities and rules and becomes the cohort's next version (or its first).",
        valueName: "file"))
    var plan: String?

    func validate() throws {
      guard !name.allSatisfy(\.isWhitespace) else {
        throw ValidationError("The cohort name is empty: give --name a name such as 2026-spring.")
      }
    }

    func run() throws {
      try reportingErrors {
        if let plan {
          try recordApproved(plan)
          return
        }
        let loaded = try cohort.load(ledgerMayBeMissing: true, ownCohort: name)
        let plan = CohortMatcher.match(
          loaded.cohort, configuration: loaded.configuration, history: loaded.history,
          requirements: loaded.requirements)
        print(
          try LedgerUpdates.recordPlan(
            plan, cohort: name, loaded: loaded, cohortFiles: cohort.cohort, ledger: cohort.ledger))
      }
    }
  }

  /// `ledger import-outcomes`: store the outcomes of a recorded cohort's pairs.
  struct ImportOutcomes: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import-outcomes", abstract: "Store outcomes (CSV: mentee,mentor,outcome) for a recorded cohort.")

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(name: .long, help: "The recorded cohort's name.")
    var cohort: String

    @Argument(help: ArgumentHelp("The outcomes file.", valueName: "outcomes.csv"))
    var outcomes: String

    func run() throws {
      try reportingErrors {
        print(try LedgerUpdates.importOutcomes(path: outcomes, cohort: cohort, ledger: ledgerOptions.ledger))
      }
    }
  }

  /// `ledger list`: the recorded cohorts.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the recorded cohorts.")

    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
      let cohorts = try ledgerOptions.reading { ledger throws(LedgerError) in try ledger.cohorts() }
      print(LedgerReport.cohorts(cohorts), terminator: "")
    }
  }

  /// `ledger pairs`: a recorded cohort's pairs and outcomes, as CSV.
  struct Pairs: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pairs",
      abstract: "Print a recorded cohort's pairs with their outcomes (CSV: mentee,mentor,score,outcome).")

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(name: .long, help: "The recorded cohort's name.")
    var cohort: String

    func run() throws {
      let pairs = try ledgerOptions.reading { ledger throws(LedgerError) in try ledger.pairs(cohort: cohort) }
      print(LedgerReport.pairs(pairs), terminator: "")
    }
  }
}
