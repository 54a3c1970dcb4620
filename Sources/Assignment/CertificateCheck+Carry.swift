/// What a ``CertificateCheck`` of one plan carries to the check of the next
/// plan of the same scores, so that rows the next plan barely changes need
/// not be scored again (Docs/solver.md, "A partial last pass").
///
/// For each row `i` it keeps `floor_i`, the least slack `y_i + p_j − a(i, j)`
/// computed (in double precision) over the row's eligible pairs *outside* a
/// given set of columns (the row's candidates of the next solve), against
/// the duals `y`, `p` of the check (clamped at 0, with its bonus). The
/// scores do not change between the plans; the duals do, and every pair's
/// slack moves by exactly `Δy_i + Δp_j`. So
/// `floor_i + Δy_i + min_j Δp_j − E` (``CertificateCheck/carriedSlackBound(row:from:priceRise:)``,
/// `E` a bound on every rounding of the computation) is a lower bound on the
/// new slack of every eligible pair of row `i` outside those columns; when
/// it is positive, none of them adds to the certificate's gap, and only the
/// candidate pairs (whose scores are kept) are checked again.
///
/// Also carried: the lowest and highest eligible score and the least grid
/// exponent over every row (they depend on the scores alone), which the
/// verdict needs.
struct CarriedCertificate: Sendable {
  /// The duals of the check the floors were computed against (clamped at 0).
  var values: [Double]
  var prices: [Double]
  /// Each row's least computed slack outside its excluded columns (`+∞` when
  /// there is none), or a lower bound on the exact one.
  var floor: [Double]
  /// Over every row: the lowest and highest eligible score, the least grid exponent.
  var low: Double
  var high: Double
  var gridExponent: Int
}

extension CertificateCheck {
  /// ``check(row:scores:into:)``, also returning in `floor` the least slack
  /// `y_i + p_j − a(i, j)` (double precision) over the eligible pairs whose
  /// column `j` has `excluded[j] != i`: what ``CarriedCertificate`` keeps.
  ///
  /// - Complexity: O(`columns`).
  @inline(__always)
  func check(
    row i: Int, scores: UnsafeBufferPointer<Double>, excluded: UnsafeBufferPointer<Int>, floor: inout Double,
    into part: inout Part
  ) {
    let bonus = solution.cardinalityBonus
    let sign = sign
    let y = values[i]
    let yy = DoubleDouble(y)
    var violation = DoubleDouble(0)
    var least = Double.infinity
    if scoreSummary != nil {
      // As check(row:scores:into:) with a summary; the floor takes every
      // eligible pair's slack (a column without capacity gives +∞, a
      // forbidden pair NaN: neither lowers it).
      violation = walkListed(row: i, scores: scores, excluded: excluded, floor: &least, into: &part)
      floor = least
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
          if excluded[j] != i { least = min(least, c - a) }
          if c - a > SolverTolerance.slackFilter * (abs(a) + c) { continue }
          let excess = DoubleDouble.twoSum(sign * s, bonus) - yy - DoubleDouble(prices[j])
          if violation < excess { violation = excess }
        }
      }
    }
    floor = least
    part.low = low
    part.high = high
    part.gridExponent = grid
    finish(row: i, assignedScore: { scores[$0] }, yy: yy, violation: violation, into: &part)
  }

  /// Checks row `i` over its `columns` alone (whose scores are `scores`):
  /// the row's other eligible pairs must be proven slack apart, by
  /// ``carriedSlackBound(row:from:priceRise:)``. The row's assigned column,
  /// if any, must be among `columns`.
  ///
  /// - Complexity: O(`columns.count`).
  func check(row i: Int, columns: [Int32], scores: [Double], into part: inout Part) {
    let bonus = solution.cardinalityBonus
    let y = values[i]
    let yy = DoubleDouble(y)
    var violation = DoubleDouble(0)
    for (k, column) in columns.enumerated() {
      let j = Int(column)
      let s = scores[k]
      guard capacities[j] > 0, !s.isNaN else { continue }
      let a = sign * s + bonus
      let c = y + prices[j]
      if c - a > SolverTolerance.slackFilter * (abs(a) + c) { continue }
      let excess = DoubleDouble.twoSum(sign * s, bonus) - yy - DoubleDouble(prices[j])
      if violation < excess { violation = excess }
    }
    let assigned = assignedColumn[i]
    let index = assigned < 0 ? nil : columns.firstIndex(of: Int32(assigned))
    precondition(assigned < 0 || index != nil, "The assigned pair must be among the columns checked")
    finish(row: i, assignedScore: { _ in scores[index!] }, yy: yy, violation: violation, into: &part)
  }

  /// The row's term of the gap, as ``check(row:scores:into:)`` forms it.
  @inline(__always)
  func finish(
    row i: Int, assignedScore: (Int) -> Double, yy: DoubleDouble, violation: DoubleDouble, into part: inout Part
  ) {
    let bonus = solution.cardinalityBonus
    part.operations += 2
    part.rows.append(i)
    let j = assignedColumn[i]
    if j < 0 {
      part.gap.append(yy + violation)
      part.assignedScore.append(.nan)
      part.operations += 2
    } else if assignedScore(j).isNaN {
      part.forbidden.append(i)
      part.gap.append(violation)
      part.assignedScore.append(.nan)
    } else {
      let s = assignedScore(j)
      let slack = yy + DoubleDouble(prices[j]) - DoubleDouble.twoSum(sign * s, bonus)
      part.gap.append(slack + violation)
      part.assignedScore.append(s)
      part.operations += 4
    }
  }

  /// The least rise of a price with a positive capacity from `carried`'s
  /// duals to this check's (≤ 0 unless every price rose), in double precision.
  ///
  /// - Complexity: O(`columns`).
  func priceRise(from carried: CarriedCertificate) -> Double {
    var least = 0.0
    for j in prices.indices where capacities[j] > 0 { least = min(least, prices[j] - carried.prices[j]) }
    return least
  }

  /// A lower bound on the exact slack `y_i + p_j − a(i, j)`, against this
  /// check's duals, of every eligible pair of row `i` that `carried.floor[i]`
  /// covered: `floor_i + Δy_i + priceRise − E`.
  ///
  /// The exact slack of a pair moves by exactly `Δy_i + Δp_j` (the scores and
  /// the bonus are the same). `E = 32 · 2^−53 · M`, with `M` the sum of the
  /// largest row value and price of both checks, the largest score magnitude
  /// and the bonus, bounds the rounding of the floor (3 operations on
  /// operands below `M`), of `Δy_i` and of each `Δp_j` (one each), and of the
  /// two additions, with room to spare. The result is itself a valid floor for
  /// a further plan (a lower bound on the exact slacks, not a rounded value).
  ///
  /// - Parameters:
  ///   - priceRise: ``priceRise(from:)``.
  ///   - magnitude: ``carriedMagnitude(from:)``.
  /// - Complexity: O(1).
  func carriedSlackBound(row i: Int, from carried: CarriedCertificate, priceRise: Double, magnitude: Double)
    -> Double
  {
    let error = 32 * Double.ulpOfOne / 2 * magnitude
    return carried.floor[i] + (values[i] - carried.values[i]) + priceRise - error
  }

  /// `M` of ``carriedSlackBound(row:from:priceRise:magnitude:)``.
  ///
  /// - Complexity: O(`rows + columns`).
  func carriedMagnitude(from carried: CarriedCertificate) -> Double {
    let largest = max(abs(carried.low), abs(carried.high))
    return (values.max() ?? 0) + (carried.values.max() ?? 0) + (prices.max() ?? 0) + (carried.prices.max() ?? 0)
      + (largest.isFinite ? largest : 0) + abs(solution.cardinalityBonus)
  }
}
