// DenseSolve: the solve `mentor-match solve` runs on a dense score table — the
// certified solver (`CertifiedAssignment`: pruning, sparse solve, pricing every
// pair, with its certificate) over the matrix served by `DenseScoreSource` — on
// the peer-comparison instance shape (cosine scores of random 32-dimensional
// vectors) and a tie-heavy variant.
import Assignment
import Benchmark
import CohortGenerator

/// Cosine similarities of seeded random unit vectors, mentees x mentors.
func cosineScores(rows: Int, columns: Int, dimension: Int, seed: UInt64) -> [Double] {
  var generator = SeededRandomNumberGenerator(seed: seed)
  func unitVectors(_ count: Int) -> [[Double]] {
    (0..<count).map { _ in
      let v = (0..<dimension).map { _ in Double.random(in: -1...1, using: &generator) }
      let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return v.map { $0 / norm }
    }
  }
  let a = unitVectors(rows)
  let b = unitVectors(columns)
  var scores = [Double](repeating: 0, count: rows * columns)
  for i in 0..<rows {
    for j in 0..<columns { scores[i * columns + j] = zip(a[i], b[j]).reduce(0) { $0 + $1.0 * $1.1 } }
  }
  return scores
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(10), maxIterations: 10)

  for (rows, columns, capacity) in [(1000, 200, 5), (5000, 1000, 5)] {
    var problem: AssignmentProblem!
    Benchmark(
      "cosine \(rows)x\(columns) cap \(capacity)",
      configuration: .init(setup: {
        problem = AssignmentProblem(
          rows: rows, columns: columns, scores: cosineScores(rows: rows, columns: columns, dimension: 32, seed: 1),
          capacities: [Int](repeating: capacity, count: columns))
      })
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(CertifiedAssignment.solve(DenseScoreSource(problem), capacities: problem.capacities))
      }
    }
    var ties: AssignmentProblem!
    Benchmark(
      "ties \(rows)x\(columns) cap \(capacity)",
      configuration: .init(setup: {
        var generator = SeededRandomNumberGenerator(seed: 2)
        ties = AssignmentProblem(
          rows: rows, columns: columns,
          scores: (0..<(rows * columns)).map { _ in Double(Int.random(in: 0...9, using: &generator)) },
          capacities: [Int](repeating: capacity, count: columns))
      })
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(CertifiedAssignment.solve(DenseScoreSource(ties), capacities: ties.capacities))
      }
    }
  }
}
