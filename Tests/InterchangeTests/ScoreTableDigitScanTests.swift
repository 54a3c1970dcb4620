import Assignment
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// The whole-number reader's packed scan (four one-digit cells `d,d,d,d,`
/// or two `d.0,d.0,` per step) against the careful path: files of mostly one-digit cells with
/// every shape the scan must hand back to the cell-by-cell loop (line ends
/// CRLF, a last line without a line end, multi-digit and signed cells,
/// blanks, spaces, a byte-order mark, quoted cells, wrong field counts;
/// cells written `d.0`, as Python's `repr` writes whole floats) read
/// to the same table, or give the same errors at the same file:line:column.
@Suite struct ScoreTableDigitScanTests {
  /// One cell: mostly a single digit, else one of the shapes the scan does not take.
  private func cell(_ random: inout SplitMix, odd: Int, fraction: Bool) -> String {
    let digit = String(random.next() % 10)
    guard random.next() % 100 < UInt64(odd) else { return fraction ? digit + ".0" : digit }
    switch random.next() % 9 {
    case 0: return ""
    case 1: return "1" + digit
    case 2: return "-" + digit == "-0" ? "-1" : "-" + digit
    case 3: return "+" + digit
    case 4: return " " + digit
    case 5: return fraction ? digit + ".00" : digit + ".0"
    case 6: return "0" + digit
    case 7: return digit + "\t"
    default: return digit
    }
  }

  /// A seeded file: `rows` × `columns`, `odd` percent of cells not a plain digit.
  private func file(
    rows: Int, columns: Int, odd: Int, crlf: Bool, lastLineEnd: Bool, bom: Bool, seed: UInt64, fraction: Bool = false
  ) -> String {
    var random = SplitMix(seed: seed)
    let end = crlf ? "\r\n" : "\n"
    var text = (bom ? "\u{FEFF}" : "") + "mentee," + (0..<columns).map { "m\($0)" }.joined(separator: ",") + end
    for i in 0..<rows {
      text += "e\(i)"
      for _ in 0..<columns { text += "," + cell(&random, odd: odd, fraction: fraction) }
      if i < rows - 1 || lastLineEnd { text += end }
    }
    return text
  }

  private func careful(_ text: String) -> Result<ScoreTable, InputErrors> {
    Result { () throws(InputErrors) in try ScoreTableReader.parseCarefully(text, file: "s.csv") }
  }

  private func forSolve(_ text: String) -> Result<ScoreTable, InputErrors> {
    Result { () throws(InputErrors) in
      switch try ScoreTableReader.parseForSolve(text, file: "s.csv") {
      case .whole(let whole): return whole.scoreTable
      case .decimal(let table): return table
      }
    }
  }

  private func same(_ a: Result<ScoreTable, InputErrors>, _ b: Result<ScoreTable, InputErrors>) -> Bool {
    switch (a, b) {
    case (.success(let x), .success(let y)):
      return x.menteeIDs == y.menteeIDs && x.mentorIDs == y.mentorIDs
        && x.scores.map(\.bitPattern) == y.scores.map(\.bitPattern)
    case (.failure(let x), .failure(let y)): return x.description == y.description
    default: return false
    }
  }

  /// Seeded sweep over shapes: the scan's table equals the careful path's
  /// doubles bit for bit, and plain digit files are read as whole numbers
  /// with the least and greatest code the cells hold.
  @Test func readsWhatTheCarefulPathReads() throws {
    for trial in 0..<60 {
      let text = file(
        rows: 1 + trial * 13 % 40, columns: 1 + trial * 7 % 37, odd: [0, 2, 10, 40][trial % 4],
        crlf: trial % 3 == 1, lastLineEnd: trial % 5 != 2, bom: trial % 7 == 3, seed: UInt64(900 + trial),
        fraction: trial % 8 >= 4)
      #expect(same(forSolve(text), careful(text)), "trial \(trial)")
      if trial % 4 == 0, case .whole(let whole) = try ScoreTableReader.parseForSolve(text, file: "s.csv") {
        let allowed = whole.matrix.codes.filter { $0 != WholeScoreMatrix.forbidden }
        #expect(whole.matrix.codeRange == (allowed.isEmpty ? nil : allowed.min()!...allowed.max()!), "trial \(trial)")
      } else if trial % 4 == 0 {
        Issue.record("trial \(trial): a file of digits not read as whole numbers")
      }
    }
  }

  /// First scores far from the digits: codes `d − origin + 128` outside a
  /// byte for some digit (origin 200, −150) or at the edges (128, −117).
  @Test func firstScoresFarFromTheDigits() throws {
    for first in ["200", "-150", "128", "-117", "129", "-118", "5"] {
      var text = "mentee,a,b,c,d,e,f,g,h,i\n"
      text += "x,\(first),1,2,3,4,5,6,7,8\ny,9,0,9,0,9,0,9,0,9\nz,\(first),\(first),0,0,0,0,1,1,1\n"
      #expect(same(forSolve(text), careful(text)), "first \(first)")
    }
  }

  /// Damaged files: a quoted cell, a cell of letters, a short and a long
  /// row, a lone carriage return, inside runs of digits: the same errors.
  @Test(arguments: [false, true])
  func damagedFilesGiveTheSameErrors(fraction: Bool) throws {
    let good = file(
      rows: 20, columns: 30, odd: 0, crlf: false, lastLineEnd: true, bom: false, seed: 77, fraction: fraction)
    var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let damages: [(Int, (String) -> String)] = [
      (3, { $0.replacing(",4", with: ",\"4\"", maxReplacements: 1) }),
      (5, { $0.replacing(",2", with: ",ab", maxReplacements: 1) }),
      (7, { String($0.prefix { $0 != "," }) + ",1" }),
      (9, { $0 + ",5" }),
      (11, { $0.replacing(",1", with: ",1\r", maxReplacements: 1) }),
      (13, { $0.replacing(",3", with: ",", maxReplacements: 1) }),
      (15, { $0.replacing(",6", with: ",6.5", maxReplacements: 1) }),
    ]
    for (line, damage) in damages {
      let saved = lines[line]
      lines[line] = damage(saved)
      let text = lines.joined(separator: "\n")
      #expect(same(forSolve(text), careful(text)), "line \(line + 1)")
      lines[line] = saved
    }
  }
}
