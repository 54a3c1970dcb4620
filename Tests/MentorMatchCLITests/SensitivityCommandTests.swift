import Foundation
import Testing
import _TestSupport

/// `mentor-match sensitivity` end to end: its report agrees with the plan
/// `match` makes, lists every weight once, honours --show, and is
/// reproducible from --seed.
@Suite struct SensitivityCommandTests {
  /// A small generated cohort (no companion files).
  func cohort(_ folder: TemporaryFolder) throws -> String {
    let path = folder.path("cohort")
    let made = try CLIRunner.run([
      "generate", "--mentees", "24", "--mentors", "9", "--competencies", "3", "--seed", "5", "--output", path,
    ])
    try #require(made.status == 0, "\(made.stderr)")
    try? FileManager.default.removeItem(atPath: path + "/history.csv")
    return path
  }

  @Test func theReportMatchesThePlanAndListsEveryWeight() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder)
    let plan = try CLIRunner.run(["match", path, "--format", "json"])
    try #require(plan.status == 0, "\(plan.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
    let pairs = try #require(document["pairs"] as? [[String: Any]])
    func id(_ pair: [String: Any], _ role: String) -> String { (pair[role] as? [String: Any])?["id"] as? String ?? "?" }
    let planned = Set(pairs.map { "\(id($0, "mentee")) → \(id($0, "mentor"))" })
    #expect(planned.count == pairs.count && !planned.contains { $0.contains("?") })

    let result = try CLIRunner.run(["sensitivity", path, "--runs", "3", "--spread", "0.2", "--show", "4"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "3 runs, weights perturbed by about ±20 %")
    #expect(lines[1].hasPrefix("pairs kept in every run: "))
    #expect(lines[1].contains(" of \(pairs.count)"))
    // The least stable pairs: exactly --show of them, each a pair of the plan.
    let listed = lines.drop { $0 != "least stable pairs:" }.dropFirst().prefix { !$0.isEmpty }
    #expect(listed.count == min(4, pairs.count))
    for line in listed {
      let pair = String(line.dropFirst(2).prefix { $0 != ":" })
      #expect(planned.contains(pair), "\(pair) is in the plan")
    }
    // Every weight once: the six term weights and one per competency.
    let effects = lines.drop { !$0.hasPrefix("pairs changed when one weight moves by ∓20 %") }.dropFirst()
      .prefix { !$0.isEmpty }
    let names = effects.map { line in
      String(line.dropFirst(2)[..<(line.range(of: ": ", options: .backwards)?.lowerBound ?? line.endIndex)])
    }
    let competencies = try #require(
      try String(contentsOfFile: path + "/mentees.csv", encoding: .utf8).split(separator: "\n").first
    )
    .split(separator: ",").filter { $0.hasPrefix("level:") }.map { "competency:" + $0.dropFirst(6) }
    #expect(
      Set(names)
        == Set(
          ["competency", "seniority", "cross_department", "timezone", "mentee_preference", "mentor_preference"]
            + competencies))
    #expect(names.count == 6 + competencies.count)
  }

  @Test func theSameSeedGivesTheSameReport() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder)
    let a = try CLIRunner.run(["sensitivity", path, "--runs", "4", "--seed", "11"])
    let b = try CLIRunner.run(["sensitivity", path, "--runs", "4", "--seed", "11"])
    #expect(a.status == 0 && b.status == 0)
    #expect(a.stdout == b.stdout)
  }

  @Test func aMissingCohortIsNoInput() throws {
    let folder = try TemporaryFolder()
    let result = try CLIRunner.run(["sensitivity", folder.path("nowhere")])
    #expect(result.status == 66)
    #expect(result.stdout.isEmpty)
  }
}
