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
    let k = min(candidatesPerRow, max(m, 1))
    let entryPrices = warmStart.map { $0.columnPrices.map { max(0, $0) } } ?? [Double](repeating: 0, count: m)
    let pruning = CandidatePruning(
      source, capacities: capacities, sense: sense, perRow: k, entryPrices: entryPrices,
      previous: warmStart?.columnOfRow)
    var candidates = pruning.candidates
    let allowed = pruning.allowed
    let bounds = pruning.low <= pruning.high ? pruning.low...pruning.high : 0...0
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
      let pricing = PricingPass(
        source, solution: solution, candidates: candidates, capacities: capacities, sense: sense, perRow: k,
        eps: tolerance * max(1, abs(solution.cardinalityBonus)))
      // The rows' most violated pairs join; the next round prices the rest again.
      candidates.add(pricing.additions)
      violationsPerRound.append(pricing.violations)
      seconds.pricing += lap()
      if pricing.violations == 0 {
        let certificate = Certificate(
          pairsChecked: allowed, allowedPairs: allowed, candidatesPerRow: k,
          finalCandidatePairs: sparse.pairCount, violationsPerRound: violationsPerRound, seconds: seconds)
        return (solution, certificate, pricing.statistics)
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
