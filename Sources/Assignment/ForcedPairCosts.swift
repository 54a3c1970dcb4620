/// The exact cost of forcing each pair into an optimal b-matching: how the
/// optimum's mentees with a pair, pair count and total score change when one more pair is
/// required and everything else is re-optimised.
///
/// ```swift
/// let costs = ForcedPairCosts(problem, columnsOfRow: solution.columnsOfRow)!
/// for cost in costs.costs(row: 0) { print(cost.column, cost.pairChange, cost.scoreChange) }
/// ```
///
/// Method: the b-matching is a min-cost circulation; forcing the pair
/// `(i, j)` sets a lower bound of 1 on its arc, and the new optimum differs
/// from the old by the cheapest cycle of the residual network through the arc
/// `i → j` (the difference of two circulations splits into cycles, and every
/// cycle but that one has non-negative cost at an optimum). That cycle is the
/// arc plus a shortest path from `j` back to `i`: one reverse Dijkstra per row,
/// on reduced costs made non-negative by potentials from Bellman–Ford. The
/// dual reduced cost `u_i + v_j − a(i, j)` alone is only a lower bound; the
/// path adds what the rest of the cohort gives up.
public struct ForcedPairCosts: Sendable {
  /// What forcing one pair costs.
  public struct Cost: Sendable, Equatable {
    /// The column (mentor) forced on the row.
    public var column: Int
    /// The change in the number of mentees (rows) with a pair.
    public var menteeChange: Int
    /// The change in the number of pairs of the optimum.
    public var pairChange: Int
    /// The change in the optimum's total score (at equal pairs, 0 or negative).
    public var scoreChange: Double
    /// The change in the optimum's weight (``BMatchingProblem/weighting``), at most 0.
    public var weightChange: Double
    /// The pairs of the re-optimised plan that the plan does not have, the
    /// forced one first.
    public var added: [(row: Int, column: Int)]
    /// The plan's pairs that the re-optimised plan gives up.
    public var removed: [(row: Int, column: Int)]

    public static func == (a: Cost, b: Cost) -> Bool {
      a.column == b.column && a.menteeChange == b.menteeChange && a.pairChange == b.pairChange
        && a.scoreChange == b.scoreChange
        && a.weightChange == b.weightChange
        && a.added.map { [$0.row, $0.column] } == b.added.map { [$0.row, $0.column] }
        && a.removed.map { [$0.row, $0.column] } == b.removed.map { [$0.row, $0.column] }
    }
  }

  let residual: BMatchingResidual
  let potentials: [Double]

  /// Prepares the costs of forcing pairs into `columnsOfRow`, which must be an
  /// optimal b-matching of `problem`.
  ///
  /// - Returns: `nil` when `columnsOfRow` is not a feasible b-matching or the
  ///   residual network has a negative cycle (the plan is not optimal).
  /// - Complexity: O(`nodes · (nodes + rows · columns)`) at worst (Bellman–Ford).
  public init?(_ problem: BMatchingProblem, columnsOfRow: [[Int]]) {
    guard columnsOfRow.count == problem.rows else { return nil }
    var residual = BMatchingResidual(problem)
    let m = problem.columns
    for (i, columns) in columnsOfRow.enumerated() {
      guard columns.count <= problem.demands[i] else { return nil }
      for j in columns {
        guard (0..<m).contains(j), problem.score(row: i, column: j) != nil, !residual.assigned[i * m + j] else {
          return nil
        }
        residual.assigned[i * m + j] = true
        residual.rowUsed[i] += 1
        residual.loads[j] += 1
      }
    }
    guard zip(residual.loads, problem.capacities).allSatisfy({ $0 <= $1 }) else { return nil }
    residual.circulation = true
    guard let potentials = residual.feasiblePotentials() else { return nil }
    self.residual = residual
    self.potentials = potentials
  }

  /// The duals of the plan (row, column and pair duals; see ``BMatchingSolution``).
  ///
  /// - Complexity: O(`rows · columns`).
  public var solution: BMatchingSolution { MinCostBMatching.solution(of: residual, potentials: potentials) }

  /// The cost of forcing each pair of `row` the plan does not make: every
  /// allowed column with a positive capacity, in column order.
  ///
  /// - Complexity: one reverse Dijkstra, O(`(rows + columns)² + rows · columns`),
  ///   plus O(path length) per column.
  public func costs(row i: Int) -> [Cost] {
    let n = residual.n
    let m = residual.m
    let potential = potentials
    let (distance, link) = residual.dijkstra(from: i, potentials: potential, reverse: true)
    var result: [Cost] = []
    for j in 0..<m where residual.problem.capacities[j] > 0 {
      let k = i * m + j
      guard !residual.assigned[k], !residual.weights[k].isNaN, distance[n + j] < .infinity else { continue }
      let reduced = max(-residual.weights[k] + potential[i] - potential[n + j], 0)
      var added = [(row: i, column: j)]
      var removed: [(row: Int, column: Int)] = []
      var v = n + j
      while v != i {
        let w = link[v]
        if v < n && w >= n && w < n + m {
          added.append((v, w - n))
        } else if v >= n && v < n + m && w < n {
          removed.append((w, v - n))
        }
        v = w
      }
      let scores = residual.problem.scores
      let scoreChange =
        added.reduce(0.0) { $0 + scores[$1.row * m + $1.column] }
        - removed.reduce(0.0) { $0 + scores[$1.row * m + $1.column] }
      var delta: [Int: Int] = [:]
      for pair in added { delta[pair.row, default: 0] += 1 }
      for pair in removed { delta[pair.row, default: 0] -= 1 }
      let menteeChange = delta.reduce(0) { sum, entry in
        let before = residual.rowUsed[entry.key]
        return sum + (before + entry.value > 0 ? 1 : 0) - (before > 0 ? 1 : 0)
      }
      result.append(
        Cost(
          column: j, menteeChange: menteeChange, pairChange: added.count - removed.count, scoreChange: scoreChange,
          weightChange: -(reduced + distance[n + j]), added: added, removed: removed))
    }
    return result
  }
}
