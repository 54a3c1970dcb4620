import Assignment

/// A block source whose blocks are its base's, changed in place after the
/// base fills them: the one wrapper behind the fairness threshold, the rows
/// fixed outside the solver and a re-match's continuing pairs.
///
/// Invariant: ``rows``, ``columns`` and ``blockRows`` are the base's; the
/// adjustment only rewrites scores of the rows it is given.
struct AdjustedScoreSource<Base: ScoreBlockSource>: ScoreBlockSource {
  let base: Base
  /// Rewrites the scores of rows `range` (row-major, `columns` wide) after
  /// the base filled them.
  let adjust: @Sendable (_ range: Range<Int>, _ columns: Int, _ buffer: UnsafeMutableBufferPointer<Double>) -> Void
  var rows: Int { base.rows }
  var columns: Int { base.columns }
  var blockRows: Int { base.blockRows }
  func withSingleThreadedFills<T>(_ body: () -> T) -> T { base.withSingleThreadedFills(body) }

  func fill(rows range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    base.fill(rows: range, into: buffer)
    adjust(range, columns, buffer)
  }
}

extension AdjustedScoreSource {
  /// The base without the pairs scoring below `threshold` (fairness).
  ///
  /// - Complexity: O(pairs of a block) per block, beyond the base's fill.
  init(base: Base, threshold: Double) {
    self.init(base: base) { range, columns, buffer in
      for k in 0..<(range.count * columns) where buffer[k] < threshold { buffer[k] = .nan }
    }
  }

  /// The base with every pair of the rows `removed` forbidden: the rest of
  /// the cohort, once those rows' pairs are fixed outside the solver.
  ///
  /// - Complexity: O(removed rows of a block · columns) per block, beyond the base's fill.
  init(base: Base, removed: Set<Int>) {
    self.init(base: base) { range, columns, buffer in
      for row in removed where range.contains(row) {
        let start = (row - range.lowerBound) * columns
        for j in 0..<columns { buffer[start + j] = .nan }
      }
    }
  }

  /// The base where the rows of `bonuses` gain `rowPriority` on every
  /// allowed pair and one pair each is replaced (a continuing pair's score
  /// plus the bonus of keeping it and the priority), allowed whatever the
  /// base says.
  ///
  /// - Complexity: O(rows of a block with a bonus · columns) per block, beyond the base's fill.
  init(base: Base, bonuses: [Int: (column: Int, score: Double)], rowPriority: Double) {
    self.init(base: base) { range, columns, buffer in
      for i in range {
        guard let bonus = bonuses[i] else { continue }
        let start = (i - range.lowerBound) * columns
        for j in 0..<columns where !buffer[start + j].isNaN { buffer[start + j] += rowPriority }
        buffer[start + bonus.column] = bonus.score
      }
    }
  }
}
