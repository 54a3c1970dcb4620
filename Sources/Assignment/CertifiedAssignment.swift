/// Optimal capacitated assignment of a problem of any size, by candidate
/// pruning with an optimality certificate over every pair.
///
/// 1. **Prune.** One pass over the score blocks keeps each row's best
///    `candidatesPerRow` allowed pairs and each column's best
///    `4 · capacity` rows (at least 8, at most `candidatesPerRow`), so that
///    popular columns cannot starve the rest, and the range of all allowed
///    scores. Ties are broken by a fixed per-row rotation of indices. With a
///    warm start, rows rank columns by score net of the previous prices and
///    keep their previous pair.
/// 2. **Solve** the sparse problem of candidates exactly
///    (shortest augmenting paths, as ``CapacitatedAssignment``), with the
///    cardinality bonus of the *full* problem. Each round after the first
///    starts from the previous round's prices and pairs: rows whose pair is
///    still among their cheapest keep it, and only the rest search.
/// 3. **Price.** A second pass computes the reduced cost of every allowed pair
///    of the full problem against the sparse optimum's duals. None negative:
///    the duals are feasible for the full problem and the solution is optimal
///    for it (LP duality, see ``AssignmentSolution``). Otherwise the violating
///    pairs join the candidates and the loop repeats; it ends because each
///    round adds at least one pair.
///
/// - Complexity: each round is O(`rows · columns`) for pricing plus the sparse
///   solve; memory O(`rows · candidatesPerRow + blockRows · columns`).
public enum CertifiedAssignment {
  /// What the optimality proof covered.
  public struct Certificate: Sendable, Equatable {
    /// Pairs whose reduced cost was checked in the last (clean) round.
    public var pairsChecked: Int
    /// Allowed pairs of the full problem.
    public var allowedPairs: Int
    /// Candidate pairs kept per row at the start.
    public var candidatesPerRow: Int
    /// Pairs in the final sparse problem.
    public var finalCandidatePairs: Int
    /// Violations found per round; the last entry is 0.
    public var violationsPerRound: [Int]
    /// Seconds spent pruning, solving and pricing (all rounds added up).
    /// Measured, so they differ between runs; reports show them only on request.
    public var seconds = PhaseSeconds()
    /// The number of sparse solves.
    public var rounds: Int { violationsPerRound.count }
  }

  /// Wall-clock seconds per phase of a certified solve.
  public struct PhaseSeconds: Sendable, Equatable {
    /// The first pass: scores and candidate selection.
    public var pruning = 0.0
    /// The sparse solves.
    public var solving = 0.0
    /// The pricing passes over all pairs.
    public var pricing = 0.0
    /// The sparse solve of each round.
    public var solvingPerRound: [Double] = []
  }

  /// What the final pricing pass saw of each row, for explanations: computed
  /// against the final assignment, over every allowed pair.
  ///
  /// Invariants: `betterColumns[i] < eligibleColumns[i]` when row `i` is
  /// assigned; `bestColumn[i] == -1` exactly when `eligibleColumns[i] == 0`.
  public struct RowStatistics: Sendable, Equatable {
    /// Allowed columns with a non-zero capacity.
    public var eligibleColumns: [Int]
    /// Of those, how many score strictly better than the row's assigned pair.
    public var betterColumns: [Int]
    /// The best-scoring eligible column (ties to the lower index), or -1.
    public var bestColumn: [Int]
    /// The score of that column (`.nan` when there is none).
    public var bestScore: [Double]
    /// The score of the row's assigned pair (`.nan` when unassigned).
    public var assignedScore: [Double]

    init(rows: Int) {
      eligibleColumns = [Int](repeating: 0, count: rows)
      betterColumns = [Int](repeating: 0, count: rows)
      bestColumn = [Int](repeating: -1, count: rows)
      bestScore = [Double](repeating: .nan, count: rows)
      assignedScore = [Double](repeating: .nan, count: rows)
    }
  }

  /// Solves the problem `source` describes to optimality over all its pairs.
  ///
  /// ```swift
  /// let (solution, certificate) = CertifiedAssignment.solve(
  ///   DenseScoreSource(problem), capacities: problem.capacities)
  /// ```
  ///
  /// - Parameters:
  ///   - source: The scores, by blocks of rows.
  ///   - capacities: One capacity per column.
  ///   - sense: Maximise (default) or minimise.
  ///   - candidatesPerRow: How many pairs per row to keep at first.
  ///   - tolerance: Reduced costs above `-tolerance · bonus` count as non-negative.
  ///   - warmStart: A solution of a similar problem (same rows and columns, for
  ///     example before a small change of weights): its prices choose the
  ///     candidates and start the solve, and its pairs are kept where still
  ///     optimal. The answer is the same with or without it.
  /// - Returns: The optimal solution (duals in the full problem's units) and
  ///   the certificate.
  /// - Complexity: See ``CertifiedAssignment``.
  public static func solve(
    _ source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense = .maximize,
    candidatesPerRow: Int = 24, tolerance: Double = 1e-11, warmStart: AssignmentSolution? = nil
  ) -> (AssignmentSolution, Certificate) {
    let result = solveWithStatistics(
      source, capacities: capacities, sense: sense, candidatesPerRow: candidatesPerRow, tolerance: tolerance,
      warmStart: warmStart)
    return (result.solution, result.certificate)
  }

  /// ``solve(_:capacities:sense:candidatesPerRow:tolerance:)``, also returning
  /// what the final pricing pass saw of each row (rank of the assigned pair,
  /// eligible columns, best column), at no extra pass.
  ///
  /// - Complexity: See ``CertifiedAssignment``.
  public static func solveWithStatistics(
    _ source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense = .maximize,
    candidatesPerRow: Int = 24, tolerance: Double = 1e-11, warmStart: AssignmentSolution? = nil
  ) -> (solution: AssignmentSolution, certificate: Certificate, statistics: RowStatistics) {
    precondition(
      warmStart.map { $0.columnPrices.count == source.columns && $0.columnOfRow.count == source.rows } ?? true,
      "The warm start must solve a problem of the same shape")
    precondition(capacities.count == source.columns, "One capacity per column")
    precondition(candidatesPerRow >= 1, "Keep at least one candidate per row")
    let n = source.rows
    let m = source.columns
    let clock = ContinuousClock()
    var seconds = PhaseSeconds()
    var mark = clock.now
    func lap() -> Double {
      let now = clock.now
      let elapsed = now - mark
      mark = now
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
    var candidates = CandidateSet(rows: n)
    var low = Double.infinity
    var high = -Double.infinity
    var allowed = 0
    let k = min(candidatesPerRow, max(m, 1))
    var buffer = [Double](repeating: 0, count: max(1, source.blockRows) * m)
    var selector = TopSelector(capacity: k)
    // Each column's best rows, keyed like the rows' selectors (the "column"
    // of a column selector is the row index).
    var columnSelectors = capacities.map { TopSelector(capacity: min(max(8, 4 * $0), max(k, 8))) }
    // With a warm start, rows keep their best pairs net of the previous prices
    // (the pairs an optimum near the previous one uses) and their previous pair.
    let sign = sense == .maximize ? 1.0 : -1.0
    let entryPrices = warmStart.map { $0.columnPrices.map { max(0, $0) } } ?? [Double](repeating: 0, count: m)
    for block in source.blocks {
      buffer.withUnsafeMutableBufferPointer { b in
        source.fill(rows: block, into: b)
        for (r, i) in block.enumerated() {
          selector.reset()
          let base = r * m
          for j in 0..<m {
            let s = b[base + j]
            if s.isNaN { continue }
            allowed += 1
            if s < low { low = s }
            if s > high { high = s }
            selector.offer(sign * s - entryPrices[j], column: TopSelector.spread(j, row: i, columns: m))
            columnSelectors[j].offer(sign * s, column: i)
          }
          for (_, spread) in selector.sorted() {
            let column = TopSelector.unspread(spread, row: i, columns: m)
            candidates.add(row: i, column: column, score: b[base + column])
          }
          if let j = warmStart?.columnOfRow[i], !b[base + j].isNaN, !candidates.contains(row: i, column: j) {
            candidates.add(row: i, column: j, score: b[base + j])
          }
        }
      }
    }
    for j in 0..<m {
      for (key, i) in columnSelectors[j].sorted() where !candidates.contains(row: i, column: j) {
        candidates.add(row: i, column: j, score: sign * key)
      }
    }
    let bounds = low <= high ? low...high : 0...0
    var previousPrices = warmStart.map {
      Self.rebased(prices: entryPrices, from: $0.cardinalityBonus, to: bounds, rows: n, sense: sense)
    }
    var previousColumns = warmStart?.columnOfRow
    seconds.pruning = lap()
    var violationsPerRound: [Int] = []
    while true {
      let sparse = candidates.problem(columns: m, capacities: capacities, sense: sense, bounds: bounds)
      // Warm start: the previous round's prices, or the caller's, or an auction's estimate.
      let solution = CapacitatedAssignment.solve(
        sparse, priceHint: previousPrices ?? AuctionPriceEstimate.prices(sparse), previous: previousColumns)
      previousPrices = solution.columnPrices.map { max(0, $0) }
      previousColumns = solution.columnOfRow
      let solveTime = lap()
      seconds.solving += solveTime
      seconds.solvingPerRound.append(solveTime)
      // Reduced cost of pair (i, j): rowValue + price − adjusted score.
      let eps = tolerance * max(1, abs(solution.cardinalityBonus))
      var violations = 0
      var worst = TopSelector(capacity: k)
      var statistics = RowStatistics(rows: n)
      for block in source.blocks {
        buffer.withUnsafeMutableBufferPointer { b in
          source.fill(rows: block, into: b)
          for (r, i) in block.enumerated() {
            let base = r * m
            let y = solution.rowValues[i]
            worst.reset()
            let assigned = solution.columnOfRow[i]
            let assignedScore = assigned.map { b[base + $0] } ?? .nan
            var eligible = 0
            var better = 0
            var bestColumn = -1
            var bestScore = Double.nan
            for j in 0..<m {
              let s = b[base + j]
              if s.isNaN { continue }
              if capacities[j] > 0 {
                eligible += 1
                if sign * s > sign * assignedScore { better += 1 }
                if bestColumn < 0 || sign * s > sign * bestScore {
                  bestColumn = j
                  bestScore = s
                }
              }
              let slack = y + solution.columnPrices[j] - solution.adjustedScore(s, sense: sense)
              if slack < -eps && !candidates.contains(row: i, column: j) {
                violations += 1
                worst.offer(-slack, column: TopSelector.spread(j, row: i, columns: m))
              }
            }
            statistics.eligibleColumns[i] = eligible
            statistics.betterColumns[i] = better
            statistics.bestColumn[i] = bestColumn
            statistics.bestScore[i] = bestScore
            statistics.assignedScore[i] = assignedScore
            // Add the row's most violated pairs; the next round prices the rest again.
            for (_, key) in worst.sorted() {
              let j = TopSelector.unspread(key, row: i, columns: m)
              candidates.add(row: i, column: j, score: b[base + j])
            }
          }
        }
      }
      violationsPerRound.append(violations)
      seconds.pricing += lap()
      if violations == 0 {
        let certificate = Certificate(
          pairsChecked: allowed, allowedPairs: allowed, candidatesPerRow: k,
          finalCandidatePairs: sparse.pairCount, violationsPerRound: violationsPerRound, seconds: seconds)
        return (solution, certificate, statistics)
      }
    }
  }

  /// A previous solution's prices as a hint for a problem with other score
  /// bounds. A column contested by rows left unassigned is priced above the
  /// cardinality bonus, which depends on the bounds; such prices move with
  /// the bonus, the others are kept.
  static func rebased(
    prices: [Double], from bonus: Double, to bounds: ClosedRange<Double>, rows: Int, sense: AssignmentProblem.Sense
  ) -> [Double] {
    let newBonus = SparseShortestAugmentingPathSolver.cardinalityBonus(rows: rows, bounds: bounds, sense: sense)
    return prices.map { $0 > bonus / 2 ? max(0, $0 - bonus + newBonus) : $0 }
  }
}

/// The candidate pairs per row, growing as pricing finds violations.
struct CandidateSet {
  var columns: [[Int32]]
  var scores: [[Double]]
  var members: [Set<Int32>]

  init(rows: Int) {
    columns = Array(repeating: [], count: rows)
    scores = Array(repeating: [], count: rows)
    members = Array(repeating: [], count: rows)
  }

  mutating func add(row: Int, column: Int, score: Double) {
    columns[row].append(Int32(column))
    scores[row].append(score)
    members[row].insert(Int32(column))
  }

  func contains(row: Int, column: Int) -> Bool { members[row].contains(Int32(column)) }

  func problem(columns m: Int, capacities: [Int], sense: AssignmentProblem.Sense, bounds: ClosedRange<Double>)
    -> SparseAssignmentProblem
  {
    var start = [0]
    start.reserveCapacity(columns.count + 1)
    for row in columns { start.append(start.last! + row.count) }
    return SparseAssignmentProblem(
      rows: columns.count, columns: m, rowStart: start, columnIndex: columns.flatMap { $0 },
      scores: scores.flatMap { $0 }, capacities: capacities, sense: sense, scoreBounds: bounds)
  }
}

/// Keeps the `capacity` largest keys offered, ties to the smaller index (a
/// column, for a row's candidates; a row, for a column's).
struct TopSelector {
  /// A row-dependent rotation of column indices used to break ties, so that
  /// rows with many equal scores keep different columns rather than all the
  /// lowest-numbered ones. Deterministic: it depends only on the row and column.
  @inline(__always)
  static func spread(_ column: Int, row: Int, columns: Int) -> Int {
    (column + row &* 7919) % max(columns, 1)
  }

  /// The column a ``spread(_:row:columns:)`` index stands for.
  @inline(__always)
  static func unspread(_ index: Int, row: Int, columns: Int) -> Int {
    let m = max(columns, 1)
    return ((index - row &* 7919) % m + m) % m
  }

  let capacity: Int
  var keys: [Double] = []
  var cols: [Int] = []

  init(capacity: Int) { self.capacity = capacity }

  mutating func reset() {
    keys.removeAll(keepingCapacity: true)
    cols.removeAll(keepingCapacity: true)
  }

  /// Whether (a, ca) ranks below (b, cb): smaller key, or equal key and larger column.
  @inline(__always)
  static func below(_ a: Double, _ ca: Int, _ b: Double, _ cb: Int) -> Bool { a < b || (a == b && ca > cb) }

  @inline(__always)
  mutating func offer(_ key: Double, column: Int) {
    if keys.count < capacity {
      keys.append(key)
      cols.append(column)
      siftUp(keys.count - 1)
    } else if Self.below(keys[0], cols[0], key, column) {
      keys[0] = key
      cols[0] = column
      siftDown(0)
    }
  }

  mutating func siftUp(_ start: Int) {
    var k = start
    while k > 0 {
      let p = (k - 1) / 2
      if Self.below(keys[k], cols[k], keys[p], cols[p]) {
        keys.swapAt(k, p)
        cols.swapAt(k, p)
        k = p
      } else {
        break
      }
    }
  }

  mutating func siftDown(_ start: Int) {
    var k = start
    while true {
      let l = 2 * k + 1
      if l >= keys.count { break }
      var c = l
      if l + 1 < keys.count && Self.below(keys[l + 1], cols[l + 1], keys[l], cols[l]) { c = l + 1 }
      if Self.below(keys[c], cols[c], keys[k], cols[k]) {
        keys.swapAt(k, c)
        cols.swapAt(k, c)
        k = c
      } else {
        break
      }
    }
  }

  /// The kept keys, best first.
  func sorted() -> [(Double, Int)] {
    zip(keys, cols).sorted { Self.below($1.0, $1.1, $0.0, $0.1) }
  }
}
