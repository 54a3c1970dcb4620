import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// ``LevelPruning``'s eight-bytes-at-a-time scan for the ranks a column may
/// keep, against a byte-by-byte test, and the pruning on rows long enough
/// for it against ``CandidatePruning``.
@Suite struct LevelPruningScanTests {
  /// Every rank (0–63 and forbidden) in every byte position, every floor:
  /// bit 7 of byte `b` is set exactly when that byte is a rank of at least `floor`.
  @Test func scanFindsExactlyTheRanksFromTheFloor() {
    let values = Array(UInt8(0)...63) + [LevelScores.forbidden]
    var generator = SeededRandomNumberGenerator(seed: 4100)
    var wrong = 0
    for floor in 1...63 {
      let lift = UInt64(0x80 - floor) &* 0x0101_0101_0101_0101
      for position in 0..<8 {
        for value in values {
          // The other bytes random, so carries between bytes would show.
          var bytes = (0..<8).map { _ in values.randomElement(using: &generator)! }
          bytes[position] = value
          let window = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
          let hits = LevelPruning.atLeastFloor(window, lift: lift)
          for b in 0..<8 {
            let expected = bytes[b] != LevelScores.forbidden && Int(bytes[b]) >= floor
            if hits >> (8 * UInt64(b)) & 0xFF != (expected ? 0x80 : 0) {
              wrong += 1
              if wrong == 1 { Issue.record("floor \(floor), bytes \(bytes), byte \(b)") }
            }
          }
        }
      }
    }
    #expect(wrong == 0)
  }

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
}
