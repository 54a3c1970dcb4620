import CompetencyModel
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// The cohort and outcomes readers' fast paths against their careful paths,
/// on seeded random files: on well-formed files the fast path answers (so
/// it is the one measured) with the careful path's result; on damaged files
/// it either gives that same result or steps aside, so every error and
/// warning still comes from the careful path, word for word.
@Suite struct ReaderFastPathTests {
  /// Cell texts that are awkward in a cohort or outcomes file.
  private static let damage: [String] = [
    "\"quoted\"", "a\"b", "abc", "7", "-1", "nan", "inf", "1e400", " 2.5 ", "\t3\t", "Proficient", "expert",
    "'3", "'=x", "", " ", "\u{A0}3", "3\u{A0}", "é", "e\u{301}", "1,5", "\r", "x\ry", "0x1p3", ".5", "5.", "+4",
    "-0", "1e-3", "0.30000000000000004", "\u{FEFF}3",
  ]

  /// A generated cohort file's text, CRLF or BOM at random, with some
  /// cells, lines or bytes damaged when `damaged`.
  private func cohortText(_ side: CohortColumns.Side, seed: UInt64, damaged: Bool) -> String {
    var random = SplitMix(seed: seed)
    var cohort = CohortFixtures.generated(mentees: 40, mentors: 12, competencies: 5, seed: seed)
    for i in cohort.mentees.indices where random.next() % 4 == 0 {
      cohort.mentees[i].person.name =
        ["Zoë Ångström", "李雷", "O'Brien", "=cmd", "Ana-Lú", "Smith, Jo", "\"Jo\""][
          Int(random.next() % (damaged ? 7 : 5))]
    }
    var text =
      side == .mentors
      ? CohortWriter.mentorsCSV(cohort) : CohortWriter.menteesCSV(cohort)
    let crlf = random.next() % 3 == 0
    if random.next() % 4 == 0 { text = "\u{FEFF}" + text }
    if random.next() % 4 == 0 { text += "\n,,,\n\n" }
    // Split on LF bytes: "\r\n" is one Character, which a search for "\n" would not find.
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard damaged else { return lines.joined(separator: crlf ? "\r\n" : "\n") }
    for _ in 0..<(1 + Int(random.next() % 3)) {
      let l = Int(random.next() % UInt64(lines.count))
      var cells = lines[l].components(separatedBy: ",")
      switch random.next() % 6 {
      case 0: lines.insert(lines[max(1, l)], at: l)  // a duplicate id
      case 1: cells.removeLast()  // a short row
      case 2: lines[l] = ""  // a blank line
      default:
        let c = Int(random.next() % UInt64(cells.count))
        cells[c] = Self.damage[Int(random.next() % UInt64(Self.damage.count))]
      }
      if !cells.isEmpty && lines.indices.contains(l) && lines[l] != "" { lines[l] = cells.joined(separator: ",") }
    }
    return lines.joined(separator: crlf ? "\r\n" : "\n")
  }

  private func summary(_ parser: CohortFileParser?) -> String {
    guard let parser else { return "nil" }
    return "\(parser.rows)|\(parser.managerLinks.map { "\($0.person) \($0.manager) \($0.line):\($0.column)" })|"
      + "\(parser.firstLine.sorted { $0.key < $1.key })"
  }

  @Test(arguments: [CohortColumns.Side.mentors, .mentees])
  func cohortFilesReadTheSameBothWays(side: CohortColumns.Side) {
    let file = side == .mentors ? "mentors.csv" : "mentees.csv"
    let date = TimeZoneParser.defaultReferenceDate
    var fastAnswered = 0
    for seed in UInt64(1)...60 {
      for damaged in [false, true] {
        let text = cohortText(side, seed: seed, damaged: damaged)
        var carefulProblems: [InputError] = []
        let careful = CohortFileParser.readCarefully(
          text, file: file, side: side, referenceDate: date, mapping: CohortMapping(), problems: &carefulProblems)
        let fast = CohortFileParser.parseWellFormed(
          text, file: file, side: side, referenceDate: date, mapping: CohortMapping())
        if let fast {
          fastAnswered += 1
          #expect(carefulProblems.isEmpty, "seed \(seed): the fast path took a file with problems")
          #expect(summary(fast) == summary(careful), "seed \(seed)")
        } else if !damaged {
          Issue.record("seed \(seed): the fast path stepped aside on a well-formed file")
        }
        var problems: [InputError] = []
        let read = CohortFileParser.read(
          .success(text), file: file, side: side, referenceDate: date, problems: &problems)
        #expect(problems == carefulProblems, "seed \(seed)")
        #expect(summary(read) == summary(careful), "seed \(seed)")
      }
    }
    #expect(fastAnswered >= 60)
  }

  @Test(arguments: [CohortColumns.Side.mentors, .mentees])
  func longCohortFilesReadTheSameBothWays(side: CohortColumns.Side) throws {
    // Over a megabyte: cut into chunks read on every core, ids checked across them.
    let cohort = CohortFixtures.generated(mentees: 3500, mentors: 4000, competencies: 64, seed: 9)
    let text = side == .mentors ? CohortWriter.mentorsCSV(cohort) : CohortWriter.menteesCSV(cohort)
    #expect(text.utf8.count >= 1 << 20)
    let date = TimeZoneParser.defaultReferenceDate
    var problems: [InputError] = []
    let careful = CohortFileParser.readCarefully(
      text, file: "f.csv", side: side, referenceDate: date, mapping: CohortMapping(), problems: &problems)
    let fast = try #require(
      CohortFileParser.parseWellFormed(text, file: "f.csv", side: side, referenceDate: date, mapping: CohortMapping()))
    #expect(problems.isEmpty)
    #expect(summary(fast) == summary(careful))
    // The last row's id again at the end: a duplicate across chunks, which only the careful path reports.
    let lines = text.split(separator: "\n")
    let repeated = text + lines[lines.count - 1].replacingOccurrences(of: "\r", with: "") + "\n"
    #expect(
      CohortFileParser.parseWellFormed(
        repeated, file: "f.csv", side: side, referenceDate: date, mapping: CohortMapping()) == nil)
    let first = lines[1].replacingOccurrences(of: "\r", with: "")
    #expect(
      CohortFileParser.parseWellFormed(
        text + first + "\n", file: "f.csv", side: side, referenceDate: date, mapping: CohortMapping()) == nil)
  }

  @Test func aNonASCIILinePlacesItsManagerCellAsTheTokenizerDoes() throws {
    let text = "id,name,manager,level:SQL,goal:SQL\ne1,Zoë e\u{301}\u{301},m1,1,3\ne2,李雷,e1,2,4\n"
    let fast = try #require(
      CohortFileParser.parseWellFormed(
        text, file: "f.csv", side: .mentees, referenceDate: TimeZoneParser.defaultReferenceDate,
        mapping: CohortMapping()))
    var problems: [InputError] = []
    let careful = CohortFileParser.readCarefully(
      text, file: "f.csv", side: .mentees, referenceDate: TimeZoneParser.defaultReferenceDate,
      mapping: CohortMapping(), problems: &problems)
    #expect(fast.managerLinks.map(\.column) == [10, 7])
    #expect(summary(fast) == summary(careful))
  }

  /// A random outcomes file, well formed or damaged; `rows` long files
  /// (over a megabyte) are cut into chunks and their pairs checked on every core.
  private func outcomesText(seed: UInt64, damaged: Bool, rows: Int? = nil) -> String {
    var random = SplitMix(seed: seed)
    let headers = ["mentee,mentor,outcome", "Outcome,Mentee,Mentor", "mentor , mentee,outcome,note"]
    let header = headers[Int(random.next() % 3)]
    let keys = header.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let end = random.next() % 3 == 0 ? "\r\n" : "\n"
    var lines = [header]
    let ids = rows.map { max(11, $0 / 8) } ?? 11
    for r in 0..<(rows ?? (5 + Int(random.next() % 40))) {
      let value = [
        "4.5", " 3 ", "-2", "1e3", "0.1", "-0", "1000000", "-1e6", String(Double(random.next() % 1000) / 7),
      ][Int(random.next() % 9)]
      var mentee = r % 6 == 0 ? "é\(r % 9)" : "e\(r % ids)"
      // A repeated pair with the same value is dropped; a long file repeats its pairs so.
      let code = mentee.unicodeScalars.reduce(r % 4) { $0 &* 31 &+ Int($1.value) }
      let repeatValue = rows == nil ? value : String(code % 7)
      // Ids as HR files give them: padded, neutralised, quoted; ids no cohort knows are read all the same.
      switch random.next() % 40 {
      case 0: mentee = " \(mentee) "
      case 1: mentee = "'\(mentee)"
      case 2: mentee = "'=\(mentee)"
      case 3 where rows == nil: mentee = "\"\(mentee)\""
      case 4: mentee = "unknown-\(mentee)"
      default: break
      }
      lines.append(
        keys.map { key in
          switch key {
          case "mentee": mentee
          case "mentor": "m\(r % 4)"
          case "outcome": random.next() % 5 == 0 || rows != nil ? repeatValue : value
          default: "n\(r)"
          }
        }.joined(separator: ","))
    }
    if damaged {
      let l = 1 + Int(random.next() % UInt64(lines.count - 1))
      var cells = lines[l].components(separatedBy: ",")
      cells[Int(random.next() % UInt64(cells.count))] = Self.damage[Int(random.next() % UInt64(Self.damage.count))]
      lines[l] = cells.joined(separator: ",")
    }
    if random.next() % 4 == 0 { lines.insert("", at: 1 + Int(random.next() % UInt64(lines.count))) }
    if random.next() % 5 == 0 { lines.insert(",,", at: 1 + Int(random.next() % UInt64(lines.count))) }
    return (random.next() % 5 == 0 ? "\u{FEFF}" : "") + lines.joined(separator: end) + end
  }

  @Test func outcomesFilesReadTheSameBothWays() {
    var fastAnswered = 0
    for seed in UInt64(1)...150 {
      for damaged in [false, true] {
        let text = outcomesText(seed: seed, damaged: damaged)
        let careful = Result { () throws(InputErrors) in try OutcomesReader.parseCarefully(text, file: "o.csv") }
        let both = Result { () throws(InputErrors) in try OutcomesReader.parse(text, file: "o.csv") }
        if let fast = OutcomesReader.parseWellFormed(text, file: "o.csv") {
          fastAnswered += 1
          #expect((try? careful.get()) == fast, "seed \(seed)")
          #expect(fast.map(\.value.bitPattern) == (try? careful.get())?.map(\.value.bitPattern))
        }
        switch (careful, both) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a.errors == b.errors, "seed \(seed)")
        default: Issue.record("seed \(seed): one path failed, the other did not")
        }
      }
    }
    #expect(fastAnswered >= 100)
  }

  @Test func longOutcomesFilesReadTheSameBothWays() throws {
    for seed in UInt64(1)...3 {
      for damaged in [false, true] {
        let text = outcomesText(seed: 1000 + seed, damaged: damaged, rows: 110_000)
        #expect(text.utf8.count >= 1 << 20)
        let careful = Result { () throws(InputErrors) in try OutcomesReader.parseCarefully(text, file: "o.csv") }
        let both = Result { () throws(InputErrors) in try OutcomesReader.parse(text, file: "o.csv") }
        if let fast = OutcomesReader.parseWellFormed(text, file: "o.csv") {
          #expect((try? careful.get()) == fast, "seed \(seed)")
          #expect(fast.count < 110_000, "repeated pairs are dropped")
        } else if !damaged {
          Issue.record("seed \(seed): the fast path stepped aside on a well-formed file")
        }
        switch (careful, both) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a.errors == b.errors, "seed \(seed)")
        default: Issue.record("seed \(seed): one path failed, the other did not")
        }
      }
    }
  }
}
