import Assignment

extension SolveReport {
  /// The report of `solution` on scores given pair by pair (a ``ScoreTable``
  /// or a ``WholeScoreTable``).
  ///
  /// - Parameters:
  ///   - menteeIDs: One identifier per row.
  ///   - mentorIDs: One identifier per column.
  ///   - solution: The solution, with one entry per row.
  ///   - solveSeconds: The solver's time.
  ///   - certificate: Its certificate, when the certified solver ran.
  ///   - score: The score of an assigned pair `(row, column)`.
  /// - Complexity: O(`mentees`) calls of `score`.
  public init(
    menteeIDs: [String], mentorIDs: [String], solution: AssignmentSolution, solveSeconds: Double,
    certificate: CertifiedAssignment.Certificate? = nil, score: (Int, Int) -> Double
  ) {
    self.certificate = certificate.map(Certificate.init)
    objective = solution.totalScore
    assigned = solution.assignedCount
    var assignments: [Assignment] = []
    var unassigned: [String] = []
    assignments.reserveCapacity(solution.assignedCount)
    for (i, column) in solution.columnOfRow.enumerated() {
      if let j = column {
        assignments.append(Assignment(mentee: menteeIDs[i], mentor: mentorIDs[j], score: score(i, j)))
      } else {
        unassigned.append(menteeIDs[i])
      }
    }
    self.assignments = assignments
    self.unassigned = unassigned
    timings = Timings(solve: solveSeconds)
  }
}
