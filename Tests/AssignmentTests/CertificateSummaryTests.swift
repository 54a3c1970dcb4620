import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The certificate's walk given the scores' summary (``EligibleScoreSummary``):
/// the pruning pass gathers exactly the summary a walk of its own would, and
/// a walk given it forms the same gap terms, floors and verdicts, bit for bit,
/// on solved, corrupted and random plans.
@Suite struct CertificateSummaryTests {
  /// Scales that move the scores' grid and magnitude: integers times 3,
  /// small and subnormal multiples, large ones.
  static let scales = [1.0, 3.0, 0x1p-40, 0x1p-1060, 0x1p20, 1e300]

  /// A random problem of trial `trial`, its scores scaled, with signed zeros
  /// in some trials and columns without capacity in most.
  static func problem(trial: Int, using generator: inout SeededRandomNumberGenerator) -> AssignmentProblem {
    let base = RandomAssignmentProblems.make(
      rows: 1 + trial % 23, columns: 1 + trial % 6, capacities: 0...3, forbiddenShare: 0.25,
      kind: trial % 2 == 0 ? .continuous : .smallIntegers, sense: trial % 3 == 2 ? .minimize : .maximize,
      using: &generator)
    let scale = scales[trial % scales.count]
    var scores = base.scores.map { $0 * scale }
    if trial % 5 == 0 {
      for k in scores.indices where k % 7 == 3 && !scores[k].isNaN { scores[k] = k % 2 == 0 ? 0 : -0.0 }
    }
    return AssignmentProblem(
      rows: base.rows, columns: base.columns, scores: scores, capacities: base.capacities, sense: base.sense)
  }

  /// Whether two doubles are the same bits (any NaN the same).
  static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

  /// Whether two parts hold the same rows, terms, scores, forbidden rows and
  /// operation counts (the range and grid aside).
  static func same(_ a: CertificateCheck.Part, _ b: CertificateCheck.Part) -> Bool {
    a.rows == b.rows && a.forbidden == b.forbidden && a.operations == b.operations
      && a.gap.count == b.gap.count
      && zip(a.gap, b.gap).allSatisfy { same($0.high, $1.high) && same($0.low, $1.low) }
      && a.assignedScore.count == b.assignedScore.count
      && zip(a.assignedScore, b.assignedScore).allSatisfy { same($0, $1) }
  }

  /// Walks every row of `problem` with `check`, plainly and with the floor
  /// outside `excluded` (`excluded[i][j] == i` leaves pair `(i, j)` out).
  static func walk(_ check: CertificateCheck, _ problem: AssignmentProblem, excluded: [[Int]]) -> (
    plain: CertificateCheck.Part, carried: CertificateCheck.Part, floors: [Double]
  ) {
    var plain = CertificateCheck.Part()
    var carried = CertificateCheck.Part()
    var floors: [Double] = []
    let m = problem.columns
    problem.scores.withUnsafeBufferPointer { scores in
      for i in 0..<problem.rows {
        let row = UnsafeBufferPointer(rebasing: scores[(i * m)..<((i + 1) * m)])
        check.check(row: i, scores: row, into: &plain)
        var floor = 0.0
        excluded[i].withUnsafeBufferPointer { excluded in
          check.check(row: i, scores: row, excluded: excluded, floor: &floor, into: &carried)
        }
        floors.append(floor)
      }
    }
    return (plain, carried, floors)
  }

  /// The plans a trial checks: the optimum (when the scores resolve) and its
  /// corruptions — a raised price, a lowered row value, a moved row — and a
  /// plan with random duals near the scores' scale.
  static func plans(
    _ problem: AssignmentProblem, scale: Double, using generator: inout SeededRandomNumberGenerator
  ) -> [AssignmentSolution] {
    var plans: [AssignmentSolution] = []
    let n = problem.rows
    let m = problem.columns
    if scale == 1 || scale == 3 {
      let optimum = CapacitatedAssignment.solve(problem)
      plans.append(optimum)
      if let j = optimum.columnPrices.indices.first(where: { optimum.loads[$0] > 0 }) {
        var raised = optimum
        raised.columnPrices[j] += scale
        plans.append(raised)
      }
      if let i = optimum.rowValues.indices.first(where: { optimum.rowValues[$0] > 0 }) {
        var lowered = optimum
        lowered.rowValues[i] *= 0.5
        plans.append(lowered)
      }
      if let i = optimum.columnOfRow.indices.first(where: { optimum.columnOfRow[$0] != nil }) {
        var moved = optimum
        moved.columnOfRow[i] = (optimum.columnOfRow[i]! + 1) % m
        plans.append(moved)
      }
    }
    let columnOfRow: [Int?] = (0..<n).map { _ in
      Bool.random(using: &generator) ? Int.random(in: 0..<m, using: &generator) : nil
    }
    var loads = [Int](repeating: 0, count: m)
    for case let j? in columnOfRow { loads[j] += 1 }
    plans.append(
      AssignmentSolution(
        columnOfRow: columnOfRow, totalScore: 0, assignedCount: loads.reduce(0, +), loads: loads,
        rowValues: (0..<n).map { _ in scale * Double.random(in: -0.2...2, using: &generator) },
        columnPrices: (0..<m).map { _ in scale * Double.random(in: -0.2...1, using: &generator) },
        cardinalityBonus: Bool.random(using: &generator) ? 0 : scale * 4))
    return plans
  }

  /// The pruning pass's summary is the one a certificate walk gathers, on
  /// any number of threads and blocks, whatever the entry prices.
  @Test func thePruningPassGathersTheWalksSummary() {
    var generator = SeededRandomNumberGenerator(seed: 901)
    var subnormalGrids = 0
    for trial in 0..<180 {
      let problem = Self.problem(trial: trial, using: &generator)
      let plan = Self.plans(problem, scale: 0, using: &generator)[0]
      let check = CertificateCheck(plan, capacities: problem.capacities, sense: problem.sense)
      let excluded = [[Int]](repeating: [Int](repeating: -1, count: problem.columns), count: problem.rows)
      let walked = check.summary(of: [Self.walk(check, problem, excluded: excluded).plain])
      if walked.gridExponent < -1022 { subnormalGrids += 1 }
      let entryPrices = (0..<problem.columns).map { _ in Double.random(in: 0...2, using: &generator) }
      for (blockRows, workers) in [(1, 1), (4, 3)] {
        let pruning = CandidatePruning(
          DenseScoreSource(problem, blockRows: blockRows), capacities: problem.capacities, sense: problem.sense,
          perRow: 2, entryPrices: entryPrices, previous: nil, workers: workers)
        #expect(pruning.summary == walked, "trial \(trial)")
        #expect(Self.same(pruning.low, walked.low) && Self.same(pruning.high, walked.high), "trial \(trial)")
      }
    }
    #expect(subnormalGrids > 10)
  }

  /// A pruning pass whose entry price of an eligible column is not finite
  /// gives no summary (its range leaves that column out).
  @Test func anInfiniteEntryPriceGivesNoSummary() {
    var generator = SeededRandomNumberGenerator(seed: 902)
    let problem = RandomAssignmentProblems.make(
      rows: 6, columns: 3, capacities: 1...2, forbiddenShare: 0, kind: .continuous, using: &generator)
    let pruning = CandidatePruning(
      DenseScoreSource(problem), capacities: problem.capacities, sense: problem.sense, perRow: 1,
      entryPrices: [0, .infinity, 0], previous: nil)
    #expect(pruning.summary == nil)
  }

  /// Walks given the summary form the same terms, floors and verdicts as
  /// walks that gather it, bit for bit, on solved, corrupted and random plans.
  @Test func theSummaryLeavesEveryVerdictUnchanged() {
    var generator = SeededRandomNumberGenerator(seed: 903)
    var plansChecked = 0
    var rejected = 0
    var accepted = 0
    for trial in 0..<240 {
      let problem = Self.problem(trial: trial, using: &generator)
      let scale = Self.scales[trial % Self.scales.count]
      let summary = CandidatePruning(
        DenseScoreSource(problem), capacities: problem.capacities, sense: problem.sense, perRow: 2,
        entryPrices: [Double](repeating: 0, count: problem.columns), previous: nil
      ).summary
      #expect(summary != nil)
      let excluded = (0..<problem.rows).map { i in
        (0..<problem.columns).map { _ in Bool.random(using: &generator) ? i : -1 }
      }
      for plan in Self.plans(problem, scale: scale, using: &generator) {
        let plain = CertificateCheck(plan, capacities: problem.capacities, sense: problem.sense)
        let given = CertificateCheck(plan, capacities: problem.capacities, sense: problem.sense, scores: summary)
        let a = Self.walk(plain, problem, excluded: excluded)
        let b = Self.walk(given, problem, excluded: excluded)
        #expect(Self.same(a.plain, b.plain), "trial \(trial)")
        #expect(Self.same(a.carried, b.carried), "trial \(trial)")
        #expect(zip(a.floors, b.floors).allSatisfy { Self.same($0, $1) }, "trial \(trial)")
        for claimsExact in [false, true] {
          let verdict = plain.verdict([a.plain], claimsExact: claimsExact)
          #expect(verdict == given.verdict([b.plain], claimsExact: claimsExact), "trial \(trial)")
          #expect(verdict == given.verdict([b.carried], claimsExact: claimsExact), "trial \(trial)")
          if verdict.isEmpty { accepted += 1 } else { rejected += 1 }
        }
        plansChecked += 1
      }
    }
    // Both verdicts occur often enough for the comparison to mean something.
    #expect(plansChecked > 400 && accepted > 40 && rejected > 200)
  }
}
