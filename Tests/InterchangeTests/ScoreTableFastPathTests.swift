import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// The score reader's fast path against its careful path: on well-formed
/// files the fast path answers (so it is the one measured) with the careful
/// path's table, bit for bit; on damaged files it either gives that same
/// table or steps aside, so every error still comes from the careful path.
@Suite struct ScoreTableFastPathTests {
  /// A random well-formed score file: BOM or not, LF or CRLF, blank lines,
  /// spaces around cells, empty cells, non-ASCII and neutralised ids, and
  /// scores in every decimal form.
  private func wellFormed(rows: Int, columns: Int, random: inout SplitMix) -> String {
    let crlf = random.next() % 2 == 0
    let end = crlf ? "\r\n" : "\n"
    var text = random.next() % 3 == 0 ? "\u{FEFF}" : ""
    if random.next() % 4 == 0 { text += end }
    text += (random.next() % 2 == 0 ? "mentee" : " Mentee ")
    for j in 0..<columns { text += ",m\(j)" + (j % 3 == 0 ? "é" : "") }
    text += end
    for i in 0..<rows {
      if random.next() % 10 == 0 { text += end }
      text += (i % 5 == 0 ? " 'e\(i)" : "e\(i)") + (i % 7 == 0 ? "ü" : "")
      for _ in 0..<columns {
        text += ","
        let value = random.next(upTo: 200) - 100
        switch random.next() % 8 {
        case 0: break
        case 1: text += " \(value)\t"
        case 2: text += String(format: "%.3e", value)
        case 3: text += String(format: "%.17g", value)
        case 4: text += String(Int(value))
        case 5: text += String(format: "%.0f.", value).replacingOccurrences(of: "-0.", with: "-0.")
        case 6: text += "\(Double(bitPattern: random.next() >> 2 | 1 << 61) )"
        default: text += "\(value)"
        }
      }
      text += end
    }
    return text
  }

  private func careful(_ text: String) -> Result<ScoreTable, InputErrors> {
    Result { () throws(InputErrors) in try ScoreTableReader.parseCarefully(text, file: "s.csv") }
  }

  private func fast(_ text: String) -> ScoreTable? {
    var copy = text
    return copy.withUTF8(ScoreTableReader.parseWellFormed)
  }

  private func sameBits(_ a: ScoreTable, _ b: ScoreTable) -> Bool {
    a.menteeIDs == b.menteeIDs && a.mentorIDs == b.mentorIDs
      && a.scores.map(\.bitPattern) == b.scores.map(\.bitPattern)
  }

  @Test func takesWellFormedFilesWithTheCarefulPathsTable() throws {
    var random = SplitMix(seed: 7)
    for trial in 0..<200 {
      let text = wellFormed(
        rows: Int(random.next() % 30), columns: 1 + Int(random.next() % 12), random: &random)
      let expected = try careful(text).get()
      let table = try #require(fast(text), "trial \(trial): the fast path refused a well-formed file")
      #expect(sameBits(table, expected), "trial \(trial)")
    }
  }

  @Test func splitsLargeFilesIntoChunksWithTheSameResult() throws {
    var random = SplitMix(seed: 8)
    let text = wellFormed(rows: 3000, columns: 60, random: &random)
    #expect(text.utf8.count > 1 << 20, "large enough to be split across cores")
    let table = try #require(fast(text))
    #expect(sameBits(table, try careful(text).get()))
    #expect(table.menteeIDs.count == 3000)
  }

  @Test func neverAcceptsWhatTheCarefulPathRejectsOrReadsDifferently() {
    var random = SplitMix(seed: 9)
    let damages = [
      "\"", "\r", ",", "x", "nan", "1e999", "1e301", " ", "\u{0}", "e1", "\n", "\n,\n", "1..2", "\u{FF}",
    ]
    var refused = 0
    for trial in 0..<400 {
      var bytes = Array(
        wellFormed(rows: 1 + Int(random.next() % 8), columns: 1 + Int(random.next() % 5), random: &random).utf8)
      let damage = damages[Int(random.next() % UInt64(damages.count))]
      let at = Int(random.next() % UInt64(bytes.count + 1))
      bytes.insert(contentsOf: damage == "\u{FF}" ? [0xFF] : Array(damage.utf8), at: at)
      let table: ScoreTable? = bytes.withUnsafeBufferPointer(ScoreTableReader.parseWellFormed)
      guard let table else {
        refused += 1
        continue
      }
      // The fast path answered: the careful path must give the same table.
      let text = String(decoding: bytes, as: UTF8.self)
      switch careful(text) {
      case .success(let expected):
        #expect(sameBits(table, expected), "trial \(trial), damage \(damage.debugDescription)")
      case .failure(let errors): Issue.record("trial \(trial): fast path accepted a file with problems: \(errors)")
      }
    }
    #expect(refused > 100, "most damages send the file to the careful path")
  }

  @Test func readsFilesThroughTheFastPathWithTheSameErrorsAsBefore() throws {
    let folder = try TemporaryFolder(prefix: "scores")
    let good = try folder.write("good.csv", "mentee,m1,m2\ne1,0.5,\ne2,-1e-3,2\n")
    let table = try ScoreTableReader.read(path: good)
    #expect(table.menteeIDs == ["e1", "e2"] && table.scores[1].isNaN && table.scores[2] == -0.001)
    let bad = folder.path("bad.csv")
    try Data([0x6D, 0x65, 0x6E, 0x74, 0x65, 0x65, 0x2C, 0x6D, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: bad))
    #expect(throws: InputErrors.self) { try ScoreTableReader.read(path: bad) }
    do {
      _ = try ScoreTableReader.read(path: bad)
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "\(bad):1:9: error: the file is not valid UTF-8 (byte 0xFF here); save it with UTF-8 encoding"
        ])
    }
  }
  /// The whole-number shortcut gives `DecimalParser.parse`'s value bit for
  /// bit whenever it answers, answers for plain ratings, and leaves the rest
  /// to the general parser.
  @Test func wholeNumberShortcutAgreesWithTheParser() {
    var random = SplitMix(seed: 1515)
    var texts = [
      "0", "-0", "+0", "7", "-3", "4.0", "12.", "9.000", "-0.0", "007", "999999999999999",
      "1234567890123456", "1.5", "1e3", ".5", "-", "+", ".", "", "4.01", "3.0 ", "0x1", "1_0", "٣",
    ]
    for _ in 0..<2000 {
      let digits = Int(random.next() % 18) + 1
      var text = ["", "-", "+"][Int(random.next() % 3)]
      for _ in 0..<digits { text += String(random.next() % 10) }
      text += ["", ".", ".0", ".00", ".5", "e1"][Int(random.next() % 6)]
      texts.append(text)
    }
    for text in texts {
      var copy = text
      let expected = copy.withUTF8 { DecimalParser.parse(bytes: $0) }
      let shortcut = copy.withUTF8 {
        ScoreTableReader.shortWholeNumber($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count)
      }
      if let shortcut {
        #expect(shortcut.bitPattern == expected?.bitPattern, "\(text)")
      }
      let plain = text.range(of: #"^[+-]?[0-9]{1,15}(\.0*)?$"#, options: .regularExpression) != nil
      #expect((shortcut != nil) == plain, "\(text)")
    }
  }
}
