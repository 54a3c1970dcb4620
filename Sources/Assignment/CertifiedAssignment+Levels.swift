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

  /// Solves a matrix of whole-number scores read as bytes (``WholeScoreMatrix``)
  /// to optimality over all its pairs, exactly as ``solve(dense:candidatesPerRow:)``
  /// solves the same scores as doubles (same plan, duals and certificate),
  /// without the doubles; or returns `nil` when that needs them: the scores
  /// span more than 64 levels, or ``isCertifiable(_:rows:sense:)`` cannot
  /// rule out a refusal. The caller then takes the matrix's
  /// ``WholeScoreMatrix/scores``, checks ``ScoreResolution/refusal(for:)``
  /// and solves them densely.
  ///
  /// ```swift
  /// if let (solution, certificate) = CertifiedAssignment.solve(whole: matrix, capacities: caps, sense: .maximize) { … }
  /// ```
  ///
  /// - Parameters:
  ///   - matrix: The scores.
  ///   - capacities: One non-negative capacity per column.
  ///   - sense: Maximise or minimise the total.
  ///   - candidatesPerRow: As for ``solve(_:capacities:sense:candidatesPerRow:warmStart:)``.
  /// - Returns: The optimal solution and its certificate, or `nil`.
  /// - Complexity: one pass over the codes, then the passes of
  ///   ``solve(dense:candidatesPerRow:)`` on few levels.
  public static func solve(
    whole matrix: WholeScoreMatrix, capacities: [Int], sense: AssignmentProblem.Sense, candidatesPerRow: Int? = nil
  ) -> (AssignmentSolution, Certificate)? {
    precondition((candidatesPerRow ?? 1) >= 1, "Keep at least one candidate per row")
    precondition(capacities.count == matrix.columns, "One capacity per column")
    precondition(capacities.allSatisfy { $0 >= 0 }, "Capacities must be non-negative")
    guard isCertifiable(matrix, rows: matrix.rows, sense: sense), let levels = LevelScores(matrix, sense: sense)
    else { return nil }
    return solve(levels: levels, capacities: capacities, candidatesPerRow: candidatesPerRow)
  }

  /// Whether ``ScoreResolution/refusal(for:)`` is sure to accept the
  /// matrix's scores, in O(1): it refuses only when values overflow (whole
  /// numbers below `2^52` never do) or when non-zero eligible scores are
  /// smaller in magnitude than the resolution `ρ`. When every allowed score
  /// is 0 there is no non-zero score to lose. Otherwise, for scores of
  /// non-zero magnitude, `ρ` grows with their spread and magnitude, so `ρ`
  /// over the bounds of all allowed scores is at least `ρ` over the eligible
  /// ones (and if those are all 0, none can be lost anyway); when it is at
  /// most 1, no non-zero whole number is smaller, so there is no refusal.
  /// (It exceeds 1 only for hundreds of thousands of rows; then the caller
  /// runs the full check.)
  ///
  /// - Complexity: O(1).
  static func isCertifiable(_ matrix: WholeScoreMatrix, rows: Int, sense: AssignmentProblem.Sense) -> Bool {
    guard let codes = matrix.codeRange else { return true }
    let low = Double(matrix.offset + Int(codes.lowerBound))
    let high = Double(matrix.offset + Int(codes.upperBound))
    if low == 0 && high == 0 { return true }
    let resolution = ScoreResolution(rows: rows, sense: sense, bounds: low...high)
    return resolution.isFinite && resolution.resolution <= 1
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
      coldHint: { _ in nil },
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
