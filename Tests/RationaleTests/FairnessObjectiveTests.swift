import Assignment
import CompetencyModel
import Testing
import _TestSupport

@testable import Rationale

/// The lexicographic optimum (most assigned, then highest lowest score, then
/// highest total) by enumeration.
func bruteForceFairness(_ problem: AssignmentProblem) -> (count: Int, minimum: Double, total: Double) {
  var load = [Int](repeating: 0, count: problem.columns)
  var best = (count: 0, minimum: Double.infinity, total: 0.0)
  func better(_ a: (Int, Double, Double), _ b: (Int, Double, Double)) -> Bool {
    if a.0 != b.0 { return a.0 > b.0 }
    if abs(a.1 - b.1) > 1e-12 { return a.1 > b.1 }
    return a.2 > b.2 + 1e-12
  }
  func visit(_ row: Int, _ count: Int, _ minimum: Double, _ total: Double) {
    if row == problem.rows {
      if better((count, minimum, total), best) { best = (count, minimum, total) }
      return
    }
    visit(row + 1, count, minimum, total)
    for column in 0..<problem.columns {
      guard let s = problem.score(row: row, column: column), load[column] < problem.capacities[column] else { continue }
      load[column] += 1
      visit(row + 1, count + 1, min(minimum, s), total + s)
      load[column] -= 1
    }
  }
  visit(0, 0, .infinity, 0)
  return best
}

@Suite struct FairnessObjectiveTests {
  @Test func agreesWithBruteForceOnSmallCohorts() {
    var improved = 0
    for seed in UInt64(1)...30 {
      let cohort = CohortFixtures.generated(mentees: 6, mentors: 3, competencies: 4, seed: seed)
      var config = MatchingConfiguration()
      config.objective = .fairness
      let plan = CohortMatcher.match(cohort, configuration: config)
      let oracle = bruteForceFairness(CohortMatcher.score(cohort, configuration: config).problem)
      #expect(plan.summary.matched == oracle.count)
      if oracle.count > 0 {
        #expect(abs((plan.summary.minimumScore ?? .nan) - oracle.minimum) < 1e-9)
        #expect(abs(plan.summary.totalScore - oracle.total) < 1e-9)
        let comparison = plan.summary.fairness
        #expect(comparison != nil)
        #expect(comparison?.bottleneck != nil)
        if let comparison, let before = comparison.totalFitPlanMinimum, let bottleneck = comparison.bottleneck {
          #expect(bottleneck >= before)
          #expect(plan.summary.totalScore <= comparison.totalFitPlanTotal + 1e-9)
          if bottleneck > before { improved += 1 }
        }
      }
    }
    // Some cohorts must have a better-served weakest pair under fairness.
    #expect(improved > 0)
  }
}

@Suite struct FairnessBisectionTests {
  @Test func bisectionFindsTheSameBottleneckAsTheScoreSearch() throws {
    for seed in UInt64(1)...3 {
      let cohort = CohortFixtures.generated(mentees: 10, mentors: 3, competencies: 4, seed: seed)
      let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
      let source = CohortScoreSource(model: model, rules: PairRules(cohort, configuration: MatchingConfiguration()))
      let capacities = cohort.mentors.map(\.capacity)
      let baseline = CertifiedAssignment.solveWithStatistics(source, capacities: capacities)
      let exact = FairnessObjective.solve(
        source: source, capacities: capacities, candidatesPerRow: 24, baseline: baseline)
      let bisected = FairnessObjective.solve(
        source: source, capacities: capacities, candidatesPerRow: 24, baseline: baseline, distinctLimit: 1)
      let exactBottleneck = try #require(exact.bottleneck)
      let bisectedBottleneck = try #require(bisected.bottleneck)
      #expect(abs(exactBottleneck - bisectedBottleneck) < 1e-12)
      #expect(abs(exact.solution.totalScore - bisected.solution.totalScore) < 1e-9)
      #expect(exact.solution.assignedCount == bisected.solution.assignedCount)
    }
  }
}

@Suite struct FairnessRankTests {
  /// In fairness mode `rank` and `eligibleMentors` count only the mentors
  /// scoring at least the bottleneck, also when the fairness plan is the
  /// total-fit plan (no threshold above its lowest fit keeps everyone matched).
  @Test func ranksCountOnlyMentorsAtOrAboveTheBottleneck() {
    var samePlan = 0
    var checkedPairs = 0
    for seed in UInt64(1)...30 {
      let cohort = CohortFixtures.generated(mentees: 6, mentors: 3, competencies: 4, seed: seed)
      var config = MatchingConfiguration()
      config.objective = .fairness
      let plan = CohortMatcher.match(cohort, configuration: config)
      guard let fairness = plan.summary.fairness, let bottleneck = fairness.bottleneck, !plan.pairs.isEmpty else {
        continue
      }
      if fairness.totalFitPlanMinimum == bottleneck { samePlan += 1 }
      let problem = CohortMatcher.score(cohort, configuration: config).problem
      for pair in plan.pairs {
        let scores = (0..<problem.columns).compactMap { j -> Double? in
          guard problem.capacities[j] > 0, let s = problem.score(row: pair.menteeIndex, column: j) else { return nil }
          return s >= bottleneck - 1e-9 ? s : nil
        }
        #expect(pair.eligibleMentors == scores.count, "mentee \(pair.menteeID), seed \(seed)")
        #expect(
          pair.rank == 1 + scores.filter { $0 > pair.score + 1e-9 }.count, "mentee \(pair.menteeID), seed \(seed)")
        checkedPairs += 1
      }
    }
    // The case of the defect occurs among these cohorts.
    #expect(samePlan > 0)
    #expect(checkedPairs > 0)
  }
}
