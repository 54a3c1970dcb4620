import Assignment
import CohortGenerator
import Testing
import _TestSupport

/// Checks a solution against the brute-force oracle and its own certificate.
func expectOptimal(_ problem: AssignmentProblem, sourceLocation: SourceLocation = #_sourceLocation) {
  let solution = CapacitatedAssignment.solve(problem)
  let oracle = BruteForceAssignment.solve(problem)
  #expect(solution.assignedCount == oracle.assignedCount, sourceLocation: sourceLocation)
  #expect(abs(solution.totalScore - oracle.totalScore) < 1e-9, sourceLocation: sourceLocation)
  let violations = solution.verify(against: problem)
  #expect(violations.isEmpty, "\(violations.prefix(3))", sourceLocation: sourceLocation)
}

@Suite struct CapacitatedAssignmentTests {
  @Test(arguments: RandomAssignmentProblems.ScoreKind.allCases, AssignmentProblem.Sense.allCases)
  func agreesWithBruteForceOnAllSmallShapes(kind: RandomAssignmentProblems.ScoreKind, sense: AssignmentProblem.Sense) {
    var generator = SeededRandomNumberGenerator(seed: 0x5EED_0001)
    for rows in 0...6 {
      for columns in 0...4 {
        for forbiddenShare in [0.0, 0.3, 0.7] {
          for _ in 0..<6 {
            let problem = RandomAssignmentProblems.make(
              rows: rows, columns: columns, capacities: 0...3, forbiddenShare: forbiddenShare, kind: kind, sense: sense,
              using: &generator)
            expectOptimal(problem)
          }
        }
      }
    }
  }

  @Test func agreesWithBruteForceWhenCapacityIsShort() {
    var generator = SeededRandomNumberGenerator(seed: 42)
    for _ in 0..<200 {
      let problem = RandomAssignmentProblems.make(
        rows: 7, columns: 3, capacities: 0...2, forbiddenShare: 0.2, kind: .continuous, using: &generator)
      expectOptimal(problem)
    }
  }

  @Test func leavesTheCheaperRowUnassignedWhenOnlyOnePlaceExists() {
    // Row 0 comes first but row 1 scores higher: a row-by-row greedy would keep row 0.
    let problem = AssignmentProblem(rows: 2, columns: 1, scores: [1, 10], capacities: [1])
    let solution = CapacitatedAssignment.solve(problem)
    #expect(solution.columnOfRow == [nil, 0])
    #expect(solution.totalScore == 10)
    #expect(solution.verify(against: problem).isEmpty)
  }

  @Test func prefersMoreAssignedRowsOverAHigherTotal() {
    // Pairing row 0 with its 100 would leave row 1 without a mentor.
    let problem = AssignmentProblem(rows: 2, columns: 2, scores: [100, 1, 1, .nan], capacities: [1, 1])
    let solution = CapacitatedAssignment.solve(problem)
    #expect(solution.assignedCount == 2)
    #expect(solution.columnOfRow == [1, 0])
    #expect(solution.totalScore == 2)
  }

  @Test func handlesEmptyAndDegenerateShapes() {
    let empty = AssignmentProblem(rows: 0, columns: 0, scores: [], capacities: [])
    #expect(CapacitatedAssignment.solve(empty).assignedCount == 0)
    let noColumns = AssignmentProblem(rows: 3, columns: 0, scores: [], capacities: [])
    let s1 = CapacitatedAssignment.solve(noColumns)
    #expect(s1.unassignedRows == [0, 1, 2])
    #expect(s1.verify(against: noColumns).isEmpty)
    let allForbidden = AssignmentProblem(rows: 2, columns: 2, scores: [.nan, .nan, .nan, .nan], capacities: [1, 1])
    #expect(CapacitatedAssignment.solve(allForbidden).assignedCount == 0)
    let zeroCapacity = AssignmentProblem(rows: 2, columns: 2, scores: [1, 2, 3, 4], capacities: [0, 0])
    let s2 = CapacitatedAssignment.solve(zeroCapacity)
    #expect(s2.assignedCount == 0)
    #expect(s2.verify(against: zeroCapacity).isEmpty)
    let allTies = AssignmentProblem(
      rows: 4, columns: 2, scores: [Double](repeating: 0.5, count: 8), capacities: [2, 2])
    let s3 = CapacitatedAssignment.solve(allTies)
    #expect(s3.assignedCount == 4)
    #expect(s3.loads == [2, 2])
  }

  @Test func certificateHoldsOnLargerInstances() {
    var generator = SeededRandomNumberGenerator(seed: 7)
    for (rows, columns, caps) in [(300, 60, 1...6), (200, 200, 1...1), (150, 20, 1...3), (120, 200, 0...2)] {
      for kind in RandomAssignmentProblems.ScoreKind.allCases {
        let problem = RandomAssignmentProblems.make(
          rows: rows, columns: columns, capacities: caps, forbiddenShare: 0.25, kind: kind, using: &generator)
        let solution = CapacitatedAssignment.solve(problem)
        #expect(solution.verify(against: problem).isEmpty)
        #expect(solution.loads.enumerated().allSatisfy { $0.element <= problem.capacities[$0.offset] })
      }
    }
  }

  /// The dense matrix and its list of pairs go through two different solvers
  /// (the dense and the sparse shortest-augmenting-path code); on tie-heavy
  /// problems too large for the brute-force oracle they must reach the same
  /// optimum, and the sparse solver's duals must certify it on the dense problem.
  @Test func theSparseSolverReachesTheDenseOptimum() {
    var generator = SeededRandomNumberGenerator(seed: 99)
    for _ in 0..<20 {
      let problem = RandomAssignmentProblems.make(
        rows: 80, columns: 20, capacities: 1...4, forbiddenShare: 0.1, kind: .smallIntegers, using: &generator)
      let dense = CapacitatedAssignment.solve(problem)
      let sparse = CapacitatedAssignment.solve(SparseAssignmentProblem(problem))
      #expect(dense.assignedCount == sparse.assignedCount)
      #expect(abs(dense.totalScore - sparse.totalScore) < 1e-9)
      #expect(sparse.verify(against: problem).isEmpty)
    }
  }

  @Test func minimizingIsMaximizingTheNegatedScores() {
    var generator = SeededRandomNumberGenerator(seed: 3)
    for _ in 0..<50 {
      let problem = RandomAssignmentProblems.make(
        rows: 12, columns: 5, capacities: 0...3, forbiddenShare: 0.2, kind: .continuous, sense: .minimize,
        using: &generator)
      let negated = AssignmentProblem(
        rows: problem.rows, columns: problem.columns, scores: problem.scores.map { -$0 },
        capacities: problem.capacities, sense: .maximize)
      let a = CapacitatedAssignment.solve(problem)
      let b = CapacitatedAssignment.solve(negated)
      #expect(a.assignedCount == b.assignedCount)
      #expect(abs(a.totalScore + b.totalScore) < 1e-9)
    }
  }
}
