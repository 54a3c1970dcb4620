extension CapacitatedAssignment {
  /// ``solve(_:priceHint:previous:provisional:)``, also returning the
  /// solver's deterministic work counters (``SparseSolveCounters``), which
  /// ``CertifiedAssignment`` keeps per round for `--timings`.
  ///
  /// - Complexity: that of ``solve(_:priceHint:previous:)``.
  static func solveCounting(
    _ problem: SparseAssignmentProblem, priceHint: [Double]?, previous: [Int?]?, provisional: Bool
  ) -> (solution: AssignmentSolution, work: SparseSolveCounters) {
    var solver = SparseShortestAugmentingPathSolver(
      problem, priceHint: priceHint, preferred: previous, provisional: provisional)
    solver.run()
    return (solver.solution(), solver.counters)
  }
}
