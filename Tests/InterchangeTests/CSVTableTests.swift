import Foundation
import Testing

@testable import Interchange

@Suite struct CSVTableTests {
  @Test func parsesHeaderAndRecordsWithPositions() throws {
    let table = try CSVTable.parse("id,name\nm1,Ada\nm22,Grace\n", file: "t.csv")
    #expect(table.header.fields.map(\.value) == ["id", "name"])
    #expect(table.records.map { $0.fields.map(\.value) } == [["m1", "Ada"], ["m22", "Grace"]])
    #expect(table.records[1].line == 3)
    #expect(table.records[1][1] == CSVTable.Field(value: "Grace", line: 3, column: 5))
  }

  @Test func lastRecordWithoutLineEnd() throws {
    let table = try CSVTable.parse("a,b\n1,", file: "t.csv")
    #expect(table.records.map { $0.fields.map(\.value) } == [["1", ""]])
    #expect(table.records[0][1].column == 3)
  }

  @Test func quotedFieldsWithEscapesAndEmbeddedNewlines() throws {
    let text = "id,note\n1,\"two\nlines, \"\"quoted\"\"\"\n2,plain\n\"3\",\"\"\n"
    let table = try CSVTable.parse(text, file: "t.csv")
    #expect(table.records.count == 3)
    #expect(table.records[0][1].value == "two\nlines, \"quoted\"")
    #expect(table.records[0][1].line == 2 && table.records[0][1].column == 3)
    // The embedded line break moves the later rows down one line.
    #expect(table.records[1].line == 4)
    #expect(table.records[1][1] == CSVTable.Field(value: "plain", line: 4, column: 3))
    #expect(table.records[2].line == 5)
    #expect(table.records[2].fields.map(\.value) == ["3", ""])
  }

  @Test func skipsAByteOrderMark() throws {
    let table = try CSVTable.parse("\u{FEFF}id,name\n1,x\n", file: "t.csv")
    #expect(table.header[0] == CSVTable.Field(value: "id", line: 1, column: 1))
    #expect(table.header[1].column == 4)
  }

  @Test func acceptsCRLFLineEnds() throws {
    let table = try CSVTable.parse("a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n", file: "t.csv")
    #expect(table.header.fields.map(\.value) == ["a", "b"])
    #expect(table.records.map { $0.fields.map(\.value) } == [["1", "x\r\ny"], ["2", "3"]])
    #expect(table.records[1].line == 4)
  }

  @Test func skipsBlankLines() throws {
    let table = try CSVTable.parse("\na,b\n\n1,2\n,\n\"\",\n3,4\n\n", file: "t.csv")
    #expect(table.header.line == 2)
    #expect(table.records.map(\.line) == [4, 7])
  }

  @Test func countsColumnsInCharactersOnNonASCIILines() throws {
    let text = "a,b,c,d\nZoë,é,q,👩‍💻x\nCafe\u{301},\"ü\nü\",z,w\n"
    let table = try CSVTable.parse(text, file: "t.csv")
    #expect(table.records[0].fields.map(\.column) == [1, 5, 7, 9])
    #expect(table.records[1][0].value == "Cafe\u{301}")
    #expect(table.records[1].fields.map(\.column) == [1, 6, 4, 6])
    #expect(table.records[1].fields.map(\.line) == [3, 3, 4, 4])
  }

  @Test func reportsAnUnterminatedQuoteAtItsOpening() {
    let found = problems { () throws(InputErrors) in
      try CSVTable.parse("a,b\n1,\"xyz\n2,3\n", file: "t.csv")
    }
    #expect(positions(found) == ["t.csv:2:3"])
    #expect(found.first?.message.contains("never closed") == true)
  }

  @Test func reportsAQuoteInsideAnUnquotedField() {
    let found = problems { () throws(InputErrors) in
      try CSVTable.parse("a,b\n1,x\"y\n", file: "t.csv")
    }
    #expect(positions(found) == ["t.csv:2:4"])
    #expect(found.first?.message.contains("quote inside an unquoted field") == true)
  }

  @Test func reportsTextAfterAClosingQuote() {
    let found = problems { () throws(InputErrors) in
      try CSVTable.parse("a,b\n1,\"x\"y\n", file: "t.csv")
    }
    #expect(positions(found) == ["t.csv:2:6"])
    #expect(found.first?.message.contains("after the closing quote") == true)
  }

  @Test func reportsQuotingProblemsAfterNonASCIIText() {
    let found = problems { () throws(InputErrors) in
      try CSVTable.parse("a,b\nÄÖ,x\"y\n", file: "t.csv")
    }
    #expect(positions(found) == ["t.csv:2:5"])
  }

  @Test func reportsACarriageReturnWithoutLineFeed() {
    let found = problems { () throws(InputErrors) in try CSVTable.parse("a,b\r1,2\n", file: "t.csv")
    }
    #expect(positions(found) == ["t.csv:1:4"])
  }

  @Test func reportsEveryRecordWithTheWrongFieldCount() {
    let found = problems { () throws(InputErrors) in
      try CSVTable.parse("a,b\n1,2,3\n4,5\n6\n", file: "t.csv")
    }
    #expect(positions(found) == ["t.csv:2:1", "t.csv:4:1"])
    #expect(found[0].message.contains("3 fields but the header has 2"))
    #expect(found[1].message.contains("1 field but the header has 2"))
  }

  @Test func reportsAllProblemsOfAFileAtOnce() {
    let text = "a,b\n1,x\"y\n2,\"z\"w\n3,4,5\n"
    let found = problems { () throws(InputErrors) in try CSVTable.parse(text, file: "t.csv") }
    #expect(positions(found) == ["t.csv:2:4", "t.csv:3:6", "t.csv:4:1"])
  }

  @Test(arguments: ["", "\n\n", "\u{FEFF}", ",\n"])
  func reportsAnEmptyFileAtLineOneColumnOne(text: String) {
    let found = problems { () throws(InputErrors) in
      try CSVTable.parse(text, file: "t.csv", expectedHeader: "id,name")
    }
    #expect(positions(found) == ["t.csv:1:1"])
    #expect(
      found.first?.message.hasPrefix("the file is empty; expected a header row such as 'id,name'")
        == true)
  }

  @Test func readsAFile() throws {
    try withTemporaryDirectory { folder throws in
      let path = writeFile("\u{FEFF}a,b\r\n1,2\r\n", "t.csv", in: folder)
      let table = try CSVTable.read(path: path)
      #expect(table.file == path)
      #expect(table.records.map { $0.fields.map(\.value) } == [["1", "2"]])
    }
  }

  @Test func reportsAMissingFile() {
    let found = problems { () throws(InputErrors) in try CSVTable.read(path: "/nonexistent/x.csv") }
    #expect(positions(found) == ["/nonexistent/x.csv:1:1"])
    #expect(found.first?.message == "cannot read file: no such file")
  }

  @Test func reportsAFolder() {
    withTemporaryDirectory { folder in
      let found = problems { () throws(InputErrors) in try CSVTable.read(path: folder) }
      #expect(found.first?.message.hasPrefix("cannot read file: it is a folder") == true)
    }
  }

  @Test func reportsInvalidUTF8AtTheFirstBadByte() {
    withTemporaryDirectory { folder in
      let path = folder + "/bad.csv"
      _ = FileManager.default.createFile(
        atPath: path, contents: Data("a,b\nü,".utf8) + Data([0xFF]) + Data("x\n".utf8))
      let found = problems { () throws(InputErrors) in try CSVTable.read(path: path) }
      #expect(positions(found) == [path + ":2:3"])
      #expect(found.first?.message.contains("not valid UTF-8 (byte 0xFF") == true)
    }
  }

  /// Every record of a large file keeps its fields and positions (its speed
  /// is measured in Benchmarks/, not asserted here).
  @Test func parsesTensOfThousandsOfRows() throws {
    var text = "id,name,capacity,level:a,level:b\n"
    for row in 0..<20_000 { text += "m\(row),\"Name, \(row)\",2,3.5,4\n" }
    let table = try CSVTable.parse(text, file: "big.csv")
    #expect(table.records.count == 20_000)
    for row in [0, 9_999, 19_999] {
      #expect(table.records[row][0] == CSVTable.Field(value: "m\(row)", line: row + 2, column: 1))
      #expect(table.records[row][1] == CSVTable.Field(value: "Name, \(row)", line: row + 2, column: 3 + "\(row)".count))
      #expect(
        table.records[row][4]
          == CSVTable.Field(value: "4", line: row + 2, column: text.split(separator: "\n")[row + 1].count))
    }
  }
}
