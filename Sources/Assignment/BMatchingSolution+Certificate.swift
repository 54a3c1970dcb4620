/// One way a b-matching solution fails to be feasible and provably optimal.
public enum BMatchingViolation: Sendable, Equatable, CustomStringConvertible {
  /// The solution's shape does not match the problem's.
  case shapeMismatch
  /// A row takes a forbidden column, the same column twice, or more columns than its demand.
  case infeasibleRow(row: Int)
  /// A column holds more rows than its capacity, or its load is misreported.
  case infeasibleColumn(column: Int)
  /// The pair count or total disagrees with the pairs.
  case inconsistentSummary(String)
  /// A dual is negative.
  case negativeDual(String, index: Int, value: Double)
  /// An allowed pair's weight exceeds its duals: `u + v (+ w) < a`.
  case dualInfeasible(row: Int, column: Int, slack: Double)
  /// Complementary slackness fails: an assigned pair's duals exceed its
  /// weight, or a row (column) below its demand (capacity) has a positive dual.
  case slackness(String)

  public var description: String {
    switch self {
    case .shapeMismatch: return "solution shape does not match the problem"
    case .infeasibleRow(let i): return "row \(i) takes a forbidden or repeated column, or more than its demand"
    case .infeasibleColumn(let j): return "column \(j) is over capacity or its load is misreported"
    case .inconsistentSummary(let s): return "inconsistent summary: \(s)"
    case .negativeDual(let kind, let i, let v): return "\(kind) \(i) has negative dual \(v)"
    case .dualInfeasible(let i, let j, let slack): return "pair (\(i), \(j)) violates dual feasibility by \(-slack)"
    case .slackness(let s): return "complementary slackness fails: \(s)"
    }
  }
}

extension BMatchingSolution {
  /// Checks that this solution is a feasible b-matching of `problem` and that
  /// its duals prove it optimal for the weights of
  /// ``BMatchingProblem/weighting`` (hence for the lexicographic objective),
  /// using only the problem, the pairs and the duals.
  ///
  /// Feasibility is checked exactly; the dual conditions of
  /// ``BMatchingSolution`` within `1e-9` of the largest weight (relative).
  ///
  /// - Parameter problem: The problem this solution claims to solve.
  /// - Returns: Every violation found, empty when the certificate holds.
  /// - Complexity: O(`rows · columns`).
  public func verify(against problem: BMatchingProblem) -> [BMatchingViolation] {
    let n = problem.rows
    let m = problem.columns
    guard columnsOfRow.count == n, pairDuals.count == n, loads.count == m, rowDuals.count == n,
      firstPairDuals.count == n, morePairsDuals.count == n,
      columnDuals.count == m, zip(columnsOfRow, pairDuals).allSatisfy({ $0.count == $1.count })
    else { return [.shapeMismatch] }
    var violations: [BMatchingViolation] = []
    let weighting = problem.weighting
    func weight(_ i: Int, _ j: Int) -> Double? { problem.weight(row: i, column: j, weighting: weighting) }
    let largest = (0..<n).flatMap { i in (0..<m).compactMap { weight(i, $0) } }.map(abs).max() ?? 1
    let tolerance = 1e-9 * max(largest, weighting.firstBonus, 1)
    var load = [Int](repeating: 0, count: m)
    var total = 0.0
    var count = 0
    var dualOfPair: [Int: Double] = [:]
    for i in 0..<n {
      let columns = columnsOfRow[i]
      if columns.count > problem.demands[i] || Set(columns).count != columns.count
        || columns.contains(where: { !(0..<m).contains($0) || problem.score(row: i, column: $0) == nil })
      {
        violations.append(.infeasibleRow(row: i))
        continue
      }
      for (j, w) in zip(columns, pairDuals[i]) {
        load[j] += 1
        total += problem.score(row: i, column: j)!
        count += 1
        dualOfPair[i * m + j] = w
        if w < -tolerance { violations.append(.negativeDual("pair of row", index: i, value: w)) }
      }
    }
    for j in 0..<m where load[j] != loads[j] || load[j] > problem.capacities[j] {
      violations.append(.infeasibleColumn(column: j))
    }
    if count != pairCount { violations.append(.inconsistentSummary("\(pairCount) pairs reported, \(count) made")) }
    if abs(total - totalScore) > 1e-9 * max(1, abs(total)) {
      violations.append(.inconsistentSummary("total \(totalScore) reported, \(total) summed"))
    }
    for (j, v) in columnDuals.enumerated() where v < -tolerance {
      violations.append(.negativeDual("column", index: j, value: v))
    }
    let first = weighting.firstBonus
    for i in 0..<n {
      let (p, alpha, beta) = (rowDuals[i], firstPairDuals[i], morePairsDuals[i])
      let used = columnsOfRow[i].count
      let demand = problem.demands[i]
      if alpha < -tolerance { violations.append(.negativeDual("first pair of row", index: i, value: alpha)) }
      if beta < -tolerance { violations.append(.negativeDual("more pairs of row", index: i, value: beta)) }
      if alpha - p < first - tolerance || beta - p < -tolerance {
        violations.append(.slackness("row \(i)'s bound duals do not cover its potential \(p)"))
      }
      if used > 0 && abs(alpha - p - first) > tolerance {
        violations.append(.slackness("row \(i) has a pair but its first-pair dual is not tight"))
      }
      if used > 1 && abs(beta - p) > tolerance {
        violations.append(.slackness("row \(i) has more pairs but their dual is not tight"))
      }
      if alpha > tolerance && used < min(1, demand) {
        violations.append(.slackness("row \(i) has no pair with a positive first-pair dual \(alpha)"))
      }
      if beta > tolerance && max(used - 1, 0) < max(demand - 1, 0) {
        violations.append(.slackness("row \(i) is below its demand with a positive dual \(beta)"))
      }
      for j in 0..<m where problem.capacities[j] > 0 {
        guard let a = weight(i, j) else { continue }
        let pair = dualOfPair[i * m + j]
        let covered = rowDuals[i] + columnDuals[j] + (pair ?? 0)
        if covered < a - tolerance { violations.append(.dualInfeasible(row: i, column: j, slack: covered - a)) }
        if pair != nil && covered > a + tolerance {
          violations.append(.slackness("pair (\(i), \(j)) has duals \(covered) above its weight \(a)"))
        }
      }
    }
    for j in 0..<m where load[j] < problem.capacities[j] && columnDuals[j] > tolerance {
      violations.append(.slackness("column \(j) is below its capacity with dual \(columnDuals[j])"))
    }
    return violations
  }
}
