import Foundation
import Testing
import _TestSupport

@Suite struct LedgerCommandTests {
  @Test func recordsPlansOutcomesAndAvoidsRepeats() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    let recorded = try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "spring", "--ledger", ledger])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(recorded.stdout.hasPrefix("recorded cohort 'spring': 235 pairs"))
    let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
    #expect(list.stdout.hasPrefix("spring\t"))
    #expect(list.stdout.contains("235 pairs\t0 outcomes"))
    let pairs = try CLIRunner.run(["ledger", "pairs", "--cohort", "spring", "--ledger", ledger])
    let rows = pairs.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(rows.count == 235)
    // Outcomes for every recorded pair: 2 + 2 × score.
    var outcomes = "mentee,mentor,outcome\n"
    for row in rows { outcomes += "\(row[0]),\(row[1]),\(2 + 2 * Double(row[2])!)\n" }
    let file = try folder.write("outcomes.csv", outcomes)
    let imported = try CLIRunner.run(["ledger", "import-outcomes", "--cohort", "spring", file, "--ledger", ledger])
    #expect(imported.status == 0, "\(imported.stderr)")
    let tuned = try CLIRunner.run(["tune", "Datasets/sample", "--recorded", "spring", "--ledger", ledger])
    #expect(tuned.status == 0, "\(tuned.stderr)")
    #expect(tuned.stdout.hasPrefix("235 outcomes"))
    let before = Set(rows.map { "\($0[0])|\($0[1])" })
    func matchedPairs(_ csv: String) -> Set<String> {
      Set(
        csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
          .filter { $0[0] == "matched" }.map { "\($0[1])|\($0[4])" })
    }
    // The recorded cohort itself: its own pairs are not its history, so it gets its recorded plan.
    let same = try CLIRunner.run(["match", "Datasets/sample", "--format", "csv", "--ledger", ledger])
    #expect(same.status == 0)
    #expect(matchedPairs(same.stdout) == before)
    #expect(same.stderr.contains("'spring' is this cohort, not its history"))
    #expect(same.stderr.contains("this plan is cohort 'spring' version 1 as recorded"))
    // Another cohort (the same people, other files) avoids every recorded pair.
    let next = folder.path("next")
    try FileManager.default.createDirectory(atPath: next, withIntermediateDirectories: true)
    for name in ["mentors.csv", "mentees.csv", "config.yaml"] {
      try FileManager.default.copyItem(atPath: "Datasets/sample/" + name, toPath: next + "/" + name)
    }
    let mentees = try String(contentsOfFile: next + "/mentees.csv", encoding: .utf8)
    try (mentees + "\n").write(toFile: next + "/mentees.csv", atomically: true, encoding: .utf8)
    let again = try CLIRunner.run(["match", next, "--format", "csv", "--ledger", ledger])
    #expect(again.status == 0)
    #expect(
      again.stderr.contains(
        "ledger \(ledger): \(before.count) recorded pairs excluded (from 1 earlier cohort: 'spring')"))
    #expect(before.isDisjoint(with: matchedPairs(again.stdout)))
  }

  @Test func refusesBadInputsAndKeepsTheLedgerIntact() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    #expect(try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "c1", "--ledger", ledger]).status == 0)
    let duplicate = try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "c1", "--ledger", ledger])
    #expect(duplicate.status == 65)
    #expect(duplicate.stderr.contains("already has a cohort named 'c1'"))
    let file = try folder.write("o.csv", "mentee,mentor,outcome\nE00001,M00018,4\nE00001,M99999,3\n")
    let unknown = try CLIRunner.run(["ledger", "import-outcomes", "--cohort", "c1", file, "--ledger", ledger])
    #expect(unknown.status == 65)
    let pairs = try CLIRunner.run(["ledger", "pairs", "--cohort", "c1", "--ledger", ledger])
    // E00001's mentor in the sample plan is M00073, who is at or above all three of E00001's goals
    // (competency term 1), 1 grade more senior (0.1 · 1/2), in the same department (0) and 7 hours
    // away (0.1 · 1/8): 1.0625 (computed from the CSV files and the sample's config.yaml by the
    // formulas of Docs/scoring.md).
    let line = pairs.stdout.split(separator: "\n").first { $0.hasPrefix("E00001,") }
    let fields = line.map { $0.split(separator: ",", omittingEmptySubsequences: false) } ?? []
    #expect(fields.count >= 3 && fields[1] == "M00073")
    #expect(fields.count >= 3 && abs((Double(fields[2]) ?? 0) - 1.0625) < 1e-9)
    let notALedger = try CLIRunner.run(["ledger", "list", "--ledger", "README.md"])
    #expect(notALedger.status == 65)
    #expect(notALedger.stderr.contains("is not a MentorMatch ledger"))
  }
}
