import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// ``ByteHash/short(words:count:)``, the one-multiply hash of texts of at
/// most 15 bytes that ``IDTable`` uses: its definition, the same hash of a
/// text's words and of its bytes, every length counted, and ids that differ
/// in one byte spread over a table's slots; and ``IDTable/hash(of:)`` on
/// every length from 0 to 40 (short keys, long keys, not ASCII).
struct ShortHashTests {
  /// The definition, byte by byte: the bytes as two little-endian words,
  /// the count in the second's top byte, each mixed with the seed, one
  /// 128-bit product folded.
  private func reference(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
    var low: UInt64 = 0
    var high: UInt64 = 0
    for (k, byte) in bytes.enumerated() {
      if k < 8 { low |= UInt64(byte) << UInt64(8 * k) } else { high |= UInt64(byte) << UInt64(8 * (k - 8)) }
    }
    high |= UInt64(bytes.count) << 56
    let product = (low ^ seed).multipliedFullWidth(by: high ^ (seed &* 0x9E37_79B9_7F4A_7C15 | 1))
    let mixed = (product.high ^ product.low ^ 0xE703_7ED1_A0B4_28DB).multipliedFullWidth(by: 0x8EBC_6AF0_9C88_C6E3)
    return mixed.high ^ mixed.low
  }

  @Test(arguments: [21, 22] as [UInt64])
  func wordsAndBytesHashAsTheDefinition(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let hash = ByteHash(seed: random.next())
    for _ in 0..<5_000 {
      let count = Int(random.next() % 16)
      let start = Int(random.next() % 9)
      // Any bytes (NUL and bytes above 0x7F too: the hash is of bytes).
      let bytes = (0..<(start + count)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let expected = reference(Array(bytes[start...]), seed: hash.seed)
      let words = bytes.withUnsafeBufferPointer { ByteHash.shortWords($0.baseAddress! + start, count) }
      #expect(hash.short(words: words, count: count) == expected, "\(count) bytes")
    }
  }

  /// A text and the same text followed by NUL bytes differ (the count is
  /// hashed), and every length from 0 to 15 of one text hashes apart.
  @Test func theCountIsHashed() {
    let hash = ByteHash(seed: 0x1234_5678_9ABC_DEF0)
    let bytes = [UInt8]("abcdefghijklmno".utf8)
    var seen: Set<UInt64> = []
    for count in 0...15 {
      let words = bytes.withUnsafeBufferPointer { ByteHash.shortWords($0.baseAddress!, count) }
      #expect(seen.insert(hash.short(words: words, count: count)).inserted)
    }
    let a = [UInt8]("a".utf8)
    let withNul: [UInt8] = [0x61, 0, 0]
    let one = a.withUnsafeBufferPointer { hash.short(words: ByteHash.shortWords($0.baseAddress!, 1), count: 1) }
    let three = withNul.withUnsafeBufferPointer {
      hash.short(words: ByteHash.shortWords($0.baseAddress!, 3), count: 3)
    }
    #expect(one != three)
  }

  /// Ids of one pattern that differ in one byte (as a file's sequential ids
  /// do: `E000001`, `E000002`, …) placed in a table of twice their number
  /// by linear probing, as ``IDTable`` places them: no 64-bit collision, and
  /// for each of eight seeds the probes a key takes on average within 20 %
  /// of random hashes' ½(1 + 1/(1 − load)) (the finished byte hash, over
  /// 200 seeds: within 11 % on a thousand ids, 1 % on 40,000), the longest
  /// run short. (One multiply without the second fold failed this: up to
  /// 2.7 probes a key for some seeds.) And ids that differ in any one byte
  /// of 15 all hash apart.
  @Test(arguments: [31, 32, 33] as [UInt64])
  func idsDifferingInOneByteSpreadOverTheSlots(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for (prefix, digits) in [("E", 6), ("M", 5), ("employee-", 6), ("", 3 + Int(random.next() % 3))] {
      let count = min(40_000, Int(pow10(digits)))
      let slots = 1 << (64 - UInt64(2 * count - 1).leadingZeroBitCount)
      let load = Double(count) / Double(slots)
      let keys = (0..<count).map { number in
        let digitsText = String(number)
        return prefix + String(repeating: "0", count: digits - digitsText.count) + digitsText
      }
      for _ in 0..<8 {
        let hash = ByteHash(seed: random.next())
        var taken = [Bool](repeating: false, count: slots)
        var hashes: Set<UInt64> = []
        var probes = 0
        var longest = 0
        for var key in keys {
          let value = key.withUTF8 {
            hash.short(words: ByteHash.shortWords($0.baseAddress!, $0.count), count: $0.count)
          }
          hashes.insert(value)
          var slot = Int(truncatingIfNeeded: value) & (slots - 1)
          var run = 1
          while taken[slot] {
            slot = (slot + 1) & (slots - 1)
            run += 1
          }
          taken[slot] = true
          probes += run
          longest = max(longest, run)
        }
        #expect(hashes.count == count, "\(prefix): 64-bit collisions")
        let average = Double(probes) / Double(count)
        #expect(average <= 1.2 * 0.5 * (1 + 1 / (1 - load)), "\(prefix): \(average) probes a key")
        #expect(longest <= 48, "\(prefix): a run of \(longest)")
      }
    }
    let hash = ByteHash(seed: random.next())
    // Ids that differ in any one byte of 15.
    let base = [UInt8]("ABCDEFGHIJKLMNO".utf8)
    var all: Set<UInt64> = []
    for position in 0..<15 {
      for byte in UInt8(0x21)...UInt8(0x7E) {
        var bytes = base
        bytes[position] = byte
        let words = bytes.withUnsafeBufferPointer { ByteHash.shortWords($0.baseAddress!, 15) }
        all.insert(hash.short(words: words, count: 15))
      }
    }
    #expect(all.count == 15 * (0x7E - 0x21) + 1)
  }

  private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }

  /// ``IDTable/hash(of:)`` of every length from 0 to 40: a small string and
  /// the same text on the heap hash alike, short keys by the short hash,
  /// longer ones by the byte hash, and a key that is not ASCII has none.
  @Test func tableHashesOfEveryLength() {
    var random = SplitMix(seed: 41)
    let table = IDTable()
    for length in 0...40 {
      let bytes = (0..<length).map { _ in UInt8(0x21 + random.next() % 0x5E) }
      let small = String(decoding: bytes, as: UTF8.self)
      // The same text built on the heap (a native string with spare capacity, not a small string).
      var heap = String(repeating: "x", count: 64)
      heap.removeAll(keepingCapacity: true)
      heap.append(contentsOf: small)
      #expect(heap == small)
      let words = bytes.withUnsafeBufferPointer {
        ByteHash.shortWords($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, length)
      }
      let long = bytes.withUnsafeBufferPointer { bytes in
        length <= 15 ? 0 : ByteHash.finish(table.hash.hash(bytes.baseAddress!, 0, length, state: table.hash.seed))
      }
      let expected = length <= 15 ? table.hash.short(words: words, count: length) : long
      #expect(table.hash(of: small) == expected, "\(length) bytes")
      #expect(table.hash(of: heap) == expected, "\(length) bytes on the heap")
      #expect(table.hash(of: small + "\u{E9}") == nil)
    }
  }
}
