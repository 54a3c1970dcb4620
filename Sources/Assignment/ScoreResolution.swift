/// How finely the solvers resolve a problem's scores, in exact integer
/// arithmetic, and whether double precision can certify the problem at all.
///
/// Only *eligible* scores count: allowed pairs in columns with a positive
/// capacity (a pair in a zero-capacity column can never be made, so its score
/// cannot matter). With `t = ±score` (`+` when maximising), `L` and `H` the
/// lowest and highest eligible `t`, `R = H − L` the spread, `M = max(|L|, |H|)`
/// and `n` the number of rows, the solvers work in units of the *quantum*
///
///     q = max(2^(e(R) + e(n + 2) + 2 − 48), 2^(e(M) − 50), 2^−1074)
///
/// (`e(x)` the binary exponent of `x`, so `x < 2^(e(x) + 1)`): the least power
/// of two such that `(n + 2) · R / q < 2^48` and `|H| / q < 2^51`. A pair's
/// cost is the whole number `c = round((A − t) / q) ≥ 0`, with the anchor
/// `A = ⌈H / q⌉ · q`; leaving a row unassigned costs
/// `P = (n + 1) · (R_u + 2)` units, `R_u = ⌈(A − L) / q⌉`. Every value the
/// solvers compute (costs, duals, path lengths) is then a whole number of
/// units below `2^52`, so their arithmetic is exact: no tolerance anywhere.
/// (How each of these quantities scales is stated once in ``SolverTolerance``.)
///
/// - **Exact.** When every eligible score is a multiple of `q` (whole numbers,
///   halves, … within the spread allowed), no cost is rounded and the plan is
///   exactly optimal.
/// - **Resolved.** Otherwise each cost is off by at most `q` (`q / 2` for the
///   rounding to whole units, at most `q / 2` for the subtraction `A − t` in
///   double precision), and the plan is optimal to within the ``resolution``
///   `ρ = 2 · n · q`: no plan with as many rows assigned has a total higher
///   (lower, when minimising) by more than `ρ`.
///
/// A problem is refused (see ``refusal(for:)``) when the values in score
/// units overflow, or when an eligible score is non-zero but smaller in
/// magnitude than `ρ`: the spread set by the other scores is too wide for
/// double precision to see that score at all.
public struct ScoreResolution: Sendable, Equatable {
  /// The number of rows `n`.
  public let rows: Int
  /// Maximise or minimise.
  public let sense: AssignmentProblem.Sense
  /// The lowest eligible `±score` (`L`), 0 when no pair is eligible.
  public let lowest: Double
  /// The highest eligible `±score` (`H`), 0 when no pair is eligible.
  public let highest: Double
  /// The quantum `q`, a power of two.
  public let quantum: Double
  /// The anchor `A = ⌈H / q⌉ · q`: costs are `(A − t) / q`.
  public let anchor: Double
  /// The spread in units, `R_u = ⌈(A − L) / q⌉`.
  public let spreadUnits: Double
  /// The cost of leaving a row unassigned, `P = (n + 1) · (R_u + 2)` units.
  public let unassignedUnits: Double
  /// `1 / q`, a power of two (infinite for the smallest quanta).
  let inverseQuantum: Double

  /// The resolution for `rows` rows whose eligible scores lie in `bounds`.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - sense: Maximise or minimise.
  ///   - bounds: The lowest and highest eligible *score* (not `±score`), or
  ///     `nil` when no pair is eligible.
  /// - Complexity: O(1).
  public init(rows: Int, sense: AssignmentProblem.Sense, bounds: ClosedRange<Double>?) {
    self.rows = rows
    self.sense = sense
    let low: Double
    let high: Double
    if let bounds {
      low = sense == .maximize ? bounds.lowerBound : -bounds.upperBound
      high = sense == .maximize ? bounds.upperBound : -bounds.lowerBound
    } else {
      low = 0
      high = 0
    }
    lowest = low
    highest = high
    let exponent = SolverTolerance.quantumExponent(spread: high - low, magnitude: max(abs(low), abs(high)), rows: rows)
    let q = Double(sign: .plus, exponent: exponent, significand: 1)
    quantum = q
    inverseQuantum = 1 / q
    anchor = (high / q).rounded(.up) * q
    let spreadUnits = ((anchor - low) / q).rounded(.up)
    self.spreadUnits = spreadUnits
    unassignedUnits = SolverTolerance.unassignedUnits(rows: rows, spreadUnits: spreadUnits)
  }

  /// The resolution of a dense problem, over its eligible pairs.
  ///
  /// - Complexity: O(`rows · columns`).
  public init(_ problem: AssignmentProblem) {
    self.init(rows: problem.rows, sense: problem.sense, bounds: Self.eligibleBounds(problem))
  }

  /// The lowest and highest score over the allowed pairs of columns with a
  /// positive capacity, or `nil` when there is none.
  ///
  /// - Complexity: O(`rows · columns`).
  public static func eligibleBounds(_ problem: AssignmentProblem) -> ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    // Row by row, in memory order (a column-major walk misses the cache on every pair).
    for i in 0..<problem.rows {
      for j in 0..<problem.columns where problem.capacities[j] > 0 {
        let s = problem.scores[i * problem.columns + j]
        if s.isNaN { continue }
        low = min(low, s)
        high = max(high, s)
      }
    }
    return low <= high ? low...high : nil
  }

  /// The cardinality bonus `B = P · q − A` these units stand for: the
  /// adjusted score of a pair is `±score + B = (P − c) · q` up to the
  /// rounding of `c`. Exact (a whole number of quanta below `2^53`).
  public var cardinalityBonus: Double { unassignedUnits * quantum - anchor }

  /// The bonus of a provisional solve, whose unassigned cost is
  /// ``provisionalUnassignedUnits`` (see `SparseShortestAugmentingPathSolver`).
  var provisionalCardinalityBonus: Double { provisionalUnassignedUnits * quantum - anchor }

  /// The smaller unassigned cost of a provisional solve: `4 · R_u + 1` units,
  /// or `P` when that is smaller (a few rows): raising a provisional
  /// solution's row values by the difference must never lower them.
  var provisionalUnassignedUnits: Double {
    SolverTolerance.provisionalUnassignedUnits(spreadUnits: spreadUnits, unassignedUnits: unassignedUnits)
  }

  /// The resolution `ρ = 2 · n · q` in score units: the plan is optimal to
  /// within it, and exactly optimal when every eligible score is a multiple
  /// of ``quantum``.
  public var resolution: Double { SolverTolerance.resolution(rows: rows, quantum: quantum) }

  /// Whether every value the solvers report in score units is finite.
  public var isFinite: Bool {
    let largest = (unassignedUnits + spreadUnits + 2) * quantum + abs(anchor)
    return highest.isFinite && lowest.isFinite && (highest - lowest).isFinite && largest.isFinite
  }

  /// The cost in units of a pair with this score: `round((A − t) / q)`,
  /// rounded half to even. For an eligible score `0 ≤ (A − t) / q < 2^52`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func units(_ score: Double) -> Double {
    let t = sense == .maximize ? score : -score
    // Multiplying by 1/q is exact (a power of two) whenever 1/q is finite.
    let x = inverseQuantum.isFinite ? (anchor - t) * inverseQuantum : (anchor - t) / quantum
    // For 0 ≤ x < 2^52, adding and removing 2^52 rounds x to the nearest
    // whole number (ties to even) in two additions; other values (never
    // eligible) take the general rounding.
    return x >= 0 && x < 0x1p52 ? (x + 0x1p52) - 0x1p52 : x.rounded()
  }

  /// A non-negative price in score units as whole units, at most the largest
  /// adjusted score (no optimal price exceeds it).
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func units(price: Double) -> Double {
    min((max(0, price) / quantum).rounded(), unassignedUnits)
  }

  /// Why double precision cannot certify a problem.
  public struct Refusal: Sendable, Equatable, CustomStringConvertible {
    /// The eligible cell of largest magnitude, which sets the spread: `(row, column)`.
    public var extremeCell: (row: Int, column: Int)
    /// Its score.
    public var extremeScore: Double
    /// A non-zero eligible score smaller than the resolution, if that is the reason.
    public var lostCell: (row: Int, column: Int)?
    /// Its score.
    public var lostScore: Double?
    /// The resolution the spread allows (infinite when values overflow).
    public var resolution: Double

    public var description: String {
      if let lostScore {
        return "the score \(extremeScore) widens the spread so far that totals are resolved only to "
          + "\(resolution), and the score \(lostScore) would be lost"
      }
      return "the score \(extremeScore) makes the scores' spread or bonus overflow double precision"
    }

    public static func == (a: Refusal, b: Refusal) -> Bool {
      a.extremeCell == b.extremeCell && a.extremeScore == b.extremeScore && a.lostCell?.row == b.lostCell?.row
        && a.lostCell?.column == b.lostCell?.column && a.lostScore == b.lostScore && a.resolution == b.resolution
    }
  }

  /// Why double precision cannot certify `problem`, or `nil` when it can:
  /// the values overflow (``isFinite`` is false), or more than
  /// ``SolverTolerance/lostShareLimit`` (1 %) of the eligible non-zero scores
  /// are smaller in magnitude than the ``resolution`` — the spread set by the
  /// other scores hides them, so the plan among them would be arbitrary. A
  /// few such scores among many (a cosine score of `1e−8` in a million) are
  /// resolved as ties with 0, within the reported resolution.
  ///
  /// - Complexity: O(`rows · columns`).
  public static func refusal(for problem: AssignmentProblem) -> Refusal? {
    // One pass gathers the eligible bounds (hence the resolution), the
    // extreme cell and the smallest non-zero score; only when that score is
    // below the resolution does a second pass count the lost ones.
    var low = Double.infinity
    var high = -Double.infinity
    var extreme: (row: Int, column: Int)? = nil
    var extremeScore = 0.0
    var lost: (row: Int, column: Int)? = nil
    var lostScore = Double.infinity
    var nonZero = 0
    problem.scores.withUnsafeBufferPointer { scores in
      problem.capacities.withUnsafeBufferPointer { capacities in
        for i in 0..<problem.rows {
          for j in 0..<problem.columns where capacities[j] > 0 {
            let s = scores[i * problem.columns + j]
            if s.isNaN { continue }
            low = min(low, s)
            high = max(high, s)
            if extreme == nil || abs(s) > abs(extremeScore) {
              extreme = (i, j)
              extremeScore = s
            }
            if s == 0 { continue }
            nonZero += 1
            if abs(s) < abs(lostScore) {
              lost = (i, j)
              lostScore = s
            }
          }
        }
      }
    }
    guard let extreme else { return nil }
    let resolution = ScoreResolution(rows: problem.rows, sense: problem.sense, bounds: low...high)
    if !resolution.isFinite {
      return Refusal(
        extremeCell: extreme, extremeScore: extremeScore, lostCell: nil, lostScore: nil, resolution: .infinity)
    }
    let rho = resolution.resolution
    guard let lost, abs(lostScore) < rho else { return nil }
    var lostCount = 0
    for i in 0..<problem.rows {
      for j in 0..<problem.columns where problem.capacities[j] > 0 {
        let s = problem.scores[i * problem.columns + j]
        if !s.isNaN && s != 0 && abs(s) < rho { lostCount += 1 }
      }
    }
    if Double(lostCount) > SolverTolerance.lostShareLimit * Double(nonZero) {
      return Refusal(
        extremeCell: extreme, extremeScore: extremeScore, lostCell: lost, lostScore: lostScore,
        resolution: resolution.resolution)
    }
    return nil
  }
}
