import Foundation
import Testing
import ZIPFoundation

@testable import Interchange

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct XLSXWorkbookTests {
  /// The parts of a workbook's ZIP container, by path.
  func parts(_ data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var parts: [String: Data] = [:]
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      parts[entry.path] = bytes
    }
    return parts
  }

  /// Whether `data` is well-formed XML.
  func wellFormed(_ data: Data) -> Bool { XMLParser(data: data).parse() }

  @Test func writesAValidContainerWithEscapedInlineText() throws {
    let workbook = XLSXWorkbook(sheets: [
      .init(
        name: "Pairs",
        rows: [
          [.text("name"), .text("score")], [.text("=cmd <b> & \"x\"\u{1}"), .number(0.25)], [.empty, .number(-3)],
        ]),
      .init(name: "Summary", rows: [[.text("measure"), .text("value")]]),
    ])
    let data = try workbook.data()
    let files = try parts(data)
    #expect(
      Set(files.keys) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
      ])
    #expect(files.values.allSatisfy(wellFormed))
    let sheet = String(decoding: files["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
    #expect(sheet.contains("<t xml:space=\"preserve\">=cmd &lt;b&gt; &amp; &quot;x&quot;\\u{1}</t>"))
    #expect(sheet.contains("<c r=\"B2\"><v>0.25</v></c>"))
    #expect(sheet.contains("<c r=\"B3\"><v>-3.0</v></c>"))
    #expect(!sheet.contains("<f>"))
    let book = String(decoding: files["xl/workbook.xml"]!, as: UTF8.self)
    #expect(book.contains("<sheet name=\"Summary\" sheetId=\"2\" r:id=\"rId2\"/>"))
    // Identical workbooks give identical bytes.
    #expect(try workbook.data() == data)
  }

  @Test func namesColumnsLikeSpreadsheets() {
    #expect(XLSXWorkbook.columnName(0) == "A")
    #expect(XLSXWorkbook.columnName(25) == "Z")
    #expect(XLSXWorkbook.columnName(26) == "AA")
    #expect(XLSXWorkbook.columnName(701) == "ZZ")
    #expect(XLSXWorkbook.columnName(702) == "AAA")
  }
}
