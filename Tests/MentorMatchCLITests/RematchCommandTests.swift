import Foundation
import Testing
import ZIPFoundation
import _TestSupport

/// `rematch` through the binary: record → rematch with ended pairs, a
/// leaver and joiners → record the next version → the next cohort avoids
/// the right pairs.
@Suite struct RematchCommandTests {
  /// The rows of a plan CSV as (status, mentee, mentor, change).
  func rows(_ csv: String) -> [(status: String, mentee: String, mentor: String, change: String)] {
    var result: [(status: String, mentee: String, mentor: String, change: String)] = []
    for line in csv.split(separator: "\n").dropFirst() {
      let cells: [String] = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      result.append((cells[0], cells[1], cells[4], cells[cells.count - 1]))
    }
    return result
  }

  @Test func aProgrammesYearEndToEnd() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    #expect(
      try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "spring", "--ledger", ledger]).status == 0)
    let v1 = try CLIRunner.run(["ledger", "pairs", "--cohort", "spring", "--ledger", ledger]).stdout
    let recorded = v1.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",").prefix(2).joined(separator: "|")
    }
    #expect(recorded.count == 235)
    // Two pairs end, one mentor leaves, two mentees and a mentor join.
    let ended = Array(recorded.prefix(2))
    let endedFile = try folder.write(
      "ended.csv", "mentee,mentor\n" + ended.map { $0.replacingOccurrences(of: "|", with: ",") }.joined(separator: "\n")
    )
    let leaverMentor = String(recorded[10].split(separator: "|")[1])
    let leavers = try folder.write("leavers.csv", "id\n\(leaverMentor)\n")
    let joiners = folder.path("joiners")
    try FileManager.default.createDirectory(atPath: joiners, withIntermediateDirectories: true)
    for (file, prefix, newPrefix) in [("mentees.csv", "E0000", "J0000"), ("mentors.csv", "M0000", "N0000")] {
      let lines = try String(contentsOfFile: "Datasets/sample/" + file, encoding: .utf8).split(separator: "\n")
      let count = file == "mentees.csv" ? 2 : 1
      let people = lines[1...count].map {
        $0.replacingOccurrences(of: "^" + prefix, with: newPrefix, options: .regularExpression)
      }
      try ([String(lines[0])] + people).joined(separator: "\n").write(
        toFile: joiners + "/" + file, atomically: true, encoding: .utf8)
    }
    let rematch = try CLIRunner.run([
      "rematch", "Datasets/sample", "--name", "spring", "--ended", endedFile, "--leavers", leavers, "--joiners",
      joiners, "--format", "csv", "--record", "--ledger", ledger,
    ])
    #expect(rematch.status == 0, "\(rematch.stderr)")
    #expect(rematch.stderr.contains("recorded cohort 'spring' version 2 (rematch)"))
    let plan = rows(rematch.stdout)
    let made = Set(plan.filter { $0.status == "matched" }.map { "\($0.mentee)|\($0.mentor)" })
    // Every continuing pair is kept; no ended pair is made again; the leaver has no mentee.
    let continuing = recorded.filter { !ended.contains($0) && !$0.hasSuffix("|" + leaverMentor) }
    #expect(Set(continuing).isSubset(of: made))
    #expect(made.isDisjoint(with: ended))
    #expect(!made.contains { $0.hasSuffix("|" + leaverMentor) })
    #expect(plan.filter { $0.change == "kept" }.count == continuing.count)
    let endedRows = plan.filter { $0.status == "ended" }
    #expect(Set(endedRows.map { "\($0.mentee)|\($0.mentor)" }).isSuperset(of: ended))
    #expect(endedRows.count == recorded.count - continuing.count)
    #expect(plan.contains { $0.mentee == "J00001" && $0.status == "matched" && $0.change == "new" })
    // Version 2 lists the ended pairs; version 1 is unchanged.
    let shown = try CLIRunner.run(["ledger", "show", "spring", "--ledger", ledger]).stdout
    #expect(shown.contains("cohort 'spring': 2 plan versions"))
    #expect(shown.contains("\(ended[0].replacingOccurrences(of: "|", with: ",")),"))
    let first = try CLIRunner.run(["ledger", "show", "spring", "--version", "1", "--ledger", ledger]).stdout
    #expect(!first.contains(",ended,"))
    // The next cohort (other files, the same people) avoids every pair of version 2, ended ones too.
    let next = folder.path("next")
    try FileManager.default.createDirectory(atPath: next, withIntermediateDirectories: true)
    for name in ["mentors.csv", "mentees.csv", "config.yaml"] {
      try FileManager.default.copyItem(atPath: "Datasets/sample/" + name, toPath: next + "/" + name)
    }
    let mentees = try String(contentsOfFile: next + "/mentees.csv", encoding: .utf8)
    try (mentees + "\n").write(toFile: next + "/mentees.csv", atomically: true, encoding: .utf8)
    let following = try CLIRunner.run(["match", next, "--format", "csv", "--ledger", ledger])
    #expect(following.status == 0, "\(following.stderr)")
    let avoided = made.union(endedRows.map { "\($0.mentee)|\($0.mentor)" })
    let inNext = avoided.filter { !$0.hasPrefix("J") && !$0.contains("|N") }
    #expect(following.stderr.contains("\(inNext.count) recorded pairs excluded (from 1 earlier cohort: 'spring')"))
    let nextPairs = Set(rows(following.stdout).filter { $0.status == "matched" }.map { "\($0.mentee)|\($0.mentor)" })
    #expect(nextPairs.isDisjoint(with: avoided))
  }

  @Test func everyFormatHasTheChanges() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    #expect(try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "s", "--ledger", ledger]).status == 0)
    let first = try CLIRunner.run(["ledger", "pairs", "--cohort", "s", "--ledger", ledger]).stdout
      .split(separator: "\n")[1].split(separator: ",").prefix(2).joined(separator: ",")
    let ended = try folder.write("ended.csv", "mentee,mentor\n\(first)\n")
    func run(_ format: String, output: String? = nil) throws -> CLIRunner.Outcome {
      try CLIRunner.run(
        ["rematch", "Datasets/sample", "--name", "s", "--ended", ended, "--format", format, "--ledger", ledger]
          + (output.map { ["--output", $0] } ?? []))
    }
    let table = try run("table")
    #expect(table.stdout.contains("changes: 234 kept · 1 new · 0 moved · 1 ended"))
    #expect(table.stdout.contains("  ended  \(first.replacingOccurrences(of: ",", with: " → "))  (ended)"))
    #expect(try run("markdown").stdout.contains("## Changes\n\nchanges: 234 kept"))
    #expect(try run("html").stdout.contains("<h2>Changes</h2>"))
    let json = try JSONSerialization.jsonObject(with: Data(try run("json").stdout.utf8)) as? [String: Any]
    let changes = try #require(json?["changes"] as? [[String: Any]])
    #expect(changes.filter { $0["change"] as? String == "kept" }.count == 234)
    #expect(json?["pairs"] != nil)
    let xlsx = folder.path("plan.xlsx")
    #expect(try run("xlsx", output: xlsx).status == 0)
    let archive = try Archive(url: URL(fileURLWithPath: xlsx), accessMode: .read)
    let book = try #require(archive["xl/workbook.xml"])
    var bytes = Data()
    _ = try archive.extract(book) { bytes.append($0) }
    #expect(String(decoding: bytes, as: UTF8.self).contains("<sheet name=\"Changes\" sheetId=\"6\""))
    // The CSV is still a plan `ledger record --plan` reads.
    let csv = try folder.write("rematch.csv", try run("csv").stdout)
    let approved = try CLIRunner.run([
      "ledger", "record", "Datasets/sample", "--name", "s", "--plan", csv, "--ledger", ledger,
    ])
    #expect(approved.status == 0, "\(approved.stderr)")
    #expect(approved.stdout.contains("version 2 (approved): 235 pairs"))
  }

  @Test func badChangesArePinpointed() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    #expect(try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "s", "--ledger", ledger]).status == 0)
    let ended = try folder.write("ended.csv", "mentee,mentor\nE00001,M00001\n")
    let leavers = try folder.write("leavers.csv", "id\nZ99\n")
    let result = try CLIRunner.run([
      "rematch", "Datasets/sample", "--name", "s", "--ended", ended, "--ledger", ledger,
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("ended.csv:2:1: error: E00001–M00001 is not a pair of the recorded plan in force"))
    let left = try CLIRunner.run([
      "rematch", "Datasets/sample", "--name", "s", "--leavers", leavers, "--ledger", ledger,
    ])
    #expect(left.status == 65)
    #expect(left.stderr.contains("leavers.csv:2:1: error: 'Z99' is not a mentee or mentor of the cohort"))
    let unknown = try CLIRunner.run(["rematch", "Datasets/sample", "--name", "nope", "--ledger", ledger])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("the ledger has no cohort named 'nope'"))
  }
}
