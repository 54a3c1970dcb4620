import ArgumentParser
import Foundation
import Interchange
import Ledger

extension MentorMatch.LedgerCommand {
  /// `ledger show`: a recorded cohort's plan versions and one version's pairs.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a recorded cohort: every plan version, then the pairs of the latest (or --version K).")

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: ArgumentHelp("The recorded cohort's name.", valueName: "name"))
    var name: String

    @Option(name: .long, help: "The plan version to print (default: the latest).")
    var version: Int?

    func run() throws {
      let ledger = try ledgerOptions.open(.readOnly)
      let (versions, shown) = try ledgerOperation { () throws(LedgerError) in
        (try ledger.versions(cohort: name), try ledger.plan(cohort: name, version: version))
      }
      var out = "cohort '\(name)': \(versions.count) plan version\(versions.count == 1 ? "" : "s")\n"
      for v in versions {
        let ended = v.endedPairs > 0 ? ", \(v.endedPairs) ended" : ""
        out += "  version \(v.number)  \(v.createdAt)  \(v.kind.rawValue)  \(v.activePairs) pairs\(ended)  \(v.note)\n"
      }
      out += "\nversion \(shown.version.number):\n"
      print(DisplayText.visible(out, keepingLineBreaks: true), terminator: "")
      var writer = CSVWriter()
      writer.writeRow(["mentee", "mentor", "score", "status", "rule_break"])
      for p in shown.pairs {
        writer.writeRow([
          .text(p.menteeID), .text(p.mentorID), .number(p.score), .text(p.status.rawValue),
          p.ruleBreak.map { CSVCell.text($0) } ?? .empty,
        ])
      }
      print(writer.text, terminator: "")
    }
  }

  /// `ledger delete`: remove a recorded cohort for good.
  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete a recorded cohort: its plan versions, pairs, outcomes and circles (needs --yes).")

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: ArgumentHelp("The recorded cohort's name.", valueName: "name"))
    var name: String

    @Flag(name: .long, help: "Confirm the deletion.")
    var yes = false

    func validate() throws {
      guard yes else {
        throw ValidationError(
          "Deleting cohort '\(name)' removes its plan versions, pairs, outcomes and circles for good: add --yes to confirm."
        )
      }
    }

    func run() throws {
      let ledger = try ledgerOptions.open(.existing)
      let record = try ledgerOperation { () throws(LedgerError) in
        let found = try ledger.cohorts().first { $0.name == name }
        try ledger.deleteCohort(name)
        return found
      }
      let figures = record.map { ": \($0.pairs) pairs, \($0.outcomes) outcomes" } ?? ""
      print(DisplayText.visible("deleted cohort '\(name)'\(figures)"))
    }
  }
}
