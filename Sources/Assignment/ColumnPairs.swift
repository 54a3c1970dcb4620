/// The listed pairs of a ``SparseAssignmentProblem`` grouped by column
/// (compressed sparse columns), for the backward phases.
struct ColumnPairs {
  /// Where each column's entries start.
  let start: [Int]
  /// The listed-pair index of each entry.
  let pair: [Int]
  /// The row of each entry.
  let row: [Int]

  /// - Complexity: O(`rows + columns + pairs`).
  init(_ problem: SparseAssignmentProblem) {
    var start = [Int](repeating: 0, count: problem.columns + 1)
    for k in problem.columnIndex { start[Int(k) + 1] += 1 }
    for j in 0..<problem.columns { start[j + 1] += start[j] }
    var next = start
    var pair = [Int](repeating: 0, count: problem.pairCount)
    var row = [Int](repeating: 0, count: problem.pairCount)
    for i in 0..<problem.rows {
      for p in problem.rowStart[i]..<problem.rowStart[i + 1] {
        let k = Int(problem.columnIndex[p])
        pair[next[k]] = p
        row[next[k]] = i
        next[k] += 1
      }
    }
    self.start = start
    self.pair = pair
    self.row = row
  }
}
