import CompetencyModel
import Testing
import _TestSupport

@testable import Interchange

/// The pieces the fast paths join rows with: the byte hash, the
/// one-outcome-per-pair check on every core, the first-seen list filter and
/// the fixed columns' array index, each against a simple oracle.
struct FastJoinTests {
  @Test func equalBytesHashEquallyWhereverTheyLie() {
    var random = SplitMix(seed: 11)
    let hash = ByteHash(seed: random.next())
    var seen: [UInt64: [UInt8]] = [:]
    for length in 0..<40 {
      for _ in 0..<20 {
        let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next() % 4 + 0x61) }
        // The same bytes at another offset, and as a String, hash the same.
        let padded = [UInt8](repeating: 0x7A, count: Int(random.next() % 9)) + bytes + [0x7A]
        let direct = bytes.withUnsafeBufferPointer {
          hash.hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, 0, length, state: hash.seed)
        }
        let shifted = padded.withUnsafeBufferPointer {
          hash.hash($0.baseAddress!, padded.count - 1 - length, padded.count - 1, state: hash.seed)
        }
        let text = hash.hash(String(decoding: bytes, as: UTF8.self), state: hash.seed)
        #expect(direct == shifted && direct == text)
        let final = ByteHash.finish(direct)
        if let other = seen[final] { #expect(other == bytes, "a collision of two short strings") }
        seen[final] = bytes
      }
    }
    // A pair's hash depends on where the ids split: ("ab", "c") is not ("a", "bc").
    let ab = Array("abc".utf8).withUnsafeBufferPointer { b in
      (
        hash.hash(b.baseAddress!, 2, 3, state: hash.hash(b.baseAddress!, 0, 2, state: hash.seed)),
        hash.hash(b.baseAddress!, 1, 3, state: hash.hash(b.baseAddress!, 0, 1, state: hash.seed))
      )
    }
    #expect(ab.0 != ab.1)
  }

  /// The careful path's rule, with a dictionary: the first row of each pair
  /// is kept, a later one with the same value dropped, another value fails.
  private func oracle(_ rows: [OutcomesReader.Row]) -> [Bool]? {
    var first: [PersonPair: Double] = [:]
    var keep: [Bool] = []
    for row in rows {
      if let value = first[row.pair] {
        guard value == row.value else { return nil }
        keep.append(false)
      } else {
        first[row.pair] = row.value
        keep.append(true)
      }
    }
    return keep
  }

  @Test(arguments: [false, true])
  func firstOutcomesMatchADictionary(collide: Bool) {
    var random = SplitMix(seed: collide ? 5 : 6)
    let hash = ByteHash(seed: 99)
    for trial in 0..<40 {
      // Small trials on one shard; large ones (over 32,768 rows) on every core.
      let count = trial % 10 == 9 && !collide ? 40_000 + Int(random.next() % 1000) : 1 + Int(random.next() % 300)
      let ids = collide ? 6 : max(2, count / 3)
      var rows: [OutcomesReader.Row] = []
      for line in 0..<count {
        let pair = PersonPair(menteeID: "e\(random.next() % UInt64(ids))", mentorID: "m\(random.next() % 7)")
        let value = random.next() % 50 == 0 && trial % 2 == 0 ? 1.0 : 0.5
        rows.append(OutcomesReader.Row(pair: pair, value: value, line: line + 2))
      }
      let hashes = rows.map { row in
        // Colliding: every pair one of two hashes, so the tags agree and the ids decide.
        collide
          ? UInt64(row.pair.mentorID.utf8.count % 2) << 40
          : ByteHash.finish(hash.hash(row.pair.mentorID, state: hash.hash(row.pair.menteeID, state: hash.seed)))
      }
      let result = OutcomesReader.firstOutcomes(rows, hashes: hashes)
      let expected = oracle(rows)
      #expect(result?.keep == expected, "trial \(trial)")
      if let result, let expected { #expect(result.dropped == expected.count { !$0 }) }
    }
  }

  @Test func probesThatRunLongStepAside() {
    // 200 different pairs, all with one hash: past the longest probe, the careful path decides.
    let rows = (0..<200).map {
      OutcomesReader.Row(pair: PersonPair(menteeID: "e\($0)", mentorID: "m"), value: 1, line: $0)
    }
    #expect(OutcomesReader.firstOutcomes(rows, hashes: Array(repeating: 7, count: 200)) == nil)
  }

  @Test func firstSeenKeepsWhatASetKeeps() {
    var random = SplitMix(seed: 3)
    for _ in 0..<200 {
      let entries = (0..<Int(random.next() % 30)).map { _ in
        ["en", "de", "e\u{301}", "\u{E9}", "fr"][Int(random.next() % 5)] + String(random.next() % 6)
      }
      var seen = FirstSeen()
      var set: Set<String> = []
      for entry in entries { #expect(seen.insert(entry) == set.insert(entry).inserted) }
    }
  }

  @Test func fixedColumnOrdinalsFollowAllCases() {
    #expect(CohortColumns.Fixed.allCases.map(\.ordinal) == Array(CohortColumns.Fixed.allCases.indices))
  }
}
