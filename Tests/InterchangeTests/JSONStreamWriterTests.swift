import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// The streaming JSON writer against Foundation's `JSONEncoder` with the
/// options the plan formats use: the same bytes on generated documents with
/// awkward strings (quotes, backslashes, every control character, DEL,
/// non-ASCII, `/`) and awkward numbers (integers, negative zero, the tiniest
/// and largest doubles, random bit patterns).
@Suite struct JSONStreamWriterTests {
  private static func encoded(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
  }

  private static func awkwardString(_ random: inout SplitMix) -> String {
    let pieces = [
      "\"", "\\", "/", "\u{7F}", "\u{80}", "\u{9F}", "é", "Ω", "日本", "😀", "a", "Zoë", " ", "'=cmd", "\u{2028}",
      "\u{FEFF}",
    ]
    var text = ""
    for _ in 0..<Int(random.next() % 6) {
      if random.next() % 3 == 0 {
        text.unicodeScalars.append(Unicode.Scalar(UInt8(random.next() % 0x20)))
      } else {
        text += pieces[Int(random.next() % UInt64(pieces.count))]
      }
    }
    return text
  }

  private static func awkwardNumber(_ random: inout SplitMix) -> Double {
    let specials: [Double] = [
      0, -0.0, 1, -1, 123, 1e15, 1e16, 1e17, 1e22, 1e300, -1e300, 5e-324, -5e-324, 2.2250738585072014e-308,
      1.7976931348623157e308, 0.1, 1e-5, 1e-7, 0.5, 9_007_199_254_740_993, 4503599627370496.5,
      123_456_789_012_345_680_000,
    ]
    switch random.next() % 4 {
    case 0: return specials[Int(random.next() % UInt64(specials.count))]
    case 1: return Double(Int64(bitPattern: random.next()) >> Int64(random.next() % 64))
    case 2:
      let value = Double(bitPattern: random.next())
      return value.isFinite ? value : 0.25
    default: return random.next(upTo: 2) - 1
    }
  }

  private static func report(_ random: inout SplitMix, assignmentCount: Int? = nil) throws -> SolveReport {
    let certificate: SolveReport.Certificate? =
      random.next() % 3 == 0
      ? nil
      : try JSONDecoder().decode(
        SolveReport.Certificate.self,
        from: Data(
          """
          {"pairsChecked": \(random.next() % 100_000), "candidatePairs": \(random.next() % 1000),
           "violationsPerRound": [\((0..<Int(random.next() % 4)).map { _ in String(random.next() % 50) }.joined(separator: ","))],
           "exact": \(random.next() % 2 == 0), "resolution": \(awkwardNumber(&random).magnitude)}
          """.utf8))
    let assignments = (0..<(assignmentCount ?? Int(random.next() % 12))).map { _ in
      SolveReport.Assignment(
        mentee: awkwardString(&random), mentor: awkwardString(&random), score: awkwardNumber(&random))
    }
    let unassigned = (0..<Int(random.next() % 5)).map { _ in awkwardString(&random) }
    // The memberwise initialiser is hidden by the report's own; start from a
    // decoded skeleton and set every field.
    var report = try JSONDecoder().decode(
      SolveReport.self,
      from: Data(#"{"objective":0,"assigned":0,"assignments":[],"unassigned":[],"timings":{"solve":0}}"#.utf8))
    report.objective = awkwardNumber(&random)
    report.assigned = assignments.count
    report.assignments = assignments
    report.unassigned = unassigned
    report.timings = SolveReport.Timings(solve: abs(awkwardNumber(&random)))
    report.certificate = certificate
    return report
  }

  @Test func solveReportsStreamTheEncodersBytes() throws {
    var random = SplitMix(seed: 1515)
    for trial in 0..<500 {
      let report = try Self.report(&random)
      var sink = ByteSink()
      report.writeJSON(to: &sink)
      let expected = try Self.encoded(report) + [0x0A]
      #expect(sink.bytes == expected, "trial \(trial)")
      #expect(sink.bytes == Array(report.render(.json).utf8), "trial \(trial)")
      var csv = ByteSink()
      report.writeCSV(to: &csv)
      #expect(csv.bytes == Array(report.render(.csv).utf8), "trial \(trial)")
    }
  }

  /// Many assignments: formatted in blocks of 512 on every core, in
  /// batches (more than one past 4,096 on 2 cores), still the encoder's bytes.
  @Test(arguments: [511, 512, 513, 1_500, 5_000])
  func longSolveReportsStreamTheEncodersBytes(count: Int) throws {
    var random = SplitMix(seed: 1516 + UInt64(count))
    let report = try Self.report(&random, assignmentCount: count)
    #expect(report.assignments.count == count)
    var sink = ByteSink()
    report.writeJSON(to: &sink)
    #expect(sink.bytes == (try Self.encoded(report) + [0x0A]))
  }

  @Test func writesStringsAndNumbersAsTheEncoderDoes() throws {
    var random = SplitMix(seed: 42)
    // Every single byte below 0x80 and a run of random strings, alone in an array.
    let strings =
      (0..<128).map { String(UnicodeScalar(UInt8($0))) } + (0..<2000).map { _ in Self.awkwardString(&random) }
    var sink = ByteSink()
    var json = JSONStreamWriter()
    json.beginArray(&sink)
    for text in strings {
      json.element(&sink)
      JSONStreamWriter.string(text, &sink)
    }
    json.end(&sink)
    #expect(sink.bytes == (try Self.encoded(strings)))
    let numbers = (0..<20_000).map { _ in Self.awkwardNumber(&random) }
    var numberSink = ByteSink()
    json.beginArray(&numberSink)
    for value in numbers {
      json.element(&numberSink)
      JSONStreamWriter.number(value, &numberSink)
    }
    json.end(&numberSink)
    #expect(numberSink.bytes == (try Self.encoded(numbers)))
  }

  @Test func writesEmptyAndNestedContainersAsTheEncoderDoes() throws {
    struct Inner: Encodable {
      var list: [Int] = []
      var flag = true
    }
    struct Outer: Encodable {
      var a: [Inner] = [Inner(), Inner(list: [1, -2], flag: false)]
      var b: [String] = []
      var c = Inner()
    }
    var sink = ByteSink()
    var json = JSONStreamWriter()
    json.beginObject(&sink)
    json.key("a", &sink)
    json.beginArray(&sink)
    for inner in Outer().a {
      json.element(&sink)
      json.beginObject(&sink)
      json.key("flag", &sink)
      JSONStreamWriter.bool(inner.flag, &sink)
      json.key("list", &sink)
      json.beginArray(&sink)
      for value in inner.list {
        json.element(&sink)
        JSONStreamWriter.integer(value, &sink)
      }
      json.end(&sink)
      json.end(&sink)
    }
    json.end(&sink)
    json.key("b", &sink)
    json.beginArray(&sink)
    json.end(&sink)
    json.key("c", &sink)
    json.beginObject(&sink)
    json.key("flag", &sink)
    JSONStreamWriter.bool(true, &sink)
    json.key("list", &sink)
    json.beginArray(&sink)
    json.end(&sink)
    json.end(&sink)
    json.end(&sink)
    #expect(String(decoding: sink.bytes, as: UTF8.self) == String(decoding: try Self.encoded(Outer()), as: UTF8.self))
  }

  /// Elements written by a writer resumed inside an array, and the array
  /// closed by the writer that opened it once told of them, give the bytes
  /// of one writer writing everything: arrays at depths 1–6, with and
  /// without earlier elements, elements of every kind (numbers, strings,
  /// nested objects and arrays, empty ones).
  @Test(arguments: 1...6)
  func resumedArraysWriteWhatOneWriterWrites(depth: Int) {
    /// Opens `depth - 1` objects, each with one member, then an array.
    func open(_ json: inout JSONStreamWriter, _ sink: inout ByteSink) {
      for level in 1..<depth {
        json.beginObject(&sink)
        json.key("k\(level)", &sink)
      }
      json.beginArray(&sink)
    }
    func elements(_ first: Int, _ json: inout JSONStreamWriter, _ sink: inout ByteSink) {
      for index in first..<first + 3 {
        json.element(&sink)
        switch index % 3 {
        case 0: JSONStreamWriter.integer(index, &sink)
        case 1: JSONStreamWriter.string("e\"\(index)", &sink)
        default:
          json.beginObject(&sink)
          json.key("list", &sink)
          json.beginArray(&sink)
          json.element(&sink)
          JSONStreamWriter.number(Double(index) / 4, &sink)
          json.end(&sink)
          json.key("none", &sink)
          json.beginArray(&sink)
          json.end(&sink)
          json.end(&sink)
        }
      }
    }
    for blocks in 0...3 {
      // One writer writes every block's elements itself.
      var whole = ByteSink()
      var one = JSONStreamWriter()
      open(&one, &whole)
      for block in 0..<blocks { elements(3 * block, &one, &whole) }
      for _ in 0..<depth { one.end(&whole) }
      // The opener writes the containers; each block comes from a resumed writer.
      var split = ByteSink()
      var opener = JSONStreamWriter()
      open(&opener, &split)
      for block in 0..<blocks {
        var resumed = JSONStreamWriter.resumingArray(atDepth: depth, holdingElements: block > 0)
        var out = ByteSink()
        elements(3 * block, &resumed, &out)
        out.withBytes { split.append($0) }
      }
      if blocks > 0 { opener.noteElementsWrittenElsewhere() }
      for _ in 0..<depth { opener.end(&split) }
      #expect(
        String(decoding: split.bytes, as: UTF8.self) == String(decoding: whole.bytes, as: UTF8.self),
        "depth \(depth), \(blocks) blocks")
    }
  }
}
