/// The backward phases of ``SparseShortestAugmentingPathSolver``: removing
/// deficits (columns with room and a positive price).
extension SparseShortestAugmentingPathSolver {
  /// Runs ``resolveDeficit(at:)`` until no column has both room and a
  /// positive price. Each phase fills the column by one row or brings its
  /// price to zero.
  mutating func resolveDeficits() {
    let capacity = problem.capacities
    var transposed: ColumnPairs?
    for j in 0..<problem.columns {
      while v[j] < 0 && holding.load[j] < capacity[j] {
        if transposed == nil { transposed = ColumnPairs(problem) }
        resolveDeficit(at: j, pairs: transposed!)
      }
    }
    #if MENTORMATCH_INVARIANTS
      requireInvariants(invariantViolations(resolvedColumns: problem.columns), after: "the backward phases")
    #endif
  }

  /// One backward phase from column `j`, which has room and a positive price.
  ///
  /// Distances `D[k]` grow from `D[j] = 0`: a row `i` held by column `k`, with
  /// a listed pair `(i, l)` to a settled column `l`, reaches `k` at
  /// `D[l] + reduced(i, l)`, the price cut at `l` beyond which `i` would rather
  /// move to `l`. The phase ends at the least of: a settled column `k` whose
  /// price reaches zero (at `D[k] − v[k]`; for `k == j` nothing moves, else
  /// `k` gives up a row), or an unassigned row reaching a settled column. Every
  /// settled column's price falls by `L − D[k]` and its rows' duals with it, so
  /// reduced costs stay non-negative and the moved pairs are tight.
  mutating func resolveDeficit(at j: Int, pairs: ColumnPairs) {
    counters.backwardPhases += 1
    enum End {
      case price(Int)
      case row(Int, pair: Int)
    }
    heap.removeAll()
    distance[j] = 0
    touched.append(j)
    heap.push(distance: 0, full: false, column: j)
    var end = End.price(j)
    var length = Double.infinity
    while let top = heap.popMinimum() {
      let k = top.column
      if settledFlag[k] || top.distance > distance[k] { continue }
      if top.distance >= length { break }
      settledFlag[k] = true
      settled.append(k)
      let base = top.distance
      if base - v[k] < length {
        length = base - v[k]
        end = .price(k)
      }
      if length <= base { break }
      for q in pairs.start[k]..<pairs.start[k + 1] {
        let p = pairs.pair[q]
        let i = pairs.row[q]
        let from = holding.columnOf[i]
        if from == k { continue }
        let reach = base + cost[p] - u[i] - v[k]
        if from < 0 {
          if reach < length {
            length = reach
            end = .row(i, pair: p)
          }
          continue
        }
        if settledFlag[from] || reach >= distance[from] { continue }
        if distance[from] == .infinity { touched.append(from) }
        distance[from] = reach
        predecessor[from] = i
        predecessorPair[from] = p
        heap.push(distance: reach, full: false, column: from)
      }
    }

    for k in settled where distance[k] < length {
      let delta = length - distance[k]
      v[k] = min(0, v[k] + delta)
      for s in holding.slots(of: k) { u[holding.row(at: s)] -= delta }
    }

    // The moves, from the far end of the path toward `j`: row `i` leaves its
    // column for the column of pair `p`.
    var moves: [(row: Int, pair: Int)] = []
    var column: Int
    switch end {
    case .price(let k):
      v[k] = 0
      column = k
    case .row(let i, let p):
      moves.append((i, p))
      column = Int(problem.columnIndex[p])
    }
    while column != j {
      let i = predecessor[column]
      moves.append((i, predecessorPair[column]))
      column = Int(problem.columnIndex[predecessorPair[column]])
    }
    for (i, p) in moves.reversed() {
      let from = holding.columnOf[i]
      if from >= 0 { detach(row: i, from: from) }
      attach(row: i, to: Int(problem.columnIndex[p]), pair: p)
    }
    #if MENTORMATCH_INVARIANTS
      // Prices fell at the settled columns (reduced costs into them fell);
      // their rows' values fell; the moved rows changed columns.
      let rows = settled.flatMap { holding.rows(of: $0) } + moves.map(\.row)
      requireInvariants(
        columnViolations(settled, resolvedColumns: j) + columnPairViolations(settled, pairs: pairs)
          + rowViolations(rows), after: "the backward phase at column \(j)")
    #endif
    clearSearch()
  }
}
