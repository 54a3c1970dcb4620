/// What a ``PricingPass`` carries to the pass after the next solve, so that
/// that pass can be *partial*: rows whose pairs the re-solve cannot have
/// brought below the margin are not scored again (Docs/solver.md, "A partial
/// last pass").
///
/// In the whole units of the pass (``ScoreResolution``) a pair's reduced
/// cost is `c(i, j) + o_i + π_j` with `o_i = y_i / q − P_s` and
/// `π_j = p_j / q`; between two solves only `o` and `π` change, so every
/// pair's reduced cost moves by exactly `Δo_i + Δπ_j` (whole numbers below
/// `2^52`: no rounding). ``floor`` keeps, per row, a lower bound on the
/// reduced cost of every pair of the row outside the next solve's
/// candidates: the least reduced cost at or above the margin (`+∞` when
/// none) when every pair below the margin was added to the candidates, and
/// otherwise (more than `perRow` were below it) the reduced cost of the
/// least violated pair added, which every pair not added is at or above (the
/// additions are the row's most violated pairs). A floor at or above the
/// margin therefore says the row offers nothing; one below it but at or
/// above 0, that the row has no violation.
///
/// Every array has one entry per row.
struct PricingCarry: Sendable {
  /// The margin of the pass (pairs below it are offered as additions).
  var margin: Double
  /// `o_i` and `π_j` of the pass.
  var offsets: [Double]
  var prices: [Double]
  /// Each row's lower bound on the reduced cost of every pair outside its next candidates.
  var floor: [Double]
  /// The row's column in the pass's solution (-1 when unassigned).
  var column: [Int]
  /// The row's candidates after the pass's additions (the columns its floors leave out).
  var candidateCount: [Int]
  /// The row's statistics against that column (see ``CertifiedAssignment/RowStatistics``).
  var statistics: CertifiedAssignment.RowStatistics
  /// Whether every eligible score of every row was on the grid.
  var onGrid: Bool
  /// The certificate's floors (``CarriedCertificate``).
  var certificate: CarriedCertificate

  /// The least rise of a price with a positive capacity, in whole units, from
  /// the carried pass to `prices` (≤ 0 unless every price rose): exact.
  ///
  /// - Complexity: O(`columns`).
  func priceRise(to prices: [Double], capacities: [Int]) -> Double {
    var least = 0.0
    for j in prices.indices where capacities[j] > 0 { least = min(least, prices[j] - self.prices[j]) }
    return least
  }

  /// A lower bound, in whole units, on the reduced cost of every pair of row
  /// `i` outside its candidates, against offsets `offset` (the new `o_i`)
  /// and a least price rise `rise` (``priceRise(to:capacities:)``): exact.
  ///
  /// - Complexity: O(1).
  func bound(row i: Int, offset: Double, rise: Double) -> Double { floor[i] + (offset - offsets[i]) + rise }
}
