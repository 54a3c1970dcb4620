import Foundation
import Testing
import _TestSupport

/// Numbers past the documented bounds (issue 10, items 4 and 5): each was a
/// Swift trap before; now a clear message at the offending cell or option,
/// the documented exit code, and no crash.
@Suite struct NumberBoundsTests {
  let mentees = "id,name,level:Coaching,goal:Coaching\ne1,Cy,1,3\ne2,Di,2,4\n"

  func cohort(_ folder: TemporaryFolder, capacity: String, config: String? = nil) throws -> String {
    try FileManager.default.createDirectory(atPath: folder.path("c"), withIntermediateDirectories: true)
    _ = try folder.write("c/mentors.csv", "id,name,capacity,level:Coaching\nm1,Ann,\(capacity),5\nm2,Bo,1,4\n")
    _ = try folder.write("c/mentees.csv", mentees)
    if let config { _ = try folder.write("c/config.yaml", config) }
    return folder.path("c")
  }

  /// The documented status and no trap message (a trap ends the process by
  /// a signal, whose status is never 64 or 65).
  func expectCleanFailure(_ result: CLIRunner.Outcome, status: Int32, sourceLocation: SourceLocation = #_sourceLocation)
  {
    #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
  }

  @Test(arguments: ["match", "validate", "score"])
  func aHugeMentorCapacityIsABadCell(command: String) throws {
    let folder = try TemporaryFolder()
    // Above Int.max / 12 (the pruning's `12 · capacity`) and near Int.max (the total).
    for capacity in ["9223372036854775806", "768614336404564651", "1000001"] {
      let result = try CLIRunner.run([command, try cohort(folder, capacity: capacity)])
      expectCleanFailure(result, status: 65)
      #expect(result.stderr.contains("mentors.csv:2:"))
      #expect(result.stderr.contains("at most 1000000"))
    }
  }

  @Test func theLargestCapacityIsAccepted() throws {
    let folder = try TemporaryFolder()
    let result = try CLIRunner.run(["match", try cohort(folder, capacity: "1000000"), "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("e1"))
    #expect(result.stdout.contains("e2"))
  }

  @Test func solveRefusesAHugeCapacityOption() throws {
    let folder = try TemporaryFolder()
    let scores = try folder.write("s.csv", "mentee,A\nx,1\n")
    for capacity in ["9223372036854775807", "1000001"] {
      let result = try CLIRunner.run(["solve", scores, "--capacity", capacity])
      expectCleanFailure(result, status: 64)
      #expect(result.stderr.contains("--capacity must be a whole number from 0 to 1000000, not \(capacity)."))
    }
  }

  @Test func solveRefusesAHugeCapacityCell() throws {
    let folder = try TemporaryFolder()
    let scores = try folder.write("s.csv", "mentee,A,B\nx,1,2\n")
    let caps = try folder.write("c.csv", "mentor,capacity\nA,9223372036854775807\nB,9223372036854775806\n")
    let result = try CLIRunner.run(["solve", scores, "--capacities", caps])
    expectCleanFailure(result, status: 65)
    #expect(result.stderr.contains("c.csv:2:3: error: capacity 9223372036854775807 is too large"))
    #expect(result.stderr.contains("c.csv:3:3: error: capacity 9223372036854775806 is too large"))
  }

  @Test func solveRefusesScoresBeyondTheBound() throws {
    let folder = try TemporaryFolder()
    let twoHuge = try folder.write("a.csv", "mentee,A,B\nx,1.7e308,1.7e308\ny,0,1\n")
    var result = try CLIRunner.run(["solve", twoHuge])
    expectCleanFailure(result, status: 65)
    #expect(result.stderr.contains("a.csv:2:3: error: score 1.7e308 is too large in magnitude"))
    #expect(result.stderr.contains("a.csv:2:11:"))
    let oneNegative = try folder.write("b.csv", "mentee,A\nx,-1.7e308\n")
    result = try CLIRunner.run(["solve", oneNegative])
    expectCleanFailure(result, status: 65)
    #expect(result.stderr.contains("b.csv:2:3: error: score -1.7e308 is too large in magnitude"))
  }

  @Test(arguments: ["match", "validate", "score", "sensitivity", "explain"])
  func hugeWeightsAreBadValues(command: String) throws {
    let folder = try TemporaryFolder()
    for config in ["weights:\n  competency: 1.7e308\n", "competencies:\n  Coaching: 1e308\n"] {
      let path = try cohort(folder, capacity: "1", config: config)
      var arguments = [command, path]
      if command == "explain" { arguments += ["--mentee", "e1"] }
      if command == "sensitivity" { arguments += ["--runs", "2"] }
      let result = try CLIRunner.run(arguments)
      expectCleanFailure(result, status: 65)
      #expect(result.stderr.contains("config.yaml:2:"))
      #expect(result.stderr.contains("is too large"))
      #expect(result.stderr.contains("from 0 to 1000000"))
    }
  }

  @Test func theLargestWeightIsAccepted() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder, capacity: "1", config: "competencies:\n  Coaching: 1000000\n")
    let result = try CLIRunner.run(["match", path, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("m1") && result.stdout.contains("m2"))
  }

  @Test func zeroCandidatesIsAUsageError() throws {
    let folder = try TemporaryFolder()
    let scores = try folder.write("s.csv", "mentee,A\nx,1\n")
    for candidates in ["0", "-3"] {
      let result = try CLIRunner.run(["solve", scores, "--candidates=\(candidates)"])
      expectCleanFailure(result, status: 64)
      #expect(
        result.stderr.contains(
          "--candidates must be 1 or more, not \(candidates): every mentee needs at least one candidate mentor."))
    }
    let one = try CLIRunner.run(["solve", scores, "--candidates", "1", "--format", "csv"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout == "mentee,mentor,score\nx,A,1.0\n")
  }
}
