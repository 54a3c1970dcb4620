import Assignment
import CohortGenerator
import Foundation
import Testing
import _TestSupport

/// `solve` on ratings: the file read as bytes (whole numbers) writes the same
/// report as the same scores read as doubles (one cell written `5e0`, which
/// only the double path reads), byte for byte apart from the solver's time.
@Suite struct SolveWholeNumbersTests {
  /// A file of whole numbers from `low` to `high`, some cells empty.
  func ratings(rows: Int, columns: Int, low: Int, high: Int, generator: inout SeededRandomNumberGenerator) -> [[Int?]] {
    (0..<rows).map { _ in
      (0..<columns).map { _ in
        Double.random(in: 0..<1, using: &generator) < 0.15 ? nil : Int.random(in: low...high, using: &generator)
      }
    }
  }

  func csv(_ cells: [[Int?]], exponentAt: (row: Int, column: Int)? = nil) -> String {
    var text = "mentee," + (0..<(cells.first?.count ?? 0)).map { "M\($0)" }.joined(separator: ",") + "\n"
    for (i, row) in cells.enumerated() {
      let shown = row.enumerated().map { j, value -> String in
        guard let value else { return "" }
        return exponentAt.map { $0.row == i && $0.column == j } == true ? "\(value)e0" : "\(value)"
      }
      text += "E\(i)," + shown.joined(separator: ",") + "\n"
    }
    return text
  }

  /// The report without the solver's time (the only field that may differ).
  func withoutTime(_ json: String) -> String {
    json.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"solve\" :") }
      .joined(separator: "\n")
  }

  @Test func bytesAndDoublesWriteTheSameReport() throws {
    let folder = try TemporaryFolder()
    var generator = SeededRandomNumberGenerator(seed: 2027)
    for trial in 0..<8 {
      let rows = 5 + 23 * trial
      let columns = 1 + 4 * trial
      let cells = ratings(
        rows: rows, columns: columns, low: [0, -3, 100, 0][trial % 4], high: [9, 3, 140, 1][trial % 4],
        generator: &generator)
      guard
        let spot = cells.enumerated().lazy.compactMap({ i, row in row.firstIndex { $0 != nil }.map { (i, $0) } })
          .first
      else { continue }
      let whole = try folder.write("w\(trial).csv", csv(cells))
      let decimal = try folder.write("d\(trial).csv", csv(cells, exponentAt: (spot.0, spot.1)))
      let capacity = "\(1 + trial % 5)"
      for format in ["json", "csv", "table"] {
        for minimize in [false, true] {
          var options = ["--capacity", capacity, "--format", format]
          if minimize { options.append("--minimize") }
          let a = try CLIRunner.run(["solve", whole] + options)
          let b = try CLIRunner.run(["solve", decimal] + options)
          #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
          #expect(withoutTime(a.stdout) == withoutTime(b.stdout), "trial \(trial), \(format), minimize \(minimize)")
          #expect(a.stdout.contains("\"solve\" :") == (format == "json"))
        }
      }
    }
  }

  /// A file of a megabyte or more is read on another core while the
  /// arguments are parsed (`SolvePrefetch`), wherever the path stands among
  /// the options; the report is the one of the same scores read as doubles
  /// (one cell `5e0`).
  @Test func largeFilesReadAheadWriteTheSameReport() throws {
    let folder = try TemporaryFolder()
    var generator = SeededRandomNumberGenerator(seed: 2028)
    let cells = ratings(rows: 840, columns: 720, low: 0, high: 9, generator: &generator)
    let text = csv(cells)
    #expect(text.utf8.count >= 1 << 20)
    let whole = try folder.write("big.csv", text)
    let spot = try #require(cells[0].firstIndex { $0 != nil })
    let decimal = try folder.write("big-decimal.csv", csv(cells, exponentAt: (0, spot)))
    let out = folder.path("plan.json")
    let reference = try CLIRunner.run(["solve", decimal, "--capacity", "2", "--format", "json"])
    #expect(reference.status == 0, "\(reference.stderr)")
    for arguments in [
      ["solve", whole, "--capacity", "2", "--format", "json"],
      ["solve", "--capacity", "2", "--format", "json", whole],
      ["solve", "--timings", "--capacity", "2", "--format", "json", "--", whole],
      ["solve", "--capacity", "2", "-o", "-", "--format", "json", whole],
    ] {
      let run = try CLIRunner.run(arguments)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(withoutTime(run.stdout) == withoutTime(reference.stdout), "\(arguments)")
    }
    let toFile = try CLIRunner.run(["solve", "--output", out, "--capacity", "2", "--format", "json", whole])
    #expect(toFile.status == 0, "\(toFile.stderr)")
    let written = try folder.read("plan.json")
    #expect(withoutTime(written) == withoutTime(reference.stdout))
  }
}
