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

  /// The candidates as a sparse problem: rows in order, each row's pairs in
  /// its list's order.
  ///
  /// - Complexity: O(`rows + pairs`), one copy of each row's lists into
  ///   flat arrays allocated once.
  func problem(columns m: Int, capacities: [Int], sense: AssignmentProblem.Sense, bounds: ClosedRange<Double>)
    -> SparseAssignmentProblem
  {
    let n = columns.count
    var start = [Int](repeating: 0, count: n + 1)
    for i in 0..<n { start[i + 1] = start[i] + columns[i].count }
    let pairs = start[n]
    // Read at random by the sparse solve: huge pages (see Array+HugePages.swift).
    let index = [Int32](hugePagesCount: pairs) { buffer in
      for i in 0..<n {
        columns[i].withUnsafeBufferPointer { row in
          guard let base = row.baseAddress else { return }
          (buffer.baseAddress! + start[i]).initialize(from: base, count: row.count)
        }
      }
    }
    let values = [Double](hugePagesCount: pairs) { buffer in
      for i in 0..<n {
        precondition(scores[i].count == columns[i].count, "One score per candidate")
        scores[i].withUnsafeBufferPointer { row in
          guard let base = row.baseAddress else { return }
          (buffer.baseAddress! + start[i]).initialize(from: base, count: row.count)
        }
      }
    }
    return SparseAssignmentProblem(
      rows: n, columns: m, rowStart: start, columnIndex: index, scores: values, capacities: capacities,
      sense: sense, scoreBounds: bounds)
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
