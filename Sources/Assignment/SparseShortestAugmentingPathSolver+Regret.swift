/// The order in which ``SparseShortestAugmentingPathSolver`` takes rows in its
/// greedy start and its single-row phases: by falling *regret*, when
/// ``SparseShortestAugmentingPathSolver/takesRowsByRegret`` is on (off by
/// default: it finds another of the sample's tied plans).
///
/// A row's regret is what it loses by not getting its cheapest column: the
/// second-least reduced cost `c − v[k]` over its listed pairs (or the
/// unassigned option `P`, whichever is less) minus the least. The greedy start
/// gives rows of high regret their cheapest column first, so the rows a full
/// column turns away tend to be those with a near alternative, whose
/// augmenting paths are short; the single-row phases then take the rows left
/// free in the same order, now under the prices the greedy start and the
/// blocking phases leave. The order only changes which row is placed when,
/// never an invariant: every phase keeps reduced costs non-negative and
/// assigned pairs tight, so the result is optimal in either order (tied optima
/// may differ). It cut the first solve's settled columns by 20 % and its
/// reads by 16 % at 20,000 × 4,000, by 5 % each at 50,000 × 10,000
/// (Docs/performance.md, branch `sparse2`).
extension SparseShortestAugmentingPathSolver {
  /// The rows by falling regret under the current column duals, ties by
  /// index (so the order is deterministic); rows with no listed pair last.
  /// With ``takesRowsByRegret`` off: the rows by index.
  ///
  /// - Complexity: O(`pairs + rows log rows`).
  func rowsInOrder() -> [Int] {
    guard takesRowsByRegret else { return Array(0..<problem.rows) }
    let regret = regrets()
    return (0..<problem.rows).sorted { regret[$0] > regret[$1] || (regret[$0] == regret[$1] && $0 < $1) }
  }

  /// Each row's regret: `min(second-least reduced cost, P) − least reduced
  /// cost`, whole units (exact); `-1` for a row with no listed pair.
  ///
  /// - Complexity: O(`pairs`).
  func regrets() -> [Double] {
    var regret = [Double](repeating: -1, count: problem.rows)
    for r in 0..<problem.rows {
      var least = Double.infinity
      var second = Double.infinity
      for p in problem.rowStart[r]..<problem.rowStart[r + 1] {
        let reduced = cost[p] - v[Int(problem.columnIndex[p])]
        if reduced < least {
          second = least
          least = reduced
        } else if reduced < second {
          second = reduced
        }
      }
      if least.isFinite { regret[r] = min(second, unassignedCost) - least }
    }
    return regret
  }
}
