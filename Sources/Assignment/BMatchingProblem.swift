/// A b-matching problem: each row (mentee) takes up to its demand of
/// *different* columns (mentors), each column up to its capacity of rows, each
/// pair at most once.
///
/// ```swift
/// let problem = BMatchingProblem(
///   rows: 1, columns: 2, scores: [0.9, 0.4], demands: [2], capacities: [1, 1])
/// ```
///
/// The objective is lexicographic: first the most mentees (rows) with at
/// least one pair, then the most pairs, then the largest total score. With
/// ``priorityRows``, the most pairs of priority rows (the mentees with a
/// growth goal under `rules.goal_mentees_first`) come before all of that.
///
/// Invariants: `scores.count == rows * columns`, row-major, every score finite
/// or `.nan` (forbidden); one non-negative demand per row and one
/// non-negative capacity per column; `priorityRows` empty or one flag per row.
public struct BMatchingProblem: Sendable, Equatable {
  /// The number of rows (mentees).
  public let rows: Int
  /// The number of columns (mentors).
  public let columns: Int
  /// The scores in row-major order; `.nan` marks a forbidden pair.
  public let scores: [Double]
  /// How many different columns each row may take.
  public let demands: [Int]
  /// How many rows each column may take.
  public let capacities: [Int]
  /// Rows served first (empty: no priority).
  public let priorityRows: [Bool]

  /// Creates a problem, checking the invariants.
  ///
  /// - Complexity: O(`rows · columns`).
  public init(
    rows: Int, columns: Int, scores: [Double], demands: [Int], capacities: [Int], priorityRows: [Bool] = []
  ) {
    precondition(rows >= 0 && columns >= 0, "BMatchingProblem dimensions must be non-negative")
    precondition(scores.count == rows * columns, "BMatchingProblem needs \(rows * columns) scores, got \(scores.count)")
    precondition(demands.count == rows && demands.allSatisfy { $0 >= 0 }, "BMatchingProblem needs a demand per row")
    precondition(
      capacities.count == columns && capacities.allSatisfy { $0 >= 0 }, "BMatchingProblem needs a capacity per column")
    precondition(priorityRows.isEmpty || priorityRows.count == rows, "BMatchingProblem priorityRows: one per row")
    precondition(scores.allSatisfy { $0.isFinite || $0.isNaN }, "BMatchingProblem scores must be finite or .nan")
    self.rows = rows
    self.columns = columns
    self.scores = scores
    self.demands = demands
    self.capacities = capacities
    self.priorityRows = priorityRows
  }

  /// The problem of a capacitated assignment: every demand 1.
  ///
  /// - Complexity: O(`rows · columns`).
  public init(_ problem: AssignmentProblem, priorityRows: [Bool] = []) {
    precondition(problem.sense == .maximize, "BMatchingProblem maximises")
    self.init(
      rows: problem.rows, columns: problem.columns, scores: problem.scores,
      demands: [Int](repeating: 1, count: problem.rows), capacities: problem.capacities, priorityRows: priorityRows)
  }

  /// The score of `row` with `column`, or `nil` when forbidden.
  ///
  /// - Complexity: O(1).
  public func score(row: Int, column: Int) -> Double? {
    let s = scores[row * columns + column]
    return s.isNaN ? nil : s
  }

  /// The weight of an allowed pair (see ``weighting``), or `nil` when forbidden.
  ///
  /// - Complexity: O(1) given the weighting.
  public func weight(row: Int, column: Int, weighting: Weighting) -> Double? {
    score(row: row, column: column).map { $0 + weighting.bonus + (isPriority(row) ? weighting.priorityBonus : 0) }
  }

  /// Whether `row` is a priority row.
  ///
  /// - Complexity: O(1).
  public func isPriority(_ row: Int) -> Bool { !priorityRows.isEmpty && priorityRows[row] }

  /// The weights that make the lexicographic objective one linear objective
  /// over a flow with one convex arc per row: a pair weighs
  /// `score + bonus` (plus `priorityBonus` for a priority row), and a row's
  /// first pair earns `firstBonus` on top. `bonus` exceeds any total-score
  /// difference between plans (one more pair always wins), `firstBonus` any
  /// difference of pair weights (one more mentee with a mentor always wins),
  /// `priorityBonus` any difference of the rest (one more priority pair
  /// always wins). `firstBonus` is 0 when no row asks for more than one pair.
  ///
  /// - Complexity: O(`rows · columns`).
  public var weighting: Weighting {
    var low = Double.infinity
    var high = -Double.infinity
    var allowed = 0
    for s in scores where !s.isNaN {
      low = min(low, s)
      high = max(high, s)
      allowed += 1
    }
    guard allowed > 0 else { return Weighting(bonus: 1, firstBonus: 0, priorityBonus: 0) }
    let pairs = Double(min(allowed, demands.reduce(0, +), capacities.reduce(0, +)))
    let bonus = (pairs + 1) * (high - low) + max(0, -low) + 1
    let firstBonus = demands.contains { $0 > 1 } ? (pairs + 1) * (high + bonus) + 1 : 0
    let priorityBonus = priorityRows.contains(true) ? (pairs + 1) * (high + bonus + firstBonus) + 1 : 0
    return Weighting(bonus: bonus, firstBonus: firstBonus, priorityBonus: priorityBonus)
  }

  /// The bonuses of ``weighting``.
  public struct Weighting: Sendable, Equatable {
    /// Added to every pair's score.
    public var bonus: Double
    /// Earned by each row's first pair.
    public var firstBonus: Double
    /// Added to every pair of a priority row.
    public var priorityBonus: Double
  }
}
