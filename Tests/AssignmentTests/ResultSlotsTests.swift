import Dispatch
import Testing

@testable import Assignment

/// The one result box of the parallel passes.
@Suite struct ResultSlotsTests {
  @Test func concurrentWorkHandsBackEveryResultInOrder() {
    for count in [1, 2, 7, 64] {
      let slots = ResultSlots<[Int]>(count: count)
      DispatchQueue.concurrentPerform(iterations: count) { w in slots.put(Array(0..<w), at: w) }
      #expect(slots.all() == (0..<count).map { Array(0..<$0) })
    }
  }

  @Test func initialValuesAreTakenAndPutBack() {
    let slots = ResultSlots(["a", "b", "c"])
    DispatchQueue.concurrentPerform(iterations: 3) { w in
      let value = slots.take(w)
      slots.put(value + value, at: w)
    }
    #expect(slots.all() == ["aa", "bb", "cc"])
  }
}
