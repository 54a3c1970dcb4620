import Foundation
import Testing
import _TestSupport

@Suite struct MatchCommandTests {
  func generate(_ folder: TemporaryFolder, mentees: Int = 60, mentors: Int = 20, seed: Int = 5) throws -> String {
    let cohort = folder.path("cohort")
    let result = try CLIRunner.run([
      "generate", "--mentees", "\(mentees)", "--mentors", "\(mentors)", "--competencies", "8", "--seed", "\(seed)",
      "--output", cohort,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return cohort
  }

  func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func planAgreesWithSolveOnTheScoreMatrix() throws {
    let folder = try TemporaryFolder()
    let cohort = try generate(folder)
    let plan = try CLIRunner.run(["match", cohort, "--format", "json"])
    #expect(plan.status == 0, "\(plan.stderr)")
    let document = try json(plan.stdout)
    let summary = try #require(document["summary"] as? [String: Any])
    let pairs = try #require(document["pairs"] as? [[String: Any]])
    let unmatched = try #require(document["unmatched"] as? [[String: Any]])
    #expect(pairs.count + unmatched.count == 60)
    let firstMentee = try #require(pairs.first?["mentee"] as? [String: Any])
    #expect((firstMentee["email"] as? String)?.hasSuffix("@example.com") == true)
    #expect(summary["matched"] as? Int == pairs.count)

    let scores = try CLIRunner.run([
      "score", cohort, "--output", folder.path("scores.csv"), "--capacities-output", folder.path("caps.csv"),
    ])
    #expect(scores.status == 0, "\(scores.stderr)")
    let solved = try CLIRunner.run([
      "solve", folder.path("scores.csv"), "--capacities", folder.path("caps.csv"), "--format", "json",
    ])
    #expect(solved.status == 0, "\(solved.stderr)")
    let solution = try json(solved.stdout)
    let objective = try #require(document["objective"] as? Double)
    let solveObjective = try #require(solution["objective"] as? Double)
    #expect(abs(objective - solveObjective) < 1e-9)
    #expect(solution["assigned"] as? Int == pairs.count)
    // The timings hold the solver's seconds alone, as a finite non-negative number.
    let timings = try #require(solution["timings"] as? [String: Any])
    #expect(Set(timings.keys) == ["solve"])
    let seconds = try #require(timings["solve"] as? Double)
    #expect(seconds.isFinite && seconds >= 0)
  }

  @Test func everyFormatRendersAndIsDeterministic() throws {
    let folder = try TemporaryFolder()
    let cohort = try generate(folder, mentees: 30, mentors: 8)
    for format in ["table", "csv", "json", "markdown", "html"] {
      let a = try CLIRunner.run(["match", cohort, "--format", format, "--output", folder.path("a.\(format)")])
      let b = try CLIRunner.run(["match", cohort, "--format", format, "--output", folder.path("b.\(format)")])
      #expect(a.status == 0 && b.status == 0)
      let first = try folder.read("a.\(format)")
      #expect(!first.isEmpty)
      #expect(first == (try folder.read("b.\(format)")))
    }
    let csv = try folder.read("a.csv")
    #expect(csv.hasPrefix("status,mentee_id,mentee_name,mentee_email,mentor_id"))
    // One row per mentee, then the capacity advice rows (Docs/plan-format.md#capacity-advice).
    let lines = csv.split(separator: "\n")
    #expect(lines.filter { !$0.hasPrefix("capacity_advice,") }.count == 31)
    #expect(lines.drop { !$0.hasPrefix("capacity_advice,") }.allSatisfy { $0.hasPrefix("capacity_advice,") })
    #expect(try folder.read("a.markdown").contains("| Mentee | Mentor | Score | Rank | Why |"))
  }

  @Test func shortCapacityLeavesMenteesUnmatchedWithAReason() throws {
    let folder = try TemporaryFolder()
    let cohort = try generate(folder, mentees: 40, mentors: 3)
    let result = try CLIRunner.run(["match", cohort])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Unmatched:"))
    #expect(result.stdout.contains("capacity exhausted"))
  }

  @Test func usesTheFoldersConfigurationAndHistory() throws {
    let folder = try TemporaryFolder()
    let cohort = try generate(folder, mentees: 20, mentors: 10)
    let before = try CLIRunner.run(["match", cohort, "--format", "json"])
    _ = try folder.write(
      "cohort/config.yaml", "weights:\n  competency: 0\n  seniority: 0\n  cross_department: 0\n  timezone: 0\n")
    let after = try CLIRunner.run(["match", cohort, "--format", "json"])
    #expect(before.status == 0 && after.status == 0)
    #expect(try json(after.stdout)["objective"] as? Double == 0)
    #expect(try json(before.stdout)["objective"] as? Double ?? 0 > 0)
  }

  @Test func generateIsDeterministic() throws {
    let folder = try TemporaryFolder()
    for name in ["x", "y"] {
      let result = try CLIRunner.run([
        "generate", "--mentees", "25", "--mentors", "9", "--seed", "77", "--output", folder.path(name),
      ])
      #expect(result.status == 0)
    }
    for file in ["mentors.csv", "mentees.csv", "history.csv"] {
      #expect(try folder.read("x/\(file)") == (try folder.read("y/\(file)")))
    }
    let again = try CLIRunner.run(["generate", "--output", folder.path("x")])
    #expect(again.status == 73)
    #expect(again.stderr.contains("--force"))
  }
}

extension MatchCommandTests {
  @Test func fairnessModeReportsBothObjectives() throws {
    let result = try CLIRunner.run(["match", "Datasets/sample", "--fairness", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try json(result.stdout)
    let summary = try #require(document["summary"] as? [String: Any])
    let fairness = try #require(summary["fairness"] as? [String: Any])
    let bottleneck = try #require(fairness["bottleneck"] as? Double)
    let minimum = try #require(summary["minimumScore"] as? Double)
    #expect(abs(bottleneck - minimum) < 1e-12)
    let table = try CLIRunner.run(["match", "Datasets/sample", "--fairness"])
    #expect(table.stdout.contains("Fairness objective: lowest fit"))
  }
}

extension MatchCommandTests {
  @Test func xlsxGoesToAFileOnly() throws {
    let folder = try TemporaryFolder()
    let refused = try CLIRunner.run(["match", "Datasets/sample", "--format", "xlsx"])
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("binary: name a file with --output"))
    for name in ["a.xlsx", "b.xlsx"] {
      let result = try CLIRunner.run(["match", "Datasets/sample", "--format", "xlsx", "--output", folder.path(name)])
      #expect(result.status == 0, "\(result.stderr)")
    }
    let a = try Data(contentsOf: folder.url.appendingPathComponent("a.xlsx"))
    #expect(a.prefix(2) == Data("PK".utf8))
    #expect(a == (try Data(contentsOf: folder.url.appendingPathComponent("b.xlsx"))))
  }
}

extension MatchCommandTests {
  @Test func compareShowsWhatChanges() throws {
    let folder = try TemporaryFolder()
    let a = try folder.write("a.yaml", "weights:\n  competency: 1\n")
    let b = try folder.write("b.yaml", "weights:\n  competency: 1\nminimum_score: 1.2\n")
    let result = try CLIRunner.run(["compare", "Datasets/sample", "--config", a, "--config", b])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("kept "))
    #expect(result.stdout.contains("matched: 235 → "))
    let wrong = try CLIRunner.run(["compare", "Datasets/sample", "--config", a])
    #expect(wrong.status == 64)
  }
}

extension MatchCommandTests {
  /// `compare` takes the pair rules and the ledger like the other cohort commands.
  @Test func compareAppliesPairRulesAndTheLedger() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: folder.path("c"), withIntermediateDirectories: true)
    _ = try folder.write("c/mentors.csv", "id,name,capacity,level:Coaching\nm1,Ann,1,5\nm2,Bo,1,3\n")
    _ = try folder.write("c/mentees.csv", "id,name,level:Coaching,goal:Coaching\ne1,Cy,1,3\ne2,Di,1,4\n")
    let a = try folder.write("a.yaml", "weights:\n  competency: 1\n")
    let b = try folder.write("b.yaml", "weights:\n  competency: 2\n")
    let plain = try CLIRunner.run(["compare", folder.path("c"), "--config", a, "--config", b])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout.contains("matched: 2 → 2"))
    // Pair rules that leave e1 no mentor.
    let rules = try folder.write("rules.csv", "mentee,mentor,rule\ne1,m1,never\ne1,m2,never\n")
    let ruled = try CLIRunner.run(["compare", folder.path("c"), "--config", a, "--config", b, "--pair-rules", rules])
    #expect(ruled.status == 0, "\(ruled.stderr)")
    #expect(ruled.stdout.contains("matched: 1 → 1"))
    let bad = try folder.write("bad.csv", "mentee,mentor,rule\ne1,m1,maybe\n")
    let refused = try CLIRunner.run(["compare", folder.path("c"), "--config", a, "--config", b, "--pair-rules", bad])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("bad.csv:2:7: error: rule 'maybe'"))
    // Two recorded cohorts (the same people, other files each time: a cohort's own
    // recording is not its history): the second avoids the first's pairs, so the
    // ledger ends up holding all four pairs, and a third cohort that avoids them
    // matches nobody.
    let ledger = folder.path("ledger.sqlite")
    for (index, name) in ["first", "second", "third"].enumerated() where index > 0 {
      try FileManager.default.createDirectory(atPath: folder.path(name), withIntermediateDirectories: true)
      _ = try folder.write("\(name)/mentors.csv", try folder.read("c/mentors.csv"))
      _ = try folder.write(
        "\(name)/mentees.csv", try folder.read("c/mentees.csv") + String(repeating: "\n", count: index))
    }
    for (name, cohort) in [("first", "c"), ("second", "second")] {
      let recorded = try CLIRunner.run(["ledger", "record", folder.path(cohort), "--name", name, "--ledger", ledger])
      #expect(recorded.status == 0, "\(recorded.stderr)")
      #expect(recorded.stdout.contains("2 pairs, 0 unmatched"))
    }
    let avoided = try CLIRunner.run([
      "compare", folder.path("third"), "--config", a, "--config", b, "--ledger", ledger,
    ])
    #expect(avoided.status == 0, "\(avoided.stderr)")
    #expect(avoided.stdout.contains("matched: 0 → 0"))
    #expect(avoided.stderr.contains("4 recorded pairs excluded (from 2 earlier cohorts: 'first', 'second')"))
  }
}
