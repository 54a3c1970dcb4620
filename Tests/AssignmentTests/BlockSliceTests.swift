import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The passes over all pairs score each block a slice of rows at a time and
/// walk each slice right after its fill (``ParallelBlockPass``): every row
/// must reach the body once, in its worker's order, with its own scores, and
/// the passes must find the same whatever the slice.
@Suite struct BlockSliceTests {
  func problem(rows: Int, columns: Int, seed: UInt64) -> AssignmentProblem {
    var generator = SeededRandomNumberGenerator(seed: seed)
    return RandomAssignmentProblems.make(
      rows: rows, columns: columns, capacities: 1...3, forbiddenShare: 0.2,
      kind: seed % 2 == 0 ? .smallIntegers : .continuous, using: &generator)
  }

  /// What one worker's body calls saw: each call's rows and their scores' bits.
  struct Seen {
    var calls: [[Int]] = []
    var scores: [[UInt64]] = []
  }

  /// The rows' scores as bit patterns, as the dense matrix holds them.
  func expected(_ problem: AssignmentProblem, rows: [Int]) -> [UInt64] {
    rows.flatMap { i in problem.scores[(i * problem.columns)..<((i + 1) * problem.columns)].map(\.bitPattern) }
  }

  @Test(arguments: [1, 2, 3, 7, 50]) func blocksReachTheBodyInSlicesInOrder(slice: Int) {
    let problem = problem(rows: 23, columns: 9, seed: 1)
    let source = DenseScoreSource(problem, blockRows: 7)
    let m = problem.columns
    for workers in [1, 2, 3] {
      let seen = ParallelBlockPass.run(
        over: source, workers: workers, slice: slice, makeState: { Seen() },
        body: { state, rows, scores in
          state.calls.append(Array(rows))
          state.scores.append(scores.map(\.bitPattern))
          #expect(scores.count == rows.count * m)
        })
      #expect(seen.count == workers)
      for (w, state) in seen.enumerated() {
        // Worker w's blocks, in order, each cut into slices of at most `slice` rows.
        let blocks = stride(from: w, to: source.blocks.count, by: workers).map { source.blocks[$0] }
        #expect(state.calls.flatMap { $0 } == blocks.flatMap { Array($0) })
        #expect(state.calls.allSatisfy { $0.count <= slice && !$0.isEmpty })
        // No slice straddles two blocks.
        #expect(
          state.calls.allSatisfy { call in source.blocks.contains { $0.contains(call[0]) && $0.contains(call.last!) } })
        for (call, bits) in zip(state.calls, state.scores) { #expect(bits == expected(problem, rows: call)) }
      }
    }
  }

  @Test(arguments: [1, 2, 4, 50]) func chosenRowsReachTheBodyInSlicesInOrder(slice: Int) {
    let problem = problem(rows: 40, columns: 6, seed: 2)
    let source = DenseScoreSource(problem, blockRows: 6)
    // Runs of consecutive rows and gaps.
    let rows = [0, 1, 2, 5, 6, 9, 10, 11, 12, 13, 20, 22, 23, 24, 31, 39]
    let chunks = ParallelBlockPass.chunks(of: rows, blockRows: source.blockRows)
    for workers in [1, 2] {
      let seen = ParallelBlockPass.run(
        over: source, rows: rows, workers: workers, slice: slice, makeState: { Seen() },
        body: { state, rows, scores in
          state.calls.append(rows)
          state.scores.append(scores.map(\.bitPattern))
        })
      for (w, state) in seen.enumerated() {
        let mine = stride(from: w, to: chunks.count, by: workers).map { chunks[$0] }
        #expect(state.calls.flatMap { $0 } == mine.flatMap { $0 })
        #expect(state.calls.allSatisfy { $0.count <= slice && !$0.isEmpty })
        for (call, bits) in zip(state.calls, state.scores) { #expect(bits == expected(problem, rows: call)) }
      }
    }
  }

  @Test func theDefaultSliceIsTheCachedPairsInWholeRows() {
    let pairs = ParallelBlockPass.slicePairs
    #expect(
      ParallelBlockPass.sliceRows(of: DenseScoreSource(problem(rows: 10, columns: 9, seed: 3), blockRows: 4)) == 4)
    let wide = DenseScoreSource(problem(rows: 3, columns: 2 * pairs + 1, seed: 4), blockRows: 2)
    #expect(ParallelBlockPass.sliceRows(of: wide) == 1)
    let middle = DenseScoreSource(problem(rows: 40, columns: 1000, seed: 5))
    #expect(ParallelBlockPass.sliceRows(of: middle) == min(middle.blockRows, pairs / 1000))
  }

  /// 3,000 columns: the default slice is `slicePairs / 3000` rows (10 for
  /// 2¹⁵), within a default block of 349; one row per block slices nothing.
  @Test(arguments: [6, 7]) func passesFindTheSameWhateverTheSlice(seed: UInt64) {
    let problem = problem(rows: 48, columns: 3000, seed: seed)
    let sliced = DenseScoreSource(problem)
    let single = DenseScoreSource(problem, blockRows: 1)
    #expect(ParallelBlockPass.sliceRows(of: sliced) > 1 && ParallelBlockPass.sliceRows(of: sliced) < problem.rows)
    let prices = (0..<problem.columns).map { Double($0 % 5) * 0.25 }
    let pruned = [sliced, single].map {
      CandidatePruning(
        $0, capacities: problem.capacities, sense: .maximize, perRow: 3, entryPrices: prices, previous: nil,
        workers: 2)
    }
    #expect(pruned[0].candidates.columns == pruned[1].candidates.columns)
    #expect(pruned[0].candidates.scores == pruned[1].candidates.scores)
    #expect(
      pruned[0].allowed == pruned[1].allowed && pruned[0].low == pruned[1].low && pruned[0].high == pruned[1].high)
    #expect(pruned[0].allowed == problem.scores.filter { !$0.isNaN }.count)
    let candidates = pruned[0].candidates
    let bounds = pruned[0].low...pruned[0].high
    let solution = CapacitatedAssignment.solve(
      candidates.problem(columns: problem.columns, capacities: problem.capacities, sense: .maximize, bounds: bounds))
    let resolution = ScoreResolution(rows: problem.rows, sense: .maximize, bounds: bounds)
    let priced = [sliced, single].map {
      PricingPass(
        $0, solution: solution, candidates: candidates, capacities: problem.capacities, resolution: resolution,
        perRow: 2, workers: 1, carrying: true)
    }
    #expect(priced[0].violations == priced[1].violations)
    #expect(priced[0].additions.rows == priced[1].additions.rows)
    #expect(priced[0].additions.columns == priced[1].additions.columns)
    #expect(priced[0].certificateViolations == priced[1].certificateViolations)
    #expect(priced[0].carry?.floor == priced[1].carry?.floor)
    #expect(priced[0].statistics.bestColumn == priced[1].statistics.bestColumn)
    #expect(priced[0].statistics.betterColumns == priced[1].statistics.betterColumns)
    // And both against the whole certificate, checked without slices.
    let (plan, _) = CertifiedAssignment.solve(sliced, capacities: problem.capacities, candidatesPerRow: 2)
    let (reference, _) = CertifiedAssignment.solve(single, capacities: problem.capacities, candidatesPerRow: 2)
    #expect(plan == reference)
    #expect(plan.verify(against: problem).isEmpty)
  }
}
