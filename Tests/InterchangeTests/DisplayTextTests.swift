import CompetencyModel
import Foundation
import Rationale
import Testing
import ZIPFoundation
import _TestSupport

@testable import Interchange

/// Control characters from the input never reach a human-facing format raw;
/// identifiers still round-trip exactly through CSV and JSON.
@Suite struct DisplayTextTests {
  /// A name that would retitle the terminal, ring its bell, clear the screen
  /// (C1 CSI) and split a Markdown row.
  static let hostileName = "Eve\u{1B}]0;pwned\u{07}\u{9B}2J\u{7F}\r\n| x"
  /// An identifier holding ESC and a tab.
  static let hostileID = "E\u{1B}[31m\t1"

  static func isRawControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar != "\n" && DisplayText.isControl(scalar)
  }

  @Test func escapesEveryControlCharacterAndNothingElse() {
    #expect(DisplayText.visible("plain Zoë 名前 | <b>") == "plain Zoë 名前 | <b>")
    #expect(
      DisplayText.visible("a\u{0}b\u{1F}c\u{7F}d\u{80}e\u{9F}f\u{A0}")
        == "a\\u{0}b\\u{1F}c\\u{7F}d\\u{80}e\\u{9F}f\u{A0}")
    #expect(DisplayText.visible("\r\n\t") == "\\u{D}\\u{A}\\u{9}")
    #expect(DisplayText.visible("a\r\n\tb\u{1B}", keepingLineBreaks: true) == "a\\u{D}\n\tb\\u{1B}")
    let problem = InputError(file: "m.csv", line: 2, column: 3, message: "found 'x\u{1B}[31m'")
    #expect(problem.description == "m.csv:2:3: error: found 'x\\u{1B}[31m'")
    // Against a direct definition, on every scalar below U+0100.
    for value in UInt32(0)..<0x100 {
      let scalar = Unicode.Scalar(value)!
      let control = value < 0x20 || (0x7F...0x9F).contains(value)
      #expect(DisplayText.isControl(scalar) == control)
      let expected = control ? "\\u{\(String(value, radix: 16, uppercase: true))}" : String(Character(scalar))
      #expect(DisplayText.visible("x" + String(Character(scalar)) + "y") == "x" + expected + "y")
    }
  }

  /// A one-pair plan whose mentee has the hostile id and name, and an
  /// unmatched mentee with the hostile name too.
  static func plan() -> PairingPlan {
    var mentee = CohortFixtures.mentee(hostileID, levels: [1, 1], goals: [3, nil])
    mentee.person.name = hostileName
    var other = CohortFixtures.mentee("E2", levels: [1, 1], goals: [3, nil])
    other.person.name = hostileName
    var mentor = CohortFixtures.mentor("M1", levels: [4, 4], capacity: 1)
    mentor.person.name = "Mal\u{1B}[2J"
    mentor.person.email = "mal\u{7}@example.com"
    let cohort = Cohort(competencies: ["Lead\u{1B}ership", "Coaching"], mentors: [mentor], mentees: [mentee, other])
    return CohortMatcher.match(cohort, configuration: MatchingConfiguration())
  }

  @Test(arguments: [PlanFormat.table, .markdown, .html])
  func textReportsHoldNoRawControlCharacters(format: PlanFormat) {
    let plan = Self.plan()
    #expect(plan.pairs.count == 1 && plan.unmatched.count == 1)
    let text = format.render(plan)
    #expect(!text.unicodeScalars.contains(where: Self.isRawControl))
    #expect(text.contains("Eve\\u{1B}]0;pwned\\u{7}\\u{9B}2J\\u{7F}\\u{D}\\u{A}") || format == .markdown)
  }

  @Test func markdownRowsStayWhole() {
    let text = PlanFormat.markdown.render(Self.plan())
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("|") }
    // Header, rule and one pair; header, rule and one unmatched mentee.
    #expect(rows.count == 6)
    func borders(_ row: Substring) -> Int {
      var count = 0
      var escaped = false
      for ch in row {
        if ch == "|" && !escaped { count += 1 }
        escaped = ch == "\\" && !escaped
      }
      return count
    }
    // Six columns in the pairs table, two in the unmatched one.
    #expect(rows.map(borders) == [7, 7, 7, 3, 3, 3])
    #expect(rows[5].contains("Eve\\\\u{1B}\\]0;pwned\\\\u{7}"))
  }

  @Test func csvEscapesNamesAndKeepsIdentifiersExact() throws {
    let text = PlanFormat.csv.render(Self.plan())
    let table = try CSVTable.parse(text, file: "plan.csv")
    let header = table.header.fields.map(\.value)
    let id = try #require(header.firstIndex(of: "mentee_id"))
    let name = try #require(header.firstIndex(of: "mentee_name"))
    let mentorName = try #require(header.firstIndex(of: "mentor_name"))
    let email = try #require(header.firstIndex(of: "mentor_email"))
    let matched = try #require(table.records.first { $0[0].value == "matched" })
    #expect(matched[id].value == Self.hostileID)
    #expect(matched[name].value == DisplayText.visible(Self.hostileName))
    #expect(matched[mentorName].value == "Mal\\u{1B}[2J")
    #expect(matched[email].value == "mal\\u{7}@example.com")
    // Outside the identifier, no control character is left.
    let withoutID = text.replacingOccurrences(of: CSVWriter.quoted(Self.hostileID), with: "")
    #expect(!withoutID.unicodeScalars.contains(where: Self.isRawControl))
  }

  @Test func jsonKeepsIdentifiersAndNamesExactAndEscaped() throws {
    let data = try PlanFormat.json.data(Self.plan())
    #expect(!String(decoding: data, as: UTF8.self).unicodeScalars.contains(where: Self.isRawControl))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let pair = try #require((document["pairs"] as? [[String: Any]])?.first)
    let mentee = try #require(pair["mentee"] as? [String: Any])
    #expect(mentee["id"] as? String == Self.hostileID)
    #expect(mentee["name"] as? String == Self.hostileName)
  }

  @Test func xlsxCellsShowEscapes() throws {
    let data = try PlanFormat.xlsx.data(Self.plan())
    let archive = try Archive(data: data, accessMode: .read)
    for sheet in 1...3 {
      let entry = try #require(archive["xl/worksheets/sheet\(sheet).xml"])
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      let xml = String(decoding: bytes, as: UTF8.self)
      #expect(!xml.unicodeScalars.contains(where: Self.isRawControl))
      if sheet < 3 { #expect(xml.contains("Eve\\u{1B}]0;pwned\\u{7}")) }
    }
  }
}
