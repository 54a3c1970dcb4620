extension CertifiedAssignment {
  /// The rounds of a certified solve (see ``CertifiedAssignment``), for
  /// either pair of passes over all pairs: `prune` once, then solve the
  /// candidates, `price` the solution, and repeat until a round prices clean
  /// with no row left out that has an eligible pair. Every round rule lives
  /// here, so that ``solveWithStatistics(_:capacities:sense:candidatesPerRow:warmStart:)``
  /// and ``solve(levels:capacities:candidatesPerRow:workers:)`` follow the same ones.
  ///
  /// - Parameters:
  ///   - rows: The problem's rows `n`.
  ///   - columns: Its columns `m`, one capacity each.
  ///   - perRow: Candidates kept per row (`k`, at least 1).
  ///   - warmStart: As for ``solve(_:capacities:sense:candidatesPerRow:warmStart:)``
  ///     (of the same shape); `prune` must already use its prices and pairs.
  ///   - sampling: Seconds spent on a sampled solve whose prices `prune`
  ///     ranks by (``SampledPriceEstimate``; 0 without one). Its prices do
  ///     not start the first solve: the auction's estimate on the candidates
  ///     is faster there (Docs/performance.md).
  ///   - coldHint: The first round's price hint when there is no warm
  ///     start: by default the auction's estimate when it is useful
  ///     (``AuctionPriceEstimate/hint(_:)``). The level passes give `nil`
  ///     without looking: on at most 64 score levels the estimate is never
  ///     useful (``AuctionPriceEstimate/isUseful(for:levels:)``), so the hint
  ///     is the same and the scan of the candidates' scores is saved.
  ///   - prune: The first pass.
  ///   - price: A pricing pass of the round's solution against its
  ///     candidates, in the units of the resolution; the `Bool` tells
  ///     whether the round is provisional.
  /// - Returns: The solution with the full cardinality bonus, its
  ///   certificate, and the last (clean) pricing pass.
  /// - Precondition: the last pass checked the certificate over every
  ///   eligible pair and found it holds; a failure is a solver bug.
  /// - Complexity: See ``CertifiedAssignment``.
  static func rounds<Pruning: RoundPruning, Pricing: RoundPricing>(
    rows n: Int, columns m: Int, capacities: [Int], sense: AssignmentProblem.Sense, perRow k: Int,
    warmStart: AssignmentSolution?, sampling: Double = 0,
    coldHint: (SparseAssignmentProblem) -> [Double]? = AuctionPriceEstimate.hint,
    prune: () -> Pruning,
    price: (AssignmentSolution, CandidateSet, ScoreResolution, Bool) -> Pricing
  ) -> (solution: AssignmentSolution, certificate: Certificate, pricing: Pricing) {
    var seconds = PhaseSeconds()
    seconds.sampling = sampling
    var stopwatch = Stopwatch()
    let progress = ProgressReporter.current
    progress.phase("scoring all pairs, pass 1 (candidates)")
    let pruning = prune()
    var candidates = pruning.candidates
    let allowed = pruning.allowed
    let bounds = pruning.low <= pruning.high ? pruning.low...pruning.high : 0...0
    // The units of every solve and pricing pass: exact whole-number arithmetic.
    let resolution = ScoreResolution(rows: n, sense: sense, bounds: bounds)
    precondition(
      resolution.isFinite, "The scores' spread overflows double precision; check ScoreResolution.refusal(for:) first")
    let bonus = resolution.cardinalityBonus
    // Rounds are provisional (see below) until their candidates price clean,
    // unless a warm start shows rows left unassigned: capacity is short, and
    // its prices already carry the full bonus.
    var provisional = warmStart.map { $0.assignedCount == $0.columnOfRow.count } ?? true
    var previousPrices = warmStart.map { start in
      let target = provisional ? resolution.provisionalCardinalityBonus : bonus
      return Self.rebased(
        prices: start.columnPrices.map { max(0, $0) }, from: start.cardinalityBonus, to: target)
    }
    var previousColumns = warmStart?.columnOfRow
    seconds.pruning = stopwatch.lap()
    var violationsPerRound: [Int] = []
    while true {
      let sparse = candidates.problem(columns: m, capacities: capacities, sense: sense, bounds: bounds)
      progress.phase("solving round \(violationsPerRound.count + 1) (\(sparse.pairCount) candidate pairs)")
      // Warm start: the previous round's prices, or the caller's, or an
      // auction's estimate, except on a few score levels, where zero prices
      // and the blocking phases do better (see AuctionPriceEstimate.isUseful).
      let (solution, work) = CapacitatedAssignment.solveCounting(
        sparse, priceHint: previousPrices ?? coldHint(sparse), previous: previousColumns,
        provisional: provisional)
      seconds.solveWork.append(work)
      previousPrices = solution.columnPrices.map { max(0, $0) }
      previousColumns = solution.columnOfRow
      let solveTime = stopwatch.lap()
      seconds.solving += solveTime
      seconds.solvingPerRound.append(solveTime)
      progress.phase("scoring all pairs, pass \(violationsPerRound.count + 2) (checking the optimum)")
      let pricing = price(solution, candidates, resolution, provisional)
      // The rows' most violated pairs join; the next round prices the rest again.
      candidates.add(pricing.additions)
      violationsPerRound.append(pricing.violations)
      let pricingTime = stopwatch.lap()
      seconds.pricing += pricingTime
      seconds.pricingPerRound.append(pricingTime)
      guard pricing.violations == 0 else {
        // A provisional round that left out rows with eligible pairs would,
        // once its candidates price clean, be solved again with the full
        // bonus and priced once more: the next round takes the full bonus
        // at once, which saves that pass over all pairs.
        if provisional && pricing.unassignedRowsWithPairs > 0 { provisional = false }
        continue
      }
      if !provisional || pricing.unassignedRowsWithPairs == 0 {
        // Never trust the sparse solve: the plan returned must pass the
        // certificate over every eligible pair, candidates included, checked
        // apart from the solver's units (`CertificateCheck`). A failure is a
        // solver bug, never bad input.
        precondition(
          pricing.certificateChecked && pricing.certificateViolations.isEmpty,
          "The certificate over all pairs rejects the plan: \(pricing.certificateViolations.prefix(3))")
        let certificate = Certificate(
          pairsChecked: allowed, allowedPairs: allowed, candidatesPerRow: k,
          finalCandidatePairs: sparse.pairCount, violationsPerRound: violationsPerRound, seconds: seconds,
          quantum: resolution.quantum, resolution: resolution.resolution, exact: pricing.onGrid)
        return (solution.withCardinalityBonus(bonus), certificate, pricing)
      }
      // The candidates price clean, but rows with allowed pairs are left out:
      // solve them again with the full bonus, and price once more.
      provisional = false
    }
  }
}
