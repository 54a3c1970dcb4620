/// The candidate pairs per row, growing as pricing finds violations.
///
/// Invariant: a row lists each column at most once (callers check
/// ``contains(row:column:)`` before ``add(row:column:score:)``).
struct CandidateSet {
  var columns: [[Int32]]
  var scores: [[Double]]

  init(rows: Int) {
    columns = Array(repeating: [], count: rows)
    scores = Array(repeating: [], count: rows)
  }

  mutating func add(row: Int, column: Int, score: Double) {
    columns[row].append(Int32(column))
    scores[row].append(score)
  }

  /// - Complexity: O(the row's candidates), a few dozen.
  func contains(row: Int, column: Int) -> Bool { columns[row].contains(Int32(column)) }

  func problem(columns m: Int, capacities: [Int], sense: AssignmentProblem.Sense, bounds: ClosedRange<Double>)
    -> SparseAssignmentProblem
  {
    var start = [0]
    start.reserveCapacity(columns.count + 1)
    for row in columns { start.append(start.last! + row.count) }
    return SparseAssignmentProblem(
      rows: columns.count, columns: m, rowStart: start, columnIndex: columns.flatMap { $0 },
      scores: scores.flatMap { $0 }, capacities: capacities, sense: sense, scoreBounds: bounds)
  }
}

/// Pairs in the order they were found, to add to a ``CandidateSet`` later.
struct CandidateList {
  var rows: [Int32] = []
  var columns: [Int32] = []
  var scores: [Double] = []

  mutating func append(row: Int, column: Int, score: Double) {
    rows.append(Int32(row))
    columns.append(Int32(column))
    scores.append(score)
  }

  mutating func append(contentsOf other: CandidateList) {
    rows.append(contentsOf: other.rows)
    columns.append(contentsOf: other.columns)
    scores.append(contentsOf: other.scores)
  }
}

extension CandidateSet {
  /// Adds every pair of `list`, in order.
  mutating func add(_ list: CandidateList) {
    for k in list.rows.indices {
      add(row: Int(list.rows[k]), column: Int(list.columns[k]), score: list.scores[k])
    }
  }
}
