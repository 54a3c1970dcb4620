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
/// 1. per row, count its eligible columns per rank; its best rank and its
///    threshold rank (where the `k` best are reached) follow; then one cyclic
///    scan from the rotation's start picks the columns above the threshold
///    and the first ones at it. Each column counts its rows per regret;
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
    /// Per column: its allowed rows per regret (`levels + 1` each: slot
    /// `levels` and the counts of ineligible columns are never read).
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

  /// The bytes of `window` (ranks below 64, or ``LevelScores/forbidden``)
  /// that are a rank of at least `floor`, as their bit 7 (SWAR): with
  /// `lift` = `0x80 − floor` in every byte (`floor` in `1...64`), a rank `r`
  /// gives `r + 0x80 − floor` (at most `0xBF`, no carry into the next byte),
  /// whose bit 7 is set exactly when `r ≥ floor`; a forbidden byte, whose
  /// bit 7 is set, is masked out.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func atLeastFloor(_ window: UInt64, lift: UInt64) -> UInt64 {
    ((window & 0x7F7F_7F7F_7F7F_7F7F) &+ lift) & ~window & 0x8080_8080_8080_8080
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

    // Pass 1: counts per row and per column (``countLevels(row:…)``).
    let ineligibleColumns = (0..<m).filter { !eligibleColumn[$0] }
    let firstPass = ResultSlots<Counts>(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { w in
      let range = ranges[w]
      var rowCounts = [Int32](repeating: 0, count: range.count * levels)
      var columnCounts = [UInt32](repeating: 0, count: m * (levels + 1))
      var bestRanks = [Int](repeating: -1, count: range.count)
      var allowedPairs = 0
      var lowRank = Int.max
      var highRank = -1
      var scratch = LevelCounting(levels: levels)
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
        for part in pass1 { here += Int(part.columnCounts[j * (levels + 1) + d]) }
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

    // Per column (and 8 bytes past the end): 0xFF when eligible, else 0.
    let eligibleBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: m + 8)
    eligibleBytes.initialize(repeating: 0, count: m + 8)
    defer { eligibleBytes.deallocate() }
    for j in 0..<m where eligibleColumn[j] { eligibleBytes[j] = 0xFF }
    let eligible = SharedPointer(eligibleBytes)
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
          for d in 0..<min(thresholds[j], levels) { here += Int(c.columnCounts[j * (levels + 1) + d]) }
        }
        belowStart[j + 1] = belowStart[j] + here
      }
      var picks: [(rank: Int, position: Int, column: Int)] = []
      picks.reserveCapacity(k)
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
      // Per column (and 8 bytes past the end): 0xFF while it may keep more
      // of this worker's rows, 0 once it cannot (see `offer`).
      let open = UnsafeMutablePointer<UInt8>.allocate(capacity: m + 8)
      open.initialize(repeating: 0xFF, count: m + 8)
      defer { open.deallocate() }
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
                picks.removeAll(keepingCapacity: true)
                var taken = 0
                let first = TopOrder.unspread(0, row: i, columns: m)
                // Offers column `j` (at cyclic `position` from `first`) of rank
                // `level`; whether the row's picks are complete.
                @inline(__always) func pick(_ j: Int, _ level: Int, _ position: Int) -> Bool {
                  if level > rowThreshold {
                    picks.append((level, position, j))
                  } else if level == rowThreshold && taken < rowNeed {
                    picks.append((level, position, j))
                    taken += 1
                  }
                  return picks.count == wanted
                }
                if picks.count < wanted {
                  if rowThreshold >= 1 {
                    // Only ranks from the row's threshold on can be picked: found
                    // eight bytes at a time (ineligible columns masked to rank 0),
                    // from `first` to the end, then from 0 to `first`, in order.
                    let base = row.baseAddress!
                    let lift = UInt64(0x80 - rowThreshold) &* 0x0101_0101_0101_0101
                    scan: for segment in 0..<2 {
                      let (low, high, shift) = segment == 0 ? (first, m, -first) : (0, first, m - first)
                      var c = low
                      while c + 8 <= high {
                        let window =
                          UInt64(littleEndian: UnsafeRawPointer(base + c).loadUnaligned(as: UInt64.self))
                          & UInt64(littleEndian: UnsafeRawPointer(eligible.base + c).loadUnaligned(as: UInt64.self))
                        var hits = LevelPruning.atLeastFloor(window, lift: lift)
                        while hits != 0 {
                          let j = c + hits.trailingZeroBitCount &>> 3
                          hits &= hits &- 1
                          if pick(j, Int(row[j]), j + shift) { break scan }
                        }
                        c += 8
                      }
                      while c < high {
                        let rank = row[c]
                        if rank != LevelScores.forbidden && eligible.base[c] != 0 && Int(rank) >= rowThreshold {
                          if pick(c, Int(rank), c + shift) { break scan }
                        }
                        c += 1
                      }
                    }
                  } else {
                    var j = first
                    for position in 0..<m {
                      let rank = row[j]
                      if rank != LevelScores.forbidden && eligible.base[j] != 0 {
                        if pick(j, Int(rank), position) { break }
                      }
                      j += 1
                      if j == m { j = 0 }
                    }
                  }
                }
                picks.sort { $0.rank > $1.rank || ($0.rank == $1.rank && $0.position < $1.position) }
                state.picks[r] = picks.map { Int32($0.column) }
                // The columns' rows by regret: only ranks from `best − widest` on
                // can be kept, found eight bytes at a time.
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
                        if t == 0 && takenAfter[j] == need[j] { open[j] = 0 }
                      }
                    } else if takenBefore[j] < need[j] {
                      atBefore[atFirst[j] + takenBefore[j]] = Int32(i)
                      takenBefore[j] += 1
                      // Likewise when full before the start and no row of this
                      // worker is at or after it.
                      if t == 0 && takenBefore[j] == need[j] && rotation[j] >= rangeEnd { open[j] = 0 }
                    }
                  }
                }
                var c = 0
                let floor = best - widest
                if floor > 0 {
                  let base = row.baseAddress!
                  let lift = UInt64(0x80 - floor) &* 0x0101_0101_0101_0101
                  while c + 8 <= m {
                    // A closed column's byte reads as rank 0, below the floor.
                    let window =
                      UInt64(littleEndian: UnsafeRawPointer(base + c).loadUnaligned(as: UInt64.self))
                      & UInt64(littleEndian: UnsafeRawPointer(open + c).loadUnaligned(as: UInt64.self))
                    var hits = LevelPruning.atLeastFloor(window, lift: lift)
                    while hits != 0 {
                      let b = hits.trailingZeroBitCount &>> 3
                      hits &= hits &- 1
                      offer(c + b, row[c + b])
                    }
                    c += 8
                  }
                }
                while c < m {
                  let rank = row[c]
                  if Int(rank) + widest >= best { offer(c, rank) }
                  c += 1
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
    let assembled = ResultSlots<(columns: [[Int32]], scores: [[Double]])>(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { w in
      let range = ranges[w]
      var columns: [[Int32]] = []
      var values: [[Double]] = []
      columns.reserveCapacity(range.count)
      values.reserveCapacity(range.count)
      for (r, i) in range.enumerated() {
        let picks = pass2[w].picks[r]
        var list = picks
        list.reserveCapacity(picks.count + extraStarts[i + 1] - extraStarts[i])
        for e in extraStarts[i]..<extraStarts[i + 1] where !picks.contains(extras[e]) { list.append(extras[e]) }
        columns.append(list)
        values.append(list.map { scores.score(row: i, column: Int($0)) })
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
