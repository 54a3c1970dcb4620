import Foundation
import Testing
import _TestSupport

@Suite struct CirclesCommandTests {
  @Test func jsonPlacesEveryMenteeOnceInCirclesOfTheSize() throws {
    let folder = try TemporaryFolder()
    let config = try folder.write("config.yaml", "rules:\n  require_shared_language: false\n")
    let output = folder.path("circles.json")
    let result = try CLIRunner.run([
      "circles", "Datasets/sample", "--config", config, "--rounds", "2", "--format", "json", "--output", output,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let document =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as! [String: Any]
    let circles = document["circles"] as! [[String: Any]]
    let ids = circles.flatMap { ($0["members"] as! [[String: Any]]).map { $0["id"] as! String } }
    let mentees = try String(contentsOfFile: "Datasets/sample/mentees.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    #expect(ids.sorted() == mentees.sorted())
    #expect(circles.allSatisfy { (4...6).contains(($0["members"] as! [Any]).count) })
    let summary = document["summary"] as! [String: Double]
    #expect(summary["objective"]! <= summary["bound"]! + 1e-9)
  }

  @Test func theSampleStrandsThreePeopleUnderTheLanguageRule() throws {
    let result = try CLIRunner.run(["circles", "Datasets/sample", "--rounds", "1"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("works in tl and only 2 other participants share one of these or list none"))
    #expect(result.stdout.isEmpty)
  }

  @Test func aSizeRangeThatCannotSplitTheCountIsBadData() throws {
    let folder = try TemporaryFolder()
    let config = try folder.write("config.yaml", "rules:\n  require_shared_language: false\n")
    let output = folder.path("circles.txt")
    // 240 mentees cannot be split into circles of 250 to 260.
    let result = try CLIRunner.run([
      "circles", "Datasets/sample", "--config", config, "--size", "250-260", "-o", output,
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("240 participants cannot be split into circles of 250 to 260 people"))
    #expect(!FileManager.default.fileExists(atPath: output))
    let usage = try CLIRunner.run(["circles", "Datasets/sample", "--size", "6-4"])
    #expect(usage.status == 64)
    #expect(usage.stderr.contains("--size takes MIN-MAX"))
  }
}

@Suite struct CirclesConfigurationTests {
  /// The members of each circle of a JSON circles document.
  func circleSizes(_ path: String) throws -> [Int] {
    let document =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    return (document["circles"] as! [[String: Any]]).map { ($0["members"] as! [Any]).count }
  }

  @Test func theCirclesSectionSetsSizesAndLanguageRuleAndOptionsOverrideIt() throws {
    let folder = try TemporaryFolder()
    // The pair rule keeps the language rule on; the circles section turns it off for circles.
    let config = try folder.write(
      "config.yaml",
      "rules:\n  require_shared_language: true\ncircles:\n  min_size: 3\n  max_size: 4\n"
        + "  require_shared_language: false\n  max_grade_gap: null\n")
    let output = folder.path("circles.json")
    let fromFile = try CLIRunner.run([
      "circles", "Datasets/sample", "--config", config, "--rounds", "1", "--format", "json", "-o", output,
    ])
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    let sizes = try circleSizes(output)
    #expect(!sizes.isEmpty && sizes.allSatisfy { (3...4).contains($0) })
    #expect(sizes.reduce(0, +) == 240)
    let overridden = try CLIRunner.run([
      "circles", "Datasets/sample", "--config", config, "--size", "5-6", "--rounds", "1", "--format", "json", "-o",
      output,
    ])
    #expect(overridden.status == 0, "\(overridden.stderr)")
    #expect(try circleSizes(output).allSatisfy { (5...6).contains($0) })
  }

  @Test func aBadCirclesKeyIsReportedAtItsPlace() throws {
    let folder = try TemporaryFolder()
    let config = try folder.write("config.yaml", "circles:\n  max_size: 1\n")
    let result = try CLIRunner.run(["circles", "Datasets/sample", "--config", config])
    #expect(result.status == 65)
    #expect(result.stderr.contains("config.yaml:2:13: error: 'circles.max_size' is 1"))
    #expect(result.stdout.isEmpty)
  }
}

@Suite struct CirclesRepeatTests {
  /// The circles of a circles CSV file: member ids by circle.
  func circles(_ path: String) throws -> [[String]] {
    let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
    var byCircle: [String: [String]] = [:]
    for row in rows {
      let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      byCircle[cells[0], default: []].append(cells[1])
    }
    return Array(byCircle.values)
  }

  /// Whether two people share a circle in both groupings.
  func repeats(_ first: [[String]], _ second: [[String]]) -> Int {
    var circleOf: [String: Int] = [:]
    for (index, circle) in first.enumerated() { for id in circle { circleOf[id] = index } }
    var count = 0
    for circle in second {
      for a in circle { for b in circle where a < b && circleOf[a] == circleOf[b] { count += 1 } }
    }
    return count
  }

  @Test func laterCirclesAvoidEarlierCircleMatesFromTheHistoryFileAndTheLedger() throws {
    let folder = try TemporaryFolder()
    let config = try folder.write("config.yaml", "circles:\n  require_shared_language: false\n")
    let ledger = folder.path("ledger.sqlite")
    let first = folder.path("first.csv")
    let base = ["circles", "Datasets/sample", "--config", config, "--rounds", "2", "--format", "csv"]
    let recorded = try CLIRunner.run(base + ["-o", first, "--record", "spring", "--ledger", ledger])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(recorded.stderr.contains("recorded"))
    let earlier = try circles(first)
    #expect(earlier.reduce(0) { $0 + $1.count } == 240)

    // The same run again repeats circle-mates (the search is deterministic) unless told not to.
    let again = folder.path("again.csv")
    #expect(try CLIRunner.run(base + ["-o", again, "--allow-repeats", "--ledger", ledger]).status == 0)
    #expect(repeats(earlier, try circles(again)) > 0)

    let fromFile = folder.path("from-file.csv")
    let viaHistory = try CLIRunner.run(base + ["-o", fromFile, "--circle-history", first])
    #expect(viaHistory.status == 0, "\(viaHistory.stderr)")
    #expect(repeats(earlier, try circles(fromFile)) == 0)

    let fromLedger = folder.path("from-ledger.csv")
    let viaLedger = try CLIRunner.run(base + ["-o", fromLedger, "--ledger", ledger])
    #expect(viaLedger.status == 0, "\(viaLedger.stderr)")
    #expect(repeats(earlier, try circles(fromLedger)) == 0)
    // It says which ledger it read and how many circle-mate pairs that keeps apart (none is 0 here).
    let line = viaLedger.stderr.split(separator: "\n").first {
      $0.hasPrefix("ledger \(ledger): ") && $0.hasSuffix(" recorded circle-mate pairs kept apart")
    }
    let count = line.flatMap { Int($0.dropFirst("ledger \(ledger): ".count).prefix { $0.isNumber }) }
    #expect((count ?? 0) > 0, "\(viaLedger.stderr)")

    let duplicate = try CLIRunner.run(base + ["-o", folder.path("dup.csv"), "--record", "spring", "--ledger", ledger])
    #expect(duplicate.status == 65)
    #expect(!FileManager.default.fileExists(atPath: folder.path("dup.csv")))
  }

  @Test func aBadHistoryFileIsReportedAtItsCell() throws {
    let folder = try TemporaryFolder()
    let history = try folder.write("history.csv", "circle,member\n1,\n")
    let result = try CLIRunner.run(["circles", "Datasets/sample", "--circle-history", history])
    #expect(result.status == 65)
    #expect(result.stderr.contains("history.csv:2:3: error: empty member id"))
    #expect(result.stdout.isEmpty)
  }
}
