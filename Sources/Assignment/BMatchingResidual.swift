/// The residual network of a b-matching, for successive shortest paths and
/// for the exact cost of forcing a pair.
///
/// Nodes: rows `0..<n`, columns `n..<n+m`, the source `n+m` and the sink
/// `n+m+1`. Arcs, with costs `−a(i, j)` (we minimise) and unit capacities:
/// source → row while the row is below its demand (cost `−firstBonus` for
/// its first pair, 0 after: a convex cost), row → source when it has a pair
/// (cost `+firstBonus` when it is the only one); row → column for an allowed pair not made, column → row (cost
/// `+a(i, j)`) for a pair made; column → sink below capacity, sink → column
/// when it has a row. With `circulation`, also sink → source (cost 0) and,
/// when some pair is made, source → sink: a cycle of negative cost then
/// exists exactly when the b-matching is not optimal.
///
/// The network is dense and implicit: no arc lists, each node's arcs are
/// enumerated from the assignment (O(`rows`) or O(`columns`) per node).
struct BMatchingResidual {
  let problem: BMatchingProblem
  /// `a(i, j)`, row-major; `.nan` for a forbidden pair.
  let weights: [Double]
  /// What a row's first pair earns (``BMatchingProblem/Weighting/firstBonus``).
  let firstBonus: Double
  var assigned: [Bool]
  var rowUsed: [Int]
  var loads: [Int]
  var circulation = false

  var n: Int { problem.rows }
  var m: Int { problem.columns }
  var source: Int { n + m }
  var sink: Int { n + m + 1 }
  var nodeCount: Int { n + m + 2 }
  var pairCount: Int { rowUsed.reduce(0, +) }

  init(_ problem: BMatchingProblem) {
    self.problem = problem
    let weighting = problem.weighting
    firstBonus = weighting.firstBonus
    self.weights = (0..<problem.rows).flatMap { i in
      (0..<problem.columns).map { problem.weight(row: i, column: $0, weighting: weighting) ?? .nan }
    }
    assigned = [Bool](repeating: false, count: problem.rows * problem.columns)
    rowUsed = [Int](repeating: 0, count: problem.rows)
    loads = [Int](repeating: 0, count: problem.columns)
  }

  /// Calls `body(head, cost)` for every residual arc leaving `u`.
  ///
  /// - Complexity: O(`rows + columns`).
  func forEachArc(from u: Int, _ body: (Int, Double) -> Void) {
    if u < n {
      if rowUsed[u] > 0 { body(source, rowUsed[u] == 1 ? firstBonus : 0) }
      for j in 0..<m {
        let k = u * m + j
        if !assigned[k] && !weights[k].isNaN && problem.capacities[j] > 0 { body(n + j, -weights[k]) }
      }
    } else if u < n + m {
      let j = u - n
      if loads[j] < problem.capacities[j] { body(sink, 0) }
      for i in 0..<n where assigned[i * m + j] { body(i, weights[i * m + j]) }
    } else if u == source {
      for i in 0..<n where rowUsed[i] < problem.demands[i] { body(i, rowUsed[i] == 0 ? -firstBonus : 0) }
      if circulation && pairCount > 0 { body(sink, 0) }
    } else {
      for j in 0..<m where loads[j] > 0 { body(n + j, 0) }
      if circulation { body(source, 0) }
    }
  }

  /// Calls `body(tail, cost)` for every residual arc entering `v`.
  ///
  /// - Complexity: O(`rows + columns`).
  func forEachArc(into v: Int, _ body: (Int, Double) -> Void) {
    if v < n {
      if rowUsed[v] < problem.demands[v] { body(source, rowUsed[v] == 0 ? -firstBonus : 0) }
      for j in 0..<m where assigned[v * m + j] { body(n + j, weights[v * m + j]) }
    } else if v < n + m {
      let j = v - n
      if loads[j] > 0 { body(sink, 0) }
      guard problem.capacities[j] > 0 else { return }
      for i in 0..<n {
        let k = i * m + j
        if !assigned[k] && !weights[k].isNaN { body(i, -weights[k]) }
      }
    } else if v == source {
      for i in 0..<n where rowUsed[i] > 0 { body(i, rowUsed[i] == 1 ? firstBonus : 0) }
      if circulation { body(sink, 0) }
    } else {
      for j in 0..<m where loads[j] < problem.capacities[j] { body(n + j, 0) }
      if circulation && pairCount > 0 { body(source, 0) }
    }
  }

  /// Shortest paths by Dijkstra on the reduced costs `c + potential(u) − potential(v)`
  /// (non-negative for valid potentials), from `origin` along the arcs or,
  /// with `reverse`, towards `origin` against them.
  ///
  /// - Returns: each node's distance (`.infinity` when unreached) and its
  ///   next node towards `origin` (its predecessor on the path from it).
  /// - Complexity: O(`(rows + columns)² + rows · columns`).
  func dijkstra(from origin: Int, potentials potential: [Double], reverse: Bool = false) -> (
    distance: [Double], link: [Int]
  ) {
    var distance = [Double](repeating: .infinity, count: nodeCount)
    var link = [Int](repeating: -1, count: nodeCount)
    var done = [Bool](repeating: false, count: nodeCount)
    distance[origin] = 0
    while true {
      var u = -1
      for v in 0..<nodeCount where !done[v] && distance[v] < .infinity && (u < 0 || distance[v] < distance[u]) {
        u = v
      }
      if u < 0 { break }
      done[u] = true
      let relax = { (w: Int, cost: Double) in
        let reduced = reverse ? cost + potential[w] - potential[u] : cost + potential[u] - potential[w]
        let candidate = distance[u] + max(reduced, 0)
        if candidate < distance[w] {
          distance[w] = candidate
          link[w] = u
        }
      }
      if reverse { forEachArc(into: u, relax) } else { forEachArc(from: u, relax) }
    }
    return (distance, link)
  }

  /// Potentials with non-negative reduced costs on every residual arc
  /// (Bellman–Ford from a virtual root joined to every node at cost 0), or
  /// `nil` when a negative cycle exists: the b-matching is not optimal.
  ///
  /// - Complexity: O(`nodes · (nodes + rows · columns)`) at worst.
  func feasiblePotentials() -> [Double]? {
    var potential = [Double](repeating: 0, count: nodeCount)
    let scale = max(weights.lazy.filter { !$0.isNaN }.map(abs).max() ?? 1, firstBonus)
    let tolerance = 1e-12 * max(scale, 1) * Double(nodeCount)
    for _ in 0...nodeCount {
      var changed = false
      for u in 0..<nodeCount {
        forEachArc(from: u) { w, cost in
          if potential[u] + cost < potential[w] - tolerance {
            potential[w] = potential[u] + cost
            changed = true
          }
        }
      }
      if !changed { return potential }
    }
    return nil
  }

  /// Pushes one unit along the path that ends at `last` (`link` as returned
  /// by a forward ``dijkstra(from:potentials:reverse:)``).
  mutating func augment(to last: Int, link: [Int]) {
    var v = last
    while link[v] >= 0 {
      let u = link[v]
      push(from: u, to: v)
      v = u
    }
  }

  /// Sends one unit over the residual arc `u → v`.
  mutating func push(from u: Int, to v: Int) {
    switch (u, v) {
    case (source, _) where v < n: rowUsed[v] += 1
    case (_, source) where u < n: rowUsed[u] -= 1
    case (_, sink) where u >= n && u < n + m: loads[u - n] += 1
    case (sink, _) where v >= n && v < n + m: loads[v - n] -= 1
    case _ where u < n && v >= n && v < n + m: assigned[u * m + v - n] = true
    case _ where v < n && u >= n && u < n + m: assigned[v * m + u - n] = false
    default: break  // source ↔ sink: the circulation's return arc
    }
  }
}
