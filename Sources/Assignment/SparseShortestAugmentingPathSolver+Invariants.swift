/// The invariants of ``SparseShortestAugmentingPathSolver`` between phases,
/// checked in its own whole units, where every comparison is exact
/// (``SolverTolerance/reducedCostUnits`` is 0):
///
/// - the assignment state is consistent: each assigned row's listed pair is
///   one of its own and leads to the column holding it, no column holds more
///   rows than its capacity, only processed rows are assigned;
/// - prices are non-negative: `v[j] <= 0`;
/// - every listed pair of a processed row has reduced cost
///   `c(i, j) − u[i] − v[j] >= 0`, and an assigned row's pair has 0 (tight);
/// - `u[i] <= P` for every processed row, `u[i] == P` for one left unassigned;
/// - once the backward phases have passed a column, it has no room at a
///   positive price (no *deficit*).
///
/// Debug builds (`MENTORMATCH_INVARIANTS`, see `Package.swift`) check them
/// after every phase: in full after the greedy start, after the forward
/// phases and after the backward phases, and after each single phase on the
/// rows and columns it changed — the only places where a reduced cost can
/// fall or a pair move (a forward phase lowers the prices of the columns it
/// settles, raising their reduced costs, and raises the values of their rows;
/// a backward phase raises the prices of the columns it settles, lowering the
/// reduced costs of every pair into them). A broken invariant traps with a
/// message naming it.
extension SparseShortestAugmentingPathSolver {
  /// Every broken invariant of the whole state, empty when all hold.
  ///
  /// - Parameter resolvedColumns: Columns below this index must have no
  ///   deficit (all of them once the backward phases are done).
  /// - Complexity: O(`rows + columns + pairs`).
  func invariantViolations(resolvedColumns: Int = 0) -> [String] {
    var found = columnViolations(0..<problem.columns, resolvedColumns: resolvedColumns)
    found += rowViolations(0..<problem.rows)
    return found
  }

  /// The broken invariants of rows `rows`: their assignment, their values and
  /// the reduced costs of their listed pairs.
  ///
  /// - Complexity: O(the rows' listed pairs).
  func rowViolations(_ rows: some Sequence<Int>) -> [String] {
    var found: [String] = []
    for i in rows {
      let column = holding.columnOf[i]
      let pair = pairOf[i]
      let pairs = problem.rowStart[i]..<problem.rowStart[i + 1]
      if (column < 0) != (pair < 0)
        || (pair >= 0 && (!pairs.contains(pair) || Int(problem.columnIndex[pair]) != column))
      {
        found.append("row \(i): held by column \(column) but its pair is \(pair)")
        continue
      }
      guard processed[i] else {
        if column >= 0 { found.append("row \(i) is assigned but not processed") }
        continue
      }
      if u[i] > unassignedCost {
        found.append("row \(i): value \(u[i]) above the unassigned cost \(unassignedCost)")
      }
      if column < 0 && u[i] != unassignedCost {
        found.append("row \(i) is unassigned with value \(u[i]), not \(unassignedCost)")
      }
      for p in pairs {
        let j = Int(problem.columnIndex[p])
        let reduced = cost[p] - u[i] - v[j]
        if reduced < -SolverTolerance.reducedCostUnits {
          found.append("row \(i), column \(j): reduced cost \(reduced) < 0")
        } else if p == pair && abs(reduced) > SolverTolerance.reducedCostUnits {
          found.append("row \(i), column \(j): assigned pair not tight (reduced cost \(reduced))")
        }
      }
    }
    return found
  }

  /// The broken invariants of columns `columns`: load within capacity,
  /// non-negative price, slots consistent with the rows, and no deficit below
  /// `resolvedColumns`.
  ///
  /// - Complexity: O(the columns' loads).
  func columnViolations(_ columns: some Sequence<Int>, resolvedColumns: Int = 0) -> [String] {
    var found: [String] = []
    for j in columns {
      let load = holding.load[j]
      let capacity = problem.capacities[j]
      if load > capacity { found.append("column \(j) holds \(load) rows, capacity \(capacity)") }
      if v[j] > 0 { found.append("column \(j) has a negative price (v = \(v[j]))") }
      for i in holding.rows(of: j) where holding.columnOf[i] != j {
        found.append("column \(j) holds row \(i), which names column \(holding.columnOf[i])")
      }
      if j < resolvedColumns && load < capacity && v[j] != 0 {
        found.append("column \(j) has room (\(load) of \(capacity)) at a positive price \(-v[j])")
      }
    }
    return found
  }

  /// The broken invariants of every pair into columns `columns` (a backward
  /// phase raises their prices, lowering these pairs' reduced costs).
  ///
  /// - Complexity: O(the pairs into the columns).
  func columnPairViolations(_ columns: some Sequence<Int>, pairs: ColumnPairs) -> [String] {
    var found: [String] = []
    for k in columns {
      for q in pairs.start[k]..<pairs.start[k + 1] {
        let i = pairs.row[q]
        guard processed[i] else { continue }
        let reduced = cost[pairs.pair[q]] - u[i] - v[k]
        if reduced < -SolverTolerance.reducedCostUnits {
          found.append("row \(i), column \(k): reduced cost \(reduced) < 0")
        }
      }
    }
    return found
  }

  /// Traps with the first broken invariants, if any.
  func requireInvariants(_ found: [String], after phase: @autoclosure () -> String) {
    precondition(found.isEmpty, "Solver invariant broken after \(phase()): \(found.prefix(3).joined(separator: "; "))")
  }
}
