import Testing
import _TestSupport

@testable import Interchange

/// ``IDTable`` against a `[String: Int]` oracle: the same answers for seeded
/// inserts and lookups of ASCII ids, and for texts that `String` finds
/// canonically equivalent (which move the table to its dictionary).
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
