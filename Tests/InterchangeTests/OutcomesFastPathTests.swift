import CohortGenerator
import CompetencyModel
import Testing

@testable import Interchange

/// The outcomes file of the FileThroughput benchmark (five mentors per
/// mentee, ratings and attainments as HR files give them) is read by the
/// fast path, with the careful path's rows; and a repeated pair is kept once
/// (same value) or sends the file to the careful path (different value).
struct OutcomesFastPathTests {
  private func benchmarkShapedText(rows: Int) -> String {
    var random = SeededRandomNumberGenerator(seed: 3)
    var text = "mentee,mentor,outcome\n"
    for row in 0..<rows {
      let value = ["4.5", "3", "0.75", "-1", "2.25", "5"][Int(random.next() % 6)]
      text += "E\(String(row / 5 + 100_000)),M\(String(10_000 + row * 7919 % 20_000)),\(value)\n"
    }
    return text
  }

  @Test func theBenchmarksFileTakesTheFastPath() throws {
    // Over a megabyte, so it is cut into chunks read on every core.
    let text = benchmarkShapedText(rows: 60_000)
    #expect(text.utf8.count >= 1 << 20)
    let fast = try #require(OutcomesReader.parseWellFormed(text, file: "outcomes.csv"))
    let careful = try OutcomesReader.parseCarefully(text, file: "outcomes.csv")
    #expect(fast.count == 60_000)
    #expect(fast == careful)
  }

  @Test func repeatedPairsAcrossChunks() throws {
    var text = benchmarkShapedText(rows: 60_000)
    // The first row again at the end (same value): dropped; with another value: not the fast path's.
    let lines = text.split(separator: "\n")
    let first = String(lines[1])
    let same = text + first + "\n"
    let fast = try #require(OutcomesReader.parseWellFormed(same, file: "o.csv"))
    #expect(fast == (try OutcomesReader.parseCarefully(same, file: "o.csv")))
    #expect(fast.count == 60_000)
    let parts = first.split(separator: ",")
    text += "\(parts[0]),\(parts[1]),\(parts[2] == "42" ? "43" : "42")\n"
    #expect(OutcomesReader.parseWellFormed(text, file: "o.csv") == nil)
    #expect(throws: InputErrors.self) { try OutcomesReader.parse(text, file: "o.csv") }
  }
}
