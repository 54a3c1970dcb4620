/// The exact b-matching solver: successive shortest paths with potentials on
/// the residual network (``BMatchingResidual``), then a certificate.
///
/// ```swift
/// let solution = MinCostBMatching.solve(problem)
/// assert(solution.verify(against: problem).isEmpty)
/// ```
///
/// Each augmentation adds one pair along a shortest path in reduced costs
/// (Dijkstra, non-negative by the potentials), so after `k` augmentations the
/// plan has the largest weight of any `k`-pair plan; augmenting until no path
/// is left gives the most pairs and, among those, the largest weight
/// (Ahuja, Magnanti and Orlin, *Network Flows*, §9.7). The duals come from
/// potentials that are feasible on the whole residual circulation
/// (Bellman–Ford), so they certify the plan independently of the search.
public enum MinCostBMatching {
  /// Solves `problem` exactly.
  ///
  /// - Parameter problem: The problem.
  /// - Returns: An optimal solution with its duals; ``BMatchingSolution/verify(against:)``
  ///   is empty for it (checked in debug builds under `MENTORMATCH_INVARIANTS`).
  /// - Complexity: O(`P · ((rows + columns)² + rows · columns)`) for `P` pairs
  ///   made, plus the Bellman–Ford pass for the duals; memory O(`rows · columns`).
  ///   Meant for cohorts (thousands of people), not for the 100,000-row scale
  ///   of ``CertifiedAssignment``.
  public static func solve(_ problem: BMatchingProblem) -> BMatchingSolution {
    var residual = BMatchingResidual(problem)
    let n = problem.rows
    let m = problem.columns
    // Initial potentials: 0 at the source and rows, each column the lowest
    // cost of an arc into it, the sink the lowest column potential.
    var potential = [Double](repeating: 0, count: residual.nodeCount)
    for j in 0..<m {
      var low = 0.0
      for i in 0..<n where !residual.weights[i * m + j].isNaN { low = min(low, -residual.weights[i * m + j]) }
      potential[n + j] = low
    }
    potential[residual.sink] = (0..<m).filter { problem.capacities[$0] > 0 }.map { potential[n + $0] }.min() ?? 0
    while true {
      let (distance, link) = residual.dijkstra(from: residual.source, potentials: potential)
      let reach = distance[residual.sink]
      guard reach < .infinity else { break }
      residual.augment(to: residual.sink, link: link)
      for v in 0..<residual.nodeCount { potential[v] += min(distance[v], reach) }
    }
    let solution = solution(of: residual)
    #if MENTORMATCH_INVARIANTS
      let violations = solution.verify(against: problem)
      precondition(violations.isEmpty, "MinCostBMatching certificate failed: \(violations)")
    #endif
    return solution
  }

  /// The plan of a residual network with its duals (from feasible
  /// potentials of the circulation).
  static func solution(of residual: BMatchingResidual) -> BMatchingSolution {
    var closed = residual
    closed.circulation = true
    let potential = closed.feasiblePotentials() ?? [Double](repeating: 0, count: closed.nodeCount)
    return solution(of: residual, potentials: potential)
  }

  /// The plan of a residual network with the duals read off `potential`: row dual
  /// `potential(i) − potential(s)`, column dual `potential(t) − potential(j)` (both raised to 0 when
  /// negative, which only happens without pairs), pair dual the slack left.
  static func solution(of residual: BMatchingResidual, potentials potential: [Double]) -> BMatchingSolution {
    let n = residual.n
    let m = residual.m
    var columnsOfRow = [[Int]](repeating: [], count: n)
    var total = 0.0
    for i in 0..<n {
      for j in 0..<m where residual.assigned[i * m + j] {
        columnsOfRow[i].append(j)
        total += residual.problem.scores[i * m + j]
      }
    }
    let rowDuals = (0..<n).map { max(potential[$0] - potential[residual.source], 0) }
    let columnDuals = (0..<m).map { max(potential[residual.sink] - potential[n + $0], 0) }
    let pairDuals = (0..<n).map { i in
      columnsOfRow[i].map { j in max(residual.weights[i * m + j] - rowDuals[i] - columnDuals[j], 0) }
    }
    return BMatchingSolution(
      columnsOfRow: columnsOfRow, pairDuals: pairDuals, totalScore: total, pairCount: residual.pairCount,
      loads: residual.loads, rowDuals: rowDuals, columnDuals: columnDuals)
  }
}
