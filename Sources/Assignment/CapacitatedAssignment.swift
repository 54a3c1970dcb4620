/// Optimal capacitated assignment by shortest augmenting paths with duals.
///
/// The solver is the Hungarian method in its shortest-augmenting-path form
/// (Jonker and Volgenant 1987; Ahuja, Magnanti and Orlin, *Network Flows*,
/// ch. 9), generalised so that each column is one node with a capacity rather
/// than `capacity` copies:
///
/// 1. Costs are made non-negative whole numbers of units (``ScoreResolution``:
///    `c = round((A − ±s) / q)`, so every later step is exact arithmetic).
///    Each row also has a private "unassigned" option of cost
///    `P = (rows + 1) · (R_u + 2)` units, more than any difference of totals,
///    so that the optimum first assigns as many rows as possible. Pairs in
///    zero-capacity columns are dropped: they can never be made.
/// 2. A greedy pass gives each row its cheapest column while it has room,
///    with the row dual set to that cost (complementary slackness holds).
/// 3. Each remaining row grows a Dijkstra tree over columns in reduced costs
///    `c(i, j) − u(i) − v(j) >= 0`. Reaching a full column continues through
///    every row it holds; the path ends at the nearest column with room, or at
///    the unassigned option of a row in the tree (that row is displaced).
///    The duals of the tree are shifted so reduced costs stay non-negative,
///    and the path is augmented.
///
/// Columns below capacity keep a dual of zero and column duals only fall, so
/// at the end the duals certify optimality (see ``AssignmentSolution``).
///
/// - Complexity: O(`rows · (rows + columns) · columns`) time in the worst case,
///   usually far less; O(`rows · columns`) memory for the cost copy.
public enum CapacitatedAssignment {
  /// Solves `problem` to optimality: the most rows assigned, then the best
  /// total score.
  ///
  /// **The test oracle.** The dense solver (`ShortestAugmentingPathSolver`)
  /// is independent of the sparse one and no user path calls it: `match`,
  /// `solve`, circles' facilitator assignment (`CircleFacilitators`) and the
  /// coverage bound (`MatchQuality`) all run ``CertifiedAssignment``, whose
  /// sparse solver is checked after every phase and whose plans pass the
  /// certificate over every pair. The tests compare that path with this one.
  /// Debug builds verify its certificate after every solve.
  ///
  /// ```swift
  /// let solution = CapacitatedAssignment.solve(problem)
  /// ```
  ///
  /// - Parameter problem: The problem; forbidden pairs are never assigned. Its
  ///   scores must be certifiable (``ScoreResolution/refusal(for:)`` is `nil`
  ///   for every problem whose scores are within
  ///   ``AssignmentProblem/maximumScoreMagnitude`` and not lost to the spread;
  ///   a spread that overflows traps).
  /// - Returns: The optimal assignment and its dual certificate: exactly
  ///   optimal when the eligible scores are multiples of the quantum, else
  ///   within ``ScoreResolution/resolution``.
  /// - Complexity: See ``CapacitatedAssignment``.
  public static func solve(_ problem: AssignmentProblem) -> AssignmentSolution {
    var solver = ShortestAugmentingPathSolver(problem)
    solver.run()
    let solution = solver.solution()
    #if MENTORMATCH_INVARIANTS
      let violations = solution.verify(against: problem)
      precondition(violations.isEmpty, "Assignment certificate failed: \(violations.prefix(3))")
    #endif
    return solution
  }

  /// Solves a problem given by its listed pairs; unlisted pairs are forbidden.
  ///
  /// The duals use the bonus implied by `problem.scoreBounds`, so a solution of
  /// pruned candidates can be priced against the full problem.
  ///
  /// - Parameter problem: The listed pairs.
  /// - Returns: The optimal assignment over the listed pairs and its duals.
  /// - Complexity: O(`rows · E log E`) in the worst case for `E` listed pairs;
  ///   usually near-linear.
  public static func solve(_ problem: SparseAssignmentProblem) -> AssignmentSolution {
    solve(problem, priceHint: nil)
  }

  /// Solves a problem given by its listed pairs, starting from estimated column
  /// prices: a warm start. The answer is exact whatever the hint; a hint close
  /// to the optimal prices (those of a previous solve of a similar problem)
  /// makes the solve much faster.
  ///
  /// The solve starts from the hinted prices. Columns that end with room but a
  /// positive price are then repaired by backward phases (see
  /// `SparseShortestAugmentingPathSolver`), so one solve always suffices.
  ///
  /// - Parameters:
  ///   - problem: The listed pairs.
  ///   - priceHint: Non-negative estimated prices, one per column, in score units.
  ///   - previous: Each row's column in a previous solve (or `nil`), kept when
  ///     it is among the row's cheapest.
  /// - Returns: The optimal assignment over the listed pairs and its duals.
  /// - Complexity: that of ``solve(_:)-(SparseAssignmentProblem)``, plus one
  ///   backward phase per unit of room left at a positively priced column.
  public static func solve(
    _ problem: SparseAssignmentProblem, priceHint: [Double]?, previous: [Int?]? = nil
  ) -> AssignmentSolution {
    solve(problem, priceHint: priceHint, previous: previous, provisional: false)
  }

  /// ``solve(_:priceHint:previous:)``, optionally with the smaller bonus of a
  /// provisional solve (see `SparseShortestAugmentingPathSolver`).
  static func solve(
    _ problem: SparseAssignmentProblem, priceHint: [Double]?, previous: [Int?]?, provisional: Bool
  ) -> AssignmentSolution {
    var solver = SparseShortestAugmentingPathSolver(
      problem, priceHint: priceHint, preferred: previous, provisional: provisional)
    solver.run()
    return solver.solution()
  }

}
