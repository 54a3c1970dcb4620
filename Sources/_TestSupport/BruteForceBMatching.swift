import Assignment

/// The exhaustive oracle for small b-matching problems: tries every set of
/// allowed pairs within the demands and capacities.
///
/// - Complexity: O(`2^allowed pairs`); meant for up to about 16 allowed pairs.
public enum BruteForceBMatching {
  /// The best value: the most priority pairs, then the most mentees (rows)
  /// with a pair, then the most pairs, then the largest total score.
  public struct Optimum: Sendable, Equatable {
    /// Pairs of priority rows.
    public var priorityPairs: Int
    /// Total score of the priority rows' pairs.
    public var priorityScore: Double
    /// Pairs of the other rows.
    public var otherPairs: Int
    /// Total score of the other rows' pairs.
    public var otherScore: Double
    /// Rows with at least one pair.
    public var mentees = 0

    /// All pairs.
    public var pairs: Int { priorityPairs + otherPairs }
    /// The total score.
    public var score: Double { priorityScore + otherScore }

    func beats(_ other: Optimum, tolerance: Double) -> Bool {
      if priorityPairs != other.priorityPairs { return priorityPairs > other.priorityPairs }
      if mentees != other.mentees { return mentees > other.mentees }
      if pairs != other.pairs { return pairs > other.pairs }
      return score > other.score + tolerance
    }
  }

  /// Solves `problem` by enumeration, with the pairs in `forced` required
  /// (`nil` when they cannot all be made).
  public static func solve(
    _ problem: BMatchingProblem, forced: [(row: Int, column: Int)] = [], tolerance: Double = 1e-12
  ) -> Optimum? {
    let m = problem.columns
    var used = [Int](repeating: 0, count: problem.rows)
    var load = [Int](repeating: 0, count: m)
    var current = Optimum(priorityPairs: 0, priorityScore: 0, otherPairs: 0, otherScore: 0)
    let forcedKeys = Set(forced.map { $0.row * m + $0.column })
    for (i, j) in forced {
      guard let s = problem.score(row: i, column: j) else { return nil }
      used[i] += 1
      load[j] += 1
      add(&current, row: i, score: s, sign: 1)
    }
    current.mentees = used.filter { $0 > 0 }.count
    guard zip(used, problem.demands).allSatisfy({ $0 <= $1 }), zip(load, problem.capacities).allSatisfy({ $0 <= $1 })
    else { return nil }
    let pairs = (0..<problem.rows).flatMap { i in
      (0..<m).filter { problem.score(row: i, column: $0) != nil && !forcedKeys.contains(i * m + $0) }.map { (i, $0) }
    }
    var best = current
    func visit(_ k: Int) {
      if k == pairs.count {
        if current.beats(best, tolerance: tolerance) { best = current }
        return
      }
      visit(k + 1)
      let (i, j) = pairs[k]
      guard used[i] < problem.demands[i], load[j] < problem.capacities[j] else { return }
      let s = problem.score(row: i, column: j)!
      used[i] += 1
      load[j] += 1
      if used[i] == 1 { current.mentees += 1 }
      add(&current, row: i, score: s, sign: 1)
      visit(k + 1)
      add(&current, row: i, score: s, sign: -1)
      if used[i] == 1 { current.mentees -= 1 }
      used[i] -= 1
      load[j] -= 1
    }
    func add(_ value: inout Optimum, row: Int, score: Double, sign: Int) {
      if problem.isPriority(row) {
        value.priorityPairs += sign
        value.priorityScore += Double(sign) * score
      } else {
        value.otherPairs += sign
        value.otherScore += Double(sign) * score
      }
    }
    visit(0)
    return best
  }

  /// The value of a b-matching given as columns per row.
  public static func value(of columnsOfRow: [[Int]], in problem: BMatchingProblem) -> Optimum {
    var value = Optimum(priorityPairs: 0, priorityScore: 0, otherPairs: 0, otherScore: 0)
    for (i, columns) in columnsOfRow.enumerated() {
      if !columns.isEmpty { value.mentees += 1 }
      for j in columns {
        let s = problem.score(row: i, column: j)!
        if problem.isPriority(i) {
          value.priorityPairs += 1
          value.priorityScore += s
        } else {
          value.otherPairs += 1
          value.otherScore += s
        }
      }
    }
    return value
  }
}
