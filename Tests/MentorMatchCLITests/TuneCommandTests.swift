import Foundation
import Testing
import _TestSupport

@Suite struct TuneCommandTests {
  @Test func tunesWeightsFromOutcomesAndWritesAConfiguration() throws {
    let folder = try TemporaryFolder()
    let plan = try CLIRunner.run(["match", "Datasets/sample", "--format", "csv"])
    #expect(plan.status == 0)
    // Outcomes that follow the plan's scores: a rating of 2 + 2 × score.
    var outcomes = "mentee,mentor,outcome\n"
    for line in plan.stdout.split(separator: "\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      guard cells[0] == "matched", let score = Double(cells[7]) else { continue }
      outcomes += "\(cells[1]),\(cells[4]),\(2 + 2 * score)\n"
    }
    let path = try folder.write("outcomes.csv", outcomes)
    // The current weights predict these outcomes exactly: the tuned ones cannot beat them,
    // so nothing is written without --force.
    let refused = try CLIRunner.run([
      "tune", "Datasets/sample", "--outcomes", path, "--output", folder.path("tuned.yaml"),
    ])
    #expect(refused.status == 0, "\(refused.stderr)")
    #expect(refused.stdout.contains("do not predict the outcomes better than the current ones"))
    #expect(refused.stderr.contains("not written"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("tuned.yaml")))
    let result = try CLIRunner.run([
      "tune", "Datasets/sample", "--outcomes", path, "--output", folder.path("tuned.yaml"), "--force",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("cross-validated RMS error"))
    #expect(result.stdout.contains("competency:Leadership"))
    let tuned = try folder.read("tuned.yaml")
    #expect(tuned.contains("weights:") && tuned.contains("competencies:"))
    // The tuned configuration is a valid input.
    let check = try CLIRunner.run(["validate", "Datasets/sample", "--config", folder.path("tuned.yaml")])
    #expect(check.status == 0, "\(check.stderr)")
  }

  @Test func badOutcomesArePinpointed() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("outcomes.csv", "mentee,mentor,outcome\nE00001,M00018,great\nE99999,M00018,3\n")
    let result = try CLIRunner.run(["tune", "Datasets/sample", "--outcomes", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("outcomes.csv:2:15: error: outcome 'great' is not a finite number"))
  }

  @Test func theSameOutcomesGiveTheSameReportFromAFileOrTheLedger() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    #expect(try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "s", "--ledger", ledger]).status == 0)
    let example = try String(contentsOfFile: "Datasets/sample/outcomes-example.csv", encoding: .utf8)
    var rows = example.split(separator: "\n").map(String.init)
    let header = rows.removeFirst()
    // The file in reverse order: the folds follow the pairs, not the rows.
    let reversed = try folder.write("reversed.csv", ([header] + rows.reversed()).joined(separator: "\n") + "\n")
    let imported = try CLIRunner.run([
      "ledger", "import-outcomes", "--cohort", "s", "Datasets/sample/outcomes-example.csv", "--ledger", ledger,
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    let fromFile = try CLIRunner.run(["tune", "Datasets/sample", "--outcomes", reversed, "--ledger", ledger])
    let fromLedger = try CLIRunner.run(["tune", "Datasets/sample", "--recorded", "s", "--ledger", ledger])
    #expect(fromFile.status == 0 && fromLedger.status == 0)
    #expect(fromFile.stdout.contains("cross-validated RMS error"))
    #expect(fromFile.stdout == fromLedger.stdout)
  }
}
