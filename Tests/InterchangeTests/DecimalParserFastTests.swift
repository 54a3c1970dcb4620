import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// `DecimalParser.parseFast` against `DecimalParser.parse` (Swift's
/// `Double(_:)` behind the strict grammar): the same answer, bit for bit, on
/// the grammar's edge cases, random decimal strings and the shortest and
/// longest forms of random doubles.
@Suite struct DecimalParserFastTests {
  /// Both parsers on `text`; records a failure naming the text when they differ.
  private func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    var copy = text
    let (slow, fast) = copy.withUTF8 { (DecimalParser.parse(bytes: $0), DecimalParser.parseFast(bytes: $0)) }
    #expect(
      slow?.bitPattern == fast?.bitPattern,
      "'\(text)': Double(_:) gives \(String(describing: slow)), fast \(String(describing: fast))",
      sourceLocation: sourceLocation)
  }

  @Test func agreesOnTheGrammarsEdgeCases() {
    let cases = [
      "", "+", "-", ".", "+.", "-.", "e", "e5", ".e1", "1e", "1e+", "1e-", "1.e", "1..2", "1.2.3", "--1", "+-1",
      "1e1e1", "1e1.5", " 1", "1 ", "1,5", "0x1p3", "nan", "inf", "-infinity", "１", "1\u{0}", "1.", ".5", "-.5",
      "+.5", "0", "+0", "-0", "-0.0", "-0e999", "0e-999", "-0.000e+5", "00000000000000000000000001.5",
      "0.0000000000000000000000000000000000000000000000000001", "1e22", "1e23", "9007199254740992",
      "9007199254740993", "9007199254740993.0000000001", "18446744073709551615", "18446744073709551616",
      "1234567890123456789", "12345678901234567890", "0.1234567890123456789", "0.12345678901234567891",
      "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309",
      "-1e309", "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324",
      "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-324", "1e-400", "1e-1000000000",
      "1e1000000000", "1E5", "1e+05", "1e-05", "123456789e-9999999", "0.5e1000001", "7.2057594037927933e16",
      "5e-324", "3e-324", "8.98846567431158e307", "0.1", "0.2", "0.3", "2.5", "-2.5", "1e-3", "1e300",
      "-1e300", "1e301", "0.30000000000000004", "0.7071067811865476", "6.02214076e23", "1.602176634e-19",
    ]
    for text in cases { expectSame(text) }
    // Zeros beyond 19 digits, in the integer part and the fraction.
    expectSame("1" + String(repeating: "0", count: 30))
    expectSame("0." + String(repeating: "0", count: 400) + "1e400")
    expectSame("1." + String(repeating: "0", count: 40) + "1")
  }

  @Test func agreesOnRandomDecimalStrings() {
    var random = SplitMix(seed: 15)
    func digits(_ count: Int) -> String {
      String((0..<count).map { _ in Character(String(random.next() % 10)) })
    }
    for _ in 0..<200_000 {
      var text = ""
      switch random.next() % 3 {
      case 0: text += "-"
      case 1: if random.next() % 4 == 0 { text += "+" }
      default: break
      }
      let integerDigits = Int(random.next() % 24)
      let zeros = random.next() % 5 == 0 ? Int(random.next() % 30) : 0
      text += String(repeating: "0", count: zeros) + digits(integerDigits)
      if random.next() % 2 == 0 {
        text += "."
        if random.next() % 5 == 0 { text += String(repeating: "0", count: Int(random.next() % 30)) }
        text += digits(Int(random.next() % 24))
      }
      if random.next() % 2 == 0 {
        text += random.next() % 2 == 0 ? "e" : "E"
        switch random.next() % 3 {
        case 0: text += "-"
        case 1: text += "+"
        default: break
        }
        let exponent = random.next() % 4 == 0 ? random.next() % 400 : random.next() % 30
        text += String(exponent)
      }
      expectSame(text)
    }
  }

  @Test func agreesOnRandomDoublesInEveryForm() {
    var random = SplitMix(seed: 2026)
    for step in 0..<100_000 {
      let value: Double
      switch step % 3 {
      case 0: value = Double(bitPattern: random.next())
      case 1: value = random.next(upTo: 2) - 1
      default: value = (random.next(upTo: 2) - 1) * pow(10, Double(Int(random.next() % 40) - 20))
      }
      guard value.isFinite else { continue }
      expectSame("\(value)")
      expectSame(String(format: "%.17g", value))
      expectSame(String(format: "%.\(random.next() % 20)e", value))
      expectSame(String(format: "%.\(random.next() % 25)f", value))
      // Integers halfway between two neighbouring doubles (odd ones from
      // 2^53 to 2^54, 2 mod 4 from 2^54 to 2^55), where rounding to even decides.
      let half = (UInt64(1) << 53) | (random.next() >> 11) | 1
      expectSame("\(half)")
      expectSame("\((half << 1) | 2)")
      expectSame("\(half)e\(random.next() % 5)")
    }
  }
}
