import Testing
import _TestSupport

@testable import Interchange

/// ``ByteHash`` against its definition read byte by byte (8-byte
/// little-endian words mixed in, the last one zero-padded), and its hash of
/// ``ShortASCIIText``'s words against its hash of the same bytes.
struct ByteHashTests {
  /// The definition: the length mixed into the state, each full word, then
  /// the remaining bytes as one word with zeros after them.
  private func reference(_ bytes: [UInt8], state: UInt64) -> UInt64 {
    func mix(_ x: UInt64) -> UInt64 {
      let product = x.multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
      return product.high ^ product.low
    }
    var state = state ^ UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
    var index = 0
    while index < bytes.count {
      var word: UInt64 = 0
      for k in 0..<min(8, bytes.count - index) { word |= UInt64(bytes[index + k]) << UInt64(8 * k) }
      state = mix(state ^ word)
      index += 8
    }
    return state
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func seededRangesHashAsTheDefinitionByteByByte(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let hash = ByteHash(seed: random.next())
    for _ in 0..<5_000 {
      // A range at a random place of a buffer, up to its very end (no byte outside is read).
      let count = Int(random.next() % 41)
      let start = Int(random.next() % 9)
      let after = Int(random.next() % 3)
      let bytes = (0..<(start + count + after)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let state = random.next()
      let expected = reference(Array(bytes[start..<start + count]), state: state)
      let hashed = bytes.withUnsafeBufferPointer { hash.hash($0.baseAddress!, start, start + count, state: state) }
      #expect(hashed == expected, "\(count) bytes at \(start)")
      // The same bytes as a text.
      let text = String(decoding: bytes[start..<start + count], as: UTF8.self)
      if Array(text.utf8) == Array(bytes[start..<start + count]) {
        #expect(hash.hash(text, state: state) == expected)
      }
    }
  }

  @Test(arguments: [4, 5] as [UInt64])
  func shortTextsHashOnTheirWordsAsOnTheirBytes(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let hash = ByteHash(seed: random.next())
    for _ in 0..<5_000 {
      let count = Int(random.next() % 16)
      let start = Int(random.next() % 9)
      let bytes = (0..<(start + count)).map { _ in UInt8(0x20 + random.next() % 0x5F) }
      let state = random.next()
      let expected = reference(Array(bytes[start..<start + count]), state: state)
      let words = bytes.withUnsafeBufferPointer {
        ShortASCIIText.words($0.baseAddress!, start, count, layoutHolds: ShortASCIIText.layoutHolds)
      }
      #expect(words != nil)
      guard let words else { continue }
      #expect(hash.hash(words: words, count: count, state: state) == expected)
      // The text made of the words, and the words read back from a text the standard library made.
      let text = ShortASCIIText.text(words, count: count)
      let decoded = String(decoding: bytes[start..<start + count], as: UTF8.self)
      #expect(text == decoded)
      let read = ShortASCIIText.words(of: decoded, layoutHolds: ShortASCIIText.layoutHolds)
      #expect(read?.count == count)
      #expect(read?.words.low == words.low && read?.words.high == words.high)
    }
  }

  @Test func textsThatAreNotShortASCIIGiveNoWords() {
    let holds = ShortASCIIText.layoutHolds
    // Too long (a heap string), or not ASCII (a small string of other bytes).
    for text in ["0123456789ABCDEF", "a somewhat longer identifier", "é", "\u{212A}1", "Zürich", "日本"] {
      #expect(ShortASCIIText.words(of: text, layoutHolds: holds) == nil, "\(text)")
    }
    #expect(ShortASCIIText.words(of: "E100000", layoutHolds: false) == nil)
    #expect(ShortASCIIText.words(of: "", layoutHolds: holds)?.count == 0)
  }
}
