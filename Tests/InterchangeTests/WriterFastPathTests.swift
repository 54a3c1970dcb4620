import CompetencyModel
import Foundation
import Rationale
import Testing
import _TestSupport

@testable import Interchange

/// The plan writers' fast paths against the code they replace: numbers
/// through `TextOutputStream` against `Double.description`, digit pairs
/// against `String(Int)`, the eight-bytes-at-a-time scans against a byte
/// loop, escaped strings and CSV cells against the encoder and
/// ``CSVWriter``, blocks against writing the items in order, and NaN
/// refused as before.
@Suite struct WriterFastPathTests {
  private static func bytes(_ write: (inout ByteSink) -> Void) -> [UInt8] {
    var sink = ByteSink()
    write(&sink)
    return sink.bytes
  }

  /// Numbers every writer must print exactly: zeros, the extremes,
  /// subnormals, and integers and halves around 2^53.
  private static let awkwardNumbers: [Double] = [
    0, -0.0, 1, -1, 0.1, -0.1, 1e-5, 1e-7, 1e15, 1e16, 1e17, 1e21, 1e22, 1e-300, 1e300, .leastNonzeroMagnitude,
    -.leastNonzeroMagnitude,
    .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 9_007_199_254_740_991,
    9_007_199_254_740_992, 9_007_199_254_740_994, -9_007_199_254_740_992, 4_503_599_627_370_495.5,
    4_503_599_627_370_496.5, 0.30000000000000004, 123_456_789_012_345_680_000, 2.5e-5, 100, 1.5,
  ]

  @Test func shortestNumbersAreTheDescriptions() {
    var random = SplitMix(seed: 2026)
    var values = Self.awkwardNumbers
    for _ in 0..<200_000 {
      let value = Double(bitPattern: random.next())
      values.append(value.isFinite ? value : Double(Int64(bitPattern: random.next()) >> (random.next() % 64)))
    }
    for value in values {
      let text = value.description
      #expect(Self.bytes { $0.appendShortest(value) } == Array(text.utf8), "\(text)")
      let json = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
      #expect(Self.bytes { JSONStreamWriter.number(value, &$0) } == Array(json.utf8), "\(text)")
      #expect(Self.bytes { CSVCellBytes.number(value, &$0) } == Array(CSVWriter().field(.number(value)).utf8))
    }
  }

  @Test func decimalsAreTheIntegersTexts() {
    var random = SplitMix(seed: 53)
    var values = [Int.min, Int.min + 1, Int.max, 0, -1, 9, 10, 99, 100, -100, 1 << 53, (1 << 53) + 1, -(1 << 53) - 1]
    var power = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power + 1, -power, -power - 1]
    }
    for _ in 0..<100_000 {
      values.append(Int(bitPattern: UInt(random.next())) >> Int(random.next() % 64))
    }
    for value in values {
      #expect(Self.bytes { $0.appendDecimal(value) } == Array(String(value).utf8), "\(value)")
      #expect(Self.bytes { JSONStreamWriter.integer(value, &$0) } == Array(String(value).utf8))
      #expect(Self.bytes { CSVCellBytes.integer(value, &$0) } == Array(CSVWriter().field(.integer(value)).utf8))
    }
  }

  @Test func wordScansAgreeWithAByteLoop() {
    var random = SplitMix(seed: 8)
    let alphabet: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x22, 0x2C, 0x5C, 0x61, 0x7E, 0x7F, 0x80, 0xC2, 0xC3, 0xFF]
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
    defer { storage.deallocate() }
    for trial in 0..<50_000 {
      let offset = Int(random.next() % 8)  // misaligned starts as well
      let count = Int(random.next() % 40)
      for index in 0..<(offset + count) {
        // Mostly plain letters, so that long plain runs and a lone special byte at any place both occur.
        storage[index] =
          random.next() % 6 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))] : 0x61 + UInt8(index % 26)
      }
      let bytes = UnsafeBufferPointer(rebasing: storage[offset..<(offset + count)])
      for (limit, special) in [
        (UInt8(0x20), (UInt8(0x22), UInt8(0x5C), UInt8(0x7F), UInt8(0xC2))), (0x20, (0x2C, 0x22, 0x2C, 0x2C)),
        (0x80, (0, 0, 0, 0)), (0, (0xFF, 0xC3, 0x7E, 0x21)),
      ] {
        let expected = !bytes.contains {
          $0 < limit || $0 == special.0 || $0 == special.1 || $0 == special.2 || $0 == special.3
        }
        #expect(ByteScan.none(below: limit, orEqualTo: special, in: bytes) == expected, "trial \(trial)")
      }
      // The CSV cell's one-pass scan: a control byte (C0, DEL, 0xC2) decides; else the quotes and commas.
      let contents = ByteScan.cellContents(bytes)
      let control = bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
      #expect(contents.control == control, "trial \(trial)")
      if !control {
        #expect(contents.quote == bytes.contains(0x22), "trial \(trial)")
        #expect(contents.comma == bytes.contains(0x2C), "trial \(trial)")
      }
    }
  }

  @Test func smallCopiesCopyEveryByteAndNoMore() {
    let source = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    let target = UnsafeMutablePointer<UInt8>.allocate(capacity: 96)
    defer {
      source.deallocate()
      target.deallocate()
    }
    for index in 0..<64 { source[index] = UInt8(index + 1) }
    for count in 0...40 {
      for from in 0..<8 {
        for to in 0..<8 {
          target.initialize(repeating: 0xEE, count: 96)
          ByteSink.copy(source + from, to: target + to, count: count)
          let copied = Array(UnsafeBufferPointer(start: target, count: 96))
          let expected =
            Array(repeating: UInt8(0xEE), count: to) + (0..<count).map { UInt8(from + $0 + 1) }
            + Array(repeating: UInt8(0xEE), count: 96 - to - count)
          #expect(copied == expected, "count \(count) from \(from) to \(to)")
        }
      }
    }
  }

  /// Texts with one awkward character at every place around the scans' eight-byte words.
  private static func placedTexts() -> [String] {
    let specials = [
      "\"", "\\", "\n", "\r", "\t", "\u{00}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "é", "漢", "🙂", ",", "/",
    ]
    var texts: [String] = []
    for special in specials {
      for length in 0..<20 {
        for place in 0...length {
          var text = String(repeating: "a", count: length)
          text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: place))
          texts.append(text)
        }
      }
    }
    return texts
  }

  @Test func escapedStringsAreTheEncodersStrings() throws {
    var random = SplitMix(seed: 15)
    let pieces = ["a", "Zoë", " ", "\"", "\\", "/", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "日本", "😀", "\u{2028}"]
    var texts = Self.placedTexts()
    for _ in 0..<3000 {
      texts.append(
        (0..<Int(random.next() % 12)).map { _ in
          random.next() % 4 == 0
            ? String(UnicodeScalar(UInt8(random.next() % 0x20))) : pieces[Int(random.next() % UInt64(pieces.count))]
        }.joined())
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    for text in texts {
      let expected = try encoder.encode(text)
      #expect(Self.bytes { JSONStreamWriter.string(text, &$0) } == Array(expected), "\(text.debugDescription)")
      #expect(
        Self.bytes { JSONStreamWriter.visibleString(text, &$0) } == Array(PlanDocument.escapingDeleteAndC1(expected)),
        "\(text.debugDescription)")
    }
  }

  @Test func csvCellsAreTheWritersCells() {
    var random = SplitMix(seed: 4180)
    let leads = ["", "'", "''", "=", "+", "-", "@", "\t", "\r", "'=", "a"]
    var texts = Self.placedTexts()
    for text in Self.placedTexts() where random.next() % 4 == 0 {
      texts.append(leads[Int(random.next() % UInt64(leads.count))] + text)
    }
    for text in texts {
      #expect(
        Self.bytes { CSVCellBytes.text(text, &$0) } == Array(CSVWriter().field(.text(text)).utf8),
        "\(text.debugDescription)")
      var row = CSVCellBytes.Row()
      #expect(
        Self.bytes { row.shown(text, &$0) } == Array(CSVWriter().field(.text(DisplayText.visible(text))).utf8),
        "\(text.debugDescription)")
    }
  }

  /// Cells holding several awkward characters at once, longer than a word:
  /// commas with quotes, with line breaks, with controls, DEL, C1 and other
  /// `0xC2` characters (`§`), formula leads; text and shown cells against
  /// ``CSVWriter``'s.
  @Test func csvCellsWithSeveralAwkwardCharactersAreTheWritersCells() {
    var random = SplitMix(seed: 4181)
    let alphabet = [
      "a", "b", " ", ",", "\"", "\r", "\n", "\t", "\u{7F}", "\u{85}", "é", "§", "=", "'", "-", "漢", "\u{1B}",
    ]
    for round in 0..<4000 {
      let length = Int(random.next() % 41)
      // Half the texts draw from the plain letters mostly, so that one awkward character is rare.
      let plainBias = round % 2 == 0
      var text = ""
      for _ in 0..<length {
        let draw = Int(random.next() % UInt64(alphabet.count))
        text += plainBias && random.next() % 4 != 0 ? alphabet[draw % 3] : alphabet[draw]
      }
      #expect(
        Self.bytes { CSVCellBytes.text(text, &$0) } == Array(CSVWriter().field(.text(text)).utf8),
        "\(text.debugDescription)")
      var row = CSVCellBytes.Row()
      #expect(
        Self.bytes { row.shown(text, &$0) } == Array(CSVWriter().field(.text(DisplayText.visible(text))).utf8),
        "\(text.debugDescription)")
    }
  }

  @Test(arguments: [0, 1, 255, 256, 257, 5000, 40_000])
  func blocksComeOutInOrder(count: Int) throws {
    // Items of very different sizes, some larger than the sink's megabyte.
    @Sendable func item(_ index: Int, _ sink: inout ByteSink) {
      let size = index % 97 == 0 ? 1_500_000 + index : index % 13
      sink.appendDecimal(index)
      sink.withUnsafeSpace(size) { out in
        out.update(repeating: UInt8(truncatingIfNeeded: index), count: size)
        return size
      }
      sink.append(0x0A)
    }
    let expected = Self.bytes { sink in for index in 0..<count { item(index, &sink) } }
    for block in [1, 7, 256] {
      let blocked = Self.bytes { sink in
        sink.appendBlocks(count: count, block: block) { range, out in for index in range { item(index, &out) } }
      }
      #expect(blocked == expected, "block \(block)")
    }
    // Through a file: drains, pieces larger than the buffer written directly, writeback started.
    try withTemporaryDirectory { folder throws in
      let path = folder + "/blocks.bin"
      try AtomicFile.write(to: path) { sink in
        sink.append("head" as StaticString)
        sink.appendBlocks(count: count, block: 256) { range, out in for index in range { item(index, &out) } }
      }
      #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == Array("head".utf8) + expected)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["blocks.bin"])
    }
  }

  @Test func nanIsRefusedAsBefore() async {
    await #expect(processExitsWith: .failure) {
      var sink = ByteSink()
      JSONStreamWriter.number(.nan, &sink)
    }
    await #expect(processExitsWith: .failure) {
      var sink = ByteSink()
      CSVCellBytes.number(-.infinity, &sink)
    }
    await #expect(processExitsWith: .failure) {
      var plan = CohortMatcher.match(
        CohortFixtures.generated(mentees: 30, mentors: 10, competencies: 4, seed: 3),
        configuration: MatchingConfiguration())
      plan.pairs[plan.pairs.count - 1].score = .nan
      var sink = ByteSink()
      PlanFormat.json.write(plan, to: &sink)
    }
  }
}
