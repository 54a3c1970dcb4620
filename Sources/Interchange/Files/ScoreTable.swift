import Assignment

/// The pair scores the `solve` command reads from `SCORES.csv`: one row per
/// mentee, one column per mentor, `.nan` for a forbidden pair.
///
/// Equality treats two `.nan` scores as equal, so a table equals itself and
/// its round trip through ``ScoreTableWriter`` and ``ScoreTableReader``.
///
/// Invariant: `scores.count == menteeIDs.count * mentorIDs.count`, row-major;
/// every score is finite or `.nan`.
public struct ScoreTable: Sendable, Equatable {
  /// The mentees' identifiers, one per row.
  public var menteeIDs: [String]
  /// The mentors' identifiers, one per column.
  public var mentorIDs: [String]
  /// The scores in row-major order; `.nan` (``AssignmentProblem/forbidden``)
  /// marks a forbidden pair.
  public var scores: [Double]

  /// Creates a table, checking the shape.
  ///
  /// - Parameters:
  ///   - menteeIDs: One identifier per row.
  ///   - mentorIDs: One identifier per column.
  ///   - scores: `menteeIDs.count * mentorIDs.count` scores, row-major.
  /// - Complexity: O(1).
  public init(menteeIDs: [String], mentorIDs: [String], scores: [Double]) {
    precondition(
      scores.count == menteeIDs.count * mentorIDs.count,
      "A ScoreTable needs \(menteeIDs.count * mentorIDs.count) scores, got \(scores.count)")
    self.menteeIDs = menteeIDs
    self.mentorIDs = mentorIDs
    self.scores = scores
  }

  /// The score of mentee `row` with mentor `column`, or `nil` when forbidden.
  ///
  /// - Parameters:
  ///   - row: A mentee index.
  ///   - column: A mentor index.
  /// - Returns: The score, or `nil` for a forbidden pair.
  /// - Complexity: O(1).
  public func score(row: Int, column: Int) -> Double? {
    let score = scores[row * mentorIDs.count + column]
    return score.isNaN ? nil : score
  }

  /// The assignment problem of these scores with the given capacities.
  ///
  /// - Parameters:
  ///   - capacities: One non-negative capacity per mentor, aligned with
  ///     ``mentorIDs`` (as ``CapacityTableReader`` returns them).
  ///   - sense: Whether to maximise (default) or minimise the total score.
  /// - Returns: The problem, rows = mentees, columns = mentors.
  /// - Complexity: O(size of the table) to check the scores.
  public func problem(capacities: [Int], sense: AssignmentProblem.Sense = .maximize)
    -> AssignmentProblem
  {
    AssignmentProblem(
      rows: menteeIDs.count, columns: mentorIDs.count, scores: scores, capacities: capacities,
      sense: sense)
  }

  /// Whether two tables have the same identifiers and scores, `.nan` equal to `.nan`.
  ///
  /// - Complexity: O(size of the tables).
  public static func == (a: ScoreTable, b: ScoreTable) -> Bool {
    a.menteeIDs == b.menteeIDs && a.mentorIDs == b.mentorIDs && a.scores.count == b.scores.count
      && zip(a.scores, b.scores).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }
}
