/// An optimal solution of a ``BMatchingProblem`` with its LP certificate.
///
/// The LP: maximise `Σ a(i, j) x(i, j) + firstBonus · Σ y_i` where
/// `a(i, j)` are the pair weights of ``BMatchingProblem/weighting``, subject
/// to `Σ_j x(i, j) = y_i + z_i` (a row's pairs split into its first and the
/// rest), `0 ≤ y_i ≤ min(1, demand_i)`, `0 ≤ z_i ≤ max(demand_i − 1, 0)`,
/// `Σ_i x(i, j) ≤ capacity_j`, `0 ≤ x(i, j) ≤ 1`. Its constraint matrix is a
/// network matrix, so it has an integral optimum, and the duals prove the plan
/// optimal by LP duality:
/// - row potentials `rowDuals[i]` of any sign; `columnDuals[j] >= 0`;
///   `firstPairDuals[i] >= 0`, `morePairsDuals[i] >= 0`; one `pairDuals`
///   entry `>= 0` per assigned pair (every other pair's is 0);
/// - `rowDuals[i] + columnDuals[j] (+ pair dual) >= a(i, j)` for every
///   allowed pair, with equality for every assigned pair;
/// - `firstPairDuals[i] − rowDuals[i] >= firstBonus`, with equality when the
///   row has a pair; `morePairsDuals[i] − rowDuals[i] >= 0`, with equality
///   when it has two or more;
/// - a dual is 0 when its bound is slack: `columnDuals[j]` below capacity,
///   `firstPairDuals[i]` without a pair (and a demand), `morePairsDuals[i]`
///   below `demand − 1` more pairs.
/// ``verify(against:)`` checks all of it.
public struct BMatchingSolution: Sendable, Equatable {
  /// For each row, its columns in increasing order.
  public var columnsOfRow: [[Int]]
  /// For each row, the dual of each of its pairs, parallel to ``columnsOfRow``.
  public var pairDuals: [[Double]]
  /// The sum of the assigned pairs' scores.
  public var totalScore: Double
  /// The number of assigned pairs.
  public var pairCount: Int
  /// How many rows each column took.
  public var loads: [Int]
  /// The row potentials (any sign).
  public var rowDuals: [Double]
  /// The column duals.
  public var columnDuals: [Double]
  /// The duals of each row's first-pair bound.
  public var firstPairDuals: [Double]
  /// The duals of each row's bound on further pairs.
  public var morePairsDuals: [Double]

  /// Creates a solution from its parts.
  public init(
    columnsOfRow: [[Int]], pairDuals: [[Double]], totalScore: Double, pairCount: Int, loads: [Int],
    rowDuals: [Double], columnDuals: [Double], firstPairDuals: [Double], morePairsDuals: [Double]
  ) {
    self.columnsOfRow = columnsOfRow
    self.pairDuals = pairDuals
    self.totalScore = totalScore
    self.pairCount = pairCount
    self.loads = loads
    self.rowDuals = rowDuals
    self.columnDuals = columnDuals
    self.firstPairDuals = firstPairDuals
    self.morePairsDuals = morePairsDuals
  }
}
