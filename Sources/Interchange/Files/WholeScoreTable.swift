import Assignment

/// A score table whose scores are whole numbers, from 128 below to 126 above
/// the first score of the file, as
/// ``ScoreTableReader/readForSolve(path:)`` reads ratings such as 0–9: one
/// byte per pair (``WholeScoreMatrix``), never the scores as doubles.
///
/// Invariant: `matrix.rows == menteeIDs.count`, `matrix.columns == mentorIDs.count`.
public struct WholeScoreTable: Sendable, Equatable {
  /// The mentees' identifiers, one per row.
  public var menteeIDs: [String]
  /// The mentors' identifiers, one per column.
  public var mentorIDs: [String]
  /// The scores.
  public var matrix: WholeScoreMatrix

  /// Creates a table, checking the shape.
  ///
  /// - Complexity: O(1).
  public init(menteeIDs: [String], mentorIDs: [String], matrix: WholeScoreMatrix) {
    precondition(
      matrix.rows == menteeIDs.count && matrix.columns == mentorIDs.count, "WholeScoreTable shape mismatch")
    self.menteeIDs = menteeIDs
    self.mentorIDs = mentorIDs
    self.matrix = matrix
  }

  /// The same table with its scores as doubles, exactly as
  /// ``ScoreTableReader/read(path:)`` reads the file.
  ///
  /// - Complexity: O(`rows · columns`).
  public var scoreTable: ScoreTable {
    ScoreTable(menteeIDs: menteeIDs, mentorIDs: mentorIDs, scores: matrix.scores)
  }
}
