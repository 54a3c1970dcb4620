import Testing
import _TestSupport

@testable import Interchange

/// ``IDTable`` against a `[String: Int]` oracle: the same answers for seeded
/// inserts and lookups of ASCII ids (by text, and short ones by their
/// value bits), and for texts that `String` finds canonically equivalent
/// (which move the table to its dictionary).
struct IDTableTests {
  /// A seeded text of `length` characters drawn from `alphabet`.
  private func text(_ random: inout SplitMix, length: Int, alphabet: [String]) -> String {
    (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
  }

  /// Runs `operations` seeded inserts and lookups on a table and a
  /// dictionary and expects the same answers, count and contents.
  private func compare(seed: UInt64, operations: Int, alphabet: [String], maxLength: Int) {
    var random = SplitMix(seed: seed)
    var table = IDTable()
    var oracle: [String: Int] = [:]
    for step in 0..<operations {
      let key = text(&random, length: Int(random.next() % UInt64(maxLength + 1)), alphabet: alphabet)
      if random.next() % 3 == 0 {
        #expect(table[key] == oracle[key], "lookup of \(Array(key.unicodeScalars))")
      } else {
        let known = oracle[key]
        if known == nil { oracle[key] = step }
        #expect(table.insert(key, value: step) == known, "insert of \(Array(key.unicodeScalars))")
      }
    }
    #expect(table.count == oracle.count)
    #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value) }) == oracle)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func asciiIDsAnswerAsADictionary(seed: UInt64) {
    // Few letters and short ids: many repeats; long ids cross the 8-byte words.
    compare(seed: seed, operations: 20_000, alphabet: ["a", "b", "c", "0", "1"], maxLength: 6)
    compare(seed: seed + 10, operations: 5_000, alphabet: ["x", "y", "-", "_"], maxLength: 40)
  }

  /// The value bits of a short ASCII text, as a cell's key gives them.
  private func bits(_ text: String) -> (UInt64, UInt64) {
    unsafeBitCast(text, to: (UInt64, UInt64).self)
  }

  /// ``IDTable/value(shortText:)`` (a lookup by a short text's value bits)
  /// answers as the subscript and as a dictionary, on seeded texts of 1 to
  /// 15 bytes from a small alphabet (many repeats), inserted as small
  /// strings and as strings held on the heap, beside longer ids, before and after a key that is not ASCII moves the
  /// table to its dictionary.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func shortTextsFoundByTheirBitsAnswerAsADictionary(seed: UInt64) {
    var random = SplitMix(seed: seed)
    var table = IDTable()
    var oracle: [String: Int] = [:]
    var found = 0
    for step in 0..<6_000 {
      if step == 4_000 {
        // From here on, the table's dictionary answers.
        table.insert("\u{E9}", value: -1)
        oracle["\u{E9}"] = -1
      }
      let count = 1 + Int(random.next() % 15)
      // (Made from its bytes: a small string, its bytes in its value.)
      let key = String(decoding: Array(text(&random, length: count, alphabet: ["a", "b", "c"]).utf8), as: UTF8.self)
      #expect(key.utf8.count == count && bits(key).1 >> 60 == 0xE)
      #expect(table.value(shortText: bits(key)) == oracle[key], "'\(key)'")
      #expect(table.value(shortText: bits(key)) == table[key])
      if oracle[key] != nil { found += 1 }
      if random.next() % 2 == 0 {
        let known = oracle[key]
        if known == nil { oracle[key] = step }
        // Every third one inserted held on the heap (other bits, the same text).
        var inserted = key
        if step % 3 == 0 {
          inserted = String()
          inserted.reserveCapacity(64)
          inserted.append(key)
          #expect(bits(inserted) != bits(key) && inserted == key)
        }
        #expect(table.insert(inserted, value: step) == known)
        #expect(table.value(shortText: bits(key)) == oracle[key])
      }
      // Longer keys beside the short ones (hashed the other way).
      if step % 7 == 0 { table.insert(key + "-a-longer-id", value: step) }
    }
    #expect(found > 1_000)
    for (key, value) in oracle where key.utf8.count <= 15 && key.utf8.allSatisfy({ $0 < 0x80 }) {
      #expect(table.value(shortText: bits(key)) == value)
    }
    // An empty table answers `nil`.
    #expect(IDTable().value(shortText: bits("UTC")) == nil)
  }

  @Test func canonicallyEquivalentTextsAreOneKey() {
    // U+212A KELVIN SIGN is "K"; U+037E is ";"; "é" precomposed and decomposed.
    let alphabet = ["K", "\u{212A}", ";", "\u{037E}", "e", "\u{E9}", "e\u{301}", "a"]
    compare(seed: 7, operations: 3_000, alphabet: alphabet, maxLength: 4)
    var table = IDTable()
    #expect(table.insert("K1", value: 1) == nil)
    #expect(table["\u{212A}1"] == 1)
    #expect(table.insert("\u{212A}1", value: 2) == 1)
    #expect(table.count == 1)
  }

  @Test func tablesOfOneSeedMergeAsDictionaries() {
    var random = SplitMix(seed: 5)
    let template = IDTable()
    for trial in 0..<50 {
      var first = IDTable(like: template)
      var second = IDTable(like: template)
      var oracle: [String: Int] = [:]
      // Few keys in the first table, so that some merges find no clash.
      for step in 0..<(trial % 2 == 0 ? 200 : 12) {
        let key = text(&random, length: 1 + Int(random.next() % 4), alphabet: ["p", "q", "r", "s"])
        if step % 2 == 0 {
          if first.insert(key, value: step) == nil { oracle[key] = step }
        } else {
          second.insert(key + "t", value: step)
          if step % 3 == 0 { second.insert(key, value: step) }
        }
      }
      let clash = second.contains { oracle[$0.key] != nil }
      // Occasionally one side holds a key that is not ASCII (its dictionary answers).
      if trial % 5 == 0 { second.insert("\u{E9}\(trial)", value: -1) }
      let merged = first.insertAllNew(from: second)
      #expect(merged == !clash)
      if merged {
        for (key, value) in second where oracle[key] == nil { oracle[key] = value }
        #expect(Dictionary(uniqueKeysWithValues: first.map { ($0.key, $0.value) }) == oracle)
      }
    }
  }

  /// Merges of seeded tables of a thousand ids each (ASCII, sharing a seed),
  /// half of them with one id of the first table placed at random in the
  /// second: every key is then found by lookup with its value (the slots,
  /// not only the entries), a clash stops the merge with the keys before it
  /// added and none after, and the table goes on taking keys.
  @Test func mergesAreFoundByLookupAndStopAtTheFirstClash() {
    var random = SplitMix(seed: 77)
    let template = IDTable()
    for trial in 0..<40 {
      var first = IDTable(like: template)
      var second = IDTable(like: template)
      let firstKeys = (0..<1000).map { "a\($0)-\(trial)" }
      var secondKeys = (0..<1000).map { "b\($0)" }
      let clashAt = trial % 2 == 0 ? Int(random.next() % 1000) : nil
      if let clashAt { secondKeys[clashAt] = firstKeys[Int(random.next() % 1000)] }
      for (value, key) in firstKeys.enumerated() { first.insert(key, value: value) }
      for (value, key) in secondKeys.enumerated() { second.insert(key, value: 10_000 + value) }
      #expect(first.insertAllNew(from: second) == (clashAt == nil))
      for (value, key) in firstKeys.enumerated() { #expect(first[key] == value) }
      let added = clashAt ?? secondKeys.count
      for (value, key) in secondKeys.enumerated() where key.hasPrefix("b") {
        #expect(first[key] == (value < added ? 10_000 + value : nil))
      }
      #expect(first.count == 1000 + added)
      #expect(first.insert("c", value: -1) == nil && first["c"] == -1)
    }
  }
}
