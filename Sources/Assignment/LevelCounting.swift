/// The first pass of ``LevelPruning`` over one row of ranks: the row's
/// eligible columns per rank, its best rank, and each column's rows per
/// regret (`best − rank`), without a data-dependent branch per pair.
///
/// Each pair's byte goes through a 256-entry table to a *slot*: a rank
/// below `levels` to itself, anything else (``LevelScores/forbidden``) to
/// slot `levels`, which is counted but stands for no rank. The row's counts
/// are kept in four interleaved histograms (pair `j` in histogram `j mod 4`),
/// so that runs of equal ranks do not wait on one counter's previous
/// increment; their sum is the row's count per rank. Columns of capacity 0
/// (*ineligible*) are counted and then subtracted, one by one.
///
/// The column counts go through a second table built per row, rank → regret
/// (`best − rank` for ranks up to `best`, else slot `levels`), into
/// `levels + 1` counters per column; slot `levels` and the counters of
/// ineligible columns collect what the original branches skipped and are
/// never read.
///
/// Wrapping arithmetic (`&+=`) cannot wrap: a row counter counts at most
/// `columns` pairs of one row and a column counter at most `rows` rows, and
/// ``LevelPruning`` requires both below `2^31`.
///
/// - Complexity: O(`columns`) per row, two reads of each byte; O(`levels`)
///   memory besides the tables.
struct LevelCounting {
  /// The number of ranks; slot `levels` is the slot of everything else.
  let levels: Int
  /// Per byte: its rank when below `levels`, else `levels`.
  private var slot: [UInt8]
  /// Per byte, for the current row: its regret when a rank at most the
  /// row's best, else `levels`.
  private var regret: [UInt8]
  /// Four histograms of `levels + 1` counters.
  private var histograms: [UInt32]

  /// Tables for ranks below `levels` (`1...64`).
  ///
  /// - Complexity: O(`levels`) besides two 256-byte tables.
  init(levels: Int) {
    precondition(levels >= 1 && levels <= LevelScores.maximumLevels, "LevelCounting takes 1 to 64 levels")
    self.levels = levels
    slot = (0..<256).map { UInt8($0 < levels ? $0 : levels) }
    regret = [UInt8](repeating: UInt8(levels), count: 256)
    histograms = [UInt32](repeating: 0, count: 4 * (levels + 1))
  }

  /// Counts one row, as ``LevelPruning``'s first pass did pair by pair.
  ///
  /// - Parameters:
  ///   - row: The row's ranks (below `levels`, or forbidden).
  ///   - counts: `levels` counters, set to the row's eligible columns per rank.
  ///   - ineligible: The columns of capacity 0, ascending.
  ///   - columnCounts: `levels + 1` counters per column; when the row has an
  ///     eligible allowed pair, each eligible column's counter of the row's
  ///     regret there grows by one (others' may grow too: never read).
  ///   - allowed: Grows by the row's allowed pairs (eligible or not).
  /// - Returns: The row's best eligible rank, or -1 when it has none.
  /// - Complexity: O(`row.count + ineligible.count + levels`).
  mutating func countRow(
    _ row: UnsafeBufferPointer<UInt8>, into counts: UnsafeMutableBufferPointer<Int32>, ineligible: [Int],
    columnCounts: UnsafeMutablePointer<UInt32>, allowed: inout Int
  ) -> Int {
    let m = row.count
    let levels = levels
    let slots = levels + 1
    var best = -1
    histograms.withUnsafeMutableBufferPointer { h in
      let h = h.baseAddress!
      h.update(repeating: 0, count: 4 * slots)
      slot.withUnsafeBufferPointer { slot in
        let slot = slot.baseAddress!
        guard let bytes = row.baseAddress else { return }
        let (h0, h1, h2, h3) = (h, h + slots, h + 2 * slots, h + 3 * slots)
        var j = 0
        while j &+ 4 <= m {
          h0[Int(slot[Int(bytes[j])])] &+= 1
          h1[Int(slot[Int(bytes[j &+ 1])])] &+= 1
          h2[Int(slot[Int(bytes[j &+ 2])])] &+= 1
          h3[Int(slot[Int(bytes[j &+ 3])])] &+= 1
          j &+= 4
        }
        while j < m {
          h0[Int(slot[Int(bytes[j])])] &+= 1
          j &+= 1
        }
      }
      for rank in 0..<levels {
        let count = h[rank] &+ h[slots + rank] &+ h[2 * slots + rank] &+ h[3 * slots + rank]
        counts[rank] = Int32(truncatingIfNeeded: count)
      }
      let forbidden = h[levels] &+ h[slots + levels] &+ h[2 * slots + levels] &+ h[3 * slots + levels]
      allowed += m - Int(forbidden)
    }
    for j in ineligible {
      let rank = Int(row[j])
      if rank < levels { counts[rank] -= 1 }
    }
    for rank in stride(from: levels - 1, through: 0, by: -1) where counts[rank] > 0 {
      best = rank
      break
    }
    guard best >= 0, let bytes = row.baseAddress else { return best }
    regret.withUnsafeMutableBufferPointer { regret in
      let regret = regret.baseAddress!
      for rank in 0..<levels { regret[rank] = UInt8(rank <= best ? best - rank : levels) }
      var counter = columnCounts
      for j in 0..<m {
        counter[Int(regret[Int(bytes[j])])] &+= 1
        counter += slots
      }
    }
    return best
  }
}
