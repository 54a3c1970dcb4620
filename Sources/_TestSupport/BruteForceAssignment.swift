import Assignment

/// The exhaustive oracle for small capacitated assignment problems: tries every
/// way to give each row a column or none.
///
/// - Complexity: O(`(columns + 1)^rows`); meant for `rows <= 7`, `columns <= 5`.
public enum BruteForceAssignment {
  /// The best value: the most rows assigned, then the best total score.
  public struct Optimum: Sendable, Equatable {
    /// How many rows the optimum assigns.
    public var assignedCount: Int
    /// The optimum's total score.
    public var totalScore: Double
  }

  /// Solves `problem` by enumeration.
  ///
  /// - Parameters:
  ///   - problem: The problem.
  ///   - tolerance: A total must beat the best so far by more than this to
  ///     replace it (0 for scores whose sums are exact in double precision).
  public static func solve(_ problem: AssignmentProblem, tolerance: Double = 1e-12) -> Optimum {
    var load = [Int](repeating: 0, count: problem.columns)
    var best: Optimum? = nil
    let sign = problem.sense == .maximize ? 1.0 : -1.0
    func visit(_ row: Int, count: Int, total: Double) {
      if row == problem.rows {
        if let b = best {
          if count > b.assignedCount || (count == b.assignedCount && sign * total > sign * b.totalScore + tolerance) {
            best = Optimum(assignedCount: count, totalScore: total)
          }
        } else {
          best = Optimum(assignedCount: count, totalScore: total)
        }
        return
      }
      visit(row + 1, count: count, total: total)
      for column in 0..<problem.columns {
        guard let s = problem.score(row: row, column: column), load[column] < problem.capacities[column] else {
          continue
        }
        load[column] += 1
        visit(row + 1, count: count + 1, total: total + s)
        load[column] -= 1
      }
    }
    visit(0, count: 0, total: 0)
    return best ?? Optimum(assignedCount: 0, totalScore: 0)
  }
}
