extension CertifiedAssignment {
  /// Solves a dense problem to optimality over all its pairs, as
  /// ``solve(_:capacities:sense:candidatesPerRow:warmStart:)`` does on
  /// `DenseScoreSource(problem)`, with the same plan, duals and certificate;
  /// faster when the allowed scores are at most 64 whole-number levels (say,
  /// ratings 0–9): the passes over all pairs then read one byte per pair and
  /// bucket by level (``LevelScores``, ``LevelPruning``, ``LevelPricing``).
  ///
  /// ```swift
  /// let (solution, certificate) = CertifiedAssignment.solve(dense: problem)
  /// ```
  ///
  /// - Parameters:
  ///   - problem: The scores and capacities; its scores must be certifiable
  ///     (``ScoreResolution/refusal(for:)`` is `nil`).
  ///   - candidatesPerRow: As for ``solve(_:capacities:sense:candidatesPerRow:warmStart:)``.
  /// - Returns: The optimal solution and its certificate.
  /// - Complexity: that of ``CertifiedAssignment``; on few levels each pass
  ///   over all pairs is O(`rows · columns`) byte reads.
  public static func solve(dense problem: AssignmentProblem, candidatesPerRow: Int? = nil) -> (
    AssignmentSolution, Certificate
  ) {
    precondition((candidatesPerRow ?? 1) >= 1, "Keep at least one candidate per row")
    guard let levels = LevelScores(problem) else {
      return solve(
        DenseScoreSource(problem), capacities: problem.capacities, sense: problem.sense,
        candidatesPerRow: candidatesPerRow)
    }
    return solve(levels: levels, capacities: problem.capacities, candidatesPerRow: candidatesPerRow)
  }

  /// The rounds of ``solveWithStatistics(_:capacities:sense:candidatesPerRow:warmStart:)``,
  /// cold start, with the level passes in place of ``CandidatePruning`` and
  /// ``PricingPass``; every other step is the same call.
  static func solve(
    levels scores: LevelScores, capacities: [Int], candidatesPerRow: Int?,
    workers: Int = ParallelBlockPass.defaultWorkers
  ) -> (AssignmentSolution, Certificate) {
    precondition(capacities.count == scores.columns, "One capacity per column")
    let n = scores.rows
    let m = scores.columns
    let sense = scores.sense
    var seconds = PhaseSeconds()
    var stopwatch = Stopwatch()
    let k = min(candidatesPerRow ?? Self.defaultCandidatesPerRow(columns: m), max(m, 1))
    let progress = ProgressReporter.current
    progress.phase("scoring all pairs, pass 1 (candidates)")
    let pruning = LevelPruning(scores, capacities: capacities, perRow: k, workers: workers)
    var candidates = pruning.candidates
    let allowed = pruning.allowed
    let bounds = pruning.low <= pruning.high ? pruning.low...pruning.high : 0...0
    let resolution = ScoreResolution(rows: n, sense: sense, bounds: bounds)
    precondition(
      resolution.isFinite, "The scores' spread overflows double precision; check ScoreResolution.refusal(for:) first")
    let bonus = resolution.cardinalityBonus
    var provisional = true
    var previousPrices: [Double]? = nil
    var previousColumns: [Int?]? = nil
    seconds.pruning = stopwatch.lap()
    var violationsPerRound: [Int] = []
    while true {
      let sparse = candidates.problem(columns: m, capacities: capacities, sense: sense, bounds: bounds)
      progress.phase("solving round \(violationsPerRound.count + 1) (\(sparse.pairCount) candidate pairs)")
      let solution = CapacitatedAssignment.solve(
        sparse, priceHint: previousPrices ?? AuctionPriceEstimate.hint(sparse), previous: previousColumns,
        provisional: provisional)
      previousPrices = solution.columnPrices.map { max(0, $0) }
      previousColumns = solution.columnOfRow
      let solveTime = stopwatch.lap()
      seconds.solving += solveTime
      seconds.solvingPerRound.append(solveTime)
      progress.phase("scoring all pairs, pass \(violationsPerRound.count + 2) (checking the optimum)")
      // The additions matter only when another round follows; a round that
      // may end is priced without them first, and again with them if it does not.
      func price(additions: Bool) -> LevelPricing {
        LevelPricing(
          scores, solution: solution, candidates: candidates, capacities: capacities, resolution: resolution,
          perRow: k, margin: SolverTolerance.nearTightMargin(spreadUnits: resolution.spreadUnits),
          returnedBonus: bonus, collectAdditions: additions, workers: workers)
      }
      var pricing = price(additions: false)
      if pricing.violations > 0 || (provisional && pricing.unassignedRowsWithPairs > 0) {
        pricing = price(additions: true)
      }
      candidates.add(pricing.additions)
      violationsPerRound.append(pricing.violations)
      seconds.pricing += stopwatch.lap()
      guard pricing.violations == 0 else { continue }
      if !provisional || pricing.unassignedRowsWithPairs == 0 {
        // As in the generic rounds: never return a plan the certificate over
        // every eligible pair rejects.
        precondition(
          pricing.certificateViolations.isEmpty,
          "The certificate over all pairs rejects the plan: \(pricing.certificateViolations.prefix(3))")
        let certificate = Certificate(
          pairsChecked: allowed, allowedPairs: allowed, candidatesPerRow: k,
          finalCandidatePairs: sparse.pairCount, violationsPerRound: violationsPerRound, seconds: seconds,
          quantum: resolution.quantum, resolution: resolution.resolution, exact: pricing.onGrid)
        return (solution.withCardinalityBonus(bonus), certificate)
      }
      provisional = false
    }
  }
}
