/// Blocking phases of ``SparseShortestAugmentingPathSolver``: many rows placed
/// per shortest-path search, for problems whose costs tie on wide plateaus.
///
/// After the greedy start, the rows still free are searched *together*: one
/// Dijkstra search from all of them at once (each free row a source at
/// distance 0) finds the length `L` of the shortest augmenting path of any of
/// them. The duals are updated as after a single-row phase (settled columns'
/// prices rise by `L − D[k]`, the rows they hold gain as much) and every free
/// row's dual rises by `L`; then every free row has a path of tight pairs
/// (reduced cost 0) to a column with room exactly when its own shortest path
/// has length `L`. Paths of tight pairs are then augmented one after another
/// (a search over tight pairs from each free row, each column visited once per
/// phase, as in the phases of Hopcroft and Karp), so a plateau of tied costs
/// is crossed once for all the rows that share it rather than once per row.
/// This is the primal-dual method of the transportation problem (Ford and
/// Fulkerson; Ahuja, Magnanti and Orlin, *Network Flows*, ch. 9.4).
///
/// Every step keeps the invariants of the single-row phases (reduced costs
/// non-negative, assigned pairs tight, `u[i] <= P`), so the single-row phases
/// take over the rows left whatever this phase did. The unassigned option is
/// a path end too: a row whose option is tight (`u[i] == P`) may give its
/// place up to the row before it on a tight path, and a free row whose own
/// option is tight and that finds no tight path is left unassigned, as a
/// single-row phase would leave it.
extension SparseShortestAugmentingPathSolver {
  /// Runs blocking phases while they place enough rows per search: while
  /// more than `minimumRows` rows are free and the last phase placed at least
  /// one in `minimumShare` of them.
  ///
  /// - Returns: The number of phases run.
  /// - Complexity: O(`pairs of the free rows + settled part of the tree`) per
  ///   phase for the search, plus O(`tight pairs visited`) for the augmentations.
  @discardableResult
  mutating func blockingPhases(minimumRows: Int = 64, minimumShare: Int = 64) -> Int {
    var free: [Int] = []
    for r in 0..<problem.rows where !processed[r] && problem.rowStart[r] < problem.rowStart[r + 1] {
      free.append(r)
    }
    var phases = 0
    var visited = [Bool](repeating: false, count: problem.columns)
    var visitedList: [Int] = []
    while free.count > minimumRows {
      guard blockingSearch(from: free) else { break }
      phases += 1
      var remaining: [Int] = []
      remaining.reserveCapacity(free.count)
      for r in free {
        if augmentTight(from: r, visited: &visited, visitedList: &visitedList) || u[r] == unassignedCost {
          // Placed, or left unassigned with its unassigned option tight.
          processed[r] = true
        } else {
          remaining.append(r)
        }
      }
      for k in visitedList { visited[k] = false }
      visitedList.removeAll(keepingCapacity: true)
      let placed = free.count - remaining.count
      counters.blockingPhases += 1
      counters.blockingPlaced += placed
      free = remaining
      if placed * minimumShare < free.count { break }
    }
    return phases
  }

  /// The Dijkstra search of a blocking phase from all the `free` rows, and
  /// the dual update.
  ///
  /// The search ends at the nearest column with room or unassigned option
  /// (of a free row, `P − u[r]`, or of a row held by a settled column `k`,
  /// `D[k] + P − u[i]`), whichever is nearer; its length `L` is at most
  /// `P − u[r]` for every free row, so `u[r] <= P` stays true.
  ///
  /// - Returns: `false`, with the duals unchanged, when no free row has a
  ///   path or an unassigned option within reach (no listed pair at all).
  mutating func blockingSearch(from free: [Int]) -> Bool {
    let capacity = problem.capacities
    heap.removeAll()
    var dummyDistance = Double.infinity
    for r in free {
      dummyDistance = min(dummyDistance, unassignedCost - u[r])
      var unbounded = Double.infinity
      relax(row: r, at: 0, limit: &unbounded)
    }
    var length = dummyDistance
    while let top = heap.popMinimum() {
      let j = top.column
      if settledFlag[j] || top.distance > distance[j] { continue }
      if top.distance > dummyDistance {
        length = dummyDistance
        break
      }
      if holding.load[j] < capacity[j] {
        length = top.distance
        break
      }
      settledFlag[j] = true
      settled.append(j)
      for s in holding.slots(of: j) {
        let i = holding.row(at: s)
        dummyDistance = min(dummyDistance, top.distance + unassignedCost - u[i])
        var unbounded = Double.infinity
        relax(row: i, at: top.distance, limit: &unbounded)
      }
      length = dummyDistance
    }
    guard length.isFinite else {
      clearSearch()
      return false
    }
    for j in settled {
      let delta = length - distance[j]
      v[j] -= delta
      for s in holding.slots(of: j) { u[holding.row(at: s)] += delta }
    }
    for r in free { u[r] += length }
    clearSearch()
    return true
  }

  /// Places free row `r` along a path of tight pairs to a column with room,
  /// if one exists through columns not yet `visited` in this phase. Marks
  /// every column it reaches.
  ///
  /// - Returns: Whether the row was placed.
  mutating func augmentTight(from r: Int, visited: inout [Bool], visitedList: inout [Int]) -> Bool {
    let capacity = problem.capacities
    // Search nodes: a row, the node of the row that would move into its
    // column, and that row's pair into it.
    var nodeRow = [r]
    var nodeParent = [-1]
    var nodePair = [-1]
    var stack = [0]
    while let node = stack.popLast() {
      let i = nodeRow[node]
      let own = holding.columnOf[i]
      let ui = u[i]
      for p in problem.rowStart[i]..<problem.rowStart[i + 1] {
        let k = Int(problem.columnIndex[p])
        if k == own || visited[k] || cost[p] - ui - v[k] != 0 { continue }
        visited[k] = true
        visitedList.append(k)
        if holding.load[k] < capacity[k] {
          moveAlongPath(row: i, pair: p, node: node, rows: nodeRow, parents: nodeParent, pairs: nodePair)
          return true
        }
        for held in holding.rows(of: k) where u[held] == unassignedCost {
          // `held` gives its place up (its unassigned option is tight), the
          // row of this node takes it, and so on up to `r`.
          detach(row: held, from: k)
          moveAlongPath(row: i, pair: p, node: node, rows: nodeRow, parents: nodeParent, pairs: nodePair)
          return true
        }
        for held in holding.rows(of: k) {
          nodeRow.append(held)
          nodeParent.append(node)
          nodePair.append(p)
          stack.append(nodeRow.count - 1)
        }
      }
    }
    return false
  }

  /// Row `row` (of search node `node`) moves along `pair` into a column with
  /// room, the row of the parent node into the column `row` leaves, and so
  /// on up to the free row at the root.
  mutating func moveAlongPath(row: Int, pair: Int, node: Int, rows: [Int], parents: [Int], pairs: [Int]) {
    var row = row
    var pair = pair
    var current = node
    while true {
      let from = holding.columnOf[row]
      if from >= 0 { detach(row: row, from: from) }
      attach(row: row, to: Int(problem.columnIndex[pair]), pair: pair)
      let parent = parents[current]
      if parent < 0 { return }
      pair = pairs[current]
      current = parent
      row = rows[current]
    }
  }
}
