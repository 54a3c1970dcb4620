/// A score matrix produced one block of rows at a time, so that a problem of
/// any size can be pruned and certified without holding all its scores.
///
/// Invariants: blocks partition `0..<rows` in order; the same block always
/// holds the same scores; a forbidden pair is `.nan`, every other score is finite.
public protocol ScoreBlockSource: Sendable {
  /// The number of rows.
  var rows: Int { get }
  /// The number of columns.
  var columns: Int { get }
  /// How many rows a block holds (the last block may hold fewer).
  var blockRows: Int { get }
  /// Writes the scores of rows `range` into `buffer` (`range.count × columns`,
  /// row-major), `.nan` for forbidden pairs.
  func fill(rows range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>)
  /// Runs `body`, during which ``fill(rows:into:)`` is called from several
  /// threads at once: a source whose fills run threads of their own (BLAS)
  /// turns them off meanwhile. By default it just runs `body`.
  func withSingleThreadedFills<T>(_ body: () -> T) -> T
}

extension ScoreBlockSource {
  public func withSingleThreadedFills<T>(_ body: () -> T) -> T { body() }

  /// The row ranges of the blocks, in order.
  public var blocks: [Range<Int>] {
    let size = max(1, blockRows)
    return stride(from: 0, to: rows, by: size).map { $0..<min($0 + size, rows) }
  }
}

/// A dense score matrix as a block source.
public struct DenseScoreSource: ScoreBlockSource {
  /// The problem whose scores are served.
  public let problem: AssignmentProblem
  public var rows: Int { problem.rows }
  public var columns: Int { problem.columns }
  public let blockRows: Int

  /// Serves `problem`'s scores in blocks of `blockRows` rows, by default
  /// about a million pairs.
  public init(_ problem: AssignmentProblem, blockRows: Int? = nil) {
    self.problem = problem
    self.blockRows = max(1, blockRows ?? (1 << 20) / max(problem.columns, 1))
  }

  public func fill(rows range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    let m = problem.columns
    problem.scores.withUnsafeBufferPointer { s in
      for k in 0..<(range.count * m) { buffer[k] = s[range.lowerBound * m + k] }
    }
  }
}
