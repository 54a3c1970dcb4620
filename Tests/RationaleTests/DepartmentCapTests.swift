import Assignment
import CohortGenerator
import CompetencyModel
import Testing
import _TestSupport

@testable import Rationale

/// The best (most matched, then highest total) plan under capacities and a
/// per-mentor per-department cap, by enumeration.
/// Rows in `fixed` hold their column from the start (a required pair: it
/// takes a place and counts against its department's cap; its score is added).
func bruteForceWithDepartmentCap(
  _ problem: AssignmentProblem, departments: [String?], cap: Int, fixed: [Int: Int] = [:],
  fixedScores: [Int: Double] = [:]
) -> (Int, Double) {
  var load = [Int](repeating: 0, count: problem.columns)
  var perDepartment: [String: Int] = [:]
  var best = (0, 0.0)
  func visit(_ row: Int, _ count: Int, _ total: Double) {
    if row == problem.rows {
      if count > best.0 || (count == best.0 && total > best.1 + 1e-12) { best = (count, total) }
      return
    }
    if fixed[row] != nil {
      visit(row + 1, count + 1, total + fixedScores[row]!)
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
  // Fixed rows hold their places from the start.
  for (row, column) in fixed {
    load[column] += 1
    if let department = departments[row] { perDepartment["\(column)|\(department.lowercased())", default: 0] += 1 }
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

extension DepartmentCapTests {
  /// Departments of every size against the cap (none, at most `cap` mentees,
  /// more), mentors of capacity 0 to 4, caps 1 to 3 and required pairs: the
  /// plan is the brute-force optimum and keeps the cap.
  @Test func agreesWithBruteForceOnMixedDepartmentsAndRequiredPairs() {
    var binding = 0
    var withRequired = 0
    for seed in UInt64(1)...60 {
      var generator = SeededRandomNumberGenerator(seed: seed &* 7919)
      var parameters = CohortGenerator.Parameters(
        mentees: Int.random(in: 5...8, using: &generator), mentors: Int.random(in: 2...3, using: &generator),
        competencies: 3, seed: seed)
      parameters.capacityRange = 0...4
      var cohort = CohortGenerator(parameters).generate().cohort
      let names = [nil, "Sales", "sales", "Design", "Ops", "Legal", "R&D"]
      for k in cohort.mentees.indices {
        cohort.mentees[k].person.department = names[Int.random(in: 0..<names.count, using: &generator)]
      }
      let cap = Int.random(in: 1...3, using: &generator)
      var config = MatchingConfiguration()
      config.rules.maxMenteesPerDepartment = cap
      let dense = CohortMatcher.score(cohort, configuration: config)
      let departments = cohort.mentees.map(\.person.department)
      // Up to two required pairs among the allowed ones, within capacity and the cap.
      var fixed: [Int: Int] = [:]
      var fixedScores: [Int: Double] = [:]
      var must: [PersonPair] = []
      var load = [Int](repeating: 0, count: cohort.mentors.count)
      var perDepartment: [String: Int] = [:]
      for _ in 0..<Int.random(in: 0...2, using: &generator) {
        let i = Int.random(in: 0..<cohort.mentees.count, using: &generator)
        let j = Int.random(in: 0..<cohort.mentors.count, using: &generator)
        let key = departments[i].map { "\(j)|\($0.lowercased())" }
        guard fixed[i] == nil, dense.eligibility.reasons[i * cohort.mentors.count + j] == 0,
          load[j] < cohort.mentors[j].capacity, key.map({ perDepartment[$0, default: 0] < cap }) ?? true
        else { continue }
        fixed[i] = j
        fixedScores[i] = dense.scores[i * cohort.mentors.count + j]
        load[j] += 1
        if let key { perDepartment[key, default: 0] += 1 }
        must.append(PersonPair(menteeID: cohort.mentees[i].id, mentorID: cohort.mentors[j].id))
      }
      if !must.isEmpty { withRequired += 1 }
      let plan = CohortMatcher.match(cohort, configuration: config, requirements: PairRequirements(must: must))
      let oracle = bruteForceWithDepartmentCap(
        dense.problem, departments: departments, cap: cap, fixed: fixed, fixedScores: fixedScores)
      #expect(plan.summary.matched == oracle.0, "seed \(seed)")
      #expect(abs(plan.summary.totalScore - oracle.1) < 1e-9, "seed \(seed)")
      var seen: [String: Int] = [:]
      var loads = [Int](repeating: 0, count: cohort.mentors.count)
      for pair in plan.pairs {
        loads[pair.mentorIndex] += 1
        guard let department = departments[pair.menteeIndex] else { continue }
        seen["\(pair.mentorIndex)|\(department.lowercased())", default: 0] += 1
      }
      #expect(seen.values.allSatisfy { $0 <= cap })
      #expect(zip(loads, cohort.mentors).allSatisfy { $0 <= $1.capacity })
      let uncapped = bruteForceWithDepartmentCap(
        dense.problem, departments: departments, cap: .max, fixed: fixed, fixedScores: fixedScores)
      if uncapped.0 > oracle.0 || uncapped.1 > oracle.1 + 1e-9 { binding += 1 }
    }
    #expect(binding > 5)
    #expect(withRequired > 10)
  }

  /// Departments no larger than the cap, and mentors with no more places
  /// than the cap, need no column of their own and no blocker: the laid-out
  /// problem is the uncapped one. Larger departments get one column per
  /// mentor, and blockers only for the surplus.
  @Test func onlyDepartmentsLargerThanTheCapAreLaidOut() {
    var parameters = CohortGenerator.Parameters(mentees: 60, mentors: 5, competencies: 3, seed: 4)
    parameters.capacityRange = 2...2
    var cohort = CohortGenerator(parameters).generate().cohort
    for k in cohort.mentees.indices { cohort.mentees[k].person.department = "D\(k)" }
    let capacities = cohort.mentors.map(\.capacity)
    let distinct = DepartmentCapLayout(
      cohort: cohort, cap: 1, capacities: capacities, used: [], scoreRange: 0...1)
    #expect(distinct.columnMentor == Array(0..<5))
    #expect(distinct.capacities == capacities)
    #expect(distinct.blockerMentor.isEmpty)
    // Two departments of 30: each mentor has a column for each (capacity 1),
    // a free column for nobody, and no surplus over its 2 places.
    for k in cohort.mentees.indices { cohort.mentees[k].person.department = k % 2 == 0 ? "A" : "B" }
    let two = DepartmentCapLayout(cohort: cohort, cap: 1, capacities: capacities, used: [], scoreRange: 0...1)
    #expect(two.columnMentor.count == 5 + 10)
    #expect(two.capacities.prefix(5).allSatisfy { $0 == 0 })
    #expect(two.capacities.dropFirst(5).allSatisfy { $0 == 1 })
    #expect(two.blockerMentor.isEmpty)
    // Cap 2 with capacity 2: the capacity binds first, nothing to lay out.
    let loose = DepartmentCapLayout(cohort: cohort, cap: 2, capacities: capacities, used: [], scoreRange: 0...1)
    #expect(loose.columnMentor == Array(0..<5))
    #expect(loose.blockerMentor.isEmpty)
    // Cap 2 with capacity 3: the departments' columns offer 4 places for 3, one blocker each.
    let wide = DepartmentCapLayout(
      cohort: cohort, cap: 2, capacities: [3, 3, 3, 3, 3], used: [], scoreRange: 0...1)
    #expect(wide.columnMentor.count == 5 + 10)
    #expect(wide.blockerMentor == [0, 1, 2, 3, 4])
    // A required pair from A at mentor 0 uses A's place there: A's mentees
    // are forbidden at mentor 0 (no column), B's go to its free column.
    let used = DepartmentCapLayout(
      cohort: cohort, cap: 1, capacities: [1] + capacities.dropFirst(), used: [(0, 0)], scoreRange: 0...1)
    #expect(used.columnMentor.count == 5 + 8)
    #expect(used.capacities[0] == 1)
    #expect(used.rerouted[0]?.contains { $0.mentor == 0 && $0.column == -1 } == true)
  }
}
