import Circles
import CompetencyModel
import Testing
import _TestSupport

@Suite struct CircleFacilitatorsTests {
  @Test func facilitatorsAreAssignedOptimallyAndNeverInAMembersLine() throws {
    for seed in UInt64(1)...5 {
      let people = randomParticipants(12, competencies: 4, seed: seed)
      let settings = CircleSettings(
        minimumSize: 4, maximumSize: 4, maximumSeniorityGap: nil, requireSharedLanguage: false)
      let problem = CircleProblem(participants: people, competencies: ["A", "B", "C", "D"], settings: settings)
      let formation = try CircleFormation.form(problem)
      var random = SplitMix(seed: seed)
      // Four facilitators of capacity 1 for three circles; F0 manages a member of the first circle.
      let facilitators = (0..<4).map { f in
        CohortFixtures.mentor(
          "F\(f)", levels: (0..<4).map { _ in Double(Int.random(in: 0...10, using: &random)) / 2 }, capacity: 1)
      }
      var managed = people
      managed[formation.circles[0][0]].person.manager = "F0"
      let managedProblem = CircleProblem(participants: managed, competencies: ["A", "B", "C", "D"], settings: settings)
      let assignment = CircleFacilitators(facilitators: facilitators, formation: formation, problem: managedProblem)
      #expect(assignment.facilitatorOfCircle[0] != 0)
      // The fit by the direct formula, and the best total over every injective choice.
      func fit(_ c: Int, _ f: Int) -> Double {
        let members = formation.circles[c]
        return members.map {
          GrowthCoverage.direct(mentee: people[$0], mentor: facilitators[f].person, weights: [1, 1, 1, 1]).value
        }.reduce(0, +) / Double(members.count)
      }
      var best = -1.0
      for a in 0..<4 where a != 0 {
        for b in 0..<4 where b != a {
          for c in 0..<4 where c != a && c != b { best = max(best, fit(0, a) + fit(1, b) + fit(2, c)) }
        }
      }
      let chosen = assignment.facilitatorOfCircle.map { $0! }
      #expect(Set(chosen).count == 3)
      let total = chosen.enumerated().map { fit($0, $1) }.reduce(0, +)
      #expect(abs(total - best) < 1e-9)
      #expect(zip(assignment.fit, chosen.enumerated()).allSatisfy { abs($0 - fit($1.offset, $1.element)) < 1e-9 })
    }
  }
}
