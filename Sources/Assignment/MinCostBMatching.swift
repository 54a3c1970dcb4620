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
    // Initial potentials: 0 at the source, −firstBonus at the rows (the cost
    // of the arc into them), each column the lowest cost of a path into it,
    // the sink the lowest column potential.
    var potential = [Double](repeating: 0, count: residual.nodeCount)
    for i in 0..<n { potential[i] = -residual.firstBonus }
    for j in 0..<m {
      var low = 0.0
      for i in 0..<n where !residual.weights[i * m + j].isNaN { low = min(low, -residual.weights[i * m + j]) }
      potential[n + j] = low - residual.firstBonus
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

  /// The plan of a residual network with the duals read off `potential`:
  /// row potential `p_i = π(i) − π(s)`, column dual `π(t) − π(j)` (raised to
  /// 0 when negative, which only happens at a column without pairs), first-pair
  /// dual `max(firstBonus + p_i, 0)` for a row with a pair, more-pairs dual
  /// `max(p_i, 0)`, pair dual the slack left (see ``BMatchingSolution``). A
  /// row asking for no pair gets the potential that covers its pairs.
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
    let columnDuals = (0..<m).map { max(potential[residual.sink] - potential[n + $0], 0) }
    var rowDuals = (0..<n).map { potential[$0] - potential[residual.source] }
    for i in 0..<n where residual.problem.demands[i] == 0 {
      var needed = 0.0
      for j in 0..<m where !residual.weights[i * m + j].isNaN && residual.problem.capacities[j] > 0 {
        needed = max(needed, residual.weights[i * m + j] - columnDuals[j])
      }
      rowDuals[i] = needed
    }
    let first = residual.firstBonus
    let firstPairDuals = (0..<n).map { i in
      residual.problem.demands[i] == 0 || residual.rowUsed[i] > 0 ? max(first + rowDuals[i], 0) : 0
    }
    let morePairsDuals = rowDuals.map { max($0, 0) }
    let pairDuals = (0..<n).map { i in
      columnsOfRow[i].map { j in max(residual.weights[i * m + j] - rowDuals[i] - columnDuals[j], 0) }
    }
    return BMatchingSolution(
      columnsOfRow: columnsOfRow, pairDuals: pairDuals, totalScore: total, pairCount: residual.pairCount,
      loads: residual.loads, rowDuals: rowDuals, columnDuals: columnDuals, firstPairDuals: firstPairDuals,
      morePairsDuals: morePairsDuals)
  }
}
