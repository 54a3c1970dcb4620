/// Optimal capacitated assignment of a problem of any size, by candidate
/// pruning with an optimality certificate over every pair.
///
/// 1. **Prune.** One pass over the score blocks keeps each row's best
///    `candidatesPerRow` allowed pairs and, for each column, the 12 rows per
///    place (at least 8, at most `4 · max(candidatesPerRow, 8)`) that give up
///    least against their own best column by taking it (*regret*), so that
///    columns few rows rank first can still fill; and the range of all allowed
///    scores. Ties are broken by a fixed per-row rotation of indices. With a
///    warm start, rows rank columns by score net of the previous prices and
///    keep their previous pair.
/// 2. **Solve** the sparse problem of candidates (shortest augmenting paths,
///    as ``CapacitatedAssignment``). Rounds are *provisional* at first: a row
///    is left unassigned when placing it would cost more than a few score
///    spreads, so that a candidate set without room for every row costs little.
///    Each round after the first starts from the previous round's prices and
///    pairs: rows whose pair is still among their cheapest keep it, and only
///    the rest search.
/// 3. **Price.** A pass over all pairs computes each one's reduced cost
///    against the sparse optimum's duals, in the whole units of
///    ``ScoreResolution`` (exact: no tolerance), on every core; pairs in
///    zero-capacity columns can never be made and are skipped. None negative: the
///    duals are feasible for the full problem and the solution is optimal for
///    it (LP duality, see ``AssignmentSolution``). A provisional round's
///    duals hold for the full cardinality bonus too (row values grow by the
///    difference) unless it left out a row that has an allowed pair; then
///    the same candidates are solved again with the full bonus and priced
///    once more. Otherwise each row's most violated pairs, and pairs within a
///    twentieth of the score range of violating, join the candidates and the
///    loop repeats; it ends because each round adds at least one pair. A
///    provisional round that found violations and left out a row with an
///    eligible pair makes the next round use the full bonus at once, so that
///    its clean pass ends the loop (no extra re-solve and pass).
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
    /// Measured, so they differ between runs; reports show them only on
    /// request, and equality of certificates ignores them.
    public var seconds = PhaseSeconds()
    /// The quantum `q` the scores were resolved to (see ``ScoreResolution``).
    public var quantum = 0.0
    /// The resolution `2 · n · q`: the plan is optimal to within it.
    public var resolution = 0.0
    /// Whether every eligible score is a multiple of ``quantum``: then no
    /// score was rounded and the plan is exactly optimal.
    public var exact = true
    /// The number of sparse solves.
    public var rounds: Int { violationsPerRound.count }

    /// Whether two certificates prove the same: every field but the
    /// measured ``seconds``, which differ between runs of the same solve.
    public static func == (a: Certificate, b: Certificate) -> Bool {
      a.pairsChecked == b.pairsChecked && a.allowedPairs == b.allowedPairs && a.candidatesPerRow == b.candidatesPerRow
        && a.finalCandidatePairs == b.finalCandidatePairs && a.violationsPerRound == b.violationsPerRound
        && a.quantum == b.quantum && a.resolution == b.resolution && a.exact == b.exact
    }
  }

  /// Wall-clock seconds per phase of a certified solve.
  public struct PhaseSeconds: Sendable, Equatable {
    /// The sampled solve whose prices rank the first candidates (0 when
    /// there is none; see `SampledPriceEstimate`).
    public var sampling = 0.0
    /// The first pass: scores and candidate selection.
    public var pruning = 0.0
    /// The sparse solves.
    public var solving = 0.0
    /// The pricing passes over all pairs.
    public var pricing = 0.0
    /// The sparse solve of each round.
    public var solvingPerRound: [Double] = []
    /// The rows each round's pricing pass scored: all of them, or fewer when
    /// the pass was partial (Docs/solver.md, "A partial last pass"). Empty
    /// for the solves that do not report it (levels).
    public var rowsPricedPerRound: [Int] = []
    /// The seconds of each round's pricing pass.
    public var pricingPerRound: [Double] = []
    /// The sparse solver's deterministic work in each round (empty for the
    /// solves that do not report it). Not compared by ``Certificate``'s `==`.
    public var solveWork: [SparseSolveCounters] = []
  }

  /// What the final pricing pass saw of each row, for explanations: computed
  /// against the final assignment, over every allowed pair.
  ///
  /// Invariants: `betterColumns[i] < eligibleColumns[i]` when row `i` is
  /// assigned; `bestColumn[i] == -1` exactly when `eligibleColumns[i] == 0`.
  public struct RowStatistics: Sendable, Equatable {
    /// Allowed columns with a non-zero capacity.
    public var eligibleColumns: [Int]
    /// Of those, how many score better than the row's assigned pair by more
    /// than rounding (above ``ScoreTie/threshold(above:)`` of its score).
    public var betterColumns: [Int]
    /// The best-scoring eligible column (ties to the lower index), or -1.
    public var bestColumn: [Int]
    /// The score of that column (`.nan` when there is none).
    public var bestScore: [Double]
    /// The score of the row's assigned pair (`.nan` when unassigned).
    public var assignedScore: [Double]

    /// Empty statistics for `rows` rows: nothing eligible, nothing assigned.
    public init(rows: Int) {
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
  ///   - candidatesPerRow: How many pairs per row to keep at first; by default
  ///     ``defaultCandidatesPerRow(columns:)``.
  ///   - warmStart: A solution of a similar problem (same rows and columns, for
  ///     example before a small change of weights): its prices choose the
  ///     candidates and start the solve, and its pairs are kept where still
  ///     optimal. The answer is the same with or without it.
  /// - Returns: The optimal solution (duals in the full problem's units) and
  ///   the certificate.
  /// - Complexity: See ``CertifiedAssignment``.
  public static func solve(
    _ source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense = .maximize,
    candidatesPerRow: Int? = nil, warmStart: AssignmentSolution? = nil
  ) -> (AssignmentSolution, Certificate) {
    let result = solveWithStatistics(
      source, capacities: capacities, sense: sense, candidatesPerRow: candidatesPerRow, warmStart: warmStart)
    return (result.solution, result.certificate)
  }

  /// ``solve(_:capacities:sense:candidatesPerRow:warmStart:)``, also returning
  /// what the final pricing pass saw of each row (rank of the assigned pair,
  /// eligible columns, best column), at no extra pass.
  ///
  /// - Complexity: See ``CertifiedAssignment``.
  public static func solveWithStatistics(
    _ source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense = .maximize,
    candidatesPerRow: Int? = nil, warmStart: AssignmentSolution? = nil
  ) -> (solution: AssignmentSolution, certificate: Certificate, statistics: RowStatistics) {
    // Without a warm start, large problems rank their first candidates by
    // score net of a sampled solve's prices (SampledPriceEstimate.swift).
    solveWithStatistics(
      source, capacities: capacities, sense: sense, candidatesPerRow: candidatesPerRow, warmStart: warmStart,
      sampleFraction: warmStart == nil ? SampledPriceEstimate.fraction(rows: source.rows, capacities: capacities) : nil)
  }

  /// ``solveWithStatistics(_:capacities:sense:candidatesPerRow:warmStart:)``
  /// with the share of rows of the sampled solve chosen by the caller (`nil`:
  /// none), and its most rounds (`nil`: ``SampledPriceEstimate/rounds(columns:)``);
  /// tests use it to sample problems of any size.
  static func solveWithStatistics(
    _ source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense,
    candidatesPerRow: Int?, warmStart: AssignmentSolution?, sampleFraction: Double?,
    sampleRounds: Int? = nil
  ) -> (solution: AssignmentSolution, certificate: Certificate, statistics: RowStatistics) {
    precondition(
      warmStart.map { $0.columnPrices.count == source.columns && $0.columnOfRow.count == source.rows } ?? true,
      "The warm start must solve a problem of the same shape")
    precondition(capacities.count == source.columns, "One capacity per column")
    precondition((candidatesPerRow ?? 1) >= 1, "Keep at least one candidate per row")
    let m = source.columns
    let k = min(candidatesPerRow ?? Self.defaultCandidatesPerRow(columns: m), max(m, 1))
    var sampling = Stopwatch()
    let estimate =
      warmStart == nil
      ? sampleFraction.flatMap {
        SampledPriceEstimate(
          source, capacities: capacities, sense: sense, perRow: k, fraction: $0,
          rounds: sampleRounds ?? SampledPriceEstimate.rounds(columns: m))
      } : nil
    let samplingSeconds = sampling.lap()
    let entryPrices =
      warmStart.map { $0.columnPrices.map { max(0, $0) } } ?? estimate?.prices
      ?? [Double](repeating: 0, count: m)
    // Each pass carries what the next needs to be partial (PricingCarry.swift).
    var carry: PricingCarry?
    var rowsPriced: [Int] = []
    // The scores' range and grid, gathered once by the pruning pass for the
    // certificate of every pricing pass (EligibleScoreSummary.swift).
    var summary: EligibleScoreSummary?
    // The rounds and their rules: CertifiedAssignment+Rounds.swift.
    var result = rounds(
      rows: source.rows, columns: m, capacities: capacities, sense: sense, perRow: k, warmStart: warmStart,
      sampling: samplingSeconds,
      prune: {
        let pruning = CandidatePruning(
          source, capacities: capacities, sense: sense, perRow: k, entryPrices: entryPrices,
          previous: warmStart?.columnOfRow)
        summary = pruning.summary
        return pruning
      },
      price: { solution, candidates, resolution, _ in
        // Pairs within a twentieth of the score range of tight join too, so
        // that the small price changes of the next solve rarely need another round.
        let pass = PricingPass(
          source, solution: solution, candidates: candidates, capacities: capacities, resolution: resolution,
          perRow: k, margin: SolverTolerance.nearTightMargin(spreadUnits: resolution.spreadUnits),
          returnedBonus: resolution.cardinalityBonus, carrying: true, previous: carry, scores: summary)
        carry = pass.carry
        rowsPriced.append(pass.rowsPriced)
        return pass
      })
    result.certificate.seconds.rowsPricedPerRound = rowsPriced
    return (result.solution, result.certificate, result.pricing.statistics)
  }

  /// Candidates kept per row by default: 24, and 48 from 10,000 columns on,
  /// where 24 leave the first round's prices too far off (measured on
  /// generated cohorts of 20,000 and 100,000 mentees; see Docs/performance.md).
  public static func defaultCandidatesPerRow(columns: Int) -> Int { columns >= 10_000 ? 48 : 24 }

  /// A previous solution's prices as a hint for a problem with another
  /// cardinality bonus (other score bounds, or a provisional solve). A column
  /// contested by rows left unassigned is priced above the bonus; such prices
  /// move with the bonus, the others are kept.
  static func rebased(prices: [Double], from bonus: Double, to newBonus: Double) -> [Double] {
    prices.map { $0 > bonus / 2 ? max(0, $0 - bonus + newBonus) : $0 }
  }
}

extension AssignmentSolution {
  /// The same solution and prices under a larger cardinality bonus: every row
  /// value grows by the difference. Valid as a certificate when no row is
  /// left unassigned that has an allowed pair; such rows' values are 0.
  func withCardinalityBonus(_ bonus: Double) -> AssignmentSolution {
    guard bonus != cardinalityBonus else { return self }
    var result = self
    let raise = bonus - cardinalityBonus
    for i in rowValues.indices { result.rowValues[i] = columnOfRow[i] == nil ? 0 : rowValues[i] + raise }
    result.cardinalityBonus = bonus
    return result
  }
}
