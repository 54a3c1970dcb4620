import CKernels

/// The first pass of ``CertifiedAssignment``: every allowed pair is scored
/// once, and each row keeps its best `perRow` columns, each column its best
/// rows, on several threads (``ParallelBlockPass``).
///
/// Rows rank columns by score net of `entryPrices` (zero for a cold start;
/// a previous solution's prices for a warm one) and keep their `previous`
/// column too. Ties go to a fixed per-row rotation of column indices
/// (``TopOrder/spread(_:row:columns:)``), and columns' ties among rows to the
/// same rotation of row indices by column. The result does not depend on the
/// number of threads. The rows' lists are kept by a threshold scan
/// (``RowSelection``), the columns' behind a floor test (``ColumnSelection``):
/// the same pairs, in the same order, as heaps (``TopLists``) would keep.
///
/// One walk over a row does both: a column's offer (its regret against the
/// row's best) is screened against the row's best so far, which can only
/// rise, so a pair the screen rejects would be rejected against the final
/// best too; only the screened columns are offered after the walk. The walk
/// is C (`mm_prune_row`, four pairs at a time with AVX2, the same state bit
/// for bit as the scalar loop; it screens against a lane's best, at most the
/// running best, so it may screen a few columns more, which the test
/// against the final best rejects as before).
struct CandidatePruning {
  /// The kept pairs.
  var candidates: CandidateSet
  /// The lowest and highest allowed score in a column with a positive
  /// capacity (`+∞…−∞` when there is none).
  var low = Double.infinity
  var high = -Double.infinity
  /// The number of allowed pairs (in any column).
  var allowed = 0
  /// The eligible scores' bounds (`low`, `high`) and grid exponent, for the
  /// certificate of every pricing pass of the match (``EligibleScoreSummary``);
  /// `nil` when an entry price of a column with a positive capacity is not
  /// finite (then `low` and `high` leave that column out, and the
  /// certificate gathers its own).
  var summary: EligibleScoreSummary?

  private struct State {
    /// The current row's best columns by net score, ties in spread order.
    var row: RowSelection
    /// One list per column: its rows by regret, with their scores.
    var columns: ColumnSelection
    var kept = CandidateList()
    var low = Double.infinity
    var high = -Double.infinity
    var gridExponent = Int.max
    var allowed = 0
  }

  /// Runs the pass.
  ///
  /// - Complexity: O(`rows · columns`) expected time besides the scoring (a
  ///   comparison per pair for the row's list and one for the columns' screen,
  ///   O(1) per screened column, and amortised O(1) per kept offer);
  ///   O(`rows · perRow + columns · perColumn + columns`) memory per thread.
  init(
    _ source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense, perRow k: Int,
    entryPrices: [Double], previous: [Int?]?, workers: Int = ParallelBlockPass.defaultWorkers
  ) {
    let m = source.columns
    let n = source.rows
    let sign = sense == .maximize ? 1.0 : -1.0
    // Each column's best rows (the "column" of a column selector is the row
    // index): 12 per place, at least 8 and at most 4 · max(k, 8). Without
    // them a column that few rows rank highly would have too few candidates
    // to fill its places, and the first round's prices would mislead.
    // Capacities are clamped to the row count first (a column never holds
    // more), so `12 · capacity` cannot overflow.
    let perColumn = capacities.map { min(max(8, 12 * min($0, source.rows)), 4 * max(k, 8)) }
    // TopOrder.spread(i, row: j, columns: n) is (i + rowOffsets[j]) mod n.
    let rowOffsets = (0..<m).map { TopOrder.spread(0, row: $0, columns: n) }
    // A column's price, or NaN where the column has no place: then a pair's
    // net score `sign · s − price` is NaN exactly when the pair can never be
    // made (forbidden, or a zero-capacity column), and every comparison
    // below rejects it without a test of its own.
    let listedPrices = (0..<m).map { capacities[$0] > 0 ? entryPrices[$0] : Double.nan }
    let states = ParallelBlockPass.run(
      over: source, workers: workers,
      makeState: {
        State(
          row: RowSelection(k: k, rowLength: m), columns: ColumnSelection(capacities: perColumn))
      },
      body: { state, block, b in
        let selection = state.row
        let columnLists = state.columns
        // The least score is kept negated, so that both ends of the range are
        // maxima of the same form (one packed maximum per pair rather than a
        // blend of a minimum and a maximum): `−e > −low` exactly when
        // `e < low`, and negation is exact, signed zeros and infinities included.
        var grid = state.gridExponent
        var walk = mm_prune_state()
        walk.sign = sign
        walk.negated_low = -state.low
        walk.high = state.high
        walk.grid_threshold = EligibleScoreSummary.gridThreshold(grid)
        walk.capacity = selection.bufferCapacity
        rowOffsets.withUnsafeBufferPointer { rowOffsets in
          listedPrices.withUnsafeBufferPointer { prices in
            do {
              let offered = selection.columnScratch
              let floorKey = columnLists.floorKey
              let floorIndex = columnLists.floorIndex
              for (r, i) in block.enumerated() {
                let base = r * m
                let row = b.baseAddress! + base
                // The row's best net score so far: from the least finite
                // value rather than −∞, so that `value − best` is never −∞ − (−∞)
                // (see the offers below); −∞ rows are told apart at the end.
                walk.best = -Double.greatestFiniteMagnitude
                walk.offers = 0
                // The row's columns in increasing TopOrder.spread(j, row: i,
                // columns: m) order: from the column whose spread is 0 to the
                // last, then from column 0. A later column loses every tie, so
                // the selection keeps only keys strictly above its threshold.
                let offset = TopOrder.spread(0, row: i, columns: m)
                let first = offset == 0 ? 0 : m - offset
                selection.reset()
                walk.count = 0
                walk.threshold = selection.threshold
                for segment in 0..<2 {
                  var j = segment == 0 ? first : 0
                  let end = segment == 0 ? m : first
                  walk.pending_end = 0
                  // The walk in C (vectorised; the same state bit for bit as
                  // the scalar walk) returns early when the selection's
                  // buffer is full or a score may lower the grid.
                  while j < end {
                    j = mm_prune_row(
                      j, end, row, prices.baseAddress, floorKey, selection.keys, selection.columns, offered, &walk)
                    walk.threshold = selection.appended(count: walk.count)
                    walk.count = selection.count
                    if walk.stop & MM_PRUNE_GRID != 0 {
                      grid = min(grid, AssignmentSolution.lowestBitExponent(walk.grid_value))
                      walk.grid_threshold = EligibleScoreSummary.gridThreshold(grid)
                    }
                  }
                }
                var best = walk.best
                var offers = walk.offers
                // Columns rank rows by regret: how little the row gives up, against
                // its best column, by taking this one. Equal regrets go to a
                // column-dependent rotation of row indices, as the rows' ties do:
                // under tie-heavy scores many rows have regret 0 for the same
                // strong columns, and the lowest-numbered rows would otherwise
                // fill every such column's list. A column's floor
                // (ColumnSelection) rejects most offers with one comparison; its
                // rotated row index is needed only for a key equal to the floor.
                if best <= -Double.greatestFiniteMagnitude {
                  // No net score above the least finite value: the walk's
                  // screen assumed a finite best, so every column is offered,
                  // against the row's best from −∞ (−∞ when no pair can be
                  // made: then the row offers nothing), as a plain second
                  // walk would.
                  best = -Double.infinity
                  for j in 0..<m {
                    let value = sign * row[j] - prices[j]
                    best = value > best ? value : best
                  }
                  offers = 0
                  if best > -Double.infinity {
                    for j in 0..<m { offered[j] = j }
                    offers = m
                  }
                }
                for t in 0..<offers {
                  let j = offered[t]
                  let key = (sign * row[j] - prices[j]) - best
                  let floor = floorKey[j]
                  if key >= floor {
                    var index = i + rowOffsets[j]
                    if index >= n { index -= n }
                    if key > floor || index < floorIndex[j] {
                      columnLists.append(j, key: key, index: index, payload: row[j])
                    }
                  }
                }
                selection.finish()
                let previousColumn = previous?[i]
                var keptPrevious = false
                for t in 0..<selection.count {
                  let column = selection.columns[t]
                  if column == previousColumn { keptPrevious = true }
                  state.kept.append(row: i, column: column, score: row[column])
                }
                if let j = previousColumn, !keptPrevious, !row[j].isNaN, capacities[j] > 0 {
                  state.kept.append(row: i, column: j, score: row[j])
                }
              }
            }
          }
        }
        state.low = -walk.negated_low
        state.high = walk.high
        state.gridExponent = grid
        state.allowed += walk.allowed
      })
    candidates = CandidateSet(rows: source.rows)
    var gridExponent = Int.max
    for state in states {
      candidates.add(state.kept)
      low = min(low, state.low)
      high = max(high, state.high)
      gridExponent = min(gridExponent, state.gridExponent)
      allowed += state.allowed
    }
    if zip(entryPrices, capacities).allSatisfy({ $1 <= 0 || $0.isFinite }) {
      summary = EligibleScoreSummary(low: low, high: high, gridExponent: gridExponent)
    }
    let merged = TopLists(capacities: perColumn)
    for j in 0..<m {
      for state in states {
        for entry in state.columns.sorted(j) {
          merged.offer(j, key: entry.key, index: entry.index, payload: entry.payload)
        }
      }
      for entry in merged.sorted(j) {
        let i = TopOrder.unspread(entry.index, row: j, columns: n)
        if !candidates.contains(row: i, column: j) { candidates.add(row: i, column: j, score: entry.payload) }
      }
    }
  }
}
