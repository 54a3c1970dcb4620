import CKernels

/// Software prefetches for ``SparseShortestAugmentingPathSolver``'s forward
/// searches: the loads a settled column's rows will need, issued together so
/// that their cache misses overlap instead of following one another.
extension SparseShortestAugmentingPathSolver {
  /// Asks for the first read of every row column `j` holds: the row's dual
  /// and the first position of its pairs (the first entry of its order, or
  /// its first listed pair's cost and column when it is not ordered), found
  /// from the row's one ``SparseRowOrder/Row`` record when rows are ordered,
  /// which the read that follows then finds in cache. Changes
  /// nothing: the searches, counters and results are those without it.
  ///
  /// At 100,000 × 20,000 most of a forward search's time was the miss on
  /// each held row's first ordered entry (24 bytes per listed pair, about
  /// 200 MB), taken one row after the other (Docs/performance.md, branches
  /// `sparse2` and `sparse3`).
  ///
  /// - Complexity: O(load of column `j`).
  @inline(__always)
  func prefetchFirstReads(ofRowsOf j: Int) {
    let rows = holding.slots(of: j)
    u.withUnsafeBufferPointer { duals in
      if rowOrder != nil {
        // One record gives both where the row starts and whether it is
        // ordered.
        let records = rowOrder!.rows
        let entries = rowOrder!.entries
        for s in rows {
          let i = holding.row(at: s)
          mm_prefetch_read(duals.baseAddress! + i)
          let record = records[i]
          if record.orderedIn >= 0 {
            mm_prefetch_read(entries + Int(record.start))
          } else {
            prefetchListedPairs(from: Int(record.start))
          }
        }
      } else {
        let rowStart = problem.rowStart
        for s in rows {
          let i = holding.row(at: s)
          mm_prefetch_read(duals.baseAddress! + i)
          prefetchListedPairs(from: rowStart[i])
        }
      }
    }
  }

  /// Asks for the cost and the column of listed pair `p`.
  @inline(__always)
  private func prefetchListedPairs(from p: Int) {
    cost.withUnsafeBufferPointer { if let base = $0.baseAddress { mm_prefetch_read(base + p) } }
    problem.columnIndex.withUnsafeBufferPointer { if let base = $0.baseAddress { mm_prefetch_read(base + p) } }
  }
}
