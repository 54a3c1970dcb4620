import CKernels

/// The first pass of ``LevelPruning`` over one row of ranks: the row's
/// eligible columns per rank, its best rank, and each column's rows per
/// regret (`best − rank`), by the C walks `mm_level_histogram` and
/// `mm_level_regrets` (32 bytes per step with AVX2, chosen at run time; the
/// portable walks give the same counts).
///
/// The row's count per rank is its bytes equal to the rank, less its
/// columns of capacity 0 (*ineligible*), subtracted one by one. The
/// column counts are kept first in one byte per column and regret
/// (``pending``), which the AVX2 walk adds to 32 columns at a time, and
/// added into the caller's 32-bit counters (`columnCounts[d · columns + j]`)
/// every 255 rows and by ``flush(into:)``; ranks above the row's best (only
/// ineligible columns have them) add nothing, nor do forbidden pairs, and
/// the counters of ineligible columns are never read.
///
/// Wrapping arithmetic cannot wrap: a byte counter adds at most 255 rows
/// before it is emptied, a 32-bit column counter at most `rows` rows, a row
/// counter at most `columns` pairs, and ``LevelPruning`` requires both below
/// `2^31`.
///
/// - Complexity: O(`columns`) per row, two reads of each byte;
///   O(`levels · columns`) memory.
struct LevelCounting {
  /// The number of ranks.
  let levels: Int
  /// The row length.
  let columns: Int
  /// The current row's bytes per rank.
  private var histogram: [UInt32]
  /// Per regret `d` and column `j`, at `d · columns + j`: rows counted since
  /// the last flush.
  private var pending: [UInt8]
  /// Rows counted into ``pending`` since the last flush (at most 255).
  private var pendingRows = 0

  /// Counters for ranks below `levels` (`1...64`) and rows of `columns`.
  ///
  /// - Complexity: O(`levels · columns`).
  init(levels: Int, columns: Int) {
    precondition(levels >= 1 && levels <= LevelScores.maximumLevels, "LevelCounting takes 1 to 64 levels")
    self.levels = levels
    self.columns = columns
    histogram = [UInt32](repeating: 0, count: levels)
    pending = [UInt8](repeating: 0, count: levels * max(columns, 1))
  }

  /// Counts one row.
  ///
  /// - Parameters:
  ///   - row: The row's ranks (below `levels`, or forbidden), `columns` of them.
  ///   - counts: `levels` counters, set to the row's eligible columns per rank.
  ///   - ineligible: The columns of capacity 0, ascending.
  ///   - columnCounts: `levels · columns` counters; when the row has an
  ///     eligible allowed pair, each eligible column's counter of the row's
  ///     regret `d` there (`columnCounts[d · columns + j]`) grows by one,
  ///     once flushed (others' may grow too: never read).
  ///   - allowed: Grows by the row's allowed pairs (eligible or not).
  /// - Returns: The row's best eligible rank, or -1 when it has none.
  /// - Complexity: O(`row.count + ineligible.count + levels`), and
  ///   O(`levels · columns`) every 255 rows.
  mutating func countRow(
    _ row: UnsafeBufferPointer<UInt8>, into counts: UnsafeMutableBufferPointer<Int32>, ineligible: [Int],
    columnCounts: UnsafeMutablePointer<UInt32>, allowed: inout Int
  ) -> Int {
    precondition(row.count == columns, "LevelCounting: a row of another length")
    let levels = levels
    guard let bytes = row.baseAddress else {
      for rank in 0..<levels { counts[rank] = 0 }
      return -1
    }
    histogram.withUnsafeMutableBufferPointer { h in
      allowed += mm_level_histogram(columns, bytes, levels, h.baseAddress!)
      for rank in 0..<levels { counts[rank] = Int32(truncatingIfNeeded: h[rank]) }
    }
    for j in ineligible {
      let rank = Int(row[j])
      if rank < levels { counts[rank] -= 1 }
    }
    var best = -1
    for rank in stride(from: levels - 1, through: 0, by: -1) where counts[rank] > 0 {
      best = rank
      break
    }
    guard best >= 0 else { return best }
    if pendingRows == 255 { flush(into: columnCounts) }
    pending.withUnsafeMutableBufferPointer { p in mm_level_regrets(columns, bytes, best, p.baseAddress!, columns) }
    pendingRows += 1
    return best
  }

  /// Adds the byte counters into `columnCounts` (`levels · columns`
  /// counters, `d · columns + j`) and empties them. Call it after the last
  /// row.
  ///
  /// - Complexity: O(`levels · columns`).
  mutating func flush(into columnCounts: UnsafeMutablePointer<UInt32>) {
    guard pendingRows > 0 else { return }
    pending.withUnsafeMutableBufferPointer { p in
      for e in 0..<(levels * columns) { columnCounts[e] &+= UInt32(p[e]) }
      p.update(repeating: 0)
    }
    pendingRows = 0
  }
}
