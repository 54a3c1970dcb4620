import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// `DistinctValueCount` against `Set<Double>` on seeded streams.
@Suite struct DistinctValueCountTests {
  /// Whole numbers, scaled levels, signed zeros, repeats and wide values:
  /// the count equals the set's (capped at limit + 1) after every insert, and
  /// the answer of each insert is whether the set has passed the limit.
  @Test func countsAsASetDoes() {
    var generator = SeededRandomNumberGenerator(seed: 4_401)
    for trial in 0..<200 {
      let limit = [0, 1, 2, 7, 64, 100][trial % 6]
      let levels = Int.random(in: 1...150, using: &generator)
      var counter = DistinctValueCount(limit: limit)
      var set = Set<Double>()
      for _ in 0..<Int.random(in: 0...600, using: &generator) {
        let value: Double
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: value = Double(Int.random(in: 0..<levels, using: &generator))
        case 1: value = Double(Int.random(in: 0..<levels, using: &generator)) / 7
        case 2: value = Bool.random(using: &generator) ? 0.0 : -0.0
        default: value = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator) & ~(0x7FF << 52))
        }
        set.insert(value)
        #expect(counter.insertExceedsLimit(value) == (set.count > limit))
        #expect(counter.count == min(set.count, limit + 1))
      }
    }
  }
}
