/// A capacitated assignment problem: rows (mentees) to columns (mentors),
/// each column taking up to its capacity of rows, each row at most one column.
///
/// ```swift
/// let problem = AssignmentProblem(rows: 2, columns: 1, scores: [0.9, .nan], capacities: [1])
/// ```
///
/// Invariants: `scores.count == rows * columns` in row-major order; every score
/// is finite or `.nan` (``AssignmentProblem/forbidden``: the pair may not be
/// made); `capacities.count == columns` and every capacity is non-negative.
public struct AssignmentProblem: Sendable, Equatable {
  /// Whether larger or smaller scores are better.
  public enum Sense: String, Sendable, Equatable, CaseIterable {
    /// Maximise the total score (the default: scores are fit).
    case maximize
    /// Minimise the total score (scores are costs).
    case minimize
  }

  /// The marker of a forbidden pair in ``scores``.
  public static let forbidden = Double.nan

  /// The largest capacity the readers accept for one column (mentor):
  /// 1,000,000. A capacity above the number of rows means "no limit" and the
  /// solvers clamp it to the row count, so the bound costs nothing; it keeps
  /// every sum of capacities far from `Int.max`.
  public static let maximumCapacity = 1_000_000

  /// The largest score magnitude the readers accept: `1e300`. Any two
  /// scores then differ by at most `2e300`, a finite Double, so the spread of
  /// the scores is always defined; whether a given matrix can be certified
  /// is decided by ``ScoreResolution`` (see Docs/solver.md).
  public static let maximumScoreMagnitude = 1e300

  /// The number of rows (mentees).
  public let rows: Int
  /// The number of columns (mentors).
  public let columns: Int
  /// The scores in row-major order; `.nan` marks a forbidden pair.
  public let scores: [Double]
  /// The capacity of each column.
  public let capacities: [Int]
  /// Whether to maximise or minimise the total score.
  public let sense: Sense

  /// Creates a problem, checking the invariants.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - scores: `rows * columns` scores in row-major order, `.nan` for forbidden pairs.
  ///   - capacities: One non-negative capacity per column.
  ///   - sense: Maximise (default) or minimise.
  /// - Complexity: O(`rows * columns`) to check the scores.
  public init(rows: Int, columns: Int, scores: [Double], capacities: [Int], sense: Sense = .maximize) {
    precondition(rows >= 0 && columns >= 0, "AssignmentProblem dimensions must be non-negative")
    precondition(
      scores.count == rows * columns, "AssignmentProblem needs \(rows * columns) scores, got \(scores.count)")
    precondition(capacities.count == columns, "AssignmentProblem needs one capacity per column")
    precondition(capacities.allSatisfy { $0 >= 0 }, "AssignmentProblem capacities must be non-negative")
    precondition(scores.allSatisfy { $0.isFinite || $0.isNaN }, "AssignmentProblem scores must be finite or .nan")
    self.rows = rows
    self.columns = columns
    self.scores = scores
    self.capacities = capacities
    self.sense = sense
  }

  /// The score of pairing `row` with `column`, or `nil` when forbidden.
  ///
  /// - Complexity: O(1).
  @inlinable
  public func score(row: Int, column: Int) -> Double? {
    let s = scores[row * columns + column]
    return s.isNaN ? nil : s
  }

  /// Whether pairing `row` with `column` is allowed.
  ///
  /// - Complexity: O(1).
  @inlinable
  public func isAllowed(row: Int, column: Int) -> Bool { !scores[row * columns + column].isNaN }
}
