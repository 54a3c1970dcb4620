import Assignment
import CohortGenerator

/// Seeded random capacitated assignment problems for test sweeps.
public enum RandomAssignmentProblems {
  /// How scores are drawn.
  public enum ScoreKind: Sendable, CaseIterable {
    /// Uniform in `-1...1`: ties are rare.
    case continuous
    /// Whole numbers in `0...3`: many ties.
    case smallIntegers
  }

  /// A random problem.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - capacities: The range capacities are drawn from.
  ///   - forbiddenShare: The probability that a pair is forbidden.
  ///   - kind: How scores are drawn.
  ///   - sense: Maximise or minimise.
  ///   - generator: The seeded source of randomness.
  public static func make(
    rows: Int, columns: Int, capacities: ClosedRange<Int>, forbiddenShare: Double, kind: ScoreKind,
    sense: AssignmentProblem.Sense = .maximize, using generator: inout SeededRandomNumberGenerator
  ) -> AssignmentProblem {
    var scores = [Double](repeating: 0, count: rows * columns)
    for k in scores.indices {
      if Double.random(in: 0..<1, using: &generator) < forbiddenShare {
        scores[k] = AssignmentProblem.forbidden
      } else {
        switch kind {
        case .continuous: scores[k] = Double.random(in: -1...1, using: &generator)
        case .smallIntegers: scores[k] = Double(Int.random(in: 0...3, using: &generator))
        }
      }
    }
    let caps = (0..<columns).map { _ in Int.random(in: capacities, using: &generator) }
    return AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: caps, sense: sense)
  }
}
