import CohortGenerator
import Testing

@testable import Assignment

/// `ColumnHeap` against a sorted array: the same entries come out in the same
/// order under random pushes, pops and decreases (a column pushed again at a
/// smaller distance, as the solvers do instead of a decrease-key).
@Suite struct ColumnHeapTests {
  /// The heap's order as a plain comparison of tuples.
  static func precedes(_ a: ColumnHeap.Entry, _ b: ColumnHeap.Entry) -> Bool {
    (a.distance, a.full ? 1 : 0, a.column) < (b.distance, b.full ? 1 : 0, b.column)
  }

  @Test func popsWhatASortedArrayWouldUnderRandomOperations() {
    var generator = SeededRandomNumberGenerator(seed: 13)
    var popped = 0
    for trial in 0..<200 {
      var heap = ColumnHeap()
      var oracle: [ColumnHeap.Entry] = []
      // Few distinct distances and columns, so ties on every key occur.
      let columns = 1 + trial % 9
      let distances = 1 + trial % 5
      for _ in 0..<(20 + trial) {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<5:
          let entry = ColumnHeap.Entry(
            distance: Double(Int.random(in: 0..<distances, using: &generator)),
            full: Bool.random(using: &generator), column: Int.random(in: 0..<columns, using: &generator))
          heap.push(distance: entry.distance, full: entry.full, column: entry.column)
          oracle.append(entry)
        case 5..<7 where !oracle.isEmpty:
          // Decrease: the same column again, nearer.
          let old = oracle[Int.random(in: 0..<oracle.count, using: &generator)]
          let entry = ColumnHeap.Entry(distance: old.distance - 0.5, full: old.full, column: old.column)
          heap.push(distance: entry.distance, full: entry.full, column: entry.column)
          oracle.append(entry)
        case 9:
          heap.removeAll()
          oracle.removeAll()
        default:
          oracle.sort(by: Self.precedes)
          let expected = oracle.isEmpty ? nil : oracle.removeFirst()
          let got = heap.popMinimum()
          #expect(got?.distance == expected?.distance, "trial \(trial)")
          #expect(got?.full == expected?.full, "trial \(trial)")
          #expect(got?.column == expected?.column, "trial \(trial)")
          if got != nil { popped += 1 }
        }
        #expect(heap.entries.count == oracle.count, "trial \(trial)")
      }
      // Draining gives the sorted rest.
      oracle.sort(by: Self.precedes)
      for expected in oracle {
        let got = heap.popMinimum()
        #expect(got?.distance == expected.distance && got?.full == expected.full && got?.column == expected.column)
        popped += 1
      }
      #expect(heap.popMinimum() == nil)
    }
    #expect(popped > 1000)
  }

  /// With stale entries skipped as the solvers skip them, each column is
  /// settled once, at its least distance, in order of distance.
  @Test func lazyDecreaseSettlesEachColumnAtItsLeastDistance() {
    var generator = SeededRandomNumberGenerator(seed: 14)
    for _ in 0..<100 {
      var heap = ColumnHeap()
      var best: [Int: Double] = [:]
      for _ in 0..<60 {
        let column = Int.random(in: 0..<12, using: &generator)
        let distance = Double(Int.random(in: 0..<30, using: &generator))
        if distance < best[column, default: .infinity] {
          best[column] = distance
          heap.push(distance: distance, full: false, column: column)
        }
      }
      var settled: [Int: Double] = [:]
      var last = -Double.infinity
      while let top = heap.popMinimum() {
        if settled[top.column] != nil || top.distance > best[top.column]! { continue }
        settled[top.column] = top.distance
        #expect(top.distance >= last)
        last = top.distance
      }
      #expect(settled == best)
    }
  }
}
