import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The pricing pass's lean loop: once a worker has seen a violation, the
/// pass is not the last, and its rows are priced without the statistics, the
/// grid flag and the certificate. Its violations, additions and unassigned
/// rows must still be exactly those of the definition, whichever row the
/// first violation falls on (1, 2 and 5 workers switch at different rows).
@Suite struct LeanPricingTests {
  /// Against reduced costs computed here pair by pair with
  /// ``ScoreResolution/units(_:)``: the number of violations, each row's
  /// additions (its `k` lowest slacks below the margin, in ``TopOrder``) and
  /// the unassigned rows with an eligible pair; on small-integer ties,
  /// continuous scores, tie plateaus with capacities 1–5, forbidden pairs
  /// and zero-capacity columns, maximising and minimising.
  @Test(arguments: Array(UInt64(61)...UInt64(72)))
  func violationsAndAdditionsMatchTheDefinition(seed: UInt64) {
    var generator = SeededRandomNumberGenerator(seed: seed)
    let sense: AssignmentProblem.Sense = seed % 4 == 1 ? .minimize : .maximize
    var problem: AssignmentProblem
    if seed % 3 == 0 {
      let plateau = TiePlateauTests.plateau(rows: 90, columns: 14, strongShare: 0.3, using: &generator)
      let capacities = (0..<plateau.columns).map { j in 1 + (j + Int(seed)) % 5 }
      var scores = plateau.scores
      for k in scores.indices where (k * 7 + Int(seed)) % 11 == 0 { scores[k] = .nan }
      problem = AssignmentProblem(
        rows: plateau.rows, columns: plateau.columns, scores: scores, capacities: capacities, sense: sense)
    } else {
      problem = RandomAssignmentProblems.make(
        rows: 80, columns: 12, capacities: 0...3, forbiddenShare: 0.2,
        kind: seed % 2 == 0 ? .smallIntegers : .continuous, sense: sense, using: &generator)
    }
    let n = problem.rows
    let m = problem.columns
    let sign = sense == .maximize ? 1.0 : -1.0
    let eligible = { (i: Int, j: Int) -> Double? in
      problem.capacities[j] > 0 ? problem.score(row: i, column: j) : nil
    }
    let scores = (0..<n).flatMap { i in (0..<m).compactMap { eligible(i, $0) } }
    let bounds = scores.min()!...scores.max()!
    let resolution = ScoreResolution(rows: n, sense: sense, bounds: bounds)
    // Each row lists one column, its worst eligible one: most rows violate.
    var candidates = CandidateSet(rows: n)
    for i in 0..<n {
      let row = (0..<m).filter { eligible(i, $0) != nil }
      if let j = row.min(by: { sign * eligible(i, $0)! < sign * eligible(i, $1)! }) {
        candidates.add(row: i, column: j, score: eligible(i, j)!)
      }
    }
    let solution = CapacitatedAssignment.solve(
      candidates.problem(columns: m, capacities: problem.capacities, sense: sense, bounds: bounds))
    let margin = SolverTolerance.nearTightMargin(spreadUnits: resolution.spreadUnits)
    let k = 3
    // The definition, pair by pair.
    let q = resolution.quantum
    let solveUnits = (solution.cardinalityBonus + resolution.anchor) / q
    var violations = 0
    var additions: [Int: [Int]] = [:]
    var unassigned = 0
    for i in 0..<n {
      let offset = solution.rowValues[i] / q - solveUnits
      let listed = Set(candidates.columns[i].map(Int.init))
      var below: [(key: Double, index: Int)] = []
      for j in 0..<m {
        guard let s = eligible(i, j), !listed.contains(j) else { continue }
        let slack = resolution.units(s) + offset + solution.columnPrices[j] / q
        if slack < 0 { violations += 1 }
        if slack < margin { below.append((-slack, TopOrder.spread(j, row: i, columns: m))) }
      }
      below.sort { TopOrder.below($1.key, $1.index, $0.key, $0.index) }
      let kept = below.prefix(k).map { TopOrder.unspread($0.index, row: i, columns: m) }
      if !kept.isEmpty { additions[i] = kept }
      if solution.columnOfRow[i] == nil && (0..<m).contains(where: { eligible(i, $0) != nil }) { unassigned += 1 }
    }
    #expect(violations > 0)
    for workers in [1, 2, 5] {
      let pass = PricingPass(
        DenseScoreSource(problem, blockRows: 4), solution: solution, candidates: candidates,
        capacities: problem.capacities, resolution: resolution, perRow: k, margin: margin, workers: workers)
      #expect(pass.violations == violations)
      #expect(pass.unassignedRowsWithPairs == unassigned)
      #expect(!pass.certificateChecked)
      var found: [Int: [Int]] = [:]
      for x in pass.additions.rows.indices {
        let i = Int(pass.additions.rows[x])
        let j = Int(pass.additions.columns[x])
        found[i, default: []].append(j)
        #expect(pass.additions.scores[x] == problem.score(row: i, column: j))
      }
      #expect(found == additions, "workers \(workers)")
    }
  }
}
