/// One way a solution fails to be a feasible, provably optimal answer.
public enum CertificateViolation: Sendable, Equatable, CustomStringConvertible {
  /// The solution's shape does not match the problem's.
  case shapeMismatch
  /// A row was assigned to a forbidden column.
  case forbiddenPair(row: Int, column: Int)
  /// A column holds more rows than its capacity.
  case overCapacity(column: Int, load: Int, capacity: Int)
  /// The reported loads or totals disagree with the assignment.
  case inconsistentSummary(String)
  /// A dual value is negative.
  case negativeDual(String, index: Int, value: Double)
  /// `rowValue + columnPrice < adjustedScore` for an allowed pair.
  case dualInfeasible(row: Int, column: Int, slack: Double)
  /// An assigned pair is not tight: `rowValue + columnPrice != adjustedScore`.
  case notTight(row: Int, column: Int, slack: Double)
  /// An unassigned row has a positive value, or a column with room a positive price.
  case slackNotComplementary(String, index: Int, value: Double)

  public var description: String {
    switch self {
    case .shapeMismatch: return "solution shape does not match the problem"
    case .forbiddenPair(let r, let c): return "row \(r) assigned to forbidden column \(c)"
    case .overCapacity(let c, let l, let k): return "column \(c) holds \(l) rows, capacity \(k)"
    case .inconsistentSummary(let s): return "inconsistent summary: \(s)"
    case .negativeDual(let kind, let i, let v): return "\(kind) \(i) has negative dual \(v)"
    case .dualInfeasible(let r, let c, let s): return "pair (\(r), \(c)) violates dual feasibility by \(-s)"
    case .notTight(let r, let c, let s): return "assigned pair (\(r), \(c)) is not tight (slack \(s))"
    case .slackNotComplementary(let kind, let i, let v): return "\(kind) \(i) has slack dual \(v)"
    }
  }
}

extension AssignmentSolution {
  /// Checks that this solution is feasible for `problem` and that its duals
  /// prove it optimal: capacities and forbidden pairs are respected, every
  /// dual is non-negative, `rowValue + columnPrice >= adjustedScore` for every
  /// allowed pair with equality on assigned pairs, unassigned rows have value
  /// zero and columns with room have price zero.
  ///
  /// ```swift
  /// assert(solution.verify(against: problem).isEmpty)
  /// ```
  ///
  /// - Parameters:
  ///   - problem: The problem this solution claims to solve.
  ///   - tolerance: The relative tolerance, scaled by the bonus.
  /// - Returns: Every violation found, empty when the certificate holds.
  /// - Complexity: O(`rows * columns`).
  public func verify(against problem: AssignmentProblem, tolerance: Double = 1e-9) -> [CertificateViolation] {
    guard columnOfRow.count == problem.rows, loads.count == problem.columns,
      rowValues.count == problem.rows, columnPrices.count == problem.columns
    else { return [.shapeMismatch] }
    var violations: [CertificateViolation] = []
    let eps = tolerance * max(1, abs(cardinalityBonus))
    var counted = [Int](repeating: 0, count: problem.columns)
    var total = 0.0
    for (row, column) in columnOfRow.enumerated() {
      guard let column else { continue }
      guard column >= 0 && column < problem.columns else { return [.shapeMismatch] }
      counted[column] += 1
      if let s = problem.score(row: row, column: column) {
        total += s
      } else {
        violations.append(.forbiddenPair(row: row, column: column))
      }
    }
    if counted != loads { violations.append(.inconsistentSummary("loads differ from the assignment")) }
    if columnOfRow.compactMap({ $0 }).count != assignedCount {
      violations.append(.inconsistentSummary("assigned count differs from the assignment"))
    }
    if abs(total - totalScore) > eps {
      violations.append(.inconsistentSummary("total score \(totalScore) != \(total)"))
    }
    for j in 0..<problem.columns {
      if counted[j] > problem.capacities[j] {
        violations.append(.overCapacity(column: j, load: counted[j], capacity: problem.capacities[j]))
      }
      if columnPrices[j] < -eps { violations.append(.negativeDual("column", index: j, value: columnPrices[j])) }
      if counted[j] < problem.capacities[j] && abs(columnPrices[j]) > eps {
        violations.append(.slackNotComplementary("column", index: j, value: columnPrices[j]))
      }
    }
    for i in 0..<problem.rows {
      let y = rowValues[i]
      if y < -eps { violations.append(.negativeDual("row", index: i, value: y)) }
      if columnOfRow[i] == nil && abs(y) > eps {
        violations.append(.slackNotComplementary("row", index: i, value: y))
      }
      for j in 0..<problem.columns {
        guard let s = problem.score(row: i, column: j) else { continue }
        let slack = y + columnPrices[j] - adjustedScore(s, sense: problem.sense)
        if slack < -eps { violations.append(.dualInfeasible(row: i, column: j, slack: slack)) }
        if columnOfRow[i] == j && abs(slack) > eps { violations.append(.notTight(row: i, column: j, slack: slack)) }
      }
    }
    return violations
  }
}
