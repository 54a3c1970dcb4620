import Foundation
import Testing

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
    let result = try CLIRunner.run([
      "tune", "Datasets/sample", "--outcomes", path, "--output", folder.path("tuned.yaml"),
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
}
