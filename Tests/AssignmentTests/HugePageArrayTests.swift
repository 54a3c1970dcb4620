import Testing

@testable import Assignment

/// Arrays whose storage is advised for huge pages (`Array+HugePages.swift`)
/// hold exactly what their fill wrote, below and above the size from which
/// the advice is given, for the element types the sparse solve keeps in them.
@Suite struct HugePageArrayTests {
  @Test func repeatingHoldsCountCopiesBelowAndAboveTheAdviceSize() {
    let large = [Double].hugePageMinimumBytes / MemoryLayout<Double>.stride + 12_345
    for count in [0, 1, 7, 4_099, large] {
      let values = [Double](hugePagesRepeating: -2.5, count: count)
      #expect(values.count == count)
      #expect(values.allSatisfy { $0 == -2.5 }, "\(count) copies")
    }
  }

  @Test func fillWritesEveryElementBelowAndAboveTheAdviceSize() {
    let large = [Int32].hugePageMinimumBytes / MemoryLayout<Int32>.stride + 3
    for count in [1, 1_000, large] {
      let values = [Int32](hugePagesCount: count) { buffer in
        for k in buffer.indices { buffer.initializeElement(at: k, to: Int32(truncatingIfNeeded: k &* 7 &- 3)) }
      }
      #expect(values.count == count)
      #expect(values.indices.allSatisfy { values[$0] == Int32(truncatingIfNeeded: $0 &* 7 &- 3) }, "\(count) values")
      var copy = values
      copy[0] = 42
      #expect(values[0] == -3 && copy[0] == 42, "a value: the copy is written, not the original")
    }
  }

  @Test func rowOrderEntriesAboveTheAdviceSize() {
    let entry = SparseRowOrder.Entry(key: 3, cost: 5, column: 2, pair: 9)
    let count = [SparseRowOrder.Entry].hugePageMinimumBytes / MemoryLayout<SparseRowOrder.Entry>.stride + 1
    let entries = [SparseRowOrder.Entry](hugePagesRepeating: entry, count: count)
    #expect(entries.count == count)
    #expect(entries.allSatisfy { $0.key == 3 && $0.cost == 5 && $0.column == 2 && $0.pair == 9 })
  }
}
