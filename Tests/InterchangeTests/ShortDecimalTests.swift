import Testing
import _TestSupport

@testable import Interchange

/// The writers' short-decimal path (``ByteSink/storeShortDecimal(_:at:droppingPointZero:)``)
/// against `Double.description`: the numbers a plan is made of (decimals
/// with few fraction digits), their neighbours one ulp away (which it must
/// decline or print as Swift does), and the edges of its range.
@Suite struct ShortDecimalTests {
  /// The bytes the short path stores, or `nil` when it declines.
  private static func stored(_ value: Double, droppingPointZero: Bool = false) -> [UInt8]? {
    let out = UnsafeMutablePointer<UInt8>.allocate(capacity: 18)
    defer { out.deallocate() }
    return ByteSink.storeShortDecimal(value, at: out, droppingPointZero: droppingPointZero).map {
      Array(UnsafeBufferPointer(start: out, count: $0))
    }
  }

  private static func bytes(_ write: (inout ByteSink) -> Void) -> [UInt8] {
    var sink = ByteSink()
    write(&sink)
    return sink.bytes
  }

  /// Short decimals of every scale, their neighbours, and the range's edges.
  private static func values() -> [Double] {
    var random = SplitMix(seed: 1104)
    var values: [Double] = [
      1e-3, -1e-3, 0.0009999999999999998, 0.00099999, 0.0005, 1e-4, 1e11, 99_999_999_999.9999, 99_999_999_999.99998,
      1e11 - 1, 0.075, 0.07500000000000001, 1.225, 0.1, 0.2, 0.3, 0.30000000000000004, 2.5, 1.0, 0.05, 0.025,
      0.9999999999999999, 1234.5678, 4_503_599_627.3704, 0.0015, 0.00149999, 7.0, -7.0, 100.0, 0.0, -0.0,
      .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
    ]
    for _ in 0..<100_000 {
      let digits = Int(random.next() % 7)  // fraction digits 0–6: 5 and 6 must be declined
      var scale = 1.0
      for _ in 0..<digits { scale *= 10 }
      let units = Double(random.next() % (random.next() % 2 == 0 ? 100_000 : 1_000_000_000_000_000))
      var value = units / scale
      if random.next() % 2 == 0 { value = -value }
      values += [value, value.nextUp, value.nextDown]
      // Sums of a plan's terms: a score from its parts.
      values.append(Double(random.next() % 1000) / 1000 + Double(random.next() % 40) / 400 + 0.05)
    }
    return values
  }

  @Test func shortDecimalsAreTheDescriptions() {
    var taken = 0
    for value in Self.values() {
      guard let bytes = Self.stored(value) else {
        continue
      }
      taken += 1
      #expect(bytes == Array(value.description.utf8), "\(value.description)")
      let whole = value.description.hasSuffix(".0") ? String(value.description.dropLast(2)) : value.description
      #expect(Self.stored(value, droppingPointZero: true) == Array(whole.utf8), "\(value.description)")
    }
    // The path is taken for a good share of the values (about 113,000 of these 500,036), else this test checks little.
    #expect(taken > 100_000)
  }

  @Test func theWritersNumbersAreTheDescriptions() {
    for value in Self.values() where value.isFinite {
      let text = value.description
      #expect(Self.bytes { $0.appendShortest(value) } == Array(text.utf8), "\(text)")
      let json = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
      #expect(Self.bytes { JSONStreamWriter.number(value, &$0) } == Array(json.utf8), "\(text)")
      #expect(Self.bytes { CSVCellBytes.number(value, &$0) } == Array(CSVWriter().field(.number(value)).utf8))
    }
  }

  @Test func zerosAndNonFiniteNumbersAreDeclined() {
    for value in [0.0, -0.0, .nan, -.nan, .infinity, -.infinity, 1e-4, 1e11, .leastNonzeroMagnitude] {
      #expect(Self.stored(value) == nil, "\(value)")
    }
    #expect(Self.stored(1.225) == Array("1.225".utf8))
    #expect(Self.stored(-0.075) == Array("-0.075".utf8))
    #expect(Self.stored(0.07500000000000001) == nil)
  }
}
