import Assignment
import CohortGenerator
import Foundation
import Testing
import _TestSupport

@Suite struct SolveCommandTests {
  /// SCORES.csv text for a problem; forbidden pairs are empty cells.
  func csv(_ problem: AssignmentProblem) -> String {
    var text = "mentee," + (0..<problem.columns).map { "M\($0)" }.joined(separator: ",") + "\n"
    for i in 0..<problem.rows {
      let cells = (0..<problem.columns).map { j in problem.score(row: i, column: j).map { "\($0)" } ?? "" }
      text += "E\(i)," + cells.joined(separator: ",") + "\n"
    }
    return text
  }

  @Test func agreesWithBruteForceOnSmallMatrices() throws {
    let folder = try TemporaryFolder()
    var generator = SeededRandomNumberGenerator(seed: 2024)
    for trial in 0..<12 {
      let sense: AssignmentProblem.Sense = trial % 2 == 0 ? .maximize : .minimize
      let capacity = 1 + trial % 2
      let random = RandomAssignmentProblems.make(
        rows: 6, columns: 3, capacities: capacity...capacity, forbiddenShare: 0.25,
        kind: trial % 3 == 0 ? .smallIntegers : .continuous, sense: sense, using: &generator)
      let path = try folder.write("s\(trial).csv", csv(random))
      var arguments = ["solve", path, "--capacity", "\(capacity)", "--format", "json"]
      if sense == .minimize { arguments.append("--minimize") }
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 0, "\(result.stderr)")
      let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let oracle = BruteForceAssignment.solve(random)
      #expect(abs((json["objective"] as? Double ?? .nan) - oracle.totalScore) < 1e-9)
      #expect((json["assignments"] as? [Any])?.count == oracle.assignedCount)
      #expect((json["unassigned"] as? [Any])?.count == 6 - oracle.assignedCount)
    }
  }

  @Test func readsPerMentorCapacities() throws {
    let folder = try TemporaryFolder()
    let scores = try folder.write("s.csv", "mentee,A,B\nx,1,0\ny,1,0\nz,1,0\n")
    let caps = try folder.write("c.csv", "mentor,capacity\nB,1\nA,2\n")
    let result = try CLIRunner.run(["solve", scores, "--capacities", caps, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "mentee,mentor,score\nx,A,1.0\ny,A,1.0\nz,B,0\n")
  }

  /// Issue 10, item 3: a huge score in a zero-capacity column used to turn
  /// the plan into e2→m0 (−1) with a clean certificate.
  @Test func aHugeScoreInAZeroCapacityColumnLeavesThePlanExact() throws {
    let folder = try TemporaryFolder()
    let scores = try folder.write("s.csv", "mentee,m0,m1\ne0,1.0,\ne1,0.0,\ne2,-1.0,-1e15\n")
    let caps = try folder.write("c.csv", "mentor,capacity\nm0,1\nm1,0\n")
    let result = try CLIRunner.run(["solve", scores, "--capacities", caps, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "mentee,mentor,score\ne0,m0,1.0\ne1,,\ne2,,\n")
    let json = try CLIRunner.run(["solve", scores, "--capacities", caps, "--format", "json"])
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let certificate = try #require(object["certificate"] as? [String: Any])
    #expect(certificate["exact"] as? Bool == true)
    #expect(certificate["resolution"] as? Double == 0)
  }

  @Test func aSpreadDoublePrecisionCannotCertifyIsRefusedAtTheCell() throws {
    let folder = try TemporaryFolder()
    let scores = try folder.write("s.csv", "mentee,m0,m1\ne0,1.0,\ne1,0.0,\ne2,-1.0,-1e15\n")
    let caps = try folder.write("c.csv", "mentor,capacity\nm0,1\nm1,1\n")
    let output = folder.path("plan.json")
    let result = try CLIRunner.run(["solve", scores, "--capacities", caps, "--format", "json", "--output", output])
    #expect(result.status == 65)
    // The cell that sets the spread (line 4, column 9), and the score it would hide.
    #expect(result.stderr.hasPrefix("\(scores):4:9: error: the score -1000000000000000.0 widens the spread"))
    #expect(result.stderr.contains("so the score 1.0 at \(scores):2:4 would be lost"))
    #expect(!result.stderr.contains("Fatal error"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func extremeCellsAreSolvedExactlyOrRefused() throws {
    let folder = try TemporaryFolder()
    var generator = SeededRandomNumberGenerator(seed: 0x10_0005)
    var refused = 0
    for trial in 0..<10 {
      // Whole numbers times 2^k for one k per matrix (sums exact), and on odd
      // trials one cell of 1e300 in a column with capacity.
      let k = [-1000, -40, 0, 40, 900][trial % 5]
      let values = (0..<12).map { _ in
        Double(Int.random(in: -1000...1000, using: &generator)) * Double(sign: .plus, exponent: k, significand: 1)
      }
      var scores = values
      if trial % 2 == 1 { scores[5] = 1e300 }
      let problem = AssignmentProblem(rows: 4, columns: 3, scores: scores, capacities: [1, 1, 1])
      let path = try folder.write("s\(trial).csv", csv(problem))
      let result = try CLIRunner.run(["solve", path, "--format", "json"])
      if trial % 2 == 1 {
        // Every other cell is far below what that spread resolves.
        #expect(result.status == 65, "trial \(trial)")
        #expect(result.stderr.hasPrefix("\(path):3:"), "\(result.stderr)")
        #expect(result.stderr.contains("error: the score 1e+300 widens the spread"), "\(result.stderr)")
        refused += 1
        continue
      }
      #expect(result.status == 0, "trial \(trial): \(result.stderr)")
      let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let oracle = BruteForceAssignment.solve(problem, tolerance: 0)
      #expect(json["objective"] as? Double == oracle.totalScore, "trial \(trial)")
      #expect((json["assignments"] as? [Any])?.count == oracle.assignedCount)
    }
    #expect(refused == 5)
  }

  @Test func tableFormatListsUnassignedMentees() throws {
    let folder = try TemporaryFolder()
    let scores = try folder.write("s.csv", "mentee,A\nx,2\ny,\n")
    let result = try CLIRunner.run(["solve", scores])
    #expect(result.status == 0)
    #expect(result.stdout.contains("objective 2.0 · 1 assigned · 1 unassigned"))
    #expect(result.stdout.contains("y       -  unassigned"))
  }
}

extension SolveCommandTests {
  /// The table reports the optimality certificate, with the figures of the JSON report.
  @Test func tableFormatReportsTheCertificate() throws {
    let folder = try TemporaryFolder()
    // 5 allowed pairs of 6 (one empty cell).
    let scores = try folder.write("s.csv", "mentee,A,B\nx,3,1\ny,2,\nz,0.5,4\n")
    let table = try CLIRunner.run(["solve", scores])
    #expect(table.status == 0, "\(table.stderr)")
    let json = try CLIRunner.run(["solve", scores, "--format", "json"])
    let document = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let certificate = try #require(document["certificate"] as? [String: Any])
    let checked = try #require(certificate["pairsChecked"] as? Int)
    let rounds = try #require(certificate["violationsPerRound"] as? [Int])
    #expect(checked == 5)
    let lines = table.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count > 1)
    #expect(lines[1].hasPrefix("Optimal over all 5 allowed pairs: every pair checked against the final duals"))
    #expect(lines[1].contains("(\(rounds.count) round\(rounds.count == 1 ? "" : "s"), "))
  }
}
