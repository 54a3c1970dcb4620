import CKernels

/// The optimality certificate of a plan and its duals, checked one row of
/// scores at a time, so that a pass over score blocks (``ParallelBlockPass``)
/// can check it over every pair without holding the scores.
///
/// Independent of the solvers: it reads only the scores, the capacities, the
/// plan and the duals, in score units, with double-double arithmetic
/// (``DoubleDouble``) — none of the solvers' whole units and none of their
/// state. ``AssignmentSolution/verify(against:capacities:sense:claimsExact:)``
/// runs it as a pass of its own; ``PricingPass`` runs it inside every pricing
/// pass of ``CertifiedAssignment``, and the certified solve traps rather than
/// return a plan it rejects. The conditions are those of
/// ``AssignmentSolution/verify(against:)``:
///
/// - feasibility, exactly: no forbidden pair, no column over capacity, loads,
///   count and total consistent with the plan;
/// - non-negative duals;
/// - dual feasibility `y_i + p_j ≥ a(i, j)` over **every** eligible pair
///   (allowed, in a column with a positive capacity), candidates or not: each
///   row's largest violation raises its value and counts in the gap;
/// - tightness: each assigned pair's slack `y_i + p_j − a(i, j)` counts in the
///   gap, as do unassigned rows' values and priced room;
/// - the verdict (gap below the score grid, or within the resolution `ρ`;
///   below the grid when the plan claims to be exact) and the cardinality
///   condition.
///
/// A pair whose slack, computed in plain double precision, exceeds
/// ``SolverTolerance/slackFilter`` times its operands' magnitude is feasible
/// beyond doubt (that bound exceeds the rounding error of the three
/// operations); only the others are evaluated in double-double.
///
/// Given the scores' ``EligibleScoreSummary`` (gathered by the pruning pass of
/// the same scores), a walk skips the score range and the grid, which depend
/// on the scores alone, and tests each pair's slack first against a per-row
/// bound `2^−50 · (A + (y_i + P))` (``rowFilterBound(_:)``) that is at least
/// the filter's `2^−50 · (|a| + c)` of every eligible pair of the row, as
/// rounded: one comparison per pair (in C, ``walkListed(row:scores:excluded:floor:into:)``),
/// the filter's own test only below it. The verdicts are the same bit for bit.
struct CertificateCheck: Sendable {
  /// The plan and duals checked.
  let solution: AssignmentSolution
  let capacities: [Int]
  let sense: AssignmentProblem.Sense
  /// `+1` when maximising, `−1` when minimising.
  let sign: Double
  /// Duals clamped at 0 (negative ones are reported, then clamped to bound the gap).
  let values: [Double]
  let prices: [Double]
  /// Each row's column, or -1.
  let assignedColumn: [Int]
  /// The scores' range and grid, when given: then walks skip them.
  let scoreSummary: EligibleScoreSummary?
  /// `prices`, `+∞` in a column without capacity: the per-row bound's test
  /// then skips its pairs with the others.
  let filterPrices: [Double]
  /// `A`: the largest `|±s + B|` over the eligible scores (0 without a summary
  /// or an eligible score), and `P`, the largest price of a column with a
  /// positive capacity (0 when there is none).
  let largestAddend: Double
  let largestPrice: Double

  /// What one worker saw of its rows.
  struct Part {
    /// The rows checked, in the order seen.
    var rows: [Int] = []
    /// Each row's term of the gap: its assigned pair's slack (or its value
    /// when unassigned) plus its largest violation.
    var gap: [DoubleDouble] = []
    /// Each row's assigned score (`.nan` when unassigned or forbidden).
    var assignedScore: [Double] = []
    /// Rows assigned to a forbidden pair.
    var forbidden: [Int] = []
    /// The lowest and highest eligible score.
    var low = Double.infinity
    var high = -Double.infinity
    /// The least exponent of the lowest set bit of a non-zero eligible score.
    var gridExponent = Int.max
    /// Double-double operations performed, for the error bound.
    var operations = 0
    /// Scratch of the walks with a summary: the columns the row walk
    /// (``CertificateCheck/walkListed(row:scores:excluded:floor:into:)``)
    /// could not rule out. Not part of what the part saw.
    var listed: [Int] = []
  }

  /// Prepares the check of `solution` for a problem with these capacities.
  ///
  /// - Parameter scores: The summary of the scores the check will walk
  ///   (every eligible pair's), when known: walks then skip the range and
  ///   the grid and use it instead. It must be exact: a wrong one makes a
  ///   wrong verdict.
  /// - Complexity: O(`rows + columns`).
  init(
    _ solution: AssignmentSolution, capacities: [Int], sense: AssignmentProblem.Sense,
    scores: EligibleScoreSummary? = nil
  ) {
    self.solution = solution
    self.capacities = capacities
    self.sense = sense
    let sign: Double = sense == .maximize ? 1 : -1
    self.sign = sign
    values = solution.rowValues.map { max(0, $0) }
    let prices = solution.columnPrices.map { max(0, $0) }
    self.prices = prices
    assignedColumn = solution.columnOfRow.map { $0 ?? -1 }
    scoreSummary = scores
    filterPrices = zip(prices, capacities).map { $1 > 0 ? $0 : .infinity }
    var largestPrice = 0.0
    for (p, capacity) in zip(prices, capacities) where capacity > 0 { largestPrice = max(largestPrice, p) }
    self.largestPrice = largestPrice
    let bonus = solution.cardinalityBonus
    if let scores, scores.low <= scores.high {
      // a = ±s + B is monotone in s as rounded, so its magnitude peaks at an end.
      largestAddend = max(abs(sign * scores.low + bonus), abs(sign * scores.high + bonus))
    } else {
      largestAddend = 0
    }
  }

  /// The per-row bound of the filter: `2^−50 · (A + (y_i + P))`. Rounding
  /// is monotone, so for every eligible pair of row `i` (`|a| ≤ A`,
  /// `c = y_i + p_j ≤ y_i + P` as rounded) it is at least the filter's
  /// bound `2^−50 · (|a| + c)` as computed: a pair whose slack exceeds it
  /// passes the filter. `+∞` or NaN (an infinite score) sends every pair to
  /// the filter's own test.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func rowFilterBound(_ y: Double) -> Double { SolverTolerance.slackFilter * (largestAddend + (y + largestPrice)) }

  /// The summary of the scores the parts walked (or the one given).
  ///
  /// - Complexity: O(`parts`).
  func summary(of parts: [Part]) -> EligibleScoreSummary {
    if let scoreSummary { return scoreSummary }
    var summary = EligibleScoreSummary()
    for part in parts {
      summary.merge(EligibleScoreSummary(low: part.low, high: part.high, gridExponent: part.gridExponent))
    }
    return summary
  }

  /// Whether the solution's shape fits `rows` rows and these columns, every
  /// assigned column in range.
  func shapeFits(rows: Int) -> Bool {
    let m = capacities.count
    return solution.columnOfRow.count == rows && solution.loads.count == m && solution.rowValues.count == rows
      && solution.columnPrices.count == m && assignedColumn.allSatisfy { $0 < m }
  }

  /// Checks row `i`, whose scores are `scores` (one per column, `.nan` for a
  /// forbidden pair). Requires ``shapeFits(rows:)``.
  ///
  /// - Complexity: O(`columns`).
  @inline(__always)
  func check(row i: Int, scores: UnsafeBufferPointer<Double>, into part: inout Part) {
    let bonus = solution.cardinalityBonus
    let sign = sign
    let y = values[i]
    let yy = DoubleDouble(y)
    var violation = DoubleDouble(0)
    if scoreSummary != nil {
      // The range and grid are known: one comparison per pair against the
      // row's bound (a vector walk in C), the filter's own test (and
      // eligibility) only for the pairs it lists.
      var unused = 0.0
      violation = walkListed(row: i, scores: scores, excluded: nil, floor: &unused, into: &part)
      finish(row: i, assignedScore: { scores[$0] }, yy: yy, violation: violation, into: &part)
      return
    }
    var low = part.low
    var high = part.high
    var grid = part.gridExponent
    prices.withUnsafeBufferPointer { prices in
      capacities.withUnsafeBufferPointer { capacities in
        for j in 0..<scores.count where capacities[j] > 0 {
          let s = scores[j]
          if s.isNaN { continue }
          low = min(low, s)
          high = max(high, s)
          if s != 0 { grid = min(grid, AssignmentSolution.lowestBitExponent(s)) }
          let a = sign * s + bonus
          let c = y + prices[j]
          if c - a > SolverTolerance.slackFilter * (abs(a) + c) { continue }
          // a(i, j) − y_i − p_j
          let excess = DoubleDouble.twoSum(sign * s, bonus) - yy - DoubleDouble(prices[j])
          if violation < excess { violation = excess }
        }
      }
    }
    part.low = low
    part.high = high
    part.gridExponent = grid
    finish(row: i, assignedScore: { scores[$0] }, yy: yy, violation: violation, into: &part)
  }

  /// The walk of a row with a summary (``scoreSummary`` given): the C walk
  /// (`mm_certificate_row`) computes each pair's slack
  /// `(y_i + filterPrices[j]) − (±s + B)` and lists, in column order, the
  /// pairs with a score whose slack is not above ``rowFilterBound(_:)``;
  /// only those take the eligibility test, the filter's own test and the
  /// double-double excess, in the same order as a walk over every column.
  /// With `excluded`, `floor` becomes the least slack over the columns `j`
  /// with `excluded[j] != i` (NaN skipped, the first of equal ones kept).
  /// Returns the row's largest violation (0 when none). The same values
  /// bit for bit as the scalar walk it replaced.
  ///
  /// - Complexity: O(`columns`).
  @inline(__always)
  func walkListed(
    row i: Int, scores: UnsafeBufferPointer<Double>, excluded: UnsafeBufferPointer<Int>?, floor: inout Double,
    into part: inout Part
  ) -> DoubleDouble {
    let bonus = solution.cardinalityBonus
    let sign = sign
    let y = values[i]
    let yy = DoubleDouble(y)
    var violation = DoubleDouble(0)
    var terms = mm_certificate_terms(sign: sign, bonus: bonus, value: y, bound: rowFilterBound(y))
    if part.listed.count < scores.count { part.listed = [Int](repeating: 0, count: scores.count) }
    part.listed.withUnsafeMutableBufferPointer { listed in
      prices.withUnsafeBufferPointer { prices in
        filterPrices.withUnsafeBufferPointer { filterPrices in
          capacities.withUnsafeBufferPointer { capacities in
            let count = mm_certificate_row(
              scores.count, scores.baseAddress, filterPrices.baseAddress, &terms, excluded?.baseAddress, i, &floor,
              listed.baseAddress)
            for t in 0..<count {
              let j = listed[t]
              let s = scores[j]
              guard capacities[j] > 0 else { continue }
              let a = sign * s + bonus
              let c = y + prices[j]
              if c - a > SolverTolerance.slackFilter * (abs(a) + c) { continue }
              let excess = DoubleDouble.twoSum(sign * s, bonus) - yy - DoubleDouble(prices[j])
              if violation < excess { violation = excess }
            }
          }
        }
      }
    }
    return violation
  }

  /// The verdict over all rows, from the parts of every worker.
  ///
  /// - Parameters:
  ///   - parts: What the workers saw; together they cover every row once.
  ///   - claimsExact: Whether the plan claims to be exactly optimal (then the
  ///     gap must be below the score grid, not only within the resolution).
  /// - Returns: Every violation found, empty when the certificate holds.
  /// - Complexity: O(`rows + columns`) plus the sort of forbidden rows.
  func verdict(_ parts: [Part], claimsExact: Bool = false) -> [CertificateViolation] {
    let n = solution.columnOfRow.count
    let m = capacities.count
    var gapTerm = [DoubleDouble](repeating: DoubleDouble(0), count: n)
    var assignedScore = [Double](repeating: .nan, count: n)
    var forbidden: [Int] = []
    let scores = summary(of: parts)
    let low = scores.low
    let high = scores.high
    let gridExponent = scores.gridExponent
    var operations = 0
    for part in parts {
      for (k, i) in part.rows.enumerated() {
        gapTerm[i] = part.gap[k]
        assignedScore[i] = part.assignedScore[k]
      }
      forbidden.append(contentsOf: part.forbidden)
      operations += part.operations
    }

    // 1. Feasibility, exactly.
    var violations: [CertificateViolation] = forbidden.sorted().map {
      .forbiddenPair(row: $0, column: assignedColumn[$0])
    }
    var counted = [Int](repeating: 0, count: m)
    var total = DoubleDouble(0)
    var totalMagnitude = 0.0
    for i in 0..<n where assignedColumn[i] >= 0 {
      counted[assignedColumn[i]] += 1
      let s = assignedScore[i]
      if s.isNaN { continue }
      total = total + DoubleDouble(s)
      totalMagnitude += abs(s)
    }
    if counted != solution.loads { violations.append(.inconsistentSummary("loads differ from the assignment")) }
    let assigned = assignedColumn.count { $0 >= 0 }
    if assigned != solution.assignedCount {
      violations.append(.inconsistentSummary("assigned count differs from the assignment"))
    }
    let summation = SolverTolerance.totalSummation(pairs: assigned, magnitude: totalMagnitude)
    if abs((total - DoubleDouble(solution.totalScore)).value) > summation {
      violations.append(.inconsistentSummary("total score \(solution.totalScore) != \(total.value)"))
    }
    for j in 0..<m where counted[j] > capacities[j] {
      violations.append(.overCapacity(column: j, load: counted[j], capacity: capacities[j]))
    }
    if !violations.isEmpty { return violations }

    // 2. Duals and gap.
    let resolution = ScoreResolution(rows: n, sense: sense, bounds: low <= high ? low...high : nil)
    guard resolution.isFinite else {
      return [.uncertifiable("the scores' spread or bonus overflows double precision")]
    }
    for (j, p) in solution.columnPrices.enumerated() where !(p >= 0) {
      violations.append(.negativeDual("column", index: j, value: p))
    }
    for (i, y) in solution.rowValues.enumerated() where !(y >= 0) {
      violations.append(.negativeDual("row", index: i, value: y))
    }
    let bonus = DoubleDouble(solution.cardinalityBonus)
    var magnitude = abs(solution.cardinalityBonus) + max(abs(resolution.lowest), abs(resolution.highest))
    magnitude += (values.max() ?? 0) + (prices.max() ?? 0)
    var gap = DoubleDouble(0)
    for term in gapTerm { gap = gap + term }
    for j in 0..<m where capacities[j] > 0 && prices[j] > 0 {
      let room = Double(min(capacities[j], n) - counted[j])
      let product = room * prices[j]
      gap = gap + DoubleDouble(high: product, low: (-product).addingProduct(room, prices[j]))
      magnitude = max(magnitude, product)
      operations += 1
    }
    let gapBound = gap.value + SolverTolerance.gapRounding(operations: operations, magnitude: magnitude, gap: gap)

    // 3. Verdict: below the grid, or within the resolution.
    let grid = gridExponent == Int.max ? Double.infinity : Double(sign: .plus, exponent: gridExponent, significand: 1)
    let allowed = resolution.resolution
    if claimsExact {
      if !(gapBound < grid) { violations.append(.gapTooLarge(gap: gapBound, allowed: grid)) }
    } else if !(gapBound < grid || gapBound <= allowed) {
      violations.append(.gapTooLarge(gap: gapBound, allowed: max(allowed, grid)))
    }

    // 4. Cardinality: a plan with fewer rows is worse by at least B + L − (n − 1) · R.
    if n > 0 {
      let spread = DoubleDouble.twoSum(resolution.highest, -resolution.lowest)
      let rowsLess = Double(n - 1)
      let scaledHigh = rowsLess * spread.high
      let scaled =
        DoubleDouble(high: scaledHigh, low: (-scaledHigh).addingProduct(rowsLess, spread.high))
        + DoubleDouble(rowsLess * spread.low)
      let margin = bonus + DoubleDouble(resolution.lowest) - scaled
      let marginError = SolverTolerance.bonusRounding(
        magnitude: magnitude, scaledSpread: scaled, spreadError: spread.low, rowsLess: rowsLess)
      if !(margin.value - marginError > gapBound) {
        violations.append(
          .bonusTooSmall(
            bonus: solution.cardinalityBonus, needed: (scaled.value - resolution.lowest) + gapBound))
      }
    }
    return violations
  }
}
