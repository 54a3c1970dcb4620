import CKernels
import Dispatch

/// ``PricingPass`` for few whole-number score levels (``LevelScores``): the
/// same violations, additions (in the same order), grid flag and count of
/// unassigned rows with pairs, and the same certificate over every eligible
/// pair, in one walk per row over one byte per pair (`mm_level_price_row`
/// in C, four pairs at a time with AVX2; tested equal to ``PricingPass``).
/// It does not gather ``CertifiedAssignment/RowStatistics`` (`solve` reports
/// none).
///
/// Reduced costs are ``PricingPass``'s, in whole units, computed with the same
/// operations in the same order: `units(rank) + offset_i + p_j / q`, where
/// `units(rank)` is the pair's cost in units, the same for every pair of a
/// rank. A forbidden pair and a pair in a zero-capacity column get `+∞`.
///
/// The certificate (``CertificateCheck``'s conditions, in score units with
/// double-double arithmetic) needs, per row, the largest excess
/// `±s + B − y_i − p_j` over its eligible pairs. Among pairs of one rank
/// (one score) it is largest at the least price, so each rank's least price
/// in the row is found and the excess is evaluated once per rank present,
/// as ``CertificateCheck/check(row:scores:into:)`` evaluates it per pair
/// (the same filter of pairs feasible beyond doubt first). The verdict is
/// ``CertificateCheck/verdict(_:claimsExact:)`` itself. As in ``PricingPass``,
/// a worker stops gathering the certificate at its first violation, and the
/// verdict is formed only when the whole pass found none (``certificateChecked``).
///
/// The least prices come from a scan of the columns in ascending order of
/// their certificate price (sorted once per pass; columns of price `+∞`
/// left out, as they never lower a least price): the first column of a rank
/// met in that order has its least price, and the scan stops once every
/// rank is met (after a few dozen columns when a row has every rank), so
/// the loop over the row's pairs keeps no per-rank state and only prices.
///
/// - Complexity: O(`rows · (columns + levels)`) time on `workers` threads,
///   plus O(`columns · log columns`) for the order.
struct LevelPricing {
  var violations = 0
  /// Whether every eligible score is on the grid; set only when ``certificateChecked``.
  var onGrid = true
  var unassignedRowsWithPairs = 0
  var additions = CandidateList()
  var certificateViolations: [CertificateViolation] = []
  /// Whether the certificate was checked over every eligible pair: exactly
  /// when the pass found no violation (``PricingPass``'s rule: the rounds
  /// return a plan only from such a pass).
  var certificateChecked = false

  private struct State {
    var violations = 0
    var unassignedRowsWithPairs = 0
    /// Bit `r` set when rank `r` has an eligible pair.
    var present: UInt64 = 0
    var additions = CandidateList()
    var certificate = CertificateCheck.Part()
  }

  /// Runs the pass; the parameters are ``PricingPass``'s.
  ///
  /// - Parameter collectAdditions: Whether to gather ``additions``; without
  ///   them the pass only counts violations (cheaper: no top-`k` lists),
  ///   for a round that ends when it prices clean.
  init(
    _ scores: LevelScores, solution: AssignmentSolution, candidates: CandidateSet, capacities: [Int],
    resolution: ScoreResolution, perRow k: Int, margin: Double, returnedBonus: Double,
    collectAdditions: Bool = true, workers: Int = ParallelBlockPass.defaultWorkers
  ) {
    let check = CertificateCheck(
      solution.withCardinalityBonus(returnedBonus), capacities: capacities, sense: resolution.sense)
    precondition(check.shapeFits(rows: scores.rows) && capacities.count == scores.columns, "Shape mismatch")
    let n = scores.rows
    let m = scores.columns
    let levels = max(scores.levels, 1)
    let q = resolution.quantum
    let solveUnits = (solution.cardinalityBonus + resolution.anchor) / q
    // p_j / q as PricingPass has it; +∞ for a zero-capacity column (never eligible).
    var priceUnits = solution.columnPrices.map { $0 / q }
    // The certificate's prices (clamped at 0); +∞ for a zero-capacity column.
    var checkPrices = check.prices
    for j in 0..<m where capacities[j] <= 0 {
      priceUnits[j] = .infinity
      checkPrices[j] = .infinity
    }
    // Each rank's cost in units (as PricingPass computes it per pair); +∞ for forbidden.
    var unitsOfRank = [Double](repeating: .infinity, count: 256)
    for rank in 0..<scores.levels { unitsOfRank[rank] = resolution.units(scores.score(rank: rank)) }
    let prices = priceUnits
    let minimumPrices = checkPrices
    let costs = unitsOfRank
    // The columns of finite certificate price, cheapest first (ties by index).
    let byPrice = (0..<m).filter { checkPrices[$0] < .infinity }.sorted {
      checkPrices[$0] < checkPrices[$1] || (checkPrices[$0] == checkPrices[$1] && $0 < $1)
    }.map { Int32($0) }
    let ranges = scores.rowRanges(min(max(1, workers), max(1, n)))
    let slots = ResultSlots<State>(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { w in
      var state = State()
      let worst = TopLists(capacities: [k])
      var listed = [Int](repeating: -1, count: m)
      var least = [Double](repeating: .infinity, count: 256)
      let bonus = check.solution.cardinalityBonus
      let sign = check.sign
      // Per rank, the row's `units(rank) + offset_i` (+∞ past the levels and
      // for forbidden), and the pairs the C walk lists below the margin.
      let rowUnits = UnsafeMutablePointer<Double>.allocate(capacity: 256)
      rowUnits.initialize(repeating: .infinity, count: 256)
      let belowColumns = UnsafeMutablePointer<Int>.allocate(capacity: max(m, 1))
      let belowSlacks = UnsafeMutablePointer<Double>.allocate(capacity: max(m, 1))
      defer {
        rowUnits.deallocate()
        belowColumns.deallocate()
        belowSlacks.deallocate()
      }
      scores.ranks.withUnsafeBufferPointer { ranks in
        prices.withUnsafeBufferPointer { prices in
          minimumPrices.withUnsafeBufferPointer { checkPrices in
            costs.withUnsafeBufferPointer { costs in
              byPrice.withUnsafeBufferPointer { byPrice in
                least.withUnsafeMutableBufferPointer { least in
                  listed.withUnsafeMutableBufferPointer { listed in
                    for i in ranges[w] {
                      let row = UnsafeBufferPointer(rebasing: ranks[(i * m)..<(i * m + m)])
                      let offset = solution.rowValues[i] / q - solveUnits
                      worst.reset(0)
                      for j in candidates.columns[i] { listed[Int(j)] = i }
                      // The certificate matters only if the whole pass finds no
                      // violation: a worker stops checking it at its first one.
                      let checking = state.violations == 0
                      var violations = 0
                      // A pair's slack is `(units(rank) + offset) + p_j / q`: the
                      // first sum once per rank, the second per pair in the C walk,
                      // which lists the pairs below the margin that are not
                      // candidates (below 0 when the additions are not gathered:
                      // then only violations matter).
                      for rank in 0..<scores.levels { rowUnits[rank] = costs[rank] + offset }
                      let found = mm_level_price_row(
                        m, row.baseAddress, rowUnits, prices.baseAddress, listed.baseAddress, i,
                        collectAdditions ? margin : 0, belowColumns, belowSlacks)
                      for e in 0..<found {
                        let slack = belowSlacks[e]
                        if slack < 0 { violations += 1 }
                        if collectAdditions {
                          worst.offer(0, key: -slack, index: TopOrder.spread(belowColumns[e], row: i, columns: m))
                        }
                      }
                      state.violations += violations
                      for entry in worst.sorted(0) {
                        let j = TopOrder.unspread(entry.index, row: i, columns: m)
                        state.additions.append(row: i, column: j, score: scores.score(row: i, column: j))
                      }
                      guard checking && violations == 0 else {
                        if check.assignedColumn[i] < 0 {
                          for j in 0..<m where row[j] != LevelScores.forbidden && checkPrices[j] < .infinity {
                            state.unassignedRowsWithPairs += 1
                            break
                          }
                        }
                        continue
                      }
                      // Each rank's least certificate price in the row: its first
                      // column in price order (see the type's comment).
                      for rank in 0..<levels { least[rank] = .infinity }
                      var unmet = levels
                      for j in byPrice {
                        let rank = Int(row[Int(j)])
                        guard rank < levels && least[rank] == .infinity else { continue }
                        least[rank] = checkPrices[Int(j)]
                        unmet -= 1
                        if unmet == 0 { break }
                      }
                      // The certificate, once per rank present (see the type's comment).
                      let y = check.values[i]
                      let yy = DoubleDouble(y)
                      var violation = DoubleDouble(0)
                      var eligible = false
                      for rank in 0..<levels where least[rank] < .infinity {
                        eligible = true
                        state.present |= 1 << UInt64(rank)
                        let s = scores.score(rank: rank)
                        state.certificate.low = min(state.certificate.low, s)
                        state.certificate.high = max(state.certificate.high, s)
                        if s != 0 {
                          state.certificate.gridExponent = min(
                            state.certificate.gridExponent, AssignmentSolution.lowestBitExponent(s))
                        }
                        let p = least[rank]
                        let a = sign * s + bonus
                        let c = y + p
                        if c - a > SolverTolerance.slackFilter * (abs(a) + c) { continue }
                        let excess = DoubleDouble.twoSum(sign * s, bonus) - yy - DoubleDouble(p)
                        if violation < excess { violation = excess }
                      }
                      state.certificate.operations += 2
                      state.certificate.rows.append(i)
                      let column = check.assignedColumn[i]
                      if column < 0 {
                        state.certificate.gap.append(yy + violation)
                        state.certificate.assignedScore.append(.nan)
                        state.certificate.operations += 2
                        if eligible { state.unassignedRowsWithPairs += 1 }
                      } else if row[column] == LevelScores.forbidden {
                        state.certificate.forbidden.append(i)
                        state.certificate.gap.append(violation)
                        state.certificate.assignedScore.append(.nan)
                      } else {
                        let s = scores.score(row: i, column: column)
                        let slack = yy + DoubleDouble(check.prices[column]) - DoubleDouble.twoSum(sign * s, bonus)
                        state.certificate.gap.append(slack + violation)
                        state.certificate.assignedScore.append(s)
                        state.certificate.operations += 4
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
      slots.put(state, at: w)
    }
    let states = slots.all()
    var present: UInt64 = 0
    for state in states {
      violations += state.violations
      unassignedRowsWithPairs += state.unassignedRowsWithPairs
      additions.append(contentsOf: state.additions)
      present |= state.present
    }
    guard violations == 0 else { return }
    // No worker saw a violation, so every worker checked every row it priced.
    // Whether every eligible score is on the grid, as PricingPass tests it per pair.
    for rank in 0..<scores.levels where present & (1 << UInt64(rank)) != 0 {
      let s = scores.score(rank: rank)
      if resolution.anchor - resolution.units(s) * q != scores.sign * s { onGrid = false }
    }
    certificateViolations = check.verdict(states.map(\.certificate), claimsExact: onGrid)
    certificateChecked = true
  }
}
