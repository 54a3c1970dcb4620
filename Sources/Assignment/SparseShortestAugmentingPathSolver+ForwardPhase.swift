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
  /// - Complexity: O(the row's listed pairs), plus O(log heap) per improvement.
  @inline(__always)
  mutating func relax(row i: Int, at base: Double) {
    let offset = base - u[i]
    let start = problem.rowStart[i]
    let end = problem.rowStart[i + 1]
    counters.relaxations += end - start
    for p in start..<end {
      let k = Int(problem.columnIndex[p])
      let key = offset + cost[p]
      if key < searchKey[k] {
        if searchKey[k] == .infinity { touched.append(k) }
        searchKey[k] = key
        let candidate = key - v[k]
        distance[k] = candidate
        predecessor[k] = i
        predecessorPair[k] = p
        heap.push(distance: candidate, full: holding.load[k] >= problem.capacities[k], column: k)
      }
    }
  }

  /// One phase: the shortest augmenting path from free row `r`.
  mutating func augment(from r: Int) {
    processed[r] = true
    counters.singlePhases += 1
    let capacity = problem.capacities
    heap.removeAll()
    u[r] = 0
    relax(row: r, at: 0)
    var dummyDistance = unassignedCost
    var dummyRow = r
    var endColumn = -1
    var length = 0.0
    while true {
      guard let top = heap.popMinimum() else {
        length = dummyDistance
        break
      }
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
      for i in holding.rows(of: j) {
        let viaDummy = top.distance + unassignedCost - u[i]
        if viaDummy < dummyDistance {
          dummyDistance = viaDummy
          dummyRow = i
        }
        relax(row: i, at: top.distance)
      }
    }

    // Dual update over the settled part of the tree.
    for j in settled {
      let delta = length - distance[j]
      v[j] -= delta
      for i in holding.rows(of: j) { u[i] += delta }
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
