import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// Mentees' picks: hard picks settled by the cascade against exhaustive
/// enumeration, the rest of the cohort optimal, and soft picks as preferences.
@Suite struct ChoiceCascadeTests {
  static func picks(_ cohort: Cohort, seed: UInt64) -> MenteeChoices {
    var generator = SplitMix(seed: seed &* 977)
    return MenteeChoices(
      picks: cohort.mentees.indices.map { _ in
        Array(cohort.mentors.indices.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator)))
      })
  }

  /// The lexicographic value (picks of rank 1, their fit, picks of rank 2, …) of honoured picks.
  static func value(_ honoured: [(Int, Int)], choices: MenteeChoices, scores: [Double], columns: Int) -> [Double] {
    var value = [Double](repeating: 0, count: 6)
    for (i, j) in honoured {
      let r = choices.rank(mentee: i, mentor: j)! - 1
      value[2 * r] += 1
      value[2 * r + 1] += scores[i * columns + j]
    }
    return value
  }

  static func better(_ a: [Double], _ b: [Double]) -> Bool {
    for (x, y) in zip(a, b) where abs(x - y) > 1e-9 { return x > y }
    return false
  }

  @Test func hardPicksAreTheLexicographicOptimumAndTheRestIsOptimal() {
    var checked = 0
    for seed in UInt64(1)...25 {
      let cohort = CohortFixtures.generated(mentees: 6, mentors: 3, competencies: 4, seed: seed)
      let config = MatchingConfiguration()
      let choices = Self.picks(cohort, seed: seed)
      let scored = CohortMatcher.score(cohort, configuration: config)
      let dense = scored.problem
      let m = dense.columns
      let cascade = ChoiceCascade(cohort, configuration: config, choices: choices)
      // Every way to honour at most one allowed pick per mentee within capacities.
      var best = [Double](repeating: 0, count: 6)
      var load = [Int](repeating: 0, count: m)
      var current: [(Int, Int)] = []
      func visit(_ i: Int) {
        if i == dense.rows {
          let v = Self.value(current, choices: choices, scores: scored.scores, columns: m)
          if Self.better(v, best) { best = v }
          return
        }
        visit(i + 1)
        for j in choices.picks[i] where dense.isAllowed(row: i, column: j) && load[j] < dense.capacities[j] {
          load[j] += 1
          current.append((i, j))
          visit(i + 1)
          current.removeLast()
          load[j] -= 1
        }
      }
      visit(0)
      let found = Self.value(
        cascade.honoured.map { ($0.mentee, $0.mentor) }, choices: choices, scores: scored.scores, columns: m)
      #expect(!Self.better(best, found) && !Self.better(found, best), "seed \(seed): \(found) vs \(best)")
      // The plan keeps every honoured pick and is optimal for the rest.
      let plan = CohortMatcher.match(cohort, configuration: config, requirements: cascade.requirements)
      for (i, j) in cascade.honoured { #expect(plan.pairs.contains { $0.menteeIndex == i && $0.mentorIndex == j }) }
      var scores = dense.scores
      var capacities = dense.capacities
      var fixedTotal = 0.0
      for (i, j) in cascade.honoured {
        for k in 0..<m { scores[i * m + k] = AssignmentProblem.forbidden }
        capacities[j] -= 1
        fixedTotal += scored.scores[i * m + j]
      }
      let rest = BruteForceAssignment.solve(
        AssignmentProblem(rows: dense.rows, columns: m, scores: scores, capacities: capacities))
      #expect(plan.pairs.count == rest.assignedCount + cascade.honoured.count)
      #expect(abs(plan.summary.totalScore - (rest.totalScore + fixedTotal)) < 1e-9)
      // Each mentee with picks has an outcome; a free mentee's picks were all passed over.
      for i in cohort.mentees.indices {
        #expect((cascade.outcomes[i] == nil) == choices.picks[i].isEmpty)
        if case .free(let passedOver)? = cascade.outcomes[i] { #expect(passedOver.count == choices.picks[i].count) }
      }
      checked += cascade.honoured.count
    }
    #expect(checked > 20)
  }

  @Test func softPicksWeighInAsPreferences() {
    let cohort = CohortFixtures.generated(mentees: 10, mentors: 4, competencies: 4, seed: 3)
    let config = MatchingConfiguration()
    let choices = Self.picks(cohort, seed: 3)
    let model = FitModel(cohort: cohort, configuration: config)
    let chosen = FitModel(cohort: choices.asPreferences(of: cohort), configuration: config)
    for i in cohort.mentees.indices {
      let count = Double(choices.picks[i].count)
      for j in cohort.mentors.indices {
        let term = chosen.preferenceTerms(mentee: i, mentor: j).mentee
        if let r = choices.rank(mentee: i, mentor: j) {
          // (L − r + 1) / L of the weight: the first pick the most.
          let first = chosen.preferenceTerms(mentee: i, mentor: choices.picks[i][0]).mentee
          #expect(abs(term - first * (count - Double(r) + 1) / count) < 1e-12)
          #expect(term > 0)
        } else {
          #expect(term == 0)
        }
        #expect(model.preferenceTerms(mentee: i, mentor: j).mentee == 0)
      }
    }
    var plan = CohortMatcher.match(choices.asPreferences(of: cohort), configuration: config)
    plan.explainChoices(choices, cascade: nil)
    for pair in plan.pairs where !choices.picks[pair.menteeIndex].isEmpty {
      #expect(pair.highlights[0].hasPrefix("choice: "))
      if let r = choices.rank(mentee: pair.menteeIndex, mentor: pair.mentorIndex) {
        #expect(pair.highlights[0].hasPrefix("choice: the mentee's pick \(r) of"))
      }
    }
  }
}
