import Foundation
import Testing
import ZIPFoundation

@testable import Interchange

/// Text over the 32,767-unit limit of a spreadsheet cell is cut, with a
/// warning that names the cell but not its content.
@Suite struct XLSXCellLimitTests {
  func sheetXML(_ data: Data) throws -> String {
    let archive = try Archive(data: data, accessMode: .read)
    let entry = try #require(archive["xl/worksheets/sheet1.xml"])
    var bytes = Data()
    _ = try archive.extract(entry) { bytes.append($0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func longCellsAreCutWithAWarning() throws {
    let limit = XLSXWorkbook.maximumCellLength
    #expect(limit == 32_767)
    // 😀 is two UTF-16 units: the cut may not split it.
    let long = "secret " + String(repeating: "😀", count: 20_000)
    let exact = String(repeating: "a", count: limit)
    let workbook = XLSXWorkbook(sheets: [
      .init(name: "Pairs", rows: [[.text("id"), .text("rationale")], [.text(exact), .text(long)]])
    ])
    var warnings: [String] = []
    let xml = try sheetXML(try workbook.data { warnings.append($0) })
    #expect(
      warnings == [
        "warning: sheet Pairs, row 2, column B (rationale): text of \(long.utf16.count) characters cut to 32767,"
          + " the most a spreadsheet cell holds"
      ])
    #expect(!warnings[0].contains("secret"))
    let cells = xml.components(separatedBy: "<t xml:space=\"preserve\">").dropFirst().map {
      String($0[..<$0.range(of: "</t>")!.lowerBound])
    }
    #expect(cells.count == 4)
    #expect(cells[2] == exact)  // at the limit: kept whole
    #expect(cells[3].utf16.count <= limit && cells[3].utf16.count >= limit - 1)
    #expect(long.hasPrefix(cells[3]))
    #expect(cells[3].unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
  }

  @Test func shortCellsGiveNoWarning() throws {
    var warnings: [String] = []
    _ = try XLSXWorkbook(sheets: [.init(name: "S", rows: [[.text("a")], [.text("b")]])]).data {
      warnings.append($0)
    }
    #expect(warnings.isEmpty)
  }
}
