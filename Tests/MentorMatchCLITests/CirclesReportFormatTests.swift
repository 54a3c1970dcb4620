import Foundation
import Testing
import ZIPFoundation
import _TestSupport

/// The HTML and XLSX formats of `circles`, chosen by `--format` or the output's extension.
@Suite struct CirclesReportFormatTests {
  /// A copy of the sample cohort whose first mentee's department holds HTML
  /// and a formula-like text, with the language rule off for circles.
  func cohort(_ folder: TemporaryFolder) throws -> String {
    let menteeLines = try String(contentsOfFile: "Datasets/sample/mentees.csv", encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var cells = menteeLines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[3] = "=R&D <b>x</b>"
    try FileManager.default.createDirectory(atPath: folder.path("cohort"), withIntermediateDirectories: true)
    var lines = menteeLines
    lines[1] = cells.joined(separator: ",")
    _ = try folder.write("cohort/mentees.csv", lines.joined(separator: "\n"))
    _ = try folder.write(
      "cohort/mentors.csv", try String(contentsOfFile: "Datasets/sample/mentors.csv", encoding: .utf8))
    _ = try folder.write("cohort/config.yaml", "circles:\n  require_shared_language: false\n")
    return folder.path("cohort")
  }

  /// The mentee ids of the sample.
  func menteeIDs() throws -> [String] {
    try String(contentsOfFile: "Datasets/sample/mentees.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
  }

  @Test func htmlIsOneSelfContainedEscapedReport() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder)
    let output = folder.path("circles.html")
    let result = try CLIRunner.run(["circles", cohort, "--rounds", "1", "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.hasSuffix("</html>\n"))
    #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    #expect(!html.contains("<b>x</b>"))
    #expect(html.contains("=R&amp;D &lt;b&gt;x&lt;/b&gt;"))
    let sections = html.components(separatedBy: "<section id=\"circle-").count - 1
    #expect(sections >= 240 / 6 && sections <= 240 / 4)
    for id in try menteeIDs() { #expect(html.contains("<tr><td>\(id)</td>"), "\(id) missing") }
    // --format html to standard output gives the same bytes.
    let stdout = try CLIRunner.run(["circles", cohort, "--rounds", "1", "--format", "html"])
    #expect(stdout.stdout == html)
  }

  @Test func xlsxHasCirclesMembersAndSummarySheets() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder)
    let output = folder.path("circles.xlsx")
    let result = try CLIRunner.run(["circles", cohort, "--rounds", "1", "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let archive = try Archive(url: URL(fileURLWithPath: output), accessMode: .read)
    var files: [String: String] = [:]
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      files[entry.path] = String(decoding: bytes, as: UTF8.self)
    }
    let book = try #require(files["xl/workbook.xml"])
    for (index, name) in ["Circles", "Members", "Summary"].enumerated() {
      #expect(book.contains("<sheet name=\"\(name)\" sheetId=\"\(index + 1)\""))
    }
    let members = try #require(files["xl/worksheets/sheet2.xml"])
    for id in try menteeIDs() { #expect(members.contains(">\(id)</t>"), "\(id) missing") }
    #expect(members.contains("=R&amp;D &lt;b&gt;x&lt;/b&gt;"))
    #expect(files.values.allSatisfy { !$0.contains("<f>") })
    let summary = try #require(files["xl/worksheets/sheet3.xml"])
    #expect(summary.contains(">gap</t>"))

    let usage = try CLIRunner.run(["circles", cohort, "--format", "xlsx"])
    #expect(usage.status == 64)
    #expect(usage.stderr.contains("binary"))
    let conflict = try CLIRunner.run(["circles", cohort, "--format", "csv", "-o", folder.path("c.xlsx")])
    #expect(conflict.status == 64)
    #expect(!FileManager.default.fileExists(atPath: folder.path("c.xlsx")))
  }
}
