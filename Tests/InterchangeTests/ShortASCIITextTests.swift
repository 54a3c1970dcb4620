import Testing
import _TestSupport

@testable import Interchange

/// ``ShortASCIIText`` against `String(decoding:as:)`: the same text, bit
/// for bit, for every length it makes, and `nil` wherever it must not make
/// one (too long, not ASCII).
struct ShortASCIITextTests {
  /// The 16 bytes of a `String` value.
  private func bits(_ text: String) -> [UInt64] {
    let pair = unsafeBitCast(text, to: (UInt64, UInt64).self)
    return [pair.0, pair.1]
  }

  /// What `String(decoding:as:)` makes of `bytes[start..<start + count]`.
  private func decoded(_ bytes: [UInt8], _ start: Int, _ count: Int) -> String {
    String(decoding: bytes[start..<start + count], as: UTF8.self)
  }

  @Test func theLayoutCheckPassesOnThisPlatform() {
    // The project's platforms are 64-bit little-endian: the fast texts are used.
    #expect(ShortASCIIText.layoutHolds)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func seededTextsEqualTheStandardLibrarysBitForBit(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for _ in 0..<4_000 {
      // A buffer holding the text at a random offset, with other bytes around it.
      let count = Int(random.next() % 16)
      let start = Int(random.next() % 9)
      let bytes = (0..<(start + count + Int(random.next() % 3))).map { _ in UInt8(0x20 + random.next() % 0x5F) }
      let made = bytes.withUnsafeBufferPointer { ShortASCIIText.make($0.baseAddress!, start, count) }
      let expected = decoded(bytes, start, count)
      #expect(made == expected)
      if let made {
        #expect(bits(made) == bits(expected), "bits of '\(expected)'")
        #expect(made.utf8.count == count)
        #expect(made.hashValue == expected.hashValue)
        #expect(Array(made.utf8) == Array(bytes[start..<start + count]))
      }
    }
  }

  @Test func everyLengthUpToFifteenIsMadeAndLongerOnesAreNot() {
    // The text at the very end of its buffer: no byte after it is read (the
    // address sanitizer would flag it; here the values must still match).
    let all = Array("0123456789ABCDEFG".utf8)
    for count in 0...17 {
      let bytes = Array(all[..<count])
      let made = bytes.withUnsafeBufferPointer { buffer in
        ShortASCIIText.make(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, 0, count)
      }
      if count <= 15 {
        #expect(made == decoded(bytes, 0, count))
        #expect(made.map(bits) == bits(decoded(bytes, 0, count)))
      } else {
        #expect(made == nil, "\(count) bytes")
      }
    }
  }

  @Test func bytesThatAreNotASCIIAreLeftToTheStandardLibrary() {
    for text in ["é", "aé", "Zürich", "\u{212A}1", "abcdefgh\u{00E9}", "日本"] {
      let bytes = Array(text.utf8)
      let made = bytes.withUnsafeBufferPointer { ShortASCIIText.make($0.baseAddress!, 0, bytes.count) }
      #expect(made == nil, "\(text)")
    }
    // A byte of 0x80 or above anywhere among 15 otherwise ASCII bytes.
    for place in 0..<15 {
      var bytes = Array("abcdefghijklmno".utf8)
      bytes[place] = 0xC3
      let made = bytes.withUnsafeBufferPointer { ShortASCIIText.make($0.baseAddress!, 0, 15) }
      #expect(made == nil, "byte \(place)")
    }
  }
}
