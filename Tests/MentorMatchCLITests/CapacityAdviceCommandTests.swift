import Foundation
import Testing
import _TestSupport

/// The capacity advice in every plan format, and its first entry against
/// re-running `match` with that mentor's capacity raised by one.
@Suite struct CapacityAdviceCommandTests {
  @Test func everyFormatShowsTheAdviceAndTheFirstEntryHoldsWhenReSolved() throws {
    let folder = try TemporaryFolder()
    let (cohort, document) = try Self.generatedPlan(in: folder)
    let summary = try #require(document["summary"] as? [String: Any])
    let advice = try #require(summary["capacityAdvice"] as? [[String: Any]])
    let first = try #require(advice.first)
    let mentor = try #require((first["mentor"] as? [String: Any])?["id"] as? String)
    let fitGain = try #require(first["fitGain"] as? Double)
    #expect(first["extraPlaces"] as? Int == 1)
    #expect(first["matchedGain"] as? Int == 1)
    #expect(advice.count <= 10)

    // Re-solve with one more place at that mentor.
    let mentorsPath = cohort + "/mentors.csv"
    var lines = try String(contentsOfFile: mentorsPath, encoding: .utf8).split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    let capacityColumn = try #require(header.firstIndex(of: "capacity"))
    for index in lines.indices.dropFirst() where lines[index].hasPrefix(mentor + ",") {
      var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      cells[capacityColumn] = String(Int(cells[capacityColumn])! + 1)
      lines[index] = cells.joined(separator: ",")
    }
    let more = folder.path("more")
    try FileManager.default.createDirectory(atPath: more, withIntermediateDirectories: true)
    try (lines.joined(separator: "\n") + "\n").write(toFile: more + "/mentors.csv", atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(atPath: cohort + "/mentees.csv", toPath: more + "/mentees.csv")
    try FileManager.default.copyItem(atPath: cohort + "/history.csv", toPath: more + "/history.csv")
    let resolved = try CLIRunner.run(["match", more, "--format", "json"])
    let after = try #require(JSONSerialization.jsonObject(with: Data(resolved.stdout.utf8)) as? [String: Any])
    let afterSummary = try #require(after["summary"] as? [String: Any])
    #expect((afterSummary["matched"] as? Int) == (summary["matched"] as? Int).map { $0 + 1 })
    let gained = (afterSummary["totalScore"] as? Double ?? 0) - (summary["totalScore"] as? Double ?? 0)
    #expect(abs(gained - fitGain) < 1e-9, "\(gained) vs \(fitGain)")

    // The other formats' summaries.
    let table = try CLIRunner.run(["match", cohort])
    #expect(
      table.stdout.contains(
        "Capacity advice (each line alone: the exact gain of one more place at that mentor, best first):"))
    #expect(table.stdout.contains("one more place at \(mentor) "))
    for format in ["markdown", "html"] {
      let other = try CLIRunner.run(["match", cohort, "--format", format])
      #expect(other.stdout.contains("one more place at \(mentor) "), "\(format)")
    }
    let csv = try CLIRunner.run(["match", cohort, "--format", "csv"])
    #expect(csv.stdout.contains("capacity_advice,,,,\(mentor),"))
  }

  /// The JSON plan's advice for the unmatched mentees the list does not
  /// name: at most ten, in cohort order, each with a place that matches
  /// that mentee or the plan's own reason, and how many more; the table,
  /// Markdown and HTML plans show a line for each.
  @Test func theOtherUnmatchedMenteesGetALineInEveryFormat() throws {
    let folder = try TemporaryFolder()
    let (cohort, document) = try Self.generatedPlan(in: folder)
    let summary = try #require(document["summary"] as? [String: Any])
    let advice = try #require(summary["capacityAdvice"] as? [[String: Any]])
    let named = Set(advice.compactMap { $0["newlyMatched"] as? String })
    let unmatched = try #require(document["unmatched"] as? [[String: Any]])
    let others = unmatched.filter { !named.contains(($0["mentee"] as? [String: Any])?["id"] as? String ?? "") }
    try #require(others.count > 10, "the fixture should leave more than ten others unmatched")
    let byMentee = try #require(summary["capacityAdviceByMentee"] as? [String: Any])
    let entries = try #require(byMentee["mentees"] as? [[String: Any]])
    #expect(entries.count == 10)
    #expect(byMentee["more"] as? Int == others.count - 10)
    for (entry, u) in zip(entries, others) {
      let person = try #require(u["mentee"] as? [String: Any])
      #expect(entry["mentee"] as? String == person["id"] as? String)
      #expect(entry["menteeName"] as? String == person["name"] as? String)
      if let place = entry["advice"] as? [String: Any] {
        #expect(entry["reason"] == nil)
        #expect(place["newlyMatched"] as? String == person["id"] as? String)
        #expect(place["matchedGain"] as? Int == 1)
        #expect((place["moves"] as? [[String: Any]])?.last?["mentee"] as? String == person["id"] as? String)
      } else {
        #expect(entry["reason"] as? String == u["explanation"] as? String)
      }
    }
    let first = try #require(entries.first?["mentee"] as? String)
    let table = try CLIRunner.run(["match", cohort])
    #expect(table.stdout.contains("to match \(first) "))
    #expect(table.stdout.contains("and \(others.count - 10) more unmatched mentees: mentor-match explain --mentee ID"))
    for format in ["markdown", "html"] {
      let other = try CLIRunner.run(["match", cohort, "--format", format])
      #expect(other.stdout.contains("to match \(first) "), "\(format)")
    }
  }

  /// A generated cohort of 40 mentees and 10 mentors with 2 places each (so
  /// many are left unmatched) in `folder`, and its JSON plan.
  static func generatedPlan(in folder: TemporaryFolder) throws -> (cohort: String, document: [String: Any]) {
    let cohort = folder.path("cohort")
    let generated = try CLIRunner.run([
      "generate", "--mentees", "40", "--mentors", "10", "--competencies", "5", "--capacity", "2", "--seed", "5",
      "--output", cohort,
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    let result = try CLIRunner.run(["match", cohort, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    return (cohort, document)
  }
}
