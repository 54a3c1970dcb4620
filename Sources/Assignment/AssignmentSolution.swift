/// An optimal solution of an ``AssignmentProblem`` with its LP certificate.
///
/// The objective is lexicographic: first as many rows assigned as possible,
/// then the best total score among those. The solver reaches it by giving each
/// assigned pair a ``cardinalityBonus`` larger than any difference of totals,
/// and maximising the *adjusted* score `a(i, j) = ±score(i, j) + bonus`
/// (`+` when maximising, `−` when minimising).
///
/// The duals prove optimality (LP duality for the transportation problem):
/// - `rowValues[i] >= 0` and `columnPrices[j] >= 0`;
/// - `rowValues[i] + columnPrices[j] >= a(i, j)` for every allowed pair;
/// - equality for every assigned pair;
/// - `rowValues[i] == 0` for every unassigned row, `columnPrices[j] == 0` for
///   every column below capacity.
///
/// `columnPrices[j]` is in score units: the total score the cohort would gain
/// from one more place at column `j`, the exact marginal value of its capacity.
/// ``AssignmentSolution/verify(against:)`` checks all of it.
public struct AssignmentSolution: Sendable, Equatable {
  /// For each row, its column, or `nil` when the row is unassigned.
  public var columnOfRow: [Int?]
  /// The sum of the scores of the assigned pairs.
  public var totalScore: Double
  /// The number of assigned rows.
  public var assignedCount: Int
  /// How many rows each column took.
  public var loads: [Int]
  /// The row duals (see the type's discussion).
  public var rowValues: [Double]
  /// The column duals: the price of one place at each column, in score units.
  public var columnPrices: [Double]
  /// The bonus added to every assigned pair's adjusted score.
  public var cardinalityBonus: Double

  /// Creates a solution from its parts (see ``verify(against:)`` to
  /// check one).
  public init(
    columnOfRow: [Int?], totalScore: Double, assignedCount: Int, loads: [Int], rowValues: [Double],
    columnPrices: [Double], cardinalityBonus: Double
  ) {
    self.columnOfRow = columnOfRow
    self.totalScore = totalScore
    self.assignedCount = assignedCount
    self.loads = loads
    self.rowValues = rowValues
    self.columnPrices = columnPrices
    self.cardinalityBonus = cardinalityBonus
  }

  /// The rows left unassigned, in increasing order.
  ///
  /// - Complexity: O(`rows`).
  public var unassignedRows: [Int] { columnOfRow.indices.filter { columnOfRow[$0] == nil } }

  /// The adjusted score `±score + cardinalityBonus` of an allowed pair.
  ///
  /// - Complexity: O(1).
  public func adjustedScore(_ score: Double, sense: AssignmentProblem.Sense) -> Double {
    (sense == .maximize ? score : -score) + cardinalityBonus
  }
}
