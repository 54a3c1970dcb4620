import Foundation
import Testing
import _TestSupport

/// `ledger import-outcomes` and `tune` on hostile outcome files.
@Suite struct OutcomesImportTests {
  /// A ledger with the sample cohort recorded as `c1`, and its pairs.
  func recordedSample(in folder: TemporaryFolder) throws -> (ledger: String, pairs: [[Substring]]) {
    let ledger = folder.path("ledger.sqlite")
    let recorded = try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "c1", "--ledger", ledger])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let pairs = try CLIRunner.run(["ledger", "pairs", "--cohort", "c1", "--ledger", ledger])
    return (ledger, pairs.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") })
  }

  @Test func everyUnknownPairIsReportedAtItsRowAndNothingIsStored() throws {
    let folder = try TemporaryFolder()
    let (ledger, pairs) = try recordedSample(in: folder)
    let text = """
      mentee,mentor,outcome
      \(pairs[0][0]),\(pairs[0][1]),4
      E99999,\(pairs[1][1]),3
      \(pairs[2][0]),\(pairs[2][1]),2
      \(pairs[3][0]),M99999,1

      """
    let file = try folder.write("o.csv", text)
    let imported = try CLIRunner.run(["ledger", "import-outcomes", "--cohort", "c1", file, "--ledger", ledger])
    #expect(imported.status == 65)
    #expect(
      imported.stderr == """
        \(file):3:1: error: cohort 'c1' has no pair E99999–\(pairs[1][1]) in its recorded plan
        \(file):5:1: error: cohort 'c1' has no pair \(pairs[3][0])–M99999 in its recorded plan

        """)
    let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
    #expect(list.stdout.contains("\t0 outcomes\t"))
  }

  @Test func aConflictingDuplicateIsAnErrorAndAnIdenticalOneCountsOnce() throws {
    let folder = try TemporaryFolder()
    let (ledger, pairs) = try recordedSample(in: folder)
    let (e, m) = (pairs[0][0], pairs[0][1])
    let conflicting = try folder.write("c.csv", "mentee,mentor,outcome\n\(e),\(m),4\n\(e),\(m),5\n")
    let refused = try CLIRunner.run(["ledger", "import-outcomes", "--cohort", "c1", conflicting, "--ledger", ledger])
    #expect(refused.status == 65)
    #expect(
      refused.stderr
        == "\(conflicting):3:\(e.count + m.count + 3): error: the pair \(e)–\(m) already has outcome 4.0 on line 2; one outcome per pair\n"
    )
    let identical = try folder.write(
      "i.csv", "mentee,mentor,outcome\n\(e),\(m),4\n\(e),\(m),4\n\(pairs[1][0]),\(pairs[1][1]),3\n")
    let stored = try CLIRunner.run(["ledger", "import-outcomes", "--cohort", "c1", identical, "--ledger", ledger])
    #expect(stored.status == 0, "\(stored.stderr)")
    #expect(stored.stdout == "stored 2 outcomes for cohort 'c1'\n")
    let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
    #expect(list.stdout.contains("\t2 outcomes\t"))
  }

  @Test func hugeOutcomesAreRefusedAtTheReader() throws {
    let folder = try TemporaryFolder()
    var text = "mentee,mentor,outcome\n"
    let sample = try String(contentsOfFile: "Datasets/sample/outcomes-example.csv", encoding: .utf8)
    for (index, line) in sample.split(separator: "\n").dropFirst().enumerated() {
      let cells = line.split(separator: ",")
      text += "\(cells[0]),\(cells[1]),\(index.isMultiple(of: 2) ? "1e300" : "-1e300")\n"
    }
    let file = try folder.write("huge.csv", text)
    let tuned = try CLIRunner.run(["tune", "Datasets/sample", "--outcomes", file])
    #expect(tuned.status == 65)
    #expect(tuned.stderr.hasPrefix("\(file):2:15: error: outcome '1e300' is outside the accepted range"))
    #expect(!tuned.stderr.contains("LAPACK"))
  }

  @Test func overflowingScoresGiveAClearTuningError() throws {
    let folder = try TemporaryFolder()
    let config = try folder.write("c.yaml", "weights:\n  seniority: 1.7e308\n  competency: 1.7e308\n")
    let tuned = try CLIRunner.run(
      ["tune", "Datasets/sample", "--config", config, "--outcomes", "Datasets/sample/outcomes-example.csv"])
    // Refused either by the configuration reader or by the tuning itself,
    // never with LAPACK's bare argument number.
    #expect(tuned.status == 65)
    #expect(tuned.stderr.contains("error"))
    #expect(!tuned.stderr.contains("LAPACK") && !tuned.stderr.contains("argument"), "\(tuned.stderr)")
  }
}
