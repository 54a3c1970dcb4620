import Foundation
import Testing
import _TestSupport

/// `ledger record --plan`, `ledger show` and `ledger delete` through the binary.
@Suite struct LedgerVersionCommandTests {
  @Test func recordsAnEditedPlanAsANewVersionAndShowsEveryVersion() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    let exported = try CLIRunner.run(["match", "Datasets/sample", "--format", "csv"])
    #expect(exported.status == 0)
    let lines = exported.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let first = try #require(lines.firstIndex { $0.hasPrefix("matched,E00001,") })
    #expect(lines[first].contains(",M00073,"))
    // The programme chooses to keep E00001–M00073 although its pair rules now say never.
    let rules = try folder.write("rules.csv", "mentee,mentor,rule\nE00001,M00073,never\n")
    let plan = try folder.write("plan.csv", exported.stdout)
    let recorded = try CLIRunner.run([
      "ledger", "record", "Datasets/sample", "--name", "hr", "--plan", plan, "--pair-rules", rules, "--ledger", ledger,
    ])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(recorded.stdout.contains("recorded cohort 'hr' version 1 (approved): 235 pairs, 5 unmatched, 1 rule break"))
    #expect(recorded.stderr.contains("warning: E00001–M00073 breaks a rule (listed as never to pair)"))
    // Edits that break capacities or name strangers are errors at their place; nothing is stored.
    var overfull = lines
    overfull[first] = lines[first].replacingOccurrences(of: ",M00073,", with: ",M00018,")
    let full = try CLIRunner.run([
      "ledger", "record", "Datasets/sample", "--name", "hr", "--plan",
      try folder.write("full.csv", overfull.joined(separator: "\n")), "--ledger", ledger,
    ])
    #expect(full.status == 65)
    #expect(full.stderr.contains("full.csv:"))
    #expect(full.stderr.contains("error: mentor 'M00018' has 4 mentees here, over their capacity of 3"))
    var stranger = lines
    stranger[first] = lines[first].replacingOccurrences(of: ",M00073,", with: ",M99999,")
    let column = try #require(stranger[first].range(of: ",M99999,")).lowerBound.utf16Offset(in: stranger[first]) + 2
    let unknown = try CLIRunner.run([
      "ledger", "record", "Datasets/sample", "--name", "hr", "--plan",
      try folder.write("stranger.csv", stranger.joined(separator: "\n")), "--ledger", ledger,
    ])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("stranger.csv:\(first + 1):\(column): error: mentor 'M99999' is not in the cohort"))
    // A second approval is version 2; version 1 stays readable with its rule break.
    var moved = lines
    moved[first] = lines[first].replacingOccurrences(of: ",M00073,", with: ",,")
    let second = try CLIRunner.run([
      "ledger", "record", "Datasets/sample", "--name", "hr", "--plan",
      try folder.write("moved.csv", moved.joined(separator: "\n")), "--ledger", ledger,
    ])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("version 2 (approved): 234 pairs, 6 unmatched, 0 rule breaks"))
    let shown = try CLIRunner.run(["ledger", "show", "hr", "--ledger", ledger])
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("cohort 'hr': 2 plan versions"))
    #expect(shown.stdout.contains("version 2:\nmentee,mentor,score,status,rule_break\n"))
    #expect(!shown.stdout.contains("E00001,"))
    let old = try CLIRunner.run(["ledger", "show", "hr", "--version", "1", "--ledger", ledger])
    #expect(old.stdout.contains("E00001,M00073,1.0625,active,listed as never to pair\n"))
    let missing = try CLIRunner.run(["ledger", "show", "hr", "--version", "3", "--ledger", ledger])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("cohort 'hr' has no plan version 3; its versions are 1 to 2"))
  }

  @Test func deleteAsksForConfirmationAndFreesThePairs() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    #expect(
      try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "test", "--ledger", ledger]).status == 0)
    let unconfirmed = try CLIRunner.run(["ledger", "delete", "test", "--ledger", ledger])
    #expect(unconfirmed.status == 64)
    #expect(unconfirmed.stderr.contains("add --yes to confirm"))
    #expect(try CLIRunner.run(["ledger", "list", "--ledger", ledger]).stdout.hasPrefix("test\t"))
    let deleted = try CLIRunner.run(["ledger", "delete", "test", "--yes", "--ledger", ledger])
    #expect(deleted.status == 0)
    #expect(deleted.stdout == "deleted cohort 'test': 235 pairs, 0 outcomes\n")
    #expect(try CLIRunner.run(["ledger", "list", "--ledger", ledger]).stdout.isEmpty)
    let again = try CLIRunner.run(["ledger", "delete", "test", "--yes", "--ledger", ledger])
    #expect(again.status == 65)
    #expect(again.stderr.contains("the ledger has no cohort named 'test'"))
    // A mistyped ledger path is an error for a command that only reads it.
    let typo = try CLIRunner.run(["match", "Datasets/sample", "--ledger", folder.path("ledgr.sqlite")])
    #expect(typo.status == 66)
    #expect(typo.stderr.contains("does not exist"))
  }
}
