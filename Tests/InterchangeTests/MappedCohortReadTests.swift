import CompetencyModel
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// Large cohort files read on their mapped bytes (``CohortReader/parseMapped(path:side:referenceDate:mapping:)``)
/// give what their texts give, and any file the mapping declines (not ASCII,
/// not plainly well formed, small, a stream) is read as before, with the
/// same problems.
struct MappedCohortReadTests {
  /// The result of reading `source` from disk, and of parsing the same texts.
  private func readBothWays(_ source: CohortSource) throws -> (
    files: Result<CohortReadResult, InputErrors>, texts: Result<CohortReadResult, InputErrors>
  ) {
    let mentors = try String(contentsOfFile: source.mentorsPath, encoding: .utf8)
    let mentees = try String(contentsOfFile: source.menteesPath, encoding: .utf8)
    let files = Result { () throws(InputErrors) in try CohortReader.read(source) }
    let texts = Result { () throws(InputErrors) in
      source.isPeopleFile
        ? try CohortReader.parse(people: mentors, file: source.mentorsPath)
        : try CohortReader.parse(
          mentors: mentors, mentees: mentees, mentorsFile: source.mentorsPath, menteesFile: source.menteesPath)
    }
    return (files, texts)
  }

  private func write(_ text: String, _ name: String, in folder: String) -> String {
    let path = folder + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  @Test func largeWellFormedFilesAreParsedMappedAsTheirTexts() throws {
    let cohort = CohortFixtures.generated(mentees: 3600, mentors: 4200, competencies: 64, seed: 15)
    let date = TimeZoneParser.defaultReferenceDate
    try withTemporaryDirectory { folder throws in
      let source = try CohortWriter.write(cohort, toFolder: folder)
      for (path, side) in [(source.mentorsPath, CohortColumns.Side.mentors), (source.menteesPath, .mentees)] {
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size >= CohortReader.mappedFileMinimumSize, "\(side): large enough to be mapped")
        let mapped = try #require(
          CohortReader.parseMapped(path: path, side: side, referenceDate: date, mapping: CohortMapping()),
          "\(side): a well-formed ASCII file is parsed mapped")
        // The same parser as the file's copied bytes give.
        var problems: [InputError] = []
        let copied = try #require(
          CohortFileParser.read(
            CohortFileText.load(path: path), file: path, side: side, referenceDate: date, problems: &problems))
        #expect(problems.isEmpty)
        #expect(mapped.rows.count == copied.rows.count && mapped.rows.count == (side == .mentors ? 4200 : 3600))
        for (a, b) in zip(mapped.rows, copied.rows) {
          #expect(a.line == b.line && a.start == b.start && a.person == b.person && a.capacity == b.capacity)
          #expect(Array(a.person?.levels ?? []) == Array(b.person?.levels ?? []) && Array(a.goals) == Array(b.goals))
        }
        let ids = { (parser: CohortFileParser) in parser.firstLine.map { "\($0.key) \($0.value)" }.sorted() }
        #expect(ids(mapped) == ids(copied))
        #expect(mapped.managerLinks.map(\.person) == copied.managerLinks.map(\.person))
        #expect(mapped.managerLinks.map(\.line) == copied.managerLinks.map(\.line))
      }
      let (files, texts) = try readBothWays(source)
      #expect(files == texts)
      #expect((try? files.get())?.cohort.mentees.count == 3600)
    }
  }

  @Test func largeFilesTheMappingDeclinesAreReadAsBeforeWithTheSameProblems() throws {
    let cohort = CohortFixtures.generated(mentees: 3600, mentors: 3600, competencies: 64, seed: 16)
    let date = TimeZoneParser.defaultReferenceDate
    let mentors = CohortWriter.mentorsCSV(cohort)
    let mentees = CohortWriter.menteesCSV(cohort)
    var lines = mentees.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let far = lines.count * 4 / 5
    // Each damage in the second half of the file (another chunk than the first).
    var damaged: [(name: String, mentees: String, hasErrors: Bool)] = []
    var accented = lines
    accented[far] = accented[far].replacingOccurrences(of: ",", with: ",Zoë ", options: [], range: nil)
    damaged.append(("non-ASCII text in every cell of a row", accented.joined(separator: "\n"), true))
    var named = lines
    let cells = named[far].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var renamed = cells
    renamed[1] = "Zoë Ångström"
    named[far] = renamed.joined(separator: ",")
    damaged.append(("a non-ASCII name", named.joined(separator: "\n"), false))
    var badLevel = cells
    let levelColumn = try #require(
      lines[0].split(separator: ",").firstIndex { $0.hasPrefix("level:") })
    badLevel[levelColumn] = "7.5"
    var leveled = lines
    leveled[far] = badLevel.joined(separator: ",")
    damaged.append(("a level out of range", leveled.joined(separator: "\n"), true))
    lines.insert(lines[2], at: far)
    damaged.append(("a repeated id", lines.joined(separator: "\n"), true))
    try withTemporaryDirectory { folder throws in
      for (name, text, hasErrors) in damaged {
        let source = CohortSource(
          mentorsPath: write(mentors, "mentors.csv", in: folder), menteesPath: write(text, "mentees.csv", in: folder))
        #expect(
          CohortReader.parseMapped(
            path: source.menteesPath, side: .mentees, referenceDate: date, mapping: CohortMapping())
            == nil, "\(name): declined")
        let (files, texts) = try readBothWays(source)
        #expect(files == texts, "\(name)")
        if hasErrors {
          if case .failure(let errors) = files {
            #expect(errors.errors.contains { $0.severity == .error && $0.line > 1 }, "\(name)")
          } else {
            Issue.record("\(name): the read reports its errors")
          }
        } else {
          #expect((try? files.get())?.cohort.mentees.count == 3600, "\(name)")
        }
      }
    }
  }

  @Test func smallFilesPeopleFilesAndStreamsAreReadAsBefore() throws {
    let date = TimeZoneParser.defaultReferenceDate
    try withTemporaryDirectory { folder throws in
      // Small: not mapped.
      let small = write("id,name,capacity,level:a\nm1,A,1,5\n", "small.csv", in: folder)
      #expect(
        CohortReader.parseMapped(path: small, side: .mentors, referenceDate: date, mapping: CohortMapping()) == nil)
      #expect(
        CohortReader.parseMapped(
          path: folder + "/missing.csv", side: .mentors, referenceDate: date, mapping: CohortMapping()) == nil)
      #expect(
        CohortReader.parseMapped(path: folder, side: .mentors, referenceDate: date, mapping: CohortMapping()) == nil)
      // A large people file (a role column): mapped, and read as its text.
      var people = "id,name,role,capacity,level:a,level:b,goal:a,goal:b,manager\n"
      for row in 0..<40_000 {
        let role = ["mentor", "mentee", "both"][row % 3]
        people += "p\(row),Person \(row),\(role),\(row % 3 == 1 ? "" : "2"),\(row % 6),\(row % 4).5,"
        people += "\(row % 3 == 0 ? "" : "5"),,\(row > 0 && row % 7 == 0 ? "p\(row - 1)" : "")\n"
      }
      let peoplePath = write(people, "people.csv", in: folder)
      #expect(people.utf8.count >= CohortReader.mappedFileMinimumSize)
      #expect(
        CohortReader.parseMapped(path: peoplePath, side: .people, referenceDate: date, mapping: CohortMapping())
          != nil)
      let (files, texts) = try readBothWays(CohortSource(peoplePath: peoplePath))
      #expect(files == texts)
      #expect((try? files.get())?.cohort.mentors.count ?? 0 > 20_000)
      // A stream (a FIFO) is never opened by the mapping (an open would wait
      // here for a writer): it is left to the ordinary read.
      let fifo = folder + "/mentees.fifo"
      #expect(mkfifo(fifo, 0o600) == 0)
      #expect(
        CohortReader.parseMapped(path: fifo, side: .mentees, referenceDate: date, mapping: CohortMapping()) == nil)
    }
  }

  @Test func asciiIsCheckedOnEveryCoreAsInOnePass() {
    var random = SplitMix(seed: 17)
    for size in [0, 1, 100, (1 << 20) - 1, 1 << 20, 3_000_001] {
      let bytes = (0..<size).map { _ in UInt8(random.next() % 0x80) }
      #expect(bytes.withUnsafeBufferPointer { InputFile.isASCIIOnEveryCore($0) }, "\(size)")
      guard size > 0 else { continue }
      var places = [0, size - 1, size / 2 - 1, size / 2, size / 4, size * 3 / 4]
      places += (0..<3).map { _ in Int(random.next() % UInt64(size)) }
      for place in places where place >= 0 {
        var high = bytes
        high[place] |= 0x80
        #expect(!high.withUnsafeBufferPointer { InputFile.isASCIIOnEveryCore($0) }, "byte \(place) of \(size)")
      }
    }
  }
}
