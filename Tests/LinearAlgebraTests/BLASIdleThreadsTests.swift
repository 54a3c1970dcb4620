import CohortGenerator
import LinearAlgebra
import Testing

/// ``BLASThreads/endIdleThreads()`` (what `mentor-match solve` calls first):
/// products made after it, large enough for OpenBLAS to use its threads,
/// still equal the definition, and it may be called again. In a child
/// process: the other suites multiply matrices on other threads meanwhile,
/// and no product may be in flight when the threads are ended.
@Suite struct BLASIdleThreadsTests {
  @Test func productsAfterEndingTheIdleThreadsMatchTheDefinition() async {
    await #expect(processExitsWith: .success) {
      var generator = SeededRandomNumberGenerator(seed: 1515)
      for (trial, shape) in [(3, 4, 5), (257, 129, 300), (64, 512, 96)].enumerated() {
        BLASThreads.endIdleThreads()
        if trial == 1 { BLASThreads.endIdleThreads() }
        let a = randomMatrix(shape.0, shape.1, &generator)
        let b = randomMatrix(shape.1, shape.2, &generator)
        let difference = maxDifference(a.multiplied(by: b), naiveProduct(a, b))
        precondition(difference < 1e-9, "product after endIdleThreads differs by \(difference)")
      }
    }
  }
}
