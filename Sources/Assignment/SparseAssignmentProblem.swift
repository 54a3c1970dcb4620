/// A capacitated assignment problem whose allowed pairs are listed row by row
/// (compressed sparse rows), for problems too large to hold densely or pruned
/// to candidate pairs.
///
/// Invariants: `rowStart.count == rows + 1`, non-decreasing, from 0 to
/// `columnIndex.count`; `scores.count == columnIndex.count`; within a row the
/// column indices are distinct and in `0..<columns`; every score is finite and
/// within `scoreBounds`; `capacities.count == columns`, all non-negative.
/// `scoreBounds` covers the scores of the *whole* problem the pairs come from,
/// so that the cardinality bonus, and with it the meaning of the duals, is the
/// same as the full problem's.
public struct SparseAssignmentProblem: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// Where each row's pairs start in ``columnIndex`` and ``scores``.
  public let rowStart: [Int]
  /// The column of each listed pair.
  public let columnIndex: [Int32]
  /// The score of each listed pair.
  public let scores: [Double]
  /// The capacity of each column.
  public let capacities: [Int]
  /// Maximise or minimise.
  public let sense: AssignmentProblem.Sense
  /// The lowest and highest score of the whole problem.
  public let scoreBounds: ClosedRange<Double>

  /// Creates a problem, checking the invariants.
  ///
  /// - Complexity: O(`rows + pairs`).
  public init(
    rows: Int, columns: Int, rowStart: [Int], columnIndex: [Int32], scores: [Double], capacities: [Int],
    sense: AssignmentProblem.Sense = .maximize, scoreBounds: ClosedRange<Double>? = nil
  ) {
    precondition(rowStart.count == rows + 1 && rowStart.first == 0 && rowStart.last == columnIndex.count)
    precondition(scores.count == columnIndex.count, "One score per listed pair")
    precondition(
      capacities.count == columns && capacities.allSatisfy { $0 >= 0 }, "One non-negative capacity per column")
    precondition(columns <= Int(Int32.max), "Too many columns")
    var low = Double.infinity
    var high = -Double.infinity
    for s in scores {
      precondition(s.isFinite, "Listed scores must be finite")
      low = min(low, s)
      high = max(high, s)
    }
    for i in 0..<rows {
      precondition(rowStart[i] <= rowStart[i + 1], "rowStart must not decrease")
    }
    precondition(columnIndex.allSatisfy { $0 >= 0 && Int($0) < columns }, "Column index out of range")
    if let scoreBounds {
      precondition(scores.isEmpty || (scoreBounds.contains(low) && scoreBounds.contains(high)), "Scores outside bounds")
      self.scoreBounds = scoreBounds
    } else {
      self.scoreBounds = low <= high ? low...high : 0...0
    }
    self.rows = rows
    self.columns = columns
    self.rowStart = rowStart
    self.columnIndex = columnIndex
    self.scores = scores
    self.capacities = capacities
    self.sense = sense
  }

  /// The listed pairs of a dense problem: every allowed pair in a column with
  /// a positive capacity (the others can never be made).
  ///
  /// - Complexity: O(`rows · columns`).
  public init(_ dense: AssignmentProblem) {
    var start = [0]
    var index: [Int32] = []
    var values: [Double] = []
    for i in 0..<dense.rows {
      for j in 0..<dense.columns where dense.capacities[j] > 0 {
        if let s = dense.score(row: i, column: j) {
          index.append(Int32(j))
          values.append(s)
        }
      }
      start.append(index.count)
    }
    self.init(
      rows: dense.rows, columns: dense.columns, rowStart: start, columnIndex: index, scores: values,
      capacities: dense.capacities, sense: dense.sense)
  }

  /// The number of listed pairs.
  public var pairCount: Int { columnIndex.count }
}
