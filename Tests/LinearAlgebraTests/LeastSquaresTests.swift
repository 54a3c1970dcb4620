import CohortGenerator
import LinearAlgebra
import Testing

@Suite struct LeastSquaresTests {
  @Test func recoversAnExactSolution() throws {
    var g = SeededRandomNumberGenerator(seed: 5)
    let a = randomMatrix(40, 6, &g)
    let truth = [0.5, -1, 2, 0, 3, -0.25]
    let b = a.multiplied(by: truth)
    let fit = try a.leastSquares(rhs: b)
    #expect(fit.rank == 6)
    for (x, t) in zip(fit.solution, truth) { #expect(abs(x - t) < 1e-10) }
    #expect(fit.singularValues == fit.singularValues.sorted(by: >))
  }

  @Test func givesTheMinimumNormSolutionWhenRankDeficient() throws {
    // Two identical columns: x1 + x2 = 2 has minimum-norm solution (1, 1).
    let a = Matrix([[1, 1], [1, 1], [1, 1]])
    let fit = try a.leastSquares(rhs: [2, 2, 2])
    #expect(fit.rank == 1)
    #expect(abs(fit.solution[0] - 1) < 1e-10 && abs(fit.solution[1] - 1) < 1e-10)
  }

  @Test func rejectsAMismatchedRightHandSide() {
    #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2]]).leastSquares(rhs: [1, 2]) }
  }

  @Test func solvesPositiveDefiniteSystems() throws {
    let a = Matrix([[4, 1], [1, 3]])
    let x = try a.solvePositiveDefinite(rhs: [1, 2])
    #expect(abs(4 * x[0] + x[1] - 1) < 1e-12)
    #expect(abs(x[0] + 3 * x[1] - 2) < 1e-12)
  }

  @Test func reportsAMatrixThatIsNotPositiveDefinite() {
    #expect(throws: LinearAlgebraError.notPositiveDefinite(minorOrder: 2)) {
      try Matrix([[1, 2], [2, 1]]).solvePositiveDefinite(rhs: [1, 1])
    }
  }
}
