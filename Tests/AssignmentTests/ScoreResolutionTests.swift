import Assignment
import CohortGenerator
import Testing
import _TestSupport

/// `2^k` exactly.
private func power2(_ k: Int) -> Double { Double(sign: .plus, exponent: k, significand: 1) }

/// Issue 10, item 3: the solvers are exact over the whole range they accept,
/// refuse what double precision cannot certify, and the certificate never
/// passes a worse plan.

@Suite struct ScoreResolutionTests {
  /// The reported problem: a huge cell in a zero-capacity column.
  let reproducer = AssignmentProblem(
    rows: 3, columns: 2, scores: [1.0, .nan, 0.0, .nan, -1.0, -1e15], capacities: [1, 0])

  @Test func aHugeCellInAZeroCapacityColumnChangesNothing() {
    #expect(ScoreResolution.refusal(for: reproducer) == nil)
    let dense = CapacitatedAssignment.solve(reproducer)
    let (certified, certificate) = CertifiedAssignment.solve(
      DenseScoreSource(reproducer), capacities: reproducer.capacities)
    for solution in [dense, certified] {
      #expect(solution.columnOfRow == [0, nil, nil])
      #expect(solution.totalScore == 1)
      #expect(solution.verify(against: reproducer).isEmpty)
    }
    #expect(certificate.exact)
    // The wrong plan of the report fails the certificate, whatever duals it carries.
    var wrong = dense
    wrong.columnOfRow = [nil, nil, 0]
    wrong.totalScore = -1
    #expect(wrong.verify(against: reproducer).contains { if case .gapTooLarge = $0 { true } else { false } })
  }

  /// A few near-zero scores among many (a cosine score of 1e-8, say) are
  /// resolved as ties with 0 within ρ; past 1 % of the non-zero scores the
  /// problem is refused, naming the smallest of them.
  @Test func aFewScoresBelowTheResolutionAreResolvedManyAreRefused() {
    var generator = SeededRandomNumberGenerator(seed: 0x10_0009)
    let rows = 300
    let columns = 40
    var scores = (0..<rows * columns).map { _ in Double.random(in: -1...1, using: &generator) }
    let capacities = [Int](repeating: 8, count: columns)
    let rho = ScoreResolution(
      AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: capacities)
    ).resolution
    // Tiny scores in 1 % of the cells (120 of 12,000): accepted.
    let tiny = rho / 4
    for k in 0..<(rows * columns / 100) { scores[k * 100 + 7] = k % 2 == 0 ? tiny : -tiny }
    let accepted = AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: capacities)
    #expect(ScoreResolution(accepted).resolution == rho)
    #expect(ScoreResolution.refusal(for: accepted) == nil)
    let (solution, certificate) = CertifiedAssignment.solve(
      DenseScoreSource(accepted), capacities: capacities, sense: .maximize, candidatesPerRow: 6)
    #expect(solution.verify(against: accepted).isEmpty)
    #expect(!certificate.exact)
    // One more tiny score tips the share past 1 %: refused, naming the smallest.
    scores[5] = tiny / 2
    let refused = AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: capacities)
    let refusal = ScoreResolution.refusal(for: refused)
    #expect(refusal?.lostCell?.row == 0 && refusal?.lostCell?.column == 5)
    #expect(refusal?.lostScore == tiny / 2)
  }

  @Test func theSameCellWithCapacityIsRefused() {
    let problem = AssignmentProblem(
      rows: 3, columns: 2, scores: [1.0, .nan, 0.0, .nan, -1.0, -1e15], capacities: [1, 1])
    let refusal = ScoreResolution.refusal(for: problem)
    #expect(refusal?.extremeCell.row == 2 && refusal?.extremeCell.column == 1)
    #expect(refusal?.extremeScore == -1e15)
    #expect(refusal.map { abs($0.lostScore ?? 0) == 1 } == true)
    // The resolution the refusal names is the one the solver would work to, and exceeds the lost score.
    #expect(refusal?.resolution == ScoreResolution(problem).resolution)
    #expect((refusal?.resolution ?? 0) > 1)
  }

  @Test func theQuantumFollowsTheDocumentedFormula() {
    var generator = SeededRandomNumberGenerator(seed: 77)
    for _ in 0..<500 {
      let rows = Int.random(in: 0...100_000, using: &generator)
      let a = Double.random(in: -1...1, using: &generator) * power2(Int.random(in: -990...990, using: &generator))
      let b = Double.random(in: -1...1, using: &generator) * power2(Int.random(in: -990...990, using: &generator))
      let r = ScoreResolution(rows: rows, sense: .maximize, bounds: min(a, b)...max(a, b))
      let spread = max(a, b) - min(a, b)
      let magnitude = max(abs(a), abs(b))
      // q is a power of two with (n + 2) · R / q < 2^48 and |H| / q < 2^51 ...
      #expect(r.quantum.significandBitPattern == 0)
      #expect(Double(rows + 2) * (spread / r.quantum) < 0x1p48)
      #expect(abs(r.highest) / r.quantum < 0x1p51)
      // ... and the least such up to the factor the exponents' rounding allows.
      #expect(
        Double(rows + 2) * (spread / r.quantum) >= 0x1p44 || magnitude / r.quantum >= 0x1p49
          || r.quantum == Double.leastNonzeroMagnitude)
      // Every working value is a whole number below 2^52.
      #expect(r.unassignedUnits + r.spreadUnits < 0x1p52)
      #expect(r.cardinalityBonus == r.unassignedUnits * r.quantum - r.anchor)
    }
  }

  /// Random problems of the given kind, with per-column capacities from 0 to 2.
  func problem(
    kind: Kind, rows: Int, columns: Int, sense: AssignmentProblem.Sense,
    using generator: inout SeededRandomNumberGenerator
  ) -> AssignmentProblem {
    let capacities = (0..<columns).map { _ in Int.random(in: 0...2, using: &generator) }
    let scale = kind.scales.randomElement(using: &generator)!
    var scores = [Double](repeating: .nan, count: rows * columns)
    for i in 0..<rows {
      for j in 0..<columns where Double.random(in: 0..<1, using: &generator) >= 0.2 {
        if capacities[j] == 0 {
          // Extreme cells where they can never be used.
          scores[i * columns + j] = [1e300, -1e300, 1e-300, -0x1p-1074, 0x1p1000].randomElement(using: &generator)!
          continue
        }
        switch kind {
        case .grid:
          scores[i * columns + j] = Double(Int.random(in: -(1 << 20)...(1 << 20), using: &generator)) * scale
        case .continuous:
          scores[i * columns + j] = Double.random(in: -1...1, using: &generator) * scale
        case .mixed:
          let huge = Bool.random(using: &generator)
          scores[i * columns + j] =
            huge ? Double.random(in: -1...1, using: &generator) * 1e300 : Double.random(in: -1...1, using: &generator)
        }
      }
    }
    return AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: capacities, sense: sense)
  }

  enum Kind: CaseIterable {
    /// Whole numbers up to 2^20 times a power of two from 2^-1050 to 2^950: sums exact.
    case grid
    /// Uniform in ±1 times 10^-300, 1 or 10^300.
    case continuous
    /// Half the cells of magnitude up to 1e300, half up to 1.
    case mixed

    var scales: [Double] {
      switch self {
      case .grid: return [0x1p-1050, 0x1p-500, 1, 0x1p300, 0x1p950]
      case .continuous: return [1e-300, 1, 1e300]
      case .mixed: return [1]
      }
    }
  }

  @Test(arguments: Kind.allCases, AssignmentProblem.Sense.allCases)
  func exactWhereAcceptedRefusedOtherwise(kind: Kind, sense: AssignmentProblem.Sense) {
    var generator = SeededRandomNumberGenerator(seed: 0x10_0003)
    var refused = 0
    var solved = 0
    for trial in 0..<150 {
      let problem = problem(
        kind: kind, rows: 1 + trial % 6, columns: 1 + trial % 4, sense: sense, using: &generator)
      // Mixed problems lose their small cells exactly when a huge one shares the eligible pairs.
      let eligible = (0..<problem.rows * problem.columns).filter {
        problem.capacities[$0 % problem.columns] > 0 && !problem.scores[$0].isNaN
      }.map { abs(problem.scores[$0]) }
      let hugeAndSmall = eligible.contains { $0 > 1e200 } && eligible.contains { $0 != 0 && $0 <= 1 }
      if kind == .mixed { #expect((ScoreResolution.refusal(for: problem) != nil) == hugeAndSmall, "trial \(trial)") }
      if let refusal = ScoreResolution.refusal(for: problem) {
        refused += 1
        // Refused only for a reason that holds: a non-zero score below the resolution.
        #expect(refusal.lostScore.map { $0 != 0 && abs($0) < refusal.resolution } == true)
        continue
      }
      solved += 1
      let resolution = ScoreResolution(problem)
      let oracle = BruteForceAssignment.solve(problem, tolerance: 0)
      let dense = CapacitatedAssignment.solve(problem)
      let (certified, certificate) = CertifiedAssignment.solve(
        DenseScoreSource(problem), capacities: problem.capacities, sense: sense, candidatesPerRow: 1 + trial % 3)
      for (which, solution) in [("dense", dense), ("certified", certified)] {
        #expect(solution.assignedCount == oracle.assignedCount, "trial \(trial)")
        #expect(
          solution.verify(against: problem).isEmpty, "trial \(trial), \(which): \(solution.verify(against: problem))")
        if kind == .grid {
          // Sums of these scores are exact: the optimum itself, not an approximation.
          #expect(solution.totalScore == oracle.totalScore, "trial \(trial)")
        } else {
          let sign = sense == .maximize ? 1.0 : -1.0
          #expect(sign * (oracle.totalScore - solution.totalScore) <= resolution.resolution, "trial \(trial)")
        }
      }
      if kind == .grid { #expect(certificate.exact) }
    }
    switch kind {
    case .grid, .continuous:
      #expect(refused == 0)
    case .mixed:
      // Both outcomes occur (which one is asserted above, problem by problem).
      #expect(refused > 50 && solved > 20)
    }
    #expect(refused + solved == 150)
  }

  @Test func theCertificateNeverPassesAWorsePlan() {
    var generator = SeededRandomNumberGenerator(seed: 0x10_0004)
    var checked = 0
    for trial in 0..<400 {
      let sense: AssignmentProblem.Sense = trial % 2 == 0 ? .maximize : .minimize
      let problem = problem(kind: .grid, rows: 2 + trial % 5, columns: 1 + trial % 4, sense: sense, using: &generator)
      let solution = CapacitatedAssignment.solve(problem)
      let sign = sense == .maximize ? 1.0 : -1.0
      // Every single move of one row (to another column with room, or out) that
      // gives a feasible plan: worse ones must fail, equal ones may pass.
      for i in 0..<problem.rows {
        for target in [nil] + (0..<problem.columns).map(Optional.some) where target != solution.columnOfRow[i] {
          var moved = solution
          if let j = target {
            guard problem.isAllowed(row: i, column: j), moved.loads[j] < problem.capacities[j] else { continue }
            moved.loads[j] += 1
          } else {
            moved.assignedCount -= 1
          }
          if let from = solution.columnOfRow[i] {
            moved.loads[from] -= 1
          } else {
            moved.assignedCount += 1
          }
          moved.columnOfRow[i] = target
          let old = solution.columnOfRow[i].map { problem.score(row: i, column: $0)! } ?? 0
          let new = target.map { problem.score(row: i, column: $0)! } ?? 0
          moved.totalScore = solution.totalScore - old + new
          let worse =
            moved.assignedCount < solution.assignedCount
            || (moved.assignedCount == solution.assignedCount && sign * moved.totalScore < sign * solution.totalScore)
          let violations = moved.verify(against: problem)
          if worse {
            #expect(!violations.isEmpty, "trial \(trial): a worse plan passed")
            checked += 1
          }
        }
      }
    }
    #expect(checked > 300)
  }
}
