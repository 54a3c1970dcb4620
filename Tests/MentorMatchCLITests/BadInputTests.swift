import Foundation
import Testing
import _TestSupport

/// Every failure mode: a clear message with file:line:column, the documented
/// exit code, no partial output file, no crash.
@Suite struct BadInputTests {
  let mentors = "id,name,capacity,level:Coaching\nm1,Ann,2,5\nm2,Bo,1,4\n"
  let mentees = "id,name,level:Coaching,goal:Coaching\ne1,Cy,1,3\ne2,Di,2,4\n"

  func cohort(_ folder: TemporaryFolder, mentors: String? = nil, mentees: String? = nil) throws -> String {
    try FileManager.default.createDirectory(atPath: folder.path("c"), withIntermediateDirectories: true)
    _ = try folder.write("c/mentors.csv", mentors ?? self.mentors)
    _ = try folder.write("c/mentees.csv", mentees ?? self.mentees)
    return folder.path("c")
  }

  @Test func aValidCohortPasses() throws {
    let folder = try TemporaryFolder()
    let result = try CLIRunner.run(["validate", try cohort(folder)])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("ok: 2 mentors offering 3 places, 2 mentees, 1 competencies"))
  }

  @Test func malformedCSVPointsAtTheQuote() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder, mentees: "id,name,level:Coaching,goal:Coaching\ne1,\"Cy,1,3\n")
    let result = try CLIRunner.run(["match", path, "--output", folder.path("plan.txt")])
    #expect(result.status == 65)
    #expect(result.stderr.contains("mentees.csv:2:"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("plan.txt")))
  }

  @Test func everyProblemIsReportedWithItsPosition() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(
      folder, mentors: "id,name,capacity,level:Coaching\nm1,Ann,-1,5\nm1,Bo,1,nan\n",
      mentees: "id,name,level:Coaching,goal:Coaching\ne1,Cy,1,7\n")
    let result = try CLIRunner.run(["validate", path])
    #expect(result.status == 65)
    let levels = "0 to 5 or one of none, novice, advanced beginner, competent, proficient, expert"
    // Every problem, each at its own cell, in file order, and nothing else.
    #expect(
      result.stderr.split(separator: "\n").map(String.init) == [
        "\(path)/mentees.csv:2:9: error: goal:Coaching: goal 7 is outside 0...5; expected a goal from \(levels)",
        "\(path)/mentors.csv:2:8: error: capacity -1 is negative; expected the most mentees this mentor takes, a whole number 0 or more",
        "\(path)/mentors.csv:3:1: error: duplicate id 'm1'; line 2 already uses it",
        "\(path)/mentors.csv:3:9: error: level:Coaching: 'nan' is not a finite number; expected a level from \(levels)",
      ])
    #expect(result.stdout.isEmpty)
  }

  @Test func anEmptyFileIsAnError() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder, mentees: "")
    let result = try CLIRunner.run(["match", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("mentees.csv:1:1"))
  }

  @Test func aMissingCohortIsReported() throws {
    let folder = try TemporaryFolder()
    let result = try CLIRunner.run(["match", folder.path("nowhere")])
    #expect(result.status == 66)
    #expect(!result.stderr.isEmpty)
  }

  @Test func badScoresAndCapacitiesArePinpointed() throws {
    let folder = try TemporaryFolder()
    let nan = try folder.write("nan.csv", "mentee,A,B\nx,1,NaN\n")
    let r1 = try CLIRunner.run(["solve", nan])
    #expect(r1.status == 65)
    #expect(r1.stderr.contains("nan.csv:2:5"))
    let scores = try folder.write("s.csv", "mentee,A\nx,1\n")
    let caps = try folder.write("c.csv", "mentor,capacity\nA,-2\n")
    let r2 = try CLIRunner.run(["solve", scores, "--capacities", caps])
    #expect(r2.status == 65)
    #expect(r2.stderr.contains("c.csv:2:3"))
    let r3 = try CLIRunner.run(["solve", scores, "--capacity", "-1"])
    #expect(r3.status == 64)
    let r4 = try CLIRunner.run(["solve", scores, "--capacity", "1", "--capacities", caps])
    #expect(r4.status == 64)
    let r5 = try CLIRunner.run(["solve", folder.path("missing.csv")])
    #expect(r5.status == 66)
  }

  @Test func anUnwritableOutputLeavesNothingBehind() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder)
    let target = folder.path("no/such/dir/plan.json")
    let result = try CLIRunner.run(["match", path, "--format", "json", "--output", target])
    #expect(result.status == 73)
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  @Test func aFailedRunKeepsTheEarlierOutput() throws {
    let folder = try TemporaryFolder()
    let good = try cohort(folder)
    let output = folder.path("plan.csv")
    #expect(try CLIRunner.run(["match", good, "--format", "csv", "--output", output]).status == 0)
    let before = try folder.read("plan.csv")
    _ = try folder.write("c/mentors.csv", "id,name,capacity,level:Coaching\nm1,Ann,x,5\n")
    #expect(try CLIRunner.run(["match", good, "--format", "csv", "--output", output]).status == 65)
    #expect(try folder.read("plan.csv") == before)
  }

  @Test func aBadConfigurationIsPinpointed() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder)
    let config = try folder.write("config.yaml", "weights:\n  competency: -1\n")
    let result = try CLIRunner.run(["match", path, "--config", config])
    #expect(result.status == 65)
    #expect(result.stderr.contains("config.yaml:2:"))
  }
}

@Suite struct OversizeInputTests {
  @Test func generateRefusesAbsurdSizes() throws {
    let folder = try TemporaryFolder()
    let result = try CLIRunner.run(["generate", "--mentees", "1000000000000", "--output", folder.path("x")])
    #expect(result.status == 64)
    #expect(result.stderr.contains("at most 10,000,000 mentees"))
  }
}

extension OversizeInputTests {
  @Test func scoreRefusesAMatrixTooLargeToWrite() throws {
    let folder = try TemporaryFolder()
    let cohort = folder.path("big")
    let made = try CLIRunner.run([
      "generate", "--mentees", "20001", "--mentors", "10000", "--competencies", "1", "--output", cohort,
    ])
    #expect(made.status == 0)
    let result = try CLIRunner.run(["score", cohort, "--output", folder.path("scores.csv")])
    #expect(result.status == 65)
    #expect(result.stderr.contains("more than the 200000000 this command writes"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("scores.csv")))
  }
}
