import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// ``LevelPruning`` on rows long enough for its C walks' vector steps (and,
/// with one worker, for ``LevelCounting``'s byte counters to be emptied
/// every 255 rows) against ``CandidatePruning``; the walks themselves are
/// pinned in `LevelRowWalkTests`.
@Suite struct LevelPruningScanTests {
  /// Rows of hundreds of columns (ratings 0–9, some forbidden, some columns
  /// of capacity 0, both senses): the level pruning keeps the generic
  /// pass's candidates, in its order, for 1, 2 and 3 workers.
  @Test func longRowsPruneAsTheGenericPass() {
    var generator = SeededRandomNumberGenerator(seed: 4101)
    for trial in 0..<6 {
      let sense: AssignmentProblem.Sense = trial % 2 == 0 ? .maximize : .minimize
      let problem = LevelPassesTests.integers(
        rows: 300 + 40 * trial, columns: 101 + 37 * trial, low: trial, high: trial + [9, 3, 20][trial % 3],
        capacities: (trial % 3 == 2 ? 0 : 1)...5, forbiddenShare: trial % 2 == 0 ? 0 : 0.1, sense: sense,
        using: &generator)
      let k = [24, 5, 12][trial % 3]
      let generic = CandidatePruning(
        DenseScoreSource(problem, blockRows: 64), capacities: problem.capacities, sense: sense, perRow: k,
        entryPrices: [Double](repeating: 0, count: problem.columns), previous: nil, workers: 2)
      for workers in [1, 2, 3] {
        let levels = LevelPruning(LevelScores(problem)!, capacities: problem.capacities, perRow: k, workers: workers)
        #expect(levels.candidates.columns == generic.candidates.columns, "trial \(trial), \(workers) workers")
        #expect(
          levels.candidates.scores.map { $0.map(\.bitPattern) }
            == generic.candidates.scores.map { $0.map(\.bitPattern) })
        #expect(levels.allowed == generic.allowed)
      }
    }
  }
  /// The tie-heavy shape of the peers' instance (ratings 0–9 on many rows,
  /// capacity 5): many columns find all the rows they keep at regret 0, so
  /// the pass stops offering them once full. The candidates are still the
  /// generic pass's, in its order, for 1, 2 and 3 workers, in both senses,
  /// with and without forbidden pairs and columns of capacity 0.
  @Test func tieHeavyRowsPruneAsTheGenericPass() {
    var generator = SeededRandomNumberGenerator(seed: 4102)
    for trial in 0..<4 {
      let sense: AssignmentProblem.Sense = trial % 2 == 0 ? .maximize : .minimize
      let problem = LevelPassesTests.integers(
        rows: 1500 + 250 * trial, columns: 120 + 16 * trial, low: 0, high: 9,
        capacities: (trial >= 2 ? 0 : 5)...5, forbiddenShare: trial == 1 ? 0.05 : 0, sense: sense,
        using: &generator)
      let k = 24
      // Columns with at least as many rows at regret 0 (the row's best
      // eligible score) as they keep: their threshold regret is 0.
      let n = problem.rows
      let m = problem.columns
      let sign = sense == .maximize ? 1.0 : -1.0
      var atBest = [Int](repeating: 0, count: m)
      for i in 0..<n {
        let row = (0..<m).filter { problem.capacities[$0] > 0 && !problem.scores[i * m + $0].isNaN }
        guard let best = row.map({ sign * problem.scores[i * m + $0] }).max() else { continue }
        for j in row where sign * problem.scores[i * m + j] == best { atBest[j] += 1 }
      }
      let closing = (0..<m).filter {
        problem.capacities[$0] > 0 && atBest[$0] >= min(12 * problem.capacities[$0], 4 * k)
      }
      #expect(closing.count > m / 2, "trial \(trial): the shape has columns that fill at regret 0")
      let generic = CandidatePruning(
        DenseScoreSource(problem, blockRows: 64), capacities: problem.capacities, sense: sense, perRow: k,
        entryPrices: [Double](repeating: 0, count: m), previous: nil, workers: 2)
      for workers in [1, 2, 3] {
        let levels = LevelPruning(LevelScores(problem)!, capacities: problem.capacities, perRow: k, workers: workers)
        #expect(levels.candidates.columns == generic.candidates.columns, "trial \(trial), \(workers) workers")
        #expect(
          levels.candidates.scores.map { $0.map(\.bitPattern) }
            == generic.candidates.scores.map { $0.map(\.bitPattern) })
        #expect(levels.allowed == generic.allowed)
      }
    }
  }
}
