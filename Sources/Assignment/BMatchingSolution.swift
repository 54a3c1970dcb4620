/// An optimal solution of a ``BMatchingProblem`` with its LP certificate.
///
/// With the weights `a(i, j)` of ``BMatchingProblem/weighting`` the duals
/// prove the plan maximises `Σ a(i, j)` over all b-matchings (LP duality for
/// the b-matching polytope, whose constraint matrix is totally unimodular):
/// - `rowDuals[i] >= 0`, `columnDuals[j] >= 0` and one `pairDuals` entry
///   `>= 0` per assigned pair (the dual of its `x(i, j) <= 1` bound; every
///   other pair's is 0);
/// - `rowDuals[i] + columnDuals[j] (+ pair dual) >= a(i, j)` for every allowed pair;
/// - equality for every assigned pair;
/// - `rowDuals[i] == 0` for a row below its demand, `columnDuals[j] == 0` for
///   a column below its capacity.
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
  /// The row duals.
  public var rowDuals: [Double]
  /// The column duals.
  public var columnDuals: [Double]

  /// Creates a solution from its parts.
  public init(
    columnsOfRow: [[Int]], pairDuals: [[Double]], totalScore: Double, pairCount: Int, loads: [Int],
    rowDuals: [Double], columnDuals: [Double]
  ) {
    self.columnsOfRow = columnsOfRow
    self.pairDuals = pairDuals
    self.totalScore = totalScore
    self.pairCount = pairCount
    self.loads = loads
    self.rowDuals = rowDuals
    self.columnDuals = columnDuals
  }
}
