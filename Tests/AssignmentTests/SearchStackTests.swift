import CohortGenerator
import Testing

@testable import Assignment

/// `SearchStack` against an array under random appends and emptyings.
@Suite struct SearchStackTests {
  /// Appends and `removeAll` keep the same indices, in the same order, as an
  /// array; filled to its capacity the stack holds every index; copies share
  /// the indices and the count.
  @Test func holdsWhatAnArrayWouldAndCopiesShare() {
    var generator = SeededRandomNumberGenerator(seed: 21)
    let capacity = 97
    let stack = SearchStack(capacity: capacity)
    #expect(stack.isEmpty && stack.capacity == capacity)
    for round in 0..<50 {
      var oracle: [Int] = []
      // Distinct indices, as a search appends them; some rounds fill it.
      let fill = round % 5 == 0 ? capacity : Int.random(in: 0...capacity, using: &generator)
      for index in (0..<capacity).shuffled(using: &generator).prefix(fill) {
        stack.append(index)
        oracle.append(index)
        #expect(stack.count == oracle.count)
      }
      #expect(Array(stack) == oracle, "round \(round)")
      #expect(stack.last == oracle.last && stack.first == oracle.first)
      let copy = stack
      copy.removeAll()
      #expect(stack.isEmpty, "a copy empties the original too")
      copy.append(round)
      #expect(Array(stack) == [round])
      stack.removeAll()
    }
  }
}
