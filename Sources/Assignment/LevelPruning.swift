import CKernels
import Dispatch

/// ``CandidatePruning`` for few whole-number score levels (``LevelScores``),
/// cold start: the same candidates in the same order, found by counting
/// levels instead of keeping heaps (tested equal to ``CandidatePruning``).
///
/// ``CandidatePruning`` keeps each row's best `k` eligible columns by score,
/// ties to the smaller rotated index ``TopOrder/spread(_:row:columns:)``, and
/// each column's best `perColumn` rows by regret (the row's best score minus
/// this pair's), ties to the smaller rotated row index. Both orders visit a
/// level's members in a cyclic order of indices, starting at the index whose
/// rotation is 0. So:
///
/// 1. per row, count its eligible columns per rank (``LevelCounting``); its
///    best rank and its threshold rank (where the `k` best are reached)
///    follow; then one cyclic scan from the rotation's start
///    (`mm_level_picks`) picks the columns above the threshold and the first
///    ones at it. Each column counts its rows per regret;
/// 2. per column, the threshold regret follows from the counts; a second pass
///    over the rows keeps every row below it and the first rows at it in the
///    cyclic order (rows at or after the rotation's start, then before);
/// 3. each column's kept rows are gathered, and each row's list assembled
///    (its own picks, then the columns that keep it, in column order), both
///    on `workers` threads; between them only a counting sort of the kept
///    pairs by row, O(`columns · perColumn`), runs on one.
///
/// - Complexity: O(`rows · columns`) time in two passes over one byte per
///   pair, on `workers` threads; O(`rows · levels + columns · levels`) memory.
struct LevelPruning {
  /// The kept pairs, as ``CandidatePruning/candidates``.
  var candidates: CandidateSet
  /// The lowest and highest eligible score (`+∞…−∞` when there is none).
  var low = Double.infinity
  var high = -Double.infinity
  /// The number of allowed pairs (in any column).
  var allowed = 0

  /// What one worker finds in pass 1 over its rows.
  private struct Counts {
    var allowed = 0
    var lowRank = Int.max
    var highRank = -1
    /// Per row of the range: its eligible columns per rank (`levels` each).
    var rowCounts: [Int32] = []
    /// Per row of the range: its best rank, or -1.
    var best: [Int] = []
    /// Per regret `d` and column `j`, at `d · columns + j`: the column's
    /// allowed rows at that regret (the counts of ineligible columns are
    /// never read).
    var columnCounts: [UInt32] = []
  }

  /// What one worker keeps in pass 2 over its rows. A column's rows sit in
  /// flat buffers at places known before the pass, with no array per
  /// column: `below` holds exactly the rows pass 1 counted below its
  /// threshold regret (``belowStart``), `atAfter` and `atBefore` at most
  /// `need` rows each (``LevelPruning``'s `atStart`).
  private struct Kept {
    /// Per row of the range: its best columns, best first.
    var picks: [[Int32]] = []
    /// Per column `j`: its rows below the threshold regret are
    /// `below[belowStart[j]..<belowStart[j + 1]]` (all kept, in row order).
    var belowStart: [Int] = []
    var below: [Int32] = []
    /// Per column: its rows at the threshold regret at or after the
    /// rotation's start, in order, from its `atStart`; `takenAfter` of them.
    var atAfter: [Int32] = []
    var takenAfter: [Int] = []
    /// Per column: its rows at the threshold regret before the rotation's
    /// start, in order, from its `atStart`; `takenBefore` of them.
    var atBefore: [Int32] = []
    var takenBefore: [Int] = []
  }

  /// Runs the pruning.
  ///
  /// - Parameters:
  ///   - scores: The ranks.
  ///   - capacities: One capacity per column.
  ///   - k: Columns kept per row.
  ///   - workers: Threads; the result does not depend on it.
  init(_ scores: LevelScores, capacities: [Int], perRow k: Int, workers: Int = ParallelBlockPass.defaultWorkers) {
    let n = scores.rows
    let m = scores.columns
    let levels = max(scores.levels, 1)
    // Keeps ``LevelCounting``'s counters from wrapping (and Int32 indices valid).
    precondition(n < 1 << 31 && m < 1 << 31, "LevelPruning takes fewer than 2^31 rows and columns")
    let perColumn = capacities.map { min(max(8, 12 * min($0, n)), 4 * max(k, 8)) }
    let ranges = scores.rowRanges(min(max(1, workers), max(1, n)))
    let eligibleColumn = capacities.map { $0 > 0 }

    // Pass 1: counts per row and per column (``LevelCounting``).
    let ineligibleColumns = (0..<m).filter { !eligibleColumn[$0] }
    let firstPass = ResultSlots<Counts>(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { w in
      let range = ranges[w]
      var rowCounts = [Int32](repeating: 0, count: range.count * levels)
      var columnCounts = [UInt32](repeating: 0, count: m * levels)
      var bestRanks = [Int](repeating: -1, count: range.count)
      var allowedPairs = 0
      var lowRank = Int.max
      var highRank = -1
      var scratch = LevelCounting(levels: levels, columns: m)
      scores.ranks.withUnsafeBufferPointer { ranks in
        rowCounts.withUnsafeMutableBufferPointer { rowCounts in
          columnCounts.withUnsafeMutableBufferPointer { columnCounts in
            for (r, i) in range.enumerated() {
              let row = UnsafeBufferPointer(rebasing: ranks[(i * m)..<(i * m + m)])
              let counts = UnsafeMutableBufferPointer(rebasing: rowCounts[(r * levels)..<(r * levels + levels)])
              let best = scratch.countRow(
                row, into: counts, ineligible: ineligibleColumns, columnCounts: columnCounts.baseAddress!,
                allowed: &allowedPairs)
              bestRanks[r] = best
              guard best >= 0 else { continue }
              highRank = max(highRank, best)
              for rank in 0..<levels where counts[rank] > 0 {
                lowRank = min(lowRank, rank)
                break
              }
            }
            scratch.flush(into: columnCounts.baseAddress!)
          }
        }
      }
      firstPass.put(
        Counts(
          allowed: allowedPairs, lowRank: lowRank, highRank: highRank, rowCounts: rowCounts, best: bestRanks,
          columnCounts: columnCounts), at: w)
    }
    let pass1 = firstPass.all()

    // Each column's threshold regret and how many rows it takes there.
    var threshold = [Int](repeating: levels, count: m)
    var need = [Int](repeating: 0, count: m)
    for j in 0..<m where eligibleColumn[j] {
      var cumulative = 0
      for d in 0..<levels {
        var here = 0
        for part in pass1 { here += Int(part.columnCounts[d * m + j]) }
        if cumulative + here >= perColumn[j] {
          threshold[j] = d
          need[j] = perColumn[j] - cumulative
          break
        }
        cumulative += here
      }
    }
    let thresholds = threshold
    let needs = need
    // No column keeps a row whose regret exceeds the largest threshold.
    let widest = (0..<m).filter { eligibleColumn[$0] }.map { threshold[$0] }.max() ?? 0
    // The row index whose rotation by column j is 0: rows at or after it come first.
    let start = (0..<m).map { TopOrder.unspread(0, row: $0, columns: n) }

    // Per column: 0xFF when ineligible (the C walks pass over it), else 0.
    let ineligibleBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(m, 1))
    ineligibleBytes.initialize(repeating: 0, count: max(m, 1))
    defer { ineligibleBytes.deallocate() }
    for j in 0..<m where !eligibleColumn[j] { ineligibleBytes[j] = 0xFF }
    let ineligible = SharedPointer(ineligibleBytes)
    // Where a column's rows at its threshold go in a worker's flat buffers: `need` places each.
    var atStart = [Int](repeating: 0, count: m + 1)
    for j in 0..<m { atStart[j + 1] = atStart[j] + (eligibleColumn[j] && threshold[j] < levels ? need[j] : 0) }
    let atStarts = atStart

    // Pass 2: each row's best columns, each column's rows below and at its threshold.
    let kept = ResultSlots<Kept>(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { w in
      let range = ranges[w]
      let rangeEnd = range.upperBound
      let c = pass1[w]
      var state = Kept()
      state.picks = [[Int32]](repeating: [], count: range.count)
      // A column's rows below its threshold regret are exactly the rows pass 1
      // counted at its smaller regrets (rows with an eligible pair, the
      // column eligible, the pair allowed): their places are known.
      var belowStart = [Int](repeating: 0, count: m + 1)
      for j in 0..<m {
        var here = 0
        if eligibleColumn[j] {
          for d in 0..<min(thresholds[j], levels) { here += Int(c.columnCounts[d * m + j]) }
        }
        belowStart[j + 1] = belowStart[j] + here
      }
      // Per column, flat: its threshold regret (`levels + 64` when it is
      // ineligible), need, rotation start, how many rows this worker
      // took at the threshold at or after that start and before it, where
      // its next row below the threshold goes, and where its rows at the
      // threshold start.
      let table = UnsafeMutablePointer<Int>.allocate(capacity: 7 * max(m, 1))
      defer { table.deallocate() }
      let (threshold, need, rotation) = (table, table + m, table + 2 * m)
      let (takenAfter, takenBefore) = (table + 3 * m, table + 4 * m)
      let (belowFill, atFirst) = (table + 5 * m, table + 6 * m)
      for j in 0..<m {
        threshold[j] = eligibleColumn[j] ? thresholds[j] : levels + 64
        need[j] = needs[j]
        rotation[j] = start[j]
        takenAfter[j] = 0
        takenBefore[j] = 0
        belowFill[j] = belowStart[j]
        atFirst[j] = atStarts[j]
      }
      // Per column: 0 while it may keep more of this worker's rows, 0xFF
      // when it is ineligible or while it cannot (see `offer`).
      let shut = UnsafeMutablePointer<UInt8>.allocate(capacity: max(m, 1))
      shut.update(from: ineligible.base, count: max(m, 1))
      defer { shut.deallocate() }
      // The eligible columns whose rotation's start is one of this worker's
      // rows after its first, in the order of those starts.
      let reopening = (0..<m).filter { eligibleColumn[$0] && start[$0] > range.lowerBound && start[$0] < rangeEnd }
        .sorted { start[$0] < start[$1] }
      var nextReopen = 0
      // A row's picks (columns, positions) and offers, as the C walks list them.
      let pickColumns = UnsafeMutablePointer<Int32>.allocate(capacity: max(k, 1))
      let pickPositions = UnsafeMutablePointer<Int32>.allocate(capacity: max(k, 1))
      let offered = UnsafeMutablePointer<Int32>.allocate(capacity: max(m, 1))
      defer {
        pickColumns.deallocate()
        pickPositions.deallocate()
        offered.deallocate()
      }
      // The kept rows, flat (see ``Kept``), written in place: the arrays
      // are the state's, not copied after the pass. Only the places a
      // column took are read later.
      let belowEnd = belowStart[m]
      let atEnd = atStarts[m]
      var belowRows = [Int32](repeating: 0, count: max(belowEnd, 1))
      var atAfterRows = [Int32](repeating: 0, count: max(atEnd, 1))
      var atBeforeRows = [Int32](repeating: 0, count: max(atEnd, 1))
      belowRows.withUnsafeMutableBufferPointer { belowBuffer in
        atAfterRows.withUnsafeMutableBufferPointer { atAfterBuffer in
          atBeforeRows.withUnsafeMutableBufferPointer { atBeforeBuffer in
            let below = belowBuffer.baseAddress!
            let atAfter = atAfterBuffer.baseAddress!
            let atBefore = atBeforeBuffer.baseAddress!
            scores.ranks.withUnsafeBufferPointer { ranks in
              for (r, i) in range.enumerated() {
                let best = c.best[r]
                guard best >= 0 else { continue }
                let row = UnsafeBufferPointer(rebasing: ranks[(i * m)..<(i * m + m)])
                // The row's threshold rank and how many columns it takes there.
                var cumulative = 0
                var rowThreshold = -1
                var rowNeed = 0
                for rank in stride(from: best, through: 0, by: -1) {
                  let here = Int(c.rowCounts[r * levels + rank])
                  if cumulative + here >= k {
                    rowThreshold = rank
                    rowNeed = k - cumulative
                    break
                  }
                  cumulative += here
                }
                let wanted = rowThreshold >= 0 ? k : cumulative
                // Ranks above the threshold, and the first `rowNeed` at it, in
                // the cyclic order from the rotation's start.
                let picked = mm_level_picks(
                  m, row.baseAddress!, ineligible.base, TopOrder.unspread(0, row: i, columns: m), rowThreshold,
                  rowNeed, wanted, pickColumns, pickPositions)
                // Best first, each rank's columns in the walk's (cyclic) order:
                // a stable sort by rank, one sweep per rank from the best down.
                state.picks[r] = [Int32](unsafeUninitializedCapacity: picked) { out, written in
                  var rank = best
                  while written < picked {
                    for p in 0..<picked where Int(row[Int(pickColumns[p])]) == rank {
                      out[written] = pickColumns[p]
                      written += 1
                    }
                    rank -= 1
                  }
                }
                // The columns' rows by regret.
                // An ineligible column's threshold, `levels + 64`, is above every
                // eligible column's (at most `levels`): it keeps nothing.
                @inline(__always) func offer(_ j: Int, _ rank: UInt8) {
                  if rank == LevelScores.forbidden { return }
                  let t = threshold[j]
                  if t > levels { return }
                  let regret = best - Int(rank)
                  if regret < t {
                    // Pass 1 counted every such row: the place is there.
                    precondition(
                      belowFill[j] < belowStart[j + 1], "LevelPruning: pass 2 found more rows than pass 1 counted")
                    below[belowFill[j]] = Int32(i)
                    belowFill[j] += 1
                  } else if regret == t {
                    if i >= rotation[j] {
                      if takenAfter[j] < need[j] {
                        atAfter[atFirst[j] + takenAfter[j]] = Int32(i)
                        takenAfter[j] += 1
                        // Threshold 0 (no row below it) and full at or after the
                        // start, which every later row of this worker is: nothing
                        // more is kept here, so the byte scan stops offering it.
                        if t == 0 && takenAfter[j] == need[j] { shut[j] = 0xFF }
                      }
                    } else if takenBefore[j] < need[j] {
                      atBefore[atFirst[j] + takenBefore[j]] = Int32(i)
                      takenBefore[j] += 1
                      // Likewise when full before the start: until the start,
                      // where `reopening` opens it again (when the start is one of
                      // this worker's rows).
                      if t == 0 && takenBefore[j] == need[j] { shut[j] = 0xFF }
                    }
                  }
                }
                // Columns shut while full before their start open there: no
                // row of this worker at or after it was offered yet.
                while nextReopen < reopening.count && rotation[reopening[nextReopen]] <= i {
                  shut[reopening[nextReopen]] = 0
                  nextReopen += 1
                }
                // Only ranks from `best − widest` on can be kept; shut columns
                // are passed over.
                let offers = mm_level_offers(m, row.baseAddress!, shut, best - widest, offered)
                for o in 0..<offers {
                  let j = Int(offered[o])
                  offer(j, row[j])
                }
              }
            }
          }
        }
      }
      for j in 0..<m {
        precondition(belowFill[j] == belowStart[j + 1], "LevelPruning: pass 2 found fewer rows than pass 1 counted")
      }
      state.belowStart = belowStart
      state.below = belowRows
      state.atAfter = atAfterRows
      state.atBefore = atBeforeRows
      state.takenAfter = Array(UnsafeBufferPointer(start: takenAfter, count: m))
      state.takenBefore = Array(UnsafeBufferPointer(start: takenBefore, count: m))
      kept.put(state, at: w)
    }
    let pass2 = kept.all()

    // Each column's kept rows: all below its threshold regret, and the first
    // `need` at it in the cyclic order (rows at or after the rotation's
    // start, then before), on every core. Their order within a column does
    // not matter: a row takes its columns in column order.
    let columnRanges = (0..<ranges.count).map { (m * $0 / ranges.count)..<(m * ($0 + 1) / ranges.count) }
    let keptByColumn = ResultSlots<[[Int32]]>(count: columnRanges.count)
    DispatchQueue.concurrentPerform(iterations: columnRanges.count) { w in
      var lists: [[Int32]] = []
      lists.reserveCapacity(columnRanges[w].count)
      for j in columnRanges[w] {
        var rows: [Int32] = []
        if eligibleColumn[j] {
          for part in pass2 { rows += part.below[part.belowStart[j]..<part.belowStart[j + 1]] }
          if thresholds[j] < levels {
            var wanted = needs[j]
            for part in pass2 where wanted > 0 {
              let taken = min(wanted, part.takenAfter[j])
              rows += part.atAfter[atStarts[j]..<(atStarts[j] + taken)]
              wanted -= taken
            }
            for part in pass2 where wanted > 0 {
              let taken = min(wanted, part.takenBefore[j])
              rows += part.atBefore[atStarts[j]..<(atStarts[j] + taken)]
              wanted -= taken
            }
          }
        }
        lists.append(rows)
      }
      keptByColumn.put(lists, at: w)
    }
    let columnLists = keptByColumn.all().flatMap { $0 }
    // The same, by row (in column order): a counting sort over the kept pairs.
    var extraStart = [Int](repeating: 0, count: n + 1)
    for list in columnLists { for i in list { extraStart[Int(i) + 1] += 1 } }
    for i in 0..<n { extraStart[i + 1] += extraStart[i] }
    var extraColumns = [Int32](repeating: 0, count: extraStart[n])
    var fill = extraStart
    for (j, list) in columnLists.enumerated() {
      for i in list {
        extraColumns[fill[Int(i)]] = Int32(j)
        fill[Int(i)] += 1
      }
    }
    let extras = extraColumns
    let extraStarts = extraStart

    // Each row's candidates: its picks, then the columns that keep it and
    // are not among them, on every core.
    // Each rank's score (``LevelScores/score(rank:)``); forbidden pairs are never kept.
    let scoreOfRank = (0..<levels).map { scores.score(rank: $0) }
    let assembled = ResultSlots<(columns: [[Int32]], scores: [[Double]])>(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { w in
      let range = ranges[w]
      var columns: [[Int32]] = []
      var values: [[Double]] = []
      columns.reserveCapacity(range.count)
      values.reserveCapacity(range.count)
      // Per column: whether it is among the current row's picks (all false between rows).
      var picked = [Bool](repeating: false, count: m)
      scores.ranks.withUnsafeBufferPointer { ranks in
        for (r, i) in range.enumerated() {
          let picks = pass2[w].picks[r]
          var list: [Int32] = []
          list.reserveCapacity(picks.count + extraStarts[i + 1] - extraStarts[i])
          list += picks
          for j in picks { picked[Int(j)] = true }
          for e in extraStarts[i]..<extraStarts[i + 1] where !picked[Int(extras[e])] { list.append(extras[e]) }
          for j in picks { picked[Int(j)] = false }
          let row = i * m
          columns.append(list)
          values.append(list.map { scoreOfRank[Int(ranks[row + Int($0)])] })
        }
      }
      assembled.put((columns, values), at: w)
    }
    candidates = CandidateSet(rows: 0)
    for part in assembled.all() {
      candidates.columns += part.columns
      candidates.scores += part.scores
    }
    for part in pass1 {
      allowed += part.allowed
      if part.highRank >= 0 {
        let a = scores.score(rank: part.lowRank)
        let b = scores.score(rank: part.highRank)
        low = min(low, min(a, b))
        high = max(high, max(a, b))
      }
    }
  }
}
