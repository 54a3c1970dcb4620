/// The forward phase of ``SparseShortestAugmentingPathSolver``: the shortest
/// augmenting path from a free row.
extension SparseShortestAugmentingPathSolver {
  /// Relaxes the listed pairs of row `i`, reached at distance `base`.
  ///
  /// One random read per pair: the comparison `base − u[i] + c − v[k] < D[k]`
  /// is made as `base − u[i] + c < D[k] + v[k]` against ``searchKey``, which
  /// holds `D[k] + v[k]` (`v` does not change during a search; whole units, so
  /// both forms are exact). A settled column needs no check: reduced costs are
  /// non-negative, so no pair reaches it below its settled distance.
  ///
  /// With ``rowOrder`` the pairs are read in the order of a lower bound on
  /// their reduced cost, and the read stops at the first pair whose bound puts
  /// it beyond `limit`, the search's bound on the path length (see
  /// ``SparseRowOrder`` for why the search is the same); a column with room
  /// reached below `limit` lowers it.
  ///
  /// - Complexity: O(the row's listed pairs), plus O(log heap) per improvement.
  @inline(__always)
  mutating func relax(row i: Int, at base: Double, limit: inout Double) {
    let offset = base - u[i]
    let start: Int
    let end: Int
    var ordered = false
    if rowOrder != nil {
      // The row's positions and state from its one record.
      let read = rowOrder!.prepareRead(row: i, problem, cost: cost, v: v)
      if read.orderedNow { counters.rowsOrdered += 1 }
      start = read.start
      end = read.end
      ordered = read.ordered
    } else {
      start = problem.rowStart[i]
      end = problem.rowStart[i + 1]
    }
    guard ordered else {
      counters.relaxations += end - start
      for p in start..<end {
        offer(column: Int(problem.columnIndex[p]), key: offset + cost[p], pair: p, from: i, limit: &limit)
      }
      return
    }
    // Read through the order's pointer: no retain per row read.
    let entries = rowOrder!.entries
    var q = start
    while q < end {
      let entry = entries[q]
      if offset + entry.key > limit { break }
      offer(column: Int(entry.column), key: offset + entry.cost, pair: Int(entry.pair), from: i, limit: &limit)
      q += 1
    }
    counters.relaxations += q - start
  }

  /// Offers column `k` the key `key` (`c − u[i] + distance`, before `v[k]`)
  /// through pair `p` of row `i`: when it improves the column's key, the
  /// column's tentative distance, predecessor and heap entry follow, and a
  /// column with room reached below `limit` lowers it.
  ///
  /// - Complexity: O(log heap) when the key improves, else O(1).
  @inline(__always)
  private mutating func offer(column k: Int, key: Double, pair p: Int, from i: Int, limit: inout Double) {
    guard key < searchKey[k] else { return }
    if searchKey[k] == .infinity { touched.append(k) }
    searchKey[k] = key
    let candidate = key - v[k]
    distance[k] = candidate
    predecessor[k] = i
    predecessorPair[k] = p
    let full = holding.load[k] >= problem.capacities[k]
    if !full && candidate < limit { limit = candidate }
    heap.push(distance: candidate, full: full, column: k)
  }

  /// One phase: the shortest augmenting path from free row `r`.
  mutating func augment(from r: Int) {
    processed[r] = true
    counters.singlePhases += 1
    let capacity = problem.capacities
    heap.removeAll()
    u[r] = 0
    // The search's bound on the path length: the unassigned options and the
    // columns with room reached so far (see relax(row:at:limit:)).
    var limit = unassignedCost
    relax(row: r, at: 0, limit: &limit)
    var dummyDistance = unassignedCost
    var dummyRow = r
    var endColumn = -1
    var length = 0.0
    while true {
      guard let top = heap.popMinimum() else {
        length = dummyDistance
        break
      }
      counters.heapPops += 1
      let j = top.column
      if settledFlag[j] || top.distance > distance[j] { continue }
      if top.distance > dummyDistance {
        length = dummyDistance
        break
      }
      if holding.load[j] < capacity[j] {
        endColumn = j
        length = top.distance
        break
      }
      settledFlag[j] = true
      settled.append(j)
      // The held rows' first reads, asked for together so that their cache
      // misses overlap (a hint only: the search is the same without it).
      prefetchFirstReads(ofRowsOf: j)
      for s in holding.slots(of: j) {
        let i = holding.row(at: s)
        let viaDummy = top.distance + unassignedCost - u[i]
        if viaDummy < dummyDistance {
          dummyDistance = viaDummy
          dummyRow = i
          if viaDummy < limit { limit = viaDummy }
        }
        relax(row: i, at: top.distance, limit: &limit)
      }
    }

    // Dual update over the settled part of the tree, through pointers: no
    // uniqueness check per row (about a million in the first solve at
    // 20,000 × 4,000).
    u.withUnsafeMutableBufferPointer { u in
      v.withUnsafeMutableBufferPointer { v in
        for j in settled {
          let delta = length - distance[j]
          v[j] -= delta
          for s in holding.slots(of: j) { u[holding.row(at: s)] += delta }
        }
      }
    }
    u[r] += length

    var column: Int
    var done = false
    if endColumn >= 0 {
      column = endColumn
    } else if dummyRow == r {
      column = -1
      done = true
    } else {
      column = holding.columnOf[dummyRow]
      detach(row: dummyRow, from: column)
    }
    while !done {
      let i = predecessor[column]
      let pair = predecessorPair[column]
      if i == r {
        attach(row: r, to: column, pair: pair)
        break
      }
      let previous = holding.columnOf[i]
      detach(row: i, from: previous)
      attach(row: i, to: column, pair: pair)
      counters.pathRows += 1
      column = previous
    }
    #if MENTORMATCH_INVARIANTS
      // The rows whose values rose are those of the settled columns (now
      // held by them or by the end column) and the two ends of the path.
      let columns = endColumn >= 0 ? settled + [endColumn] : settled
      let rows = columns.flatMap { holding.rows(of: $0) } + [r, dummyRow]
      requireInvariants(
        columnViolations(columns) + rowViolations(rows), after: "the forward phase from row \(r)")
    #endif
    clearSearch()
  }
}
