import CompetencyModel
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// The pieces the cohort and outcomes readers' fast paths added for speed,
/// each against the careful code it stands in for: cells split eight bytes
/// at a time and short levels read on the spot (against the tokenizer and
/// ``DecimalParser``), rows read on every core straight into one array
/// (against the careful path, on long files with CRLF, a BOM, blank lines
/// and non-ASCII names), people built on every core (against building them
/// one by one), ids made once per bytes (``RecentIDs``), and ASCII files read
/// straight into their text.
struct ReaderCoresTests {
  /// Cell texts for the splitting test: levels, other decimals, and text.
  private static let cells: [String] = [
    "", "0", "4", "9", "2.5", "0.5", "5.0", "9.9", "10", "1.25", "-1", "+4", "-0", ".5", "5.", "1e3", "x.y", "1.x",
    "a.5", "1..", " 3 ", "\t2.5", "2.5 ", "abc", "é", "李雷", "Zoë Ångström", "tariq.rossi4001@example.com",
    "UTC+01:00", "en;de", "0x1p3", "nan", "inf", "00.5", "1.", "12345678901234567890", "3\u{A0}",
  ]

  @Test func plainLinesSplitAsTheTokenizerDoesAndReadShortLevelsExactly() {
    var random = SplitMix(seed: 21)
    for _ in 0..<3000 {
      let fields = 1 + Int(random.next() % 40)
      // Now and then a line with one cell more or less than the header.
      let count = max(1, fields + [0, 0, 0, 0, 0, 0, -1, 1][Int(random.next() % 8)])
      let line = (0..<count).map { _ in Self.cells[Int(random.next() % UInt64(Self.cells.count))] }
        .joined(separator: ",")
      let text = line + "\n"
      // The careful tokenizer's fields of the line (read as a header, whatever its cells).
      var tokenized: [CSVTable.Field] = []
      var errors: [InputError] = []
      CSVTable.scan(text, file: "", expectedHeader: nil, errors: &errors) { record, isHeader in
        if isHeader { tokenized = record.fields }
      }
      let isBlank = line.allSatisfy { $0 == "," }
      var seen = false
      let lines = Array(text.utf8).withUnsafeBufferPointer { bytes in
        PlainLineCells.forEachRow(bytes, 0..<bytes.count, fields: fields, firstLine: 7) { cells in
          seen = true
          #expect(cells.line == 7)
          #expect(cells.count == tokenized.count)
          for index in 0..<cells.count {
            #expect(cells.value(index) == tokenized[index].value)
            #expect(cells.column(index) == tokenized[index].column)
            #expect(cells.cleanValue(index) == CellText.clean(tokenized[index].value))
            let trimmed = String(
              tokenized[index].value.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
                .reversed())
            switch cells.plainDecimal(index) {
            case .empty: #expect(trimmed.isEmpty)
            case .number(let value):
              #expect(DecimalParser.parse(trimmed)?.bitPattern == value.bitPattern, "\(trimmed)")
            case .other: #expect(!trimmed.isEmpty && DecimalParser.parse(trimmed) == nil, "\(trimmed)")
            }
          }
          return true
        }
      }
      if count != fields && !isBlank {
        #expect(lines == nil && !seen, "a line of \(count) cells under \(fields) columns is not plain")
      } else {
        #expect(lines == 1)
        #expect(seen == !isBlank)
      }
    }
  }

  /// A long cohort file (over a megabyte, so it is read in chunks on every
  /// core) with CRLF line ends, a BOM, blank lines and non-ASCII names at
  /// random places.
  private func longCohortText(_ side: CohortColumns.Side, seed: UInt64) -> String {
    var random = SplitMix(seed: seed)
    var cohort = CohortFixtures.generated(mentees: 3600, mentors: 4200, competencies: 64, seed: seed)
    for i in cohort.mentees.indices where random.next() % 50 == 0 {
      cohort.mentees[i].person.name = ["Zoë Ångström", "李雷", "O'Brien", "Ana-Lú"][Int(random.next() % 4)]
    }
    for i in cohort.mentors.indices where random.next() % 50 == 0 {
      cohort.mentors[i].person.name = ["Zoë Ångström", "李雷", "O'Brien", "Ana-Lú"][Int(random.next() % 4)]
    }
    let text = side == .mentors ? CohortWriter.mentorsCSV(cohort) : CohortWriter.menteesCSV(cohort)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for _ in 0..<20 {
      let at = 1 + Int(random.next() % UInt64(lines.count - 1))
      lines.insert(random.next() % 2 == 0 ? "" : String(repeating: ",", count: 5), at: at)
    }
    let crlf = random.next() % 2 == 0
    return (random.next() % 2 == 0 ? "\u{FEFF}" : "") + lines.joined(separator: crlf ? "\r\n" : "\n")
  }

  private func summary(_ parser: CohortFileParser?) -> String {
    guard let parser else { return "nil" }
    return "\(parser.rows)|\(parser.managerLinks.map { "\($0.person) \($0.manager) \($0.line):\($0.column)" })|"
      + "\(parser.firstLine.sorted { $0.key < $1.key })"
  }

  @Test(arguments: [CohortColumns.Side.mentors, .mentees])
  func longFilesWithBlankLinesAndNonASCIINamesReadTheSameOnEveryCore(side: CohortColumns.Side) throws {
    for seed in UInt64(31)...32 {
      let text = longCohortText(side, seed: seed)
      #expect(text.utf8.count >= 1 << 20)
      let date = TimeZoneParser.defaultReferenceDate
      var problems: [InputError] = []
      let careful = CohortFileParser.readCarefully(
        text, file: "f.csv", side: side, referenceDate: date, mapping: CohortMapping(), problems: &problems)
      #expect(problems.isEmpty)
      let fast = try #require(
        CohortFileParser.parseWellFormed(
          text, file: "f.csv", side: side, referenceDate: date, mapping: CohortMapping()),
        "seed \(seed): the fast path stepped aside on a well-formed file")
      #expect(summary(fast) == summary(careful), "seed \(seed)")
      // A row's id repeated in another chunk, far from the first: only the careful path reads (and reports) it.
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let row = try #require(
        (lines.count / 5..<lines.count).first { !lines[$0].isEmpty && !lines[$0].hasPrefix(",") })
      lines.insert(lines[row], at: lines.count * 4 / 5)
      let repeated = lines.joined(separator: "\n")
      #expect(
        CohortFileParser.parseWellFormed(
          repeated, file: "f.csv", side: side, referenceDate: date, mapping: CohortMapping()) == nil)
      var repeatedProblems: [InputError] = []
      _ = CohortFileParser.read(
        .success(repeated), file: "f.csv", side: side, referenceDate: date, problems: &repeatedProblems)
      #expect(repeatedProblems.contains { $0.message.hasPrefix("duplicate id") })
    }
  }

  /// A people file with a role column: mentors, mentees and people who do
  /// both, some mentees without a goal above their level.
  private func peopleText(rows: Int, seed: UInt64) -> String {
    var random = SplitMix(seed: seed)
    var lines = ["id,name,role,capacity,level:A,level:B,goal:B,goal:A,mentors_wanted"]
    for r in 0..<rows {
      let role = ["mentor", "mentee", "both", "mentee"][Int(random.next() % 4)]
      let a = Double(random.next() % 11) / 2
      let b = Double(random.next() % 11) / 2
      let goalA = random.next() % 3 == 0 ? "" : CompetencyScale.format(min(5, a + Double(random.next() % 3)))
      let goalB = random.next() % 3 == 0 ? "" : CompetencyScale.format(Double(random.next() % 11) / 2)
      lines.append(
        "p\(r),Person \(r),\(role),\(1 + random.next() % 4),\(CompetencyScale.format(a)),\(CompetencyScale.format(b)),"
          + "\(goalB),\(goalA),\(1 + random.next() % 3)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func peopleBuiltOnEveryCoreAreThePeopleBuiltOneByOne() throws {
    for (rows, seed) in [(50, UInt64(1)), (9000, 2), (12_001, 3)] {
      let text = peopleText(rows: rows, seed: seed)
      var problems: [InputError] = []
      var parser = try #require(
        CohortFileParser.readCarefully(
          text, file: "people.csv", side: .people, referenceDate: TimeZoneParser.defaultReferenceDate,
          mapping: CohortMapping(), problems: &problems))
      #expect(problems.isEmpty)
      // Cohort order differs from the file's goal columns (B before A), so goals are placed, not handed over.
      let index = ["a": 0, "b": 1]
      let slots = parser.slots(competencyIndex: index)
      #expect(!slots.goalsInOrder)
      // The oracle: one row at a time, in file order.
      var mentors: [Mentor] = []
      var mentorLines: [Int] = []
      var mentees: [Mentee] = []
      var menteeLines: [Int] = []
      var warned: [Int] = []
      var arena = LevelArena()
      for row in parser.rows {
        let (levels, goals) = slots.inCohortOrder(row, withGoals: true, arena: &arena)
        var person = try #require(row.person)
        person.levels = levels
        if row.role.mentors {
          mentors.append(Mentor(person: person, capacity: row.capacity))
          mentorLines.append(row.line)
        }
        if row.role.isMentored {
          if !zip(goals, levels).contains(where: { goal, level in goal.map { $0 > level } ?? false }) {
            warned.append(row.line)
          }
          mentees.append(Mentee(person: person, goals: goals, mentorsWanted: row.mentorsWanted))
          menteeLines.append(row.line)
        }
      }
      var rowsToBuild = parser.takeRows()
      let people = CohortPeople.build(
        &rowsToBuild, slots: slots, mentors: true, mentees: true, hasGoalColumns: true, menteesFile: "people.csv")
      #expect(people.mentors == mentors)
      #expect(people.mentorLines == mentorLines)
      #expect(people.mentees == mentees)
      #expect(people.menteeLines == menteeLines)
      #expect(people.growthWarnings.map(\.line) == warned)
      #expect(people.growthWarnings.allSatisfy { $0.severity == .warning && $0.file == "people.csv" })
      #expect(!warned.isEmpty && !mentors.isEmpty && !mentees.isEmpty)
      // Every row's person was taken out of it (moved, not copied).
      #expect(!rowsToBuild.isEmpty && rowsToBuild.allSatisfy { $0.person == nil })
      // The whole reader gives the same people.
      let read = try CohortReader.parse(people: text)
      #expect(read.cohort.mentors.map(\.id) == mentors.map(\.id))
      #expect(read.cohort.mentees == mentees)
      #expect(read.menteeLines == menteeLines)
    }
  }

  @Test func recentIDsGiveTheTextOfTheirBytes() {
    var random = SplitMix(seed: 5)
    // Few distinct ids of every length up to 40 bytes, so slots are shared and overwritten.
    let pool = (0..<3000).map { i in
      let length = 1 + Int(random.next() % 40)
      return String((0..<length).map { _ in Character(UnicodeScalar(UInt8(0x41 + random.next() % 3))) }) + "\(i % 7)"
    }
    var ids: [String] = []
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    for _ in 0..<20_000 {
      let id = pool[Int(random.next() % 400) + (random.next() % 2 == 0 ? 0 : Int(random.next() % 2600))]
      ranges.append(bytes.count..<bytes.count + id.utf8.count)
      bytes += id.utf8
      bytes.append(0x2C)
      ids.append(id)
    }
    bytes.withUnsafeBufferPointer { buffer in
      var recent = RecentIDs(base: buffer.baseAddress!)
      for (id, range) in zip(ids, ranges) { #expect(recent.text(range) == id) }
    }
  }

  @Test func largeASCIIFilesAreReadInPartsIntoTheirText() throws {
    // A megabyte or more is read in one part per core: the same text, and
    // one byte of 0x80 or above anywhere (first, last, at and around the
    // parts' bounds, random places) leaves the file to the general path.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ascii-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var random = SplitMix(seed: 9)
    for size in [1 << 20, 3_000_001] {
      let ascii = (0..<size).map { _ in UInt8(0x20 + random.next() % 0x5F) }
      let path = folder + "/large.csv"
      _ = FileManager.default.createFile(atPath: path, contents: Data(ascii))
      #expect(InputFile.readASCIIText(path).map { Array($0.utf8) } == ascii, "\(size) bytes")
      #expect(InputFile.readASCIIBytes(path) == ascii, "\(size) bytes")
      var places = [0, size - 1, size / 2 - 1, size / 2, size / 3, size / 4, size - size / 8]
      places += (0..<4).map { _ in Int(random.next() % UInt64(size)) }
      for place in places {
        var bytes = ascii
        bytes[place] = 0xC3
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect(InputFile.readASCIIText(path) == nil, "byte \(place) of \(size)")
        #expect(InputFile.readASCIIBytes(path) == nil, "byte \(place) of \(size)")
      }
    }
  }

  @Test func asciiFilesAreReadStraightIntoTheirText() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ascii-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var random = SplitMix(seed: 8)
    for (name, text) in [
      ("plain.csv", (0..<5000).map { "e\($0),\(random.next() % 100)\r\n" }.joined()),
      ("nul.csv", "a,\u{0}b\n"), ("accent.csv", "id,name\ne1,Zoë\n"), ("empty.csv", ""),
    ] {
      let path = folder + "/" + name
      _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
      let direct = InputFile.readASCIIText(path)
      #expect(direct == (text.utf8.allSatisfy { $0 < 0x80 } && !text.isEmpty ? text : nil), "\(name)")
      #expect(try CSVTable.loadText(path: path).get() == text)
      // The cohort reader's load: the bytes of an ASCII file, else the text as `loadText` gives it.
      let isASCII = text.utf8.allSatisfy { $0 < 0x80 } && !text.isEmpty
      #expect(InputFile.readASCIIBytes(path) == (isASCII ? Array(text.utf8) : nil), "\(name)")
      switch CohortFileText.load(path: path) {
      case .ascii(let bytes): #expect(isASCII && bytes == Array(text.utf8), "\(name)")
      case .text(let loaded): #expect(!isASCII && (try? loaded.get()) == text, "\(name)")
      }
    }
    // Not UTF-8: the error at the first bad byte, as before.
    let bad = folder + "/bad.csv"
    _ = FileManager.default.createFile(atPath: bad, contents: Data([0x61, 0x2C, 0xFF, 0x0A]))
    #expect(InputFile.readASCIIText(bad) == nil)
    #expect(throws: InputError.self) { try CSVTable.loadText(path: bad).get() }
    #expect(InputFile.readASCIIBytes(bad) == nil)
    if case .text(let loaded) = CohortFileText.load(path: bad), case .failure(let error) = loaded,
      case .failure(let expected) = CSVTable.loadText(path: bad)
    {
      #expect(error == expected)
    } else {
      Issue.record("a file that is not UTF-8 loads as the error loadText gives")
    }
    #expect(InputFile.readASCIIBytes(folder) == nil)
    #expect(InputFile.readASCIIBytes(folder + "/missing.csv") == nil)
    #expect(InputFile.readASCIIText(folder) == nil)
    #expect(InputFile.readASCIIText(folder + "/missing.csv") == nil)
    for length in 0..<70 {
      let bytes = (0..<length).map { _ in UInt8(random.next() % 0x80) }
      #expect(bytes.withUnsafeBufferPointer { InputFile.isASCII($0) })
      if length > 0 {
        var high = bytes
        high[Int(random.next() % UInt64(length))] |= 0x80
        #expect(!high.withUnsafeBufferPointer { InputFile.isASCII($0) })
      }
    }
  }
}
