import ArgumentParser
import Interchange

/// What a command that writes a report in the plan formats calls it in its
/// help (``ReportOutputOptions``).
protocol ReportNoun {
  /// The report, as in "Write the plan to this file".
  static var noun: String { get }
}

/// The `--format` and `--output` options of the commands that write a
/// report in the six plan formats (`match`, `circles`, `rematch`,
/// `shortlist`), declared once, with their usage checks
/// (``OutputTarget/validatedFormat(given:output:)``).
struct ReportOutputOptions<Report: ReportNoun>: ParsableArguments {
  @Option(
    name: .long,
    help:
      "Output format: table, csv, json, markdown, html or xlsx (xlsx needs --output). Default: the --output file's extension (.txt .csv .json .md .html .xlsx), else table."
  )
  var format: PlanFormat?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the \(Report.noun) to this file (atomically) instead of standard output; `-` is standard output.",
      valueName: "file"))
  var output: String?

  /// The format to write: `--format`, else the output file's extension, else table.
  var resolvedFormat: PlanFormat { (try? PlanFormat.resolve(given: format, output: output)) ?? .table }

  func validate() throws {
    _ = try OutputTarget.validatedFormat(given: format, output: output)
  }
}

/// `match` and `rematch` write a plan.
enum PlanNoun: ReportNoun { static let noun = "plan" }
/// `circles` writes circles.
enum CirclesNoun: ReportNoun { static let noun = "circles" }
/// `shortlist` writes shortlists.
enum ShortlistsNoun: ReportNoun { static let noun = "shortlists" }
