import Assignment
import CohortGenerator
import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// The best (most matched, then highest total) plan under capacities and a
/// per-mentor per-department cap, by enumeration.
func bruteForceWithDepartmentCap(_ problem: AssignmentProblem, departments: [String?], cap: Int) -> (Int, Double) {
  var load = [Int](repeating: 0, count: problem.columns)
  var perDepartment: [String: Int] = [:]
  var best = (0, 0.0)
  func visit(_ row: Int, _ count: Int, _ total: Double) {
    if row == problem.rows {
      if count > best.0 || (count == best.0 && total > best.1 + 1e-12) { best = (count, total) }
      return
    }
    visit(row + 1, count, total)
    for column in 0..<problem.columns {
      guard let s = problem.score(row: row, column: column), load[column] < problem.capacities[column] else { continue }
      let key = departments[row].map { "\(column)|\($0.lowercased())" }
      if let key, perDepartment[key, default: 0] >= cap { continue }
      load[column] += 1
      if let key { perDepartment[key, default: 0] += 1 }
      visit(row + 1, count + 1, total + s)
      load[column] -= 1
      if let key { perDepartment[key, default: 0] -= 1 }
    }
  }
  visit(0, 0, 0)
  return best
}

@Suite struct DepartmentCapTests {
  @Test func agreesWithBruteForce() {
    var binding = 0
    for seed in UInt64(1)...25 {
      var parameters = CohortGenerator.Parameters(mentees: 7, mentors: 2, competencies: 3, seed: seed)
      parameters.departments = 2
      parameters.capacityRange = 2...4
      let cohort = CohortGenerator(parameters).generate().cohort
      var config = MatchingConfiguration()
      config.rules.maxMenteesPerDepartment = 1
      let plan = CohortMatcher.match(cohort, configuration: config)
      let dense = CohortMatcher.score(cohort, configuration: config).problem
      let oracle = bruteForceWithDepartmentCap(dense, departments: cohort.mentees.map(\.person.department), cap: 1)
      #expect(plan.summary.matched == oracle.0)
      #expect(abs(plan.summary.totalScore - oracle.1) < 1e-9)
      // The cap holds in the plan.
      var seen: [String: Int] = [:]
      for pair in plan.pairs {
        guard let department = cohort.mentees[pair.menteeIndex].person.department else { continue }
        seen["\(pair.mentorIndex)|\(department.lowercased())", default: 0] += 1
      }
      #expect(seen.values.allSatisfy { $0 <= 1 })
      let uncapped = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
      if uncapped.summary.totalScore > plan.summary.totalScore + 1e-9 || uncapped.summary.matched > plan.summary.matched
      {
        binding += 1
      }
    }
    #expect(binding > 0)
  }
}

extension DepartmentCapTests {
  @Test func requiredPairsCountAgainstTheCap() {
    let cohort = Cohort(
      competencies: ["a"],
      mentors: [
        CohortFixtures.mentor("m1", levels: [5], capacity: 3), CohortFixtures.mentor("m2", levels: [2], capacity: 3),
      ],
      mentees: [
        CohortFixtures.mentee("e1", levels: [1], goals: [3], department: "Sales"),
        CohortFixtures.mentee("e2", levels: [1], goals: [3], department: "Sales"),
        CohortFixtures.mentee("e3", levels: [1], goals: [3], department: "Design"),
      ])
    var config = MatchingConfiguration()
    config.rules.maxMenteesPerDepartment = 1
    let plan = CohortMatcher.match(
      cohort, configuration: config,
      requirements: PairRequirements(must: [PersonPair(menteeID: "e1", mentorID: "m1")]))
    let mentorOf = Dictionary(uniqueKeysWithValues: plan.pairs.map { ($0.menteeID, $0.mentorID) })
    #expect(mentorOf == ["e1": "m1", "e2": "m2", "e3": "m1"])
  }
}
