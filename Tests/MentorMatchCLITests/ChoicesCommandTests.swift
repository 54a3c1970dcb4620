import Foundation
import Testing
import _TestSupport

/// `shortlist` and several mentors per mentee, end to end.
@Suite struct ChoicesCommandTests {
  func cohort(_ folder: TemporaryFolder, mentees: Int = 30, mentors: Int = 10, capacity: Int? = nil) throws -> String {
    let result = try CLIRunner.run(
      [
        "generate", "--mentees", "\(mentees)", "--mentors", "\(mentors)", "--competencies", "6", "--seed", "7",
        "--output", folder.path("cohort"),
      ] + (capacity.map { ["--capacity", "\($0)"] } ?? []))
    #expect(result.status == 0, "\(result.stderr)")
    return folder.path("cohort")
  }

  func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Adds a `mentors_wanted` column: `wanted(row)` for each mentee row (1-based).
  func askForSeveral(_ cohort: String, _ wanted: (Int) -> String) throws {
    let file = cohort + "/mentees.csv"
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: true)
    var out = lines[0] + ",mentors_wanted\n"
    for (k, line) in lines.dropFirst().enumerated() { out += line + "," + wanted(k + 1) + "\n" }
    try out.write(toFile: file, atomically: true, encoding: .utf8)
  }

  @Test func shortlistStartsWithThePlanAndBoundsExposure() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder)
    let plan = try json(try CLIRunner.run(["match", cohort, "--format", "json"]).stdout)
    var planned: [String: String] = [:]
    for pair in try #require(plan["pairs"] as? [[String: Any]]) {
      let mentee = try #require(pair["mentee"] as? [String: Any])
      let mentor = try #require(pair["mentor"] as? [String: Any])
      planned[mentee["id"] as! String] = mentor["id"] as? String
    }
    let result = try CLIRunner.run(["shortlist", cohort, "--size", "2", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try json(result.stdout)
    #expect(document["schema"] as? String == "mentor-match/shortlist")
    let lists = try #require(document["shortlists"] as? [[String: Any]])
    #expect(lists.count == 30)
    var exposure: [String: Int] = [:]
    for list in lists {
      let mentee = try #require((list["mentee"] as? [String: Any])?["id"] as? String)
      let suggestions = try #require(list["suggestions"] as? [[String: Any]])
      #expect(suggestions.count <= 2)
      let ids = suggestions.compactMap { ($0["mentor"] as? [String: Any])?["id"] as? String }
      #expect(ids.count == suggestions.count)
      if let mentor = planned[mentee] { #expect(ids.first == mentor) }
      for id in ids { exposure[id, default: 0] += 1 }
    }
    for entry in try #require(document["exposure"] as? [[String: Any]]) {
      let id = try #require((entry["mentor"] as? [String: Any])?["id"] as? String)
      #expect(entry["lists"] as? Int == exposure[id] ?? 0)
      #expect((entry["lists"] as? Int ?? 0) <= (entry["bound"] as? Int ?? -1))
    }
    for format in ["table", "csv", "markdown", "html"] {
      let rendered = try CLIRunner.run(["shortlist", cohort, "--size", "2", "--format", format])
      #expect(rendered.status == 0, "\(rendered.stderr)")
      #expect(!rendered.stdout.isEmpty)
    }
    let xlsx = try CLIRunner.run(["shortlist", cohort, "-o", folder.path("lists.xlsx")])
    #expect(xlsx.status == 0, "\(xlsx.stderr)")
    let bad = try CLIRunner.run(["shortlist", cohort, "--size", "0"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--size must be a whole number from 1 to 20."))
  }

  @Test func severalMentorsShowInEveryFormat() throws {
    let folder = try TemporaryFolder()
    // 40 places for 30 mentees: every mentee gets a first mentor, and the six
    // who ask for two can get a second.
    let cohort = try cohort(folder, capacity: 4)
    try askForSeveral(cohort) { $0 % 5 == 1 ? "2" : "" }
    let result = try CLIRunner.run(["match", cohort, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let pairs = try #require(try json(result.stdout)["pairs"] as? [[String: Any]])
    var mentorsOf: [String: [String]] = [:]
    for pair in pairs {
      let mentee = try #require((pair["mentee"] as? [String: Any])?["id"] as? String)
      mentorsOf[mentee, default: []].append(try #require((pair["mentor"] as? [String: Any])?["id"] as? String))
    }
    #expect(mentorsOf.count == 30)
    #expect(mentorsOf.values.filter { $0.count == 2 }.count == 6)
    #expect(mentorsOf.values.allSatisfy { Set($0).count == $0.count && $0.count <= 2 })
    let csv = try CLIRunner.run(["match", cohort, "--format", "csv"])
    #expect(csv.status == 0)
    let twice = try #require(mentorsOf.first { $0.value.count == 2 }?.key)
    #expect(csv.stdout.split(separator: "\n").filter { $0.contains(twice + ",") }.count == 2)
    let table = try CLIRunner.run(["match", cohort])
    #expect(table.stdout.contains("(asked for 2)"))
  }

  @Test func badMentorsWantedIsAnErrorAtItsCell() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder)
    try askForSeveral(cohort) { $0 == 3 ? "0" : "1" }
    let result = try CLIRunner.run(["match", cohort])
    #expect(result.status == 65)
    #expect(result.stderr.contains("mentees.csv:4:"))
    #expect(result.stderr.contains("mentors_wanted 0 is out of range"))
  }

  @Test func choicesFeedTheMatchSoftOrHard() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder)
    let shortlist = try CLIRunner.run(["shortlist", cohort, "--size", "2", "--format", "csv"])
    #expect(shortlist.status == 0, "\(shortlist.stderr)")
    // Every mentee ranks their shortlist in reverse: the plan's mentor last.
    var picks: [String: [String]] = [:]
    for line in shortlist.stdout.split(separator: "\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      picks[String(cells[0]), default: []].append(String(cells[3]))
    }
    var text = "mentee,mentor,rank\n"
    for (mentee, mentors) in picks.sorted(by: { $0.key < $1.key }) {
      for (k, mentor) in mentors.reversed().enumerated() { text += "\(mentee),\(mentor),\(k + 1)\n" }
    }
    let choices = try folder.write("choices.csv", text)
    for mode in ["soft", "hard"] {
      let result = try CLIRunner.run([
        "match", cohort, "--choices", choices, "--choices-mode", mode, "--format", "json",
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let pairs = try #require(try json(result.stdout)["pairs"] as? [[String: Any]])
      let lines = pairs.compactMap { ($0["rationale"] as? [String])?.first }
      let prefix = mode == "soft" ? "choice: " : "hard choice"
      #expect(lines.filter { $0.hasPrefix(prefix) }.count > 10, "\(mode)")
    }
    let hard = try CLIRunner.run(["match", cohort, "--choices-mode", "hard"])
    #expect(hard.status == 64)
    let bad = try folder.write("bad.csv", "mentee,mentor,rank\nE00001,M99999,1\n")
    let refused = try CLIRunner.run(["match", cohort, "--choices", bad])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("bad.csv:2:8: error: mentor 'M99999' is not in the cohort"))
  }
}
