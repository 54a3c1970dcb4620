import CompetencyModel
import Testing
import _TestSupport

@testable import Interchange

/// The cells' ``CohortRowCells/shortCleanKey(_:)`` against their
/// ``CohortRowCells/cleanValue(_:)``, and the cohort reader's time-zone,
/// `languages` and capacity cells read from their bytes (looked up with
/// ``IDTable/value(shortText:)``) against the careful path.
struct ShortCellKeyTests {
  /// The value bits of a short ASCII text, as a cell's key gives them.
  private func key(_ text: String) -> (UInt64, UInt64) {
    unsafeBitCast(text, to: (UInt64, UInt64).self)
  }

  @Test func aCellsShortKeyIsTheBitsOfItsCleanText() throws {
    let cells = [
      "UTC+01:00", "en;de", "a", "123456789012345", "1234567890123456", "", " ", " x", "x ", "'=x", "x'", "é",
      "aé", "\t5", "Europe/Berlin", "x\u{7F}", "~", "!",
    ]
    let line = cells.joined(separator: ",") + "\n"
    let bytes = Array(line.utf8)
    var checked = 0
    _ = bytes.withUnsafeBufferPointer { buffer in
      PlainLineCells.forEachRow(buffer, 0..<buffer.count, fields: cells.count) { row in
        withUnsafePointer(to: row) { pointer in
          let borrowed = BorrowedLineCells(cells: pointer)
          for (index, cell) in cells.enumerated() {
            let clean = borrowed.cleanValue(index)
            // Made from the bytes: 1 to 15 ASCII bytes, the first and last
            // visible, the first not an apostrophe (then cleaning changes nothing).
            let bytes = Array(cell.utf8)
            let visible = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
            let fromBytes =
              (1...15).contains(bytes.count) && bytes.allSatisfy { $0 < 0x80 } && visible(bytes[0])
              && visible(bytes[bytes.count - 1]) && bytes[0] != UInt8(ascii: "'")
            let expected = fromBytes ? key(cell) : nil
            if fromBytes { #expect(clean == cell) }
            let made = borrowed.shortCleanKey(index)
            #expect(made?.0 == expected?.0 && made?.1 == expected?.1, "cell '\(cell)'")
            if let made { #expect(unsafeBitCast(made, to: String.self) == clean) }
            checked += 1
          }
        }
        return true
      }
    }
    #expect(checked == cells.count)
    // The careful path's records have no such key.
    #expect(
      CSVTable.Record(fields: [CSVTable.Field(value: "UTC", line: 1, column: 1)], line: 1).shortCleanKey(0) == nil)
  }

  /// A mentors file of `rows` rows whose time-zone and `languages` cells
  /// take many values and repeat, and whose
  /// capacity cells are written in the given forms in turn.
  private func mentorsText(rows: Int, capacities: [String]) -> String {
    var lines = ["id,name,capacity,timezone,languages,level:SQL"]
    for row in 0..<rows {
      let minutes = (row * 37 % 105) * 15 - 720  // UTC-12:00 to UTC+14:00 by quarter hours
      let sign = minutes < 0 ? "-" : "+"
      let hours = abs(minutes) / 60
      let zone =
        row % 11 == 0
        ? "UTC" : "UTC\(sign)\(hours / 10)\(hours % 10):\(abs(minutes) % 60 / 10)\(abs(minutes) % 10)"
      let languages = row % 5 == 0 ? "" : row % 7 == 0 ? "en;de;fr;es;it;pt;nl" : "l\(row * 13 % 211);EN"
      lines.append("m\(row),Name \(row),\(capacities[row % capacities.count]),\(zone),\(languages),\(row % 6)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The careful and the fast parse of the mentors file `text`, which must
  /// have no problem.
  private func bothParses(_ text: String) throws -> (careful: CohortFileParser, fast: CohortFileParser) {
    let date = TimeZoneParser.defaultReferenceDate
    var problems: [InputError] = []
    let careful = try #require(
      CohortFileParser.readCarefully(
        text, file: "m.csv", side: .mentors, referenceDate: date, mapping: CohortMapping(), problems: &problems))
    #expect(problems.isEmpty, "\(problems)")
    let fast = try #require(
      CohortFileParser.parseWellFormed(
        text, file: "m.csv", side: .mentors, referenceDate: date, mapping: CohortMapping()))
    return (careful, fast)
  }

  @Test func zonesLanguagesAndCapacitiesReadFromBytesAreTheCarefulPathsValues() throws {
    let capacities = ["5", "05", "5.0", " 5 ", "\t3", "0", "-0", "+4", "1000000", "1e3", "7.", "0.0e1"]
    let text = mentorsText(rows: 600, capacities: capacities)
    let (careful, fast) = try bothParses(text)
    #expect(fast.rows.count == 600)
    #expect("\(fast.rows)" == "\(careful.rows)")
    let expected = [5, 5, 5, 5, 3, 0, 0, 4, 1_000_000, 1000, 7, 0]
    #expect(fast.rows.map(\.capacity) == (0..<600).map { expected[$0 % expected.count] })
    // Every distinct zone and `languages` cell was kept once (one of them
    // 20 bytes, looked up by its text).
    let zones = Set(fast.rows.compactMap { $0.person?.utcOffsetMinutes })
    #expect(zones.count == 105)
    let cells = text.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(fast.zoneOffsets.count == Set(cells.map { $0[3] }).count)
    #expect(fast.languageLists.count == Set(cells.map { $0[4] }.filter { !$0.isEmpty }).count)
    #expect(fast.rows[0].person?.languages == [])
    #expect(fast.rows[7].person?.languages == ["en", "de", "fr", "es", "it", "pt", "nl"])
    #expect(fast.rows[1].person?.languages == ["l13", "en"])
  }

  @Test func languagesCellsPastTheListLimitAreReadFromTheirText() throws {
    // More distinct `languages` cells than the parser keeps: the later ones
    // are split again at each row, with the careful path's lists.
    let limit = CohortFileParser.languageListLimit
    var lines = ["id,name,capacity,timezone,languages,level:SQL"]
    for row in 0..<(limit + 500) {
      lines.append("m\(row),N,1,UTC,x\(row % (limit + 250));EN,1")
    }
    let text = lines.joined(separator: "\n") + "\n"
    let (careful, fast) = try bothParses(text)
    #expect("\(fast.rows)" == "\(careful.rows)")
    #expect(fast.rows.last?.person?.languages == ["x\((limit + 499) % (limit + 250))", "en"])
    #expect(careful.languageLists.count == limit)
  }

  @Test(arguments: ["1000001", "2.5", "-1", "1e400", "x", "'=5", "", "1e-1"])
  func aCapacityThatIsNotOneStillGetsItsMessage(capacity: String) throws {
    let text = mentorsText(rows: 40, capacities: ["2", "3", capacity])
    let date = TimeZoneParser.defaultReferenceDate
    var problems: [InputError] = []
    _ = CohortFileParser.readCarefully(
      text, file: "m.csv", side: .mentors, referenceDate: date, mapping: CohortMapping(), problems: &problems)
    #expect(problems.count == 13)  // rows 2, 5, …, 38: lines 4, 7, …, 40
    #expect(problems.first?.line == 4 && problems.first?.column == 11)
    #expect(
      CohortFileParser.parseWellFormed(
        text, file: "m.csv", side: .mentors, referenceDate: date, mapping: CohortMapping())
        == nil)
  }
}
