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
      let heap = ColumnHeap()
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
        #expect(heap.count == oracle.count, "trial \(trial)")
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

  /// Growing from room for one entry, with columns up to `2^62` and long
  /// runs of equal distances (ties then go by room, then by column), the
  /// heap pops what a sorted array would, and an entry gives back the column
  /// and room it was pushed with; pushes and pops interleave.
  @Test func growsAndKeepsTheOrderOfTiesOverManyEntries() {
    var generator = SeededRandomNumberGenerator(seed: 15)
    let heap = ColumnHeap(capacity: 1)
    var oracle: [ColumnHeap.Entry] = []
    var popped: [ColumnHeap.Entry] = []
    var expected: [ColumnHeap.Entry] = []
    var pushes = 0
    let columns = [0, 1, 2, 3, 1 << 20, (1 << 31) - 1, 1 << 31, (1 << 62) + 5]
    for step in 0..<5000 {
      if step % 1000 < 700 || oracle.isEmpty {
        let column =
          Int.random(in: 0..<3, using: &generator) == 0
          ? columns[Int.random(in: 0..<columns.count, using: &generator)]
          : Int.random(in: 0..<50, using: &generator)
        let entry = ColumnHeap.Entry(
          distance: Double(Int.random(in: 0..<8, using: &generator)) * 1e6,
          full: Bool.random(using: &generator), column: column)
        #expect(entry.column == column)
        heap.push(distance: entry.distance, full: entry.full, column: entry.column)
        oracle.append(entry)
        pushes += 1
      } else {
        oracle.sort(by: Self.precedes)
        expected.append(oracle.removeFirst())
        if let got = heap.popMinimum() { popped.append(got) }
      }
      #expect(heap.count == oracle.count)
    }
    oracle.sort(by: Self.precedes)
    expected += oracle
    while let got = heap.popMinimum() { popped.append(got) }
    #expect(pushes > 3000 && popped.count == pushes && expected.count == pushes)
    #expect(popped.map(\.distance) == expected.map(\.distance))
    #expect(popped.map(\.full) == expected.map(\.full))
    #expect(popped.map(\.column) == expected.map(\.column))
  }

  /// Copies share the entries (reference semantics), and `removeAll` empties
  /// every copy.
  @Test func copiesShareTheEntries() {
    let heap = ColumnHeap(capacity: 2)
    let copy = heap
    for k in 0..<10 { heap.push(distance: Double(10 - k), full: k % 2 == 0, column: k) }
    #expect(copy.count == 10)
    #expect(copy.popMinimum()?.column == 9)
    #expect(heap.popMinimum()?.column == 8)
    copy.removeAll()
    #expect(heap.count == 0 && heap.popMinimum() == nil)
  }

  /// With stale entries skipped as the solvers skip them, each column is
  /// settled once, at its least distance, in order of distance.
  @Test func lazyDecreaseSettlesEachColumnAtItsLeastDistance() {
    var generator = SeededRandomNumberGenerator(seed: 14)
    for _ in 0..<100 {
      let heap = ColumnHeap()
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
