import Foundation
import Testing

/// Every command's help, and a usage error of each, as exact strings against
/// the built binary (as swift-argument-parser's `Examples/math` tests them):
/// a changed option, help text or message fails here and is updated on
/// purpose. The width is fixed (`COLUMNS=80`) and so is the ledger's default
/// path, which the `ledger` help names.
@Suite struct CommandTextTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var status: Int32
    var stdout: String
    var stderr: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let environment = [
    "COLUMNS": "80", "MENTOR_MATCH_LEDGER": "/nonexistent/mentor-match-tests/ledger.sqlite",
  ]

  @Test(arguments: helpCases + usageCases)
  func printsExactly(_ expected: Case) throws {
    let result = try CLIRunner.run(expected.arguments, environment: Self.environment)
    #expect(result.status == expected.status)
    #expect(result.stdout == expected.stdout)
    #expect(result.stderr == expected.stderr)
  }

  /// The subcommands a help text lists under `SUBCOMMANDS:`.
  static func subcommands(_ arguments: [String]) throws -> [String] {
    let help = try CLIRunner.run(arguments + ["--help"], environment: environment).stdout
    let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first ?? ""
    return section.split(separator: "\n").compactMap { line in
      // A subcommand's line starts with its lower-case name, indented by two spaces.
      guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
        name.first?.isLowercase == true
      else { return nil }
      return String(name)
    }
  }

  @Test func everyCommandHasAnExactHelpCase() throws {
    // A command added to the tool without a help case here fails this test.
    let commands = try Self.subcommands([])
    let ledger = try Self.subcommands(["ledger"])
    #expect(commands.contains("ledger") && ledger.contains("list"))
    let expected = Set([[]] + commands.map { [$0] } + ledger.map { ["ledger", $0] })
    #expect(Set(Self.helpCases.map { Array($0.arguments.dropLast()) }) == expected)
  }
}

extension CommandTextTests {
  static let helpCases: [Case] = [
    Case(
      arguments: ["--help"], status: 0,
      stdout: #"""
        OVERVIEW: Optimal, explainable mentor matching for mentoring-programme cohorts.

        A cohort is a folder with mentors.csv and mentees.csv (see
        Docs/cohort-format.md).
        Exit codes: 0 success; 64 wrong usage; 65 bad input data (every problem is
        reported as file:line:column); 66 an input file is missing or unreadable; 73 an
        output file could not be written (nothing partial is left behind); 74 the
        programme ledger cannot be opened or written; 75 the ledger stayed locked by
        another process past its timeout (try again).

        USAGE: mentor-match <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          match                   Pair the cohort's mentees with mentors, optimally,
                                  and explain every pair.
          circles                 Group the cohort's mentees into peer mentoring
                                  circles and explain who learns what from whom.
          explain                 Explain a mentee's pair, or why not another mentor,
                                  with the exact cost to the cohort.
          compare                 Compare the plans of one cohort under two
                                  configurations.
          sensitivity             Re-match under randomly perturbed weights and report
                                  how stable each pair is.
          tune                    Learn competency and term weights from the outcomes
                                  of earlier pairs.
          ledger                  Record plans (versioned) and outcomes in the
                                  programme ledger (SQLite); show, list and delete them.
          invitations             Write an introduction e-mail (.eml) and a calendar
                                  (.ics) for every pair; nothing is sent.
          rematch                 Re-match a recorded cohort after pairs ended, people
                                  left or joined, keeping every continuing pair.
          solve                   Solve a capacitated assignment on a score matrix
                                  (SCORES.csv).
          score                   Write the cohort's score matrix in the SCORES.csv
                                  format that `solve` reads.
          shortlist               Suggest a short list of mentors per mentee: the
                                  optimal plan's first, then the cheapest alternatives.
          validate                Check the cohort files (and configuration and
                                  history) and report every problem.
          generate                Generate a realistic synthetic cohort from a seed
                                  (rules: Docs/generator.md).

          See 'mentor-match help <subcommand>' for detailed help.

        """#,
      stderr: ""),
    Case(
      arguments: ["match", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Pair the cohort's mentees with mentors, optimally, and explain every
        pair.

        Maximises the number of mentees matched, then the total fit, within every
        mentor's capacity and the rules. Each pair lists the competencies and terms
        behind its score and the mentee's rank of the mentor; unmatched mentees get the
        reason.

        USAGE: mentor-match match <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--format <format>] [--output <file>] [--fairness] [--timings] [--choices <file>] [--choices-mode <choices-mode>] [--quiet]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --format <format>       Output format: table, csv, json, markdown, html or
                                  xlsx (xlsx needs --output). Default: the --output
                                  file's extension (.txt .csv .json .md .html .xlsx),
                                  else table. (values: table, csv, json, markdown,
                                  html, xlsx)
          -o, --output <file>     Write the plan to this file (atomically) instead of
                                  standard output; `-` is standard output.
          --fairness              Maximise the lowest fit first, then the total (same
                                  as `objective: fairness`).
          --timings               Print the time each phase took to standard error.
          --choices <file>        Mentees' ranked picks (mentee,mentor,rank), e.g. from
                                  `shortlist`; see --choices-mode.
          --choices-mode <choices-mode>
                                  soft: picks weigh in as preferences
                                  (weights.mentee_preference); hard: the best pick that
                                  can be made is fixed, else the next, else free
                                  matching. (values: soft, hard; default: soft)
          --quiet                 Show no progress on standard error (none is shown
                                  when it is not a terminal).
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["circles", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Group the cohort's mentees into peer mentoring circles and explain
        who learns what from whom.

        Every participant joins exactly one circle of --size people, never with someone
        in their reporting line, with a shared language and grades within
        --max-grade-gap. Each member's growth goals are covered by the best peer of the
        circle (the covered-growth measure of one-to-one fit); department mix and
        shared working hours come next. The output gives the gap to an upper bound. See
        Docs/circles.md.

        USAGE: mentor-match circles [<options>] <cohort> ...

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --facilitators <file>   Facilitators (mentors format; capacity = circles each
                                  can take), assigned optimally, one per circle.
          --size <MIN-MAX>        Circle sizes, MIN-MAX (default: circles.min_size and
                                  max_size of the configuration, else 4-6).
          --max-grade-gap <max-grade-gap>
                                  The most two members' seniority grades may differ, or
                                  'none' (default: circles.max_grade_gap, else 3).
          --circle-history <file> Earlier circles whose members must not share a circle
                                  again (CSV: circle,member, optionally cohort; the csv
                                  output of this command).
          --allow-repeats         Allow earlier circle-mates (--circle-history, the
                                  ledger) to share a circle again (circles.no_repeat:
                                  false).
          --record <name>         Record the circles in the ledger (--ledger, else the
                                  default ledger) under this cohort name.
          --seed <seed>           The seed of the local search. (default: 1)
          --rounds <rounds>       The most improvement rounds of the local search
                                  (default 60, or 20 above 1,000 participants).
          --timings               Print the time the formation took and its rounds to
                                  standard error.
          --quiet                 Show no progress on standard error (none is shown
                                  when it is not a terminal).
          --format <format>       Output format: table, csv, json, markdown, html or
                                  xlsx (xlsx needs --output). Default: the --output
                                  file's extension (.txt .csv .json .md .html .xlsx),
                                  else table. (values: table, csv, json, markdown,
                                  html, xlsx)
          -o, --output <file>     Write the circles to this file (atomically) instead
                                  of standard output; `-` is standard output.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["explain", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Explain a mentee's pair, or why not another mentor, with the exact
        cost to the cohort.

        Without --mentor, explains the mentee's pair and their best-scoring
        alternatives. For a mentor the plan did not choose, it says which rule excludes
        the pair, or what fixing it would change: the rest of the cohort is re-solved
        optimally with the pair in place.

        USAGE: mentor-match explain <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] --mentee <id> [--mentor <id>] [--alternatives <alternatives>]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --mentee <id>           The mentee to explain.
          --mentor <id>           A mentor to compare with the plan's choice.
          --alternatives <alternatives>
                                  How many alternatives to explain without --mentor.
                                  (default: 3)
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["compare", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Compare the plans of one cohort under two configurations.

        Lists the pairs kept, changed, lost and gained, and how the summary figures
        move.

        USAGE: mentor-match compare <cohort> ... [--config <file> ...] [--history <file>] [--pair-rules <file>] [--ledger <file>]

        ARGUMENTS:
          <cohort>                The cohort folder, or its mentors and mentees files.

        OPTIONS:
          --config <file>         The two configurations, in order.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["sensitivity", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Re-match under randomly perturbed weights and report how stable each
        pair is.

        Each run multiplies every weight by exp(spread · z), z standard normal from
        --seed; each run is warm-started from the plan. Then each weight alone moves by
        ±spread, to show which weights the plan is most sensitive to.

        USAGE: mentor-match sensitivity <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--runs <runs>] [--spread <spread>] [--seed <seed>] [--show <show>] [--quiet]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --runs <runs>           How many perturbed runs. (default: 20)
          --spread <spread>       The size of the perturbation (0.1 is about ±10 %).
                                  (default: 0.1)
          --seed <seed>           The random seed of the perturbations. (default: 1)
          --show <show>           How many of the least stable pairs to list. (default:
                                  10)
          --quiet                 Show no progress on standard error (none is shown
                                  when it is not a terminal).
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["tune", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Learn competency and term weights from the outcomes of earlier pairs.

        Ridge regression on each pair's unweighted score terms (LAPACK), the penalty
        chosen by k-fold cross-validation, weights kept non-negative. Reports the
        weights, their standard errors and the cross-validated error against the
        current weights, and writes a configuration to review (--output) only when the
        tuned weights predict better than the current ones (--force writes it anyway).
        Weights the data cannot inform keep their current values and minimum_score is
        rescaled with the scores. Folds follow a hash of each pair's ids, so the same
        outcomes give the same report from a file or from the ledger.

        USAGE: mentor-match tune <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--outcomes <file>] [--recorded <name>] [--folds <folds>] [--output <file>] [--force] [--quiet]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --outcomes <file>       The outcomes (CSV: mentee,mentor,outcome).
          --recorded <name>       Take the outcomes of this cohort recorded in the
                                  ledger (see `ledger`).
          --folds <folds>         The number of cross-validation folds. (default: 5)
          -o, --output <file>     Write the tuned configuration (YAML) here.
          --force                 Write --output even when the tuned weights do not
                                  beat the current ones.
          --quiet                 Show no progress on standard error (none is shown
                                  when it is not a terminal).
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["ledger", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Record plans (versioned) and outcomes in the programme ledger
        (SQLite); show, list and delete them.

        The ledger is /nonexistent/mentor-match-tests/ledger.sqlite unless
        $MENTOR_MATCH_LEDGER or --ledger names another file; `record` creates it on
        first use, and the other subcommands need it to exist. `match`, `score` and the
        other cohort commands also avoid the pairs of earlier recorded cohorts (never a
        cohort's own).

        USAGE: mentor-match ledger <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          record                  Match a cohort and record its plan under a name.
          import-outcomes         Store outcomes (CSV: mentee,mentor,outcome) for a
                                  recorded cohort.
          list                    List the recorded cohorts.
          pairs                   Print a recorded cohort's pairs with their outcomes
                                  (CSV: mentee,mentor,score,outcome).
          show                    Show a recorded cohort: every plan version, then the
                                  pairs of the latest (or --version K).
          delete                  Delete a recorded cohort: its plan versions, pairs,
                                  outcomes and circles (needs --yes).

          See 'mentor-match help ledger <subcommand>' for detailed help.

        """#,
      stderr: ""),
    Case(
      arguments: ["ledger", "record", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Match a cohort and record its plan under a name.

        USAGE: mentor-match ledger record <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] --name <name> [--plan <file>]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --name <name>           The cohort's name in the ledger, e.g. 2026-spring.
          --plan <file>           Record this plan instead of matching: a plan exported
                                  with `match --format csv` and edited; it is checked
                                  against capacities and rules and becomes the cohort's
                                  next version (or its first).
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["ledger", "import-outcomes", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Store outcomes (CSV: mentee,mentor,outcome) for a recorded cohort.

        USAGE: mentor-match ledger import-outcomes [--ledger <file>] --cohort <cohort> <outcomes.csv>

        ARGUMENTS:
          <outcomes.csv>          The outcomes file.

        OPTIONS:
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --cohort <cohort>       The recorded cohort's name.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["ledger", "list", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: List the recorded cohorts.

        USAGE: mentor-match ledger list [--ledger <file>]

        OPTIONS:
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["ledger", "pairs", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Print a recorded cohort's pairs with their outcomes (CSV:
        mentee,mentor,score,outcome).

        USAGE: mentor-match ledger pairs [--ledger <file>] --cohort <cohort>

        OPTIONS:
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --cohort <cohort>       The recorded cohort's name.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["solve", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Solve a capacitated assignment on a score matrix (SCORES.csv).

        SCORES.csv: header `mentee,<mentor id>,...`, then one row per mentee `<mentee
        id>,<score>,...`; an empty cell forbids the pair. Assigns as many mentees as
        possible, then maximises (or with --minimize, minimises) the total.

        USAGE: mentor-match solve <SCORES.csv> [--capacity <capacity>] [--capacities <CAPS.csv>] [--minimize] [--format <format>] [--candidates <candidates>] [--output <file>] [--timings]

        ARGUMENTS:
          <SCORES.csv>            The score matrix.

        OPTIONS:
          --capacity <capacity>   The capacity of every mentor (default 1).
          --capacities <CAPS.csv> Per-mentor capacities (CSV: mentor,capacity).
          --minimize              Minimise the total score instead of maximising it.
          --format <format>       Output format: json, csv or table. Default: the
                                  --output file's extension (.json .csv .txt), else
                                  table. (values: json, csv, table)
          --candidates <candidates>
                                  Candidate mentors kept per mentee before the
                                  optimality check adds any it needs (default: 24, or
                                  48 from 10,000 mentors on).
          -o, --output <file>     Write the result to this file instead of standard
                                  output; `-` is standard output.
          --timings               Print the time each phase took to standard error.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["score", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Write the cohort's score matrix in the SCORES.csv format that `solve`
        reads.

        One row per mentee, one column per mentor; pairs the rules exclude are empty
        cells. `solve` on this file with the capacities from --capacities-output gives
        the same objective as `match`.

        USAGE: mentor-match score <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--output <file>] [--capacities-output <file>]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          -o, --output <file>     Write the scores to this file instead of standard
                                  output.
          --capacities-output <file>
                                  Also write the mentors' capacities (CAPS.csv:
                                  mentor,capacity) here.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["validate", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Check the cohort files (and configuration and history) and report
        every problem.

        Every error and warning is reported as file:line:column. Exits 65 when there
        are errors.

        USAGE: mentor-match validate <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["generate", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Generate a realistic synthetic cohort from a seed (rules:
        Docs/generator.md).

        Writes mentors.csv, mentees.csv and history.csv into the output folder, all
        three or none (with --shape: people.csv, config.yaml and history.csv). The same
        seed gives the same files.

        USAGE: mentor-match generate [--mentees <mentees>] [--mentors <mentors>] [--competencies <competencies>] [--seed <seed>] [--capacity <capacity>] --output <folder> [--force] [--shape <workday|forms>] [--quiet]

        OPTIONS:
          --mentees <mentees>     The number of mentees. (default: 240)
          --mentors <mentors>     The number of mentors. (default: 100)
          --competencies <competencies>
                                  The number of competencies. (default: 16)
          --seed <seed>           The random seed. (default: 2026)
          --capacity <capacity>   Give every mentor this capacity (default: drawn from
                                  1 to 4).
          -o, --output <folder>   The folder to write into (created if missing).
          --force                 Overwrite existing files in the output folder.
          --shape <workday|forms> Write one people file shaped like an HR export
                                  (workday: a worker export; forms: a Microsoft Forms
                                  export) and the config.yaml that reads it. (values:
                                  workday, forms)
          --quiet                 Show no progress on standard error (none is shown
                                  when it is not a terminal).
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["rematch", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Re-match a recorded cohort after pairs ended, people left or joined,
        keeping every continuing pair.

        Keeps every pair of the recorded plan (its latest version) that continues, and
        matches the mentees released by ended pairs or leaving mentors, the mentees
        unmatched before and the mentees who joined, optimally over the places left; an
        ended pair is never made again. --reoptimise COST also lets continuing pairs
        move when each move gains more than COST in fit (exact). The plan has a changes
        section (kept, new, moved, ended); --record stores it as the cohort's next
        version.

        USAGE: mentor-match rematch [<options>] <cohort> ... --name <name>

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --name <name>           The recorded cohort's name in the ledger.
          --ended <file>          Pairs that ended (CSV: mentee,mentor).
          --leavers <file>        People who left (CSV with an id column).
          --joiners <folder>      People who joined: a folder with mentees.csv and/or
                                  mentors.csv in the cohort format.
          --reoptimise <cost>     Also move continuing pairs, each only when the move
                                  gains more than this fit.
          --format <format>       Output format: table, csv, json, markdown, html or
                                  xlsx (xlsx needs --output). Default: the --output
                                  file's extension (.txt .csv .json .md .html .xlsx),
                                  else table. (values: table, csv, json, markdown,
                                  html, xlsx)
          -o, --output <file>     Write the plan to this file (atomically) instead of
                                  standard output; `-` is standard output.
          --record                Record the new plan as the cohort's next version.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["shortlist", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Suggest a short list of mentors per mentee: the optimal plan's first,
        then the cheapest alternatives.

        Each list starts with the mentor(s) of the optimal plan; the other suggestions
        are the alternatives with the least exact cost to the cohort (the change in
        matched mentees and total fit if the pair were forced and the rest re-solved).
        No mentor is on more than size × capacity lists. The plan is made with the
        total-fit objective; department caps are not supported. See Docs/choices.md.

        USAGE: mentor-match shortlist <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--size <size>] [--format <format>] [--output <file>]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --size <size>           Suggestions per mentee, 1 to 20. (default: 3)
          --format <format>       Output format: table, csv, json, markdown, html or
                                  xlsx (xlsx needs --output). Default: the --output
                                  file's extension (.txt .csv .json .md .html .xlsx),
                                  else table. (values: table, csv, json, markdown,
                                  html, xlsx)
          -o, --output <file>     Write the shortlists to this file (atomically)
                                  instead of standard output; `-` is standard output.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["invitations", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Write an introduction e-mail (.eml) and a calendar (.ics) for every
        pair; nothing is sent.

        Matches the cohort as `match` does, then writes into the output folder, for
        each pair, NNN-<mentee>-<mentor>.eml (both people addressed, the reasons for
        the pair and the growth plan, the calendar attached) and
        NNN-<mentee>-<mentor>.ics (the milestones, both people as attendees), dated
        from the configuration's programme.start. All files appear together or none
        does. See Docs/invitations.md.

        USAGE: mentor-match invitations <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] --output <folder> [--template <file>] [--from <mailbox>] [--fairness] [--force]

        ARGUMENTS:
          <cohort>                The cohort: a folder holding mentors.csv and
                                  mentees.csv, or the two files.

        OPTIONS:
          --config <file>         A configuration file (YAML). Default: config.yaml in
                                  the cohort folder if present, else built-in defaults.
          --history <file>        Pairs of earlier cohorts not to repeat (CSV:
                                  mentee,mentor). Default: history.csv in the cohort
                                  folder if present.
          --pair-rules <file>     Pairs to make or never make (CSV: mentee,mentor,rule
                                  with rule must or never). Default: pair-rules.csv in
                                  the cohort folder if present.
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          -o, --output <folder>   The folder to write into (created if missing).
          --template <file>       The e-mail template (Subject: line, blank line, body
                                  with {{placeholders}}). Default: the built-in one,
                                  also in Datasets/templates/invitation.txt.
          --from <mailbox>        The sender and calendar organiser, `Name <address>`.
                                  (default: Mentoring programme <mentoring@example.org>)
          --fairness              Maximise the lowest fit first, then the total (same
                                  as `objective: fairness`).
          --force                 Write into an output folder that already holds files.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["ledger", "show", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Show a recorded cohort: every plan version, then the pairs of the
        latest (or --version K).

        USAGE: mentor-match ledger show [--ledger <file>] <name> [--version <version>]

        ARGUMENTS:
          <name>                  The recorded cohort's name.

        OPTIONS:
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --version <version>     The plan version to print (default: the latest).
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
    Case(
      arguments: ["ledger", "delete", "--help"], status: 0,
      stdout: #"""
        OVERVIEW: Delete a recorded cohort: its plan versions, pairs, outcomes and
        circles (needs --yes).

        USAGE: mentor-match ledger delete [--ledger <file>] <name> [--yes]

        ARGUMENTS:
          <name>                  The recorded cohort's name.

        OPTIONS:
          --ledger <file>         The programme ledger (default: $MENTOR_MATCH_LEDGER
                                  or ~/.local/share/mentor-match/ledger.sqlite). Cohort
                                  commands avoid its recorded pairs; a file named here
                                  must exist, except for commands that record.
          --yes                   Confirm the deletion.
          --version               Show the version.
          -h, --help              Show help information.


        """#,
      stderr: ""),
  ]
}

extension CommandTextTests {
  static let usageCases: [Case] = [
    Case(
      arguments: ["match", "Datasets/sample", "--format", "csv", "--output", "plan.json"], status: 64,
      stdout: "",
      stderr: #"""
        Error: The format csv contradicts the output file 'plan.json', whose extension means json; drop --format or name the file to match it.
        Usage: mentor-match match <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--format <format>] [--output <file>] [--fairness] [--timings] [--choices <file>] [--choices-mode <choices-mode>] [--quiet]
          See 'mentor-match match --help' for more information.

        """#),
    Case(
      arguments: ["match", "a", "b", "c"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Give the cohort as one folder or as the mentors and mentees files.
        Usage: mentor-match match <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--format <format>] [--output <file>] [--fairness] [--timings] [--choices <file>] [--choices-mode <choices-mode>] [--quiet]
          See 'mentor-match match --help' for more information.

        """#),
    Case(
      arguments: ["match", "Datasets/sample", "--format", "xlsx"], status: 64,
      stdout: "",
      stderr: #"""
        Error: The xlsx format is binary: name a file with --output.
        Usage: mentor-match match <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--format <format>] [--output <file>] [--fairness] [--timings] [--choices <file>] [--choices-mode <choices-mode>] [--quiet]
          See 'mentor-match match --help' for more information.

        """#),
    Case(
      arguments: ["circles", "Datasets/sample", "--size", "5-3"], status: 64,
      stdout: "",
      stderr: #"""
        Error: --size takes MIN-MAX with 2 <= MIN <= MAX, such as 4-6; got '5-3'.
        Usage: mentor-match circles [<options>] <cohort> ...
          See 'mentor-match circles --help' for more information.

        """#),
    Case(
      arguments: ["circles", "Datasets/sample", "--max-grade-gap", "-1"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing value for '--max-grade-gap <max-grade-gap>'
        Help:  --max-grade-gap <max-grade-gap>  The most two members' seniority grades may differ, or 'none' (default: circles.max_grade_gap, else 3).
        Usage: mentor-match circles [<options>] <cohort> ...
          See 'mentor-match circles --help' for more information.

        """#),
    Case(
      arguments: ["explain", "Datasets/sample"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing expected argument '--mentee <id>'
        Help:  --mentee <id>  The mentee to explain.
        Usage: mentor-match explain <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] --mentee <id> [--mentor <id>] [--alternatives <alternatives>]
          See 'mentor-match explain --help' for more information.

        """#),
    Case(
      arguments: ["explain", "Datasets/sample", "--mentee", "E00001", "--alternatives", "-1"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing value for '--alternatives <alternatives>'
        Help:  --alternatives <alternatives>  How many alternatives to explain without --mentor.
        Usage: mentor-match explain <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] --mentee <id> [--mentor <id>] [--alternatives <alternatives>]
          See 'mentor-match explain --help' for more information.

        """#),
    Case(
      arguments: ["compare", "Datasets/sample", "--config", "Datasets/sample/config.yaml"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Give exactly two configurations: --config A --config B.
        Usage: mentor-match compare <cohort> ... [--config <file> ...] [--history <file>] [--pair-rules <file>] [--ledger <file>]
          See 'mentor-match compare --help' for more information.

        """#),
    Case(
      arguments: ["sensitivity", "Datasets/sample", "--runs", "0"], status: 64,
      stdout: "",
      stderr: #"""
        Error: --runs must be from 1 to 10000.
        Usage: mentor-match sensitivity <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--runs <runs>] [--spread <spread>] [--seed <seed>] [--show <show>] [--quiet]
          See 'mentor-match sensitivity --help' for more information.

        """#),
    Case(
      arguments: ["sensitivity", "Datasets/sample", "--spread", "1"], status: 64,
      stdout: "",
      stderr: #"""
        Error: --spread must be above 0 and below 1.
        Usage: mentor-match sensitivity <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--runs <runs>] [--spread <spread>] [--seed <seed>] [--show <show>] [--quiet]
          See 'mentor-match sensitivity --help' for more information.

        """#),
    Case(
      arguments: ["sensitivity", "Datasets/sample", "--show", "-1"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing value for '--show <show>'
        Help:  --show <show>  How many of the least stable pairs to list.
        Usage: mentor-match sensitivity <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--runs <runs>] [--spread <spread>] [--seed <seed>] [--show <show>] [--quiet]
          See 'mentor-match sensitivity --help' for more information.

        """#),
    Case(
      arguments: ["tune", "Datasets/sample"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Give the outcomes either as a file (--outcomes) or as a recorded cohort (--recorded).
        Usage: mentor-match tune <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--outcomes <file>] [--recorded <name>] [--folds <folds>] [--output <file>] [--force] [--quiet]
          See 'mentor-match tune --help' for more information.

        """#),
    Case(
      arguments: ["tune", "Datasets/sample", "--outcomes", "o.csv", "--folds", "1"], status: 64,
      stdout: "",
      stderr: #"""
        Error: --folds must be from 2 to 50.
        Usage: mentor-match tune <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--outcomes <file>] [--recorded <name>] [--folds <folds>] [--output <file>] [--force] [--quiet]
          See 'mentor-match tune --help' for more information.

        """#),
    Case(
      arguments: ["tune", "Datasets/sample", "--outcomes", "o.csv", "--output", "-"], status: 64,
      stdout: "",
      stderr: #"""
        Error: tune prints its report on standard output: name a file for the tuned configuration with --output.
        Usage: mentor-match tune <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--outcomes <file>] [--recorded <name>] [--folds <folds>] [--output <file>] [--force] [--quiet]
          See 'mentor-match tune --help' for more information.

        """#),
    Case(
      arguments: ["validate"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing expected argument '<cohort> ...'
        Help:  <cohort>  The cohort: a folder holding mentors.csv and mentees.csv, or the two files.
        Usage: mentor-match validate <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>]
          See 'mentor-match validate --help' for more information.

        """#),
    Case(
      arguments: ["score", "a", "b", "c"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Give the cohort as one folder or as the mentors and mentees files.
        Usage: mentor-match score <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--output <file>] [--capacities-output <file>]
          See 'mentor-match score --help' for more information.

        """#),
    Case(
      arguments: ["solve", "scores.csv", "--capacity", "-1"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing value for '--capacity <capacity>'
        Help:  --capacity <capacity>  The capacity of every mentor (default 1).
        Usage: mentor-match solve <SCORES.csv> [--capacity <capacity>] [--capacities <CAPS.csv>] [--minimize] [--format <format>] [--candidates <candidates>] [--output <file>] [--timings]
          See 'mentor-match solve --help' for more information.

        """#),
    Case(
      arguments: ["generate", "--mentees", "1000000000000", "--output", "x"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Generate at most 10,000,000 mentees, 2,000,000 mentors and 10,000 competencies.
        Usage: mentor-match generate [--mentees <mentees>] [--mentors <mentors>] [--competencies <competencies>] [--seed <seed>] [--capacity <capacity>] --output <folder> [--force] [--shape <workday|forms>] [--quiet]
          See 'mentor-match generate --help' for more information.

        """#),
    Case(
      arguments: ["ledger", "record", "Datasets/sample", "--name", " "], status: 64,
      stdout: "",
      stderr: #"""
        Error: The cohort name is empty: give --name a name such as 2026-spring.
        Usage: mentor-match ledger record <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] --name <name> [--plan <file>]
          See 'mentor-match ledger record --help' for more information.

        """#),
    Case(
      arguments: ["ledger", "import-outcomes", "o.csv"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing expected argument '--cohort <cohort>'
        Help:  --cohort <cohort>  The recorded cohort's name.
        Usage: mentor-match ledger import-outcomes [--ledger <file>] --cohort <cohort> <outcomes.csv>
          See 'mentor-match ledger import-outcomes --help' for more information.

        """#),
    Case(
      arguments: ["ledger", "list", "--no-such-option"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Unknown option '--no-such-option'
        Usage: mentor-match ledger list [--ledger <file>]
          See 'mentor-match ledger list --help' for more information.

        """#),
    Case(
      arguments: ["ledger", "pairs"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing expected argument '--cohort <cohort>'
        Help:  --cohort <cohort>  The recorded cohort's name.
        Usage: mentor-match ledger pairs [--ledger <file>] --cohort <cohort>
          See 'mentor-match ledger pairs --help' for more information.

        """#),
    Case(
      arguments: ["no-such-command"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Unexpected argument 'no-such-command'
        Usage: mentor-match <subcommand>
          See 'mentor-match --help' for more information.

        """#),
    Case(
      arguments: ["explain", "Datasets/sample", "--mentee", "nobody"], status: 65,
      stdout: "",
      stderr: #"""
        error: no mentee has the id 'nobody'

        """#),
    Case(
      arguments: ["explain", "Datasets/sample", "--mentee", "E00001", "--mentor", "nobody"], status: 65,
      stdout: "",
      stderr: #"""
        error: no mentor has the id 'nobody'

        """#),
    Case(
      arguments: ["circles", "Datasets/sample", "--baseline", "bogus"], status: 64,
      stdout: "",
      stderr: #"""
        Error: --baseline takes greedy or random; got 'bogus'.
        Usage: mentor-match circles [<options>] <cohort> ...
          See 'mentor-match circles --help' for more information.

        """#),
    Case(
      arguments: ["circles", "Datasets/sample", "--record", " "], status: 64,
      stdout: "",
      stderr: #"""
        Error: The cohort name is empty: give --record a name such as 2026-spring-circles.
        Usage: mentor-match circles [<options>] <cohort> ...
          See 'mentor-match circles --help' for more information.

        """#),
    Case(
      arguments: ["rematch", "Datasets/sample"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing expected argument '--name <name>'
        Help:  --name <name>  The recorded cohort's name in the ledger.
        Usage: mentor-match rematch [<options>] <cohort> ... --name <name>
          See 'mentor-match rematch --help' for more information.

        """#),
    Case(
      arguments: ["shortlist", "Datasets/sample", "--size", "0"], status: 64,
      stdout: "",
      stderr: #"""
        Error: --size must be a whole number from 1 to 20.
        Usage: mentor-match shortlist <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] [--size <size>] [--format <format>] [--output <file>]
          See 'mentor-match shortlist --help' for more information.

        """#),
    Case(
      arguments: ["invitations", "Datasets/sample"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing expected argument '--output <folder>'
        Help:  --output <folder>  The folder to write into (created if missing).
        Usage: mentor-match invitations <cohort> ... [--config <file>] [--history <file>] [--pair-rules <file>] [--ledger <file>] --output <folder> [--template <file>] [--from <mailbox>] [--fairness] [--force]
          See 'mentor-match invitations --help' for more information.

        """#),
    Case(
      arguments: ["ledger", "show"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Missing expected argument '<name>'
        Help:  <name>  The recorded cohort's name.
        Usage: mentor-match ledger show [--ledger <file>] <name> [--version <version>]
          See 'mentor-match ledger show --help' for more information.

        """#),
    Case(
      arguments: ["ledger", "delete", "spring"], status: 64,
      stdout: "",
      stderr: #"""
        Error: Deleting cohort 'spring' removes its plan versions, pairs, outcomes and circles for good: add --yes to confirm.
        Usage: mentor-match ledger delete [--ledger <file>] <name> [--yes]
          See 'mentor-match ledger delete --help' for more information.

        """#),
    Case(
      arguments: ["ledger", "list", "--ledger", "/nonexistent/mentor-match-tests/other.sqlite"], status: 66,
      stdout: "",
      stderr: #"""
        error: the ledger /nonexistent/mentor-match-tests/other.sqlite does not exist (`ledger record` creates it)

        """#),
    Case(
      arguments: ["score", "Datasets/nowhere"], status: 66,
      stdout: "",
      stderr: #"""
        error: 'Datasets/nowhere' does not exist; give the folder holding mentors.csv and mentees.csv, or the two files

        """#),
    Case(
      arguments: ["solve", "Datasets/nowhere.csv"], status: 66,
      stdout: "",
      stderr: #"""
        Datasets/nowhere.csv:1:1: error: cannot read file: no such file

        """#),
    Case(
      arguments: ["validate", "Datasets/nowhere"], status: 66,
      stdout: "",
      stderr: #"""
        error: 'Datasets/nowhere' does not exist; give the folder holding mentors.csv and mentees.csv, or the two files

        """#),
  ]
}
