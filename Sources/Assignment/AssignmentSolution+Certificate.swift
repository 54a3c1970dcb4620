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
  /// The duals bound the best total above the plan's by more than allowed:
  /// the plan may be suboptimal. `gap` is an upper bound of the difference,
  /// `allowed` the certified resolution (see ``ScoreResolution``).
  case gapTooLarge(gap: Double, allowed: Double)
  /// The cardinality bonus is too small to prove that no plan assigns more rows.
  case bonusTooSmall(bonus: Double, needed: Double)
  /// Double precision cannot certify the problem (see ``ScoreResolution/refusal(for:)``).
  case uncertifiable(String)

  public var description: String {
    switch self {
    case .shapeMismatch: return "solution shape does not match the problem"
    case .forbiddenPair(let r, let c): return "row \(r) assigned to forbidden column \(c)"
    case .overCapacity(let c, let l, let k): return "column \(c) holds \(l) rows, capacity \(k)"
    case .inconsistentSummary(let s): return "inconsistent summary: \(s)"
    case .negativeDual(let kind, let i, let v): return "\(kind) \(i) has negative dual \(v)"
    case .gapTooLarge(let gap, let allowed):
      return "the duals allow a total better by up to \(gap), more than the resolution \(allowed)"
    case .bonusTooSmall(let bonus, let needed): return "cardinality bonus \(bonus) is not above \(needed)"
    case .uncertifiable(let reason): return "not certifiable: \(reason)"
    }
  }
}

extension AssignmentSolution {
  /// Checks that this solution is feasible for `problem` and that its duals
  /// prove it optimal, independently of how the solver worked: it uses only
  /// the problem, the plan and the duals, and double-double arithmetic
  /// (``DoubleDouble``) with a proven error bound.
  ///
  /// 1. **Feasibility**, exactly: no forbidden pair, no column over capacity,
  ///    loads, count and total consistent with the assignment.
  /// 2. **Gap.** Every dual must be non-negative (else a ``CertificateViolation/negativeDual(_:index:value:)``).
  ///    The duals are then made feasible: negative values become 0
  ///    and each row value is raised by its largest violation
  ///    `a(i, j) − y_i − p_j` over the eligible pairs (allowed, in a column
  ///    with a positive capacity; a zero-capacity column's pairs are fixed at 0
  ///    and its price is free). By LP duality their objective
  ///    `Σ y_i + Σ min(k_j, n) · p_j` bounds every plan's adjusted total from
  ///    above, so the *gap* between it and the plan's adjusted total bounds how
  ///    much better any plan can be. It is summed as
  ///    `Σ_assigned (y_i + p_j − a(i, j)) + Σ_unassigned y_i + Σ_j (k_j − load_j) · p_j`,
  ///    each term small, plus `2^−104` per operation times the magnitudes.
  /// 3. **Verdict.** Let `g` be the largest power of two dividing every
  ///    eligible score (totals of equally many pairs then differ by multiples
  ///    of `g`). The plan is proven exactly optimal when the gap is below `g`;
  ///    otherwise it must be within the problem's resolution `2 · n · q`
  ///    (``ScoreResolution/resolution``), the most by which the solvers'
  ///    rounding of scores to the quantum `q` can cost.
  /// 4. **Cardinality.** A plan with fewer rows than the most possible is
  ///    worse in adjusted total by at least `B + L − (n − 1) · R` (`L` the
  ///    lowest eligible `±score`, `R` the spread); this must exceed the gap.
  ///
  /// ```swift
  /// assert(solution.verify(against: problem).isEmpty)
  /// ```
  ///
  /// - Parameter problem: The problem this solution claims to solve.
  /// - Returns: Every violation found, empty when the certificate holds.
  /// - Complexity: O(`rows · columns`).
  public func verify(against problem: AssignmentProblem) -> [CertificateViolation] {
    guard columnOfRow.count == problem.rows, loads.count == problem.columns,
      rowValues.count == problem.rows, columnPrices.count == problem.columns
    else { return [.shapeMismatch] }
    var violations: [CertificateViolation] = []
    let n = problem.rows
    let m = problem.columns
    let sign = problem.sense == .maximize ? 1.0 : -1.0
    var counted = [Int](repeating: 0, count: m)
    var total = DoubleDouble(0)
    var totalMagnitude = 0.0
    for (row, column) in columnOfRow.enumerated() {
      guard let column else { continue }
      guard column >= 0 && column < m else { return [.shapeMismatch] }
      counted[column] += 1
      if let s = problem.score(row: row, column: column) {
        total = total + DoubleDouble(s)
        totalMagnitude += abs(s)
      } else {
        violations.append(.forbiddenPair(row: row, column: column))
      }
    }
    if counted != loads { violations.append(.inconsistentSummary("loads differ from the assignment")) }
    let assigned = columnOfRow.compactMap { $0 }.count
    if assigned != assignedCount {
      violations.append(.inconsistentSummary("assigned count differs from the assignment"))
    }
    // The reported total is a plain sum: within (n − 1) · 2^−53 · Σ|s| of the exact one.
    let summation = Double(max(assigned, 1)) * totalMagnitude * Double.ulpOfOne
    if abs((total - DoubleDouble(totalScore)).value) > summation {
      violations.append(.inconsistentSummary("total score \(totalScore) != \(total.value)"))
    }
    for j in 0..<m where counted[j] > problem.capacities[j] {
      violations.append(.overCapacity(column: j, load: counted[j], capacity: problem.capacities[j]))
    }
    if !violations.isEmpty { return violations }

    let resolution = ScoreResolution(problem)
    guard resolution.isFinite else {
      return [.uncertifiable("the scores' spread or bonus overflows double precision")]
    }
    // Duals must be non-negative; they are clamped below only to bound the gap.
    for (j, p) in columnPrices.enumerated() where !(p >= 0) {
      violations.append(.negativeDual("column", index: j, value: p))
    }
    for (i, y) in rowValues.enumerated() where !(y >= 0) {
      violations.append(.negativeDual("row", index: i, value: y))
    }
    let bonus = DoubleDouble(cardinalityBonus)
    let prices = columnPrices.map { max(0, $0) }
    let values = rowValues.map { max(0, $0) }
    var magnitude = abs(cardinalityBonus) + max(abs(resolution.lowest), abs(resolution.highest))
    magnitude += (values.max() ?? 0) + (prices.max() ?? 0)
    // The largest power of two dividing every eligible score.
    var gridExponent = Int.max
    var gap = DoubleDouble(0)
    var operations = 0
    for i in 0..<n {
      var violation = DoubleDouble(0)
      let y = DoubleDouble(values[i])
      for j in 0..<m where problem.capacities[j] > 0 {
        let s = problem.scores[i * m + j]
        if s.isNaN { continue }
        if s != 0 { gridExponent = min(gridExponent, Self.lowestBitExponent(s)) }
        // a(i, j) − y_i − p_j
        let excess = DoubleDouble.twoSum(sign * s, cardinalityBonus) - y - DoubleDouble(prices[j])
        if violation < excess { violation = excess }
      }
      operations += 2
      if let j = columnOfRow[i] {
        let slack =
          y + DoubleDouble(prices[j]) - DoubleDouble.twoSum(sign * problem.scores[i * m + j], cardinalityBonus)
        gap = gap + slack + violation
        operations += 4
      } else {
        gap = gap + y + violation
        operations += 2
      }
    }
    for j in 0..<m where problem.capacities[j] > 0 && prices[j] > 0 {
      let room = Double(min(problem.capacities[j], n) - counted[j])
      let product = room * prices[j]
      gap = gap + DoubleDouble(high: product, low: (-product).addingProduct(room, prices[j]))
      magnitude = max(magnitude, product)
      operations += 1
    }
    // Every operation errs by at most 2^−104 times its operands' magnitudes,
    // each at most `magnitude` or the running gap.
    let error =
      4 * Double(operations + 8) * DoubleDouble.unitError * (magnitude + gap.magnitude) + gap.high.ulp
    let gapBound = gap.value + error
    let grid = gridExponent == Int.max ? Double.infinity : Double(sign: .plus, exponent: gridExponent, significand: 1)
    let allowed = resolution.resolution
    if !(gapBound < grid || gapBound <= allowed) {
      violations.append(.gapTooLarge(gap: gapBound, allowed: max(allowed, grid)))
    }
    // A plan with fewer rows is worse by at least B + L − (n − 1) · R.
    if n > 0 {
      let spread = DoubleDouble.twoSum(resolution.highest, -resolution.lowest)
      let rowsLess = Double(n - 1)
      let scaledHigh = rowsLess * spread.high
      let scaled =
        DoubleDouble(high: scaledHigh, low: (-scaledHigh).addingProduct(rowsLess, spread.high))
        + DoubleDouble(rowsLess * spread.low)
      let margin = bonus + DoubleDouble(resolution.lowest) - scaled
      let marginError = 8 * DoubleDouble.unitError * (magnitude + scaled.magnitude) + spread.low.magnitude * rowsLess
      if !(margin.value - marginError > gapBound) {
        violations.append(
          .bonusTooSmall(bonus: cardinalityBonus, needed: (scaled.value - resolution.lowest) + gapBound))
      }
    }
    return violations
  }

  /// The exponent of the lowest set bit of a non-zero finite `x`: `x` is an
  /// odd multiple of `2^e`.
  static func lowestBitExponent(_ x: Double) -> Int {
    let bits = x.significandBitPattern
    if x.isSubnormal { return -1074 + bits.trailingZeroBitCount }
    if bits == 0 { return Int(x.exponent) }
    return Int(x.exponent) - Double.significandBitCount + bits.trailingZeroBitCount
  }
}
