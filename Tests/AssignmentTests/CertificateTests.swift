import Assignment
import Testing

@Suite struct CertificateTests {
  let problem = AssignmentProblem(rows: 3, columns: 2, scores: [5, 1, 4, 2, .nan, 3], capacities: [1, 2])

  @Test func acceptsTheOptimum() {
    #expect(CapacitatedAssignment.solve(problem).verify(against: problem).isEmpty)
  }

  @Test func rejectsASuboptimalAssignmentWithTheOptimalDuals() {
    var solution = CapacitatedAssignment.solve(problem)
    // Swap rows 0 and 1 between the columns: still feasible, not optimal.
    solution.columnOfRow = [1, 0, 1]
    solution.totalScore = 1 + 4 + 3
    let violations = solution.verify(against: problem)
    #expect(violations.contains { if case .gapTooLarge = $0 { true } else { false } })
  }

  @Test func rejectsForbiddenPairsAndOverCapacity() {
    var solution = CapacitatedAssignment.solve(problem)
    solution.columnOfRow = [0, 0, 0]
    solution.loads = [3, 0]
    solution.totalScore = 5 + 4
    let violations = solution.verify(against: problem)
    #expect(violations.contains(.forbiddenPair(row: 2, column: 0)))
    #expect(violations.contains(.overCapacity(column: 0, load: 3, capacity: 1)))
  }

  @Test func rejectsNegativePrices() {
    var solution = CapacitatedAssignment.solve(problem)
    solution.columnPrices[1] = -1
    #expect(solution.verify(against: problem).contains(.negativeDual("column", index: 1, value: -1)))
  }
}
