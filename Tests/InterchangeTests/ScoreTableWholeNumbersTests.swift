import Assignment
import CohortGenerator
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// The score reader's whole-number path (levels read straight from the text
/// as bytes) against the double path: on files of short whole numbers it
/// answers with the same table, exactly; on anything else it steps aside,
/// and `readForSolve` then gives what `read` gives, errors included.
@Suite struct ScoreTableWholeNumbersTests {
  /// A random well-formed file of whole numbers from `low` to `high` in the
  /// forms the whole-number path takes (`7`, ` +7 `, `7.0`, `007`, `7.`),
  /// empty cells with `blankShare`, LF or CRLF, blank lines.
  private func wholeNumbers(
    rows: Int, columns: Int, low: Int, high: Int, blankShare: Double, random: inout SplitMix
  ) -> String {
    let end = random.next() % 2 == 0 ? "\r\n" : "\n"
    var text = "mentee," + (0..<columns).map { "m\($0)" }.joined(separator: ",") + end
    for i in 0..<rows {
      if random.next() % 10 == 0 { text += end }
      text += "e\(i)"
      for _ in 0..<columns {
        text += ","
        if random.next(upTo: 1) < blankShare { continue }
        let value = low + Int(random.next() % UInt64(high - low + 1))
        switch random.next() % 6 {
        case 0: text += " \(value)\t"
        case 1: text += "\(value).0"
        case 2: text += value > 0 ? "+\(value)" : "\(value)"
        case 3: text += value >= 0 ? "00\(value)" : "\(value)"
        case 4: text += "\(value)."
        default: text += "\(value)"
        }
      }
      text += end
    }
    return text
  }

  private func whole(_ text: String) -> WholeScoreTable? {
    var copy = text
    return copy.withUTF8 { bytes in
      ScoreTableReader.FastLayout(bytes).flatMap { ScoreTableReader.parseWholeNumbers(bytes, layout: $0) }
    }
  }

  private func doubles(_ text: String) throws -> ScoreTable {
    try ScoreTableReader.parseCarefully(text, file: "s.csv")
  }

  private func sameBits(_ a: ScoreTable, _ b: ScoreTable) -> Bool {
    a.menteeIDs == b.menteeIDs && a.mentorIDs == b.mentorIDs
      && a.scores.map(\.bitPattern) == b.scores.map(\.bitPattern)
  }

  /// Seeded sweep: ratings, negative levels, levels far from 0, the widest
  /// span sure to fit around any first score (126), non-square, blank cells; the bytes stand for the careful path's doubles bit for bit,
  /// and the code range is the least and greatest allowed code, from 0.
  @Test func readsWholeNumbersAsTheDoublePathDoes() throws {
    var random = SplitMix(seed: 41)
    for trial in 0..<40 {
      let low = [0, -5, 1000, -3000, 0][trial % 5]
      let high = low + [9, 1, 63, 126, 0][trial % 5]
      let text = wholeNumbers(
        rows: 1 + trial * 7 % 60, columns: 1 + trial * 5 % 23, low: low, high: high,
        blankShare: trial % 3 == 0 ? 0 : 0.2, random: &random)
      let table = try #require(whole(text), "trial \(trial)")
      let reference = try doubles(text)
      #expect(sameBits(table.scoreTable, reference), "trial \(trial)")
      let allowed = table.matrix.codes.filter { $0 != WholeScoreMatrix.forbidden }
      #expect(table.matrix.codeRange == (allowed.isEmpty ? nil : allowed.min()!...allowed.max()!))
      // The codes start at 0 (maximising, they are the solver's ranks).
      #expect(allowed.isEmpty || table.matrix.codeRange?.lowerBound == 0, "trial \(trial)")
      #expect(table.matrix.levels <= high - low + 1)
    }
  }

  /// Large files are cut into chunks parsed on every core: the same table.
  @Test func readsLargeFilesInChunks() throws {
    var random = SplitMix(seed: 43)
    let text = wholeNumbers(rows: 3000, columns: 200, low: 0, high: 9, blankShare: 0.1, random: &random)
    #expect(text.utf8.count > 1 << 20)
    let table = try #require(whole(text))
    #expect(sameBits(table.scoreTable, try doubles(text)))
    // Shifted to start at 0 on every chunk's thread.
    let allowed = table.matrix.codes.filter { $0 != WholeScoreMatrix.forbidden }
    #expect(table.matrix.codeRange == 0...allowed.max()! && allowed.min() == 0)
  }

  /// Cells that are not short whole numbers, `−0`, a span wider than the
  /// byte allows: the whole-number path steps aside, and `readForSolve`
  /// reads the same doubles `read` reads.
  @Test func stepsAsideForAnythingElse() throws {
    let folder = try TemporaryFolder()
    let files = [
      "mentee,a,b\nx,1,2.5\n",
      "mentee,a,b\nx,1,1e1\n",
      "mentee,a,b\nx,1,-0\n",
      "mentee,a,b\nx,-0.0,1\n",
      "mentee,a,b\nx,1,.0\n",
      "mentee,a,b\nx,0,255\n",
      "mentee,a,b\nx,0,-129\n",
      "mentee,a,b\nx,0,1234567890123456\n",
      "mentee,a,b\nx,2.5,1\n",
    ]
    for (k, text) in files.enumerated() {
      #expect(whole(text) == nil, "file \(k)")
      let path = try folder.write("s\(k).csv", text)
      guard case .decimal(let table) = try ScoreTableReader.readForSolve(path: path) else {
        Issue.record("file \(k) read as whole numbers")
        continue
      }
      #expect(sameBits(table, try ScoreTableReader.read(path: path)), "file \(k)")
    }
    // The widest spans the byte takes, around the first score.
    for text in ["mentee,a,b\nx,0,126\n", "mentee,a,b\nx,0,-128\n", "mentee,a\nx,\ny,5\n"] {
      let table = try #require(whole(text), "\(text)")
      #expect(sameBits(table.scoreTable, try doubles(text)))
    }
  }

  /// Damaged files: `readForSolve` reports exactly what `read` reports.
  @Test func badFilesGiveTheSameErrors() throws {
    let folder = try TemporaryFolder()
    let files = [
      "mentee,a,b\nx,1\n",
      "mentee,a,b\nx,1,2\nx,3,4\n",
      "mentee,a,a\nx,1,2\n",
      "mentor,a,b\nx,1,2\n",
      "mentee,a,b\nx,1,two\n",
      "mentee,a,b\nx,1,\"2\n",
      "mentee,a,b\n,1,2\n",
      "",
    ]
    for (k, text) in files.enumerated() {
      let path = try folder.write("bad\(k).csv", text)
      let expected = Result { () throws(InputErrors) in try ScoreTableReader.read(path: path) }
      let got = Result { () throws(InputErrors) in try ScoreTableReader.readForSolve(path: path) }
      switch (expected, got) {
      case (.failure(let a), .failure(let b)): #expect(a.description == b.description, "file \(k)")
      default: Issue.record("file \(k): both reads should fail, got \(expected) and \(got)")
      }
    }
  }
}
