/// Every tolerance, margin and rounding bound of the solvers and their
/// certificate, stated once, with how it scales.
///
/// The solvers compare exactly: costs, duals and path lengths are whole
/// numbers of the quantum `q` below `2^52` (``ScoreResolution``), so a reduced
/// cost is checked against ``reducedCostUnits``, which is 0. What scales is the
/// quantum itself — with the spread of the scores and with the number of rows
/// — and with it the resolution to which a plan is proven optimal; the
/// certificate adds bounds of its own rounding error. With `n` rows, `R` the
/// spread of the eligible `±score`s, `M` their largest magnitude, `R_u` the
/// spread in units and `e(x)` the binary exponent of `x`:
///
/// | name | value | scales with |
/// |---|---|---|
/// | ``reducedCostUnits`` | 0 units | nothing: exact |
/// | ``quantumExponent(spread:magnitude:rows:)`` | `q = 2^max(e(R) + e(n + 2) + 2 − 48, e(M) − 50, −1074)` | `R` and `n`: doubling the rows doubles `q` (every 2^k rows) |
/// | ``resolution(rows:quantum:)`` | `ρ = 2 · n · q` | `n · q`: about `n² · R · 2^−46` |
/// | ``unassignedUnits(rows:spreadUnits:)`` | `P = (n + 1) · (R_u + 2)` units | `n · R_u`, below `2^52` |
/// | ``provisionalUnassignedUnits(spreadUnits:unassignedUnits:)`` | `min(4 · R_u + 1, P)` units | `R_u` only |
/// | ``nearTightMargin(spreadUnits:)`` | `⌈R_u / 20⌉` units | `R_u` only |
/// | ``totalSummation(pairs:magnitude:)`` | `max(k, 1) · Σ|s| · 2^−52` | the `k` assigned pairs and their scores |
/// | ``gapRounding(operations:magnitude:gap:)`` | `4 · (N + 8) · 2^−104 · (V + |gap|) + ulp(gap)` | the `N` double-double operations and the largest value `V` |
/// | ``bonusRounding(magnitude:scaledSpread:spreadError:rowsLess:)`` | `8 · 2^−104 · (V + (n − 1) · R) + (n − 1) · |δR|` | `n` and `V` |
/// | ``slackFilter`` | `2^−50` of `|a| + y + p` | each pair's operands |
/// | ``lostShareLimit`` | 1 % of the eligible non-zero scores below `ρ` | the share, not `n` |
/// | ``auctionEpsilons(range:)`` | `R/8, R/64, R/512` | `R` (a price hint only: no effect on the answer) |
enum SolverTolerance {
  /// The least reduced cost and the largest slack of an assigned pair the
  /// solvers accept, in whole units: 0, for their arithmetic is exact.
  static let reducedCostUnits = 0.0

  /// The binary exponent of the quantum `q`: the least power of two with
  /// `(n + 2) · R / q < 2^48` and `M / q < 2^51`, at least `2^−1074`, and
  /// `2^0` when every eligible score is 0. It grows with the spread `R` and
  /// with the number of rows `n` (by one for every doubling of `n + 2`).
  ///
  /// - Complexity: O(1).
  static func quantumExponent(spread: Double, magnitude: Double, rows: Int) -> Int {
    var exponent = -1074
    if spread > 0 && spread.isFinite {
      exponent = max(exponent, Int(spread.exponent) + Int(Double(rows + 2).exponent) + 2 - 48)
    }
    if magnitude > 0 && magnitude.isFinite { exponent = max(exponent, Int(magnitude.exponent) - 50) }
    if magnitude == 0 { exponent = 0 }
    return exponent
  }

  /// The resolution `ρ = 2 · n · q` in score units: each of `n` costs is off
  /// by at most `q`, twice over in a difference of totals. It grows with the
  /// rows twice: through `n` and through `q`.
  ///
  /// - Complexity: O(1).
  static func resolution(rows: Int, quantum: Double) -> Double { 2 * Double(rows) * quantum }

  /// The cost of leaving a row unassigned, `P = (n + 1) · (R_u + 2)` units:
  /// more than any difference of two totals, so that the most rows are
  /// assigned first.
  ///
  /// - Complexity: O(1).
  static func unassignedUnits(rows: Int, spreadUnits: Double) -> Double { Double(rows + 1) * (spreadUnits + 2) }

  /// The unassigned cost of a provisional solve: `4 · R_u + 1` units (four
  /// score spreads), or `P` when that is smaller (a few rows), so that
  /// raising a provisional solution's row values by the difference never
  /// lowers one.
  ///
  /// - Complexity: O(1).
  static func provisionalUnassignedUnits(spreadUnits: Double, unassignedUnits: Double) -> Double {
    min(4 * spreadUnits + 1, unassignedUnits)
  }

  /// The largest share of the eligible non-zero scores that may fall below
  /// the resolution `ρ` in magnitude before a problem is refused
  /// (``ScoreResolution/refusal(for:)``): 1 %. Up to that share they are
  /// resolved as ties with 0, which the resolution already bounds; beyond it
  /// the other scores' spread hides too much of the matrix for the plan to
  /// mean anything.
  static let lostShareLimit = 0.01

  /// The share of the spread within which a priced pair counts as near
  /// tight: a twentieth.
  static let nearTightShare = 0.05

  /// Pairs whose reduced cost is below this many units join the candidates
  /// when a pricing pass finds violations, so that the next solve's small
  /// price changes rarely need another round: `⌈R_u / 20⌉`.
  ///
  /// - Complexity: O(1).
  static func nearTightMargin(spreadUnits: Double) -> Double { (nearTightShare * spreadUnits).rounded(.up) }

  /// How far a reported total may be from the exact sum of its `pairs`
  /// scores, whose magnitudes add up to `magnitude`: a plain sum errs by at
  /// most `(k − 1) · 2^−53 · Σ|s|`; allowed `max(k, 1) · 2^−52 · Σ|s|`.
  ///
  /// - Complexity: O(1).
  static func totalSummation(pairs: Int, magnitude: Double) -> Double {
    Double(max(pairs, 1)) * magnitude * Double.ulpOfOne
  }

  /// The rounding error of the certificate's gap: every double-double
  /// operation errs by at most `2^−104` times its operands' magnitudes, each
  /// at most `magnitude` or the running gap.
  ///
  /// - Complexity: O(1).
  static func gapRounding(operations: Int, magnitude: Double, gap: DoubleDouble) -> Double {
    4 * Double(operations + 8) * DoubleDouble.unitError * (magnitude + gap.magnitude) + gap.high.ulp
  }

  /// The rounding error of the cardinality margin `B + L − (n − 1) · R`.
  ///
  /// - Complexity: O(1).
  static func bonusRounding(magnitude: Double, scaledSpread: DoubleDouble, spreadError: Double, rowsLess: Double)
    -> Double
  {
    8 * DoubleDouble.unitError * (magnitude + scaledSpread.magnitude) + spreadError.magnitude * rowsLess
  }

  /// A pair whose slack `y + p − a`, computed in double precision, exceeds
  /// this share of `|a| + y + p` is feasible beyond doubt: the three roundings
  /// err by at most `2^−52` of it. The certificate evaluates only the others
  /// in double-double.
  static let slackFilter = 0x1p-50

  /// The ε of each scaling round of the auction that estimates starting
  /// prices (a hint: any hint gives the same optimum).
  ///
  /// - Complexity: O(1).
  static func auctionEpsilons(range: Double) -> [Double] { [range / 8, range / 64, range / 512] }
}
