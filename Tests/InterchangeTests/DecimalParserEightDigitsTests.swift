import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// `DecimalParser`'s digits eight at a time (`gatherDigits`, `eightDigits`)
/// against the byte loop it replaced (`gatherDigitsOneByOne`), and
/// `parseFast` against `parse` (Swift's `Double(_:)`) on seeded numbers
/// whose text ends at an unmapped page, so a load past the text would crash.
@Suite struct DecimalParserEightDigitsTests {
  /// What a digit gathering leaves behind.
  struct Gathered: Equatable {
    var index: Int
    var mantissa: UInt64
    var significant: Int
    var digits: Int
    var inexact: Bool
    var exponent: Int
  }

  /// Runs one gathering from `index` with a prior `mantissa` of `significant` digits.
  static func gather(
    _ bytes: UnsafeBufferPointer<UInt8>, from index: Int, mantissa: UInt64, significant: Int, fraction: Bool,
    eightAtATime: Bool
  ) -> Gathered {
    var state = Gathered(
      index: index, mantissa: mantissa, significant: significant, digits: 0, inexact: false, exponent: 0)
    if eightAtATime {
      DecimalParser.gatherDigits(
        bytes, &state.index, mantissa: &state.mantissa, significant: &state.significant, digits: &state.digits,
        inexact: &state.inexact, exponent: &state.exponent, fraction: fraction)
    } else {
      DecimalParser.gatherDigitsOneByOne(
        bytes, &state.index, mantissa: &state.mantissa, significant: &state.significant, digits: &state.digits,
        inexact: &state.inexact, exponent: &state.exponent, fraction: fraction)
    }
    return state
  }

  /// A run of 0–25 digits, after 0–20 leading zeros now and then.
  static func digitRun(_ random: inout SplitMix) -> [UInt8] {
    let zeros = random.next() % 3 == 0 ? Int(random.next() % 21) : 0
    let count = Int(random.next() % 26)
    return Array(repeating: UInt8(ascii: "0"), count: zeros) + (0..<count).map { _ in UInt8(48 + random.next() % 10) }
  }

  @Test func eightDigitsIsTheValueOfEightDigitsAndNothingElse() {
    var random = SplitMix(seed: 0x8D16)
    for step in 0..<200_000 {
      var bytes = (0..<8).map { _ in UInt8(48 + random.next() % 10) }
      if step % 2 == 0 { bytes[Int(random.next() % 8)] = UInt8(truncatingIfNeeded: random.next()) }
      let chunk = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
      let expected: UInt64? =
        bytes.allSatisfy { $0 >= 48 && $0 <= 57 } ? bytes.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 48) } : nil
      #expect(DecimalParser.eightDigits(chunk) == expected, "\(bytes)")
    }
    // Every byte value at every place among seven nines (carries from 0xFA… included).
    for place in 0..<8 {
      for byte in 0...255 {
        var bytes = [UInt8](repeating: 57, count: 8)
        bytes[place] = UInt8(byte)
        let chunk = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        let isDigit = byte >= 48 && byte <= 57
        #expect((DecimalParser.eightDigits(chunk) != nil) == isDigit, "byte \(byte) at \(place)")
      }
    }
  }

  @Test func gatheringEightAtATimeIsTheByteLoop() {
    let buffer = LevelRunKernelTests.GuardedBuffer()
    var random = SplitMix(seed: 0x6A7E)
    let ends: [UInt8] = Array(".eE-+,/: \n".utf8) + [0, 0x2F, 0x3A, 0xFA, 0xFF, 0xB0]
    for _ in 0..<200_000 {
      let prefix = (0..<Int(random.next() % 3)).map { _ in UInt8(ascii: "-") }
      var text = prefix + Self.digitRun(&random)
      let atEnd = random.next() % 2 == 0
      if !atEnd {
        text.append(ends[Int(random.next() % UInt64(ends.count))])
        text += (0..<Int(random.next() % 10)).map { _ in UInt8(48 + random.next() % 10) }
      }
      // A prior state: none, or a mantissa of 1–19 significant digits (as after an integer part).
      let significant = random.next() % 2 == 0 ? 0 : Int(1 + random.next() % 19)
      var mantissa: UInt64 = 0
      for k in 0..<significant { mantissa = mantissa * 10 + (k == 0 ? 1 + random.next() % 9 : random.next() % 10) }
      let fraction = random.next() % 2 == 0
      let origin = buffer.base + (buffer.limit - text.count)
      origin.update(from: text, count: text.count)
      let bytes = UnsafeBufferPointer(start: UnsafePointer(origin), count: text.count)
      let eight = Self.gather(
        bytes, from: prefix.count, mantissa: mantissa, significant: significant, fraction: fraction,
        eightAtATime: true)
      let one = Self.gather(
        bytes, from: prefix.count, mantissa: mantissa, significant: significant, fraction: fraction,
        eightAtATime: false)
      #expect(eight == one, "\(String(decoding: text, as: UTF8.self)) from \(significant) digits")
    }
  }

  @Test func parseFastIsDoubleOfStringAtAPageEnd() {
    let buffer = LevelRunKernelTests.GuardedBuffer()
    var random = SplitMix(seed: 0xFA57)
    for _ in 0..<200_000 {
      var text: [UInt8] = []
      switch random.next() % 3 {
      case 0: text.append(UInt8(ascii: "-"))
      case 1: text.append(UInt8(ascii: "+"))
      default: break
      }
      text += Self.digitRun(&random)
      if random.next() % 4 != 0 {
        text.append(UInt8(ascii: "."))
        text += Self.digitRun(&random)
      }
      if random.next() % 3 == 0 {
        text += Array("e\(random.next() % 2 == 0 ? "-" : "")\(random.next() % 330)".utf8)
      }
      let origin = buffer.base + (buffer.limit - text.count)
      origin.update(from: text, count: text.count)
      let bytes = UnsafeBufferPointer(start: UnsafePointer(origin), count: text.count)
      // `parse` is `Double(String)` behind the grammar's check (which refuses "", "-", "." and the like).
      let expected = DecimalParser.parse(bytes: bytes)
      #expect(
        DecimalParser.parseFast(bytes: bytes)?.bitPattern == expected?.bitPattern,
        "\(String(decoding: text, as: UTF8.self))")
    }
  }
}
