import CohortGenerator
import Testing

@testable import Assignment

@Suite struct TopListsTests {
  /// Each list keeps the largest keys offered, ties to the smaller index,
  /// whatever the order of offers; lists of capacity 0 keep nothing.
  @Test func keepsTheSameEntriesAsSortingEverything() {
    var generator = SeededRandomNumberGenerator(seed: 3)
    let capacities = [0, 1, 2, 5, 8]
    let lists = TopLists(capacities: capacities)
    for round in 0..<3 {
      var offered = [[(key: Double, index: Int)]](repeating: [], count: capacities.count)
      for l in capacities.indices { lists.reset(l) }
      for _ in 0..<400 {
        let l = Int.random(in: 0..<capacities.count, using: &generator)
        // Few distinct keys, so that ties are common.
        let key = Double(Int.random(in: 0...6, using: &generator)) - Double(round)
        let index = Int.random(in: 0..<50, using: &generator)
        offered[l].append((key, index))
        lists.offer(l, key: key, index: index, payload: key * 10 + Double(index))
      }
      for (l, capacity) in capacities.enumerated() {
        let expected = offered[l].sorted { TopOrder.below($1.key, $1.index, $0.key, $0.index) }.prefix(capacity)
        let kept = lists.sorted(l)
        #expect(kept.map(\.key) == expected.map(\.key))
        #expect(kept.map(\.index) == expected.map(\.index))
        #expect(kept.map(\.payload) == expected.map { $0.key * 10 + Double($0.index) })
      }
    }
  }
}
