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

  /// The rounds of ``solveWithStatistics(_:capacities:sense:candidatesPerRow:warmStart:)``
  /// (``rounds(rows:columns:capacities:sense:perRow:warmStart:prune:price:)``),
  /// cold start, with the level passes in place of ``CandidatePruning`` and
  /// ``PricingPass``.
  static func solve(
    levels scores: LevelScores, capacities: [Int], candidatesPerRow: Int?,
    workers: Int = ParallelBlockPass.defaultWorkers
  ) -> (AssignmentSolution, Certificate) {
    precondition(capacities.count == scores.columns, "One capacity per column")
    let m = scores.columns
    let k = min(candidatesPerRow ?? Self.defaultCandidatesPerRow(columns: m), max(m, 1))
    let result = rounds(
      rows: scores.rows, columns: m, capacities: capacities, sense: scores.sense, perRow: k, warmStart: nil,
      prune: { LevelPruning(scores, capacities: capacities, perRow: k, workers: workers) },
      price: { solution, candidates, resolution, provisional in
        // The additions matter only when another round follows; a round that
        // may end is priced without them first, and again with them if it does not.
        func price(additions: Bool) -> LevelPricing {
          LevelPricing(
            scores, solution: solution, candidates: candidates, capacities: capacities, resolution: resolution,
            perRow: k, margin: SolverTolerance.nearTightMargin(spreadUnits: resolution.spreadUnits),
            returnedBonus: resolution.cardinalityBonus, collectAdditions: additions, workers: workers)
        }
        let pricing = price(additions: false)
        guard pricing.violations > 0 || (provisional && pricing.unassignedRowsWithPairs > 0) else { return pricing }
        return price(additions: true)
      })
    return (result.solution, result.certificate)
  }
}
