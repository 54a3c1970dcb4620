import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// Capacity advice from the duals against re-solving with one more place.
@Suite struct CapacityAdviceTests {
  /// Small generated cohorts with few places, so some mentees stay unmatched;
  /// one mentor offers no places at all.
  static func cohort(seed: UInt64) -> Cohort {
    var cohort = CohortFixtures.generated(mentees: 28, mentors: 9, competencies: 4, seed: seed)
    for j in cohort.mentors.indices { cohort.mentors[j].capacity = [1, 2][(j + Int(seed)) % 2] }
    cohort.mentors[Int(seed) % 9].capacity = 0
    return cohort
  }

  static var configuration: MatchingConfiguration {
    var configuration = MatchingConfiguration()
    // One phase, so the plan's optimisation is the whole cohort.
    configuration.rules.goalMenteesFirst = false
    return configuration
  }

  @Test(arguments: 1...8 as ClosedRange<UInt64>)
  func everyMentorsGainEqualsReSolvingWithOneMorePlace(seed: UInt64) throws {
    let cohort = Self.cohort(seed: seed)
    let plan = CohortMatcher.match(cohort, configuration: Self.configuration)
    #expect(plan.summary.unmatched > 0)
    let advice = try #require(CapacityAdvice.compute(for: plan, limit: cohort.mentors.count))
    var positive = 0
    for j in cohort.mentors.indices {
      var more = cohort
      more.mentors[j].capacity += 1
      let resolved = CohortMatcher.match(more, configuration: Self.configuration)
      let matchedGain = resolved.summary.matched - plan.summary.matched
      let fitGain = resolved.summary.totalScore - plan.summary.totalScore
      let entry = advice.first { $0.mentor.id == cohort.mentors[j].id }
      if matchedGain > 0 || fitGain > 1e-9 {
        positive += 1
        let found = try #require(entry, "mentor \(cohort.mentors[j].id): re-solving gains \(matchedGain), \(fitGain)")
        #expect(found.matchedGain == matchedGain)
        #expect(abs(found.fitGain - fitGain) < 1e-9, "mentor \(j): \(found.fitGain) vs \(fitGain)")
        #expect(found.extraPlaces == 1)
        if let newly = found.newlyMatched {
          #expect(plan.unmatched.contains { $0.menteeID == newly })
        }
        try Self.expectMovesRealise(found, plan: plan, cohort: cohort)
      } else {
        #expect(entry == nil, "mentor \(j): advised \(String(describing: entry)) but re-solving gains nothing")
      }
    }
    #expect(advice.count == positive)
    #expect(positive > 0)
    // Best first: more matched, then more fit.
    for (a, b) in zip(advice, advice.dropFirst()) {
      #expect(a.matchedGain > b.matchedGain || (a.matchedGain == b.matchedGain && a.fitGain >= b.fitGain))
    }
  }

  @Test(arguments: 1...6 as ClosedRange<UInt64>)
  func anUnmatchedMenteesPlaceMatchesThemWhenAdded(seed: UInt64) throws {
    let cohort = Self.cohort(seed: seed)
    let plan = CohortMatcher.match(cohort, configuration: Self.configuration)
    var advised = 0
    for unmatched in plan.unmatched {
      guard let advice = CapacityAdvice.forUnmatched(mentee: unmatched.menteeIndex, in: plan) else { continue }
      advised += 1
      #expect(advice.newlyMatched == unmatched.menteeID)
      let j = try #require(cohort.mentors.firstIndex { $0.id == advice.mentor.id })
      var more = cohort
      more.mentors[j].capacity += 1
      let resolved = CohortMatcher.match(more, configuration: Self.configuration)
      // One more is matched, and the best plan is at least as good as the chain that matches this mentee.
      #expect(resolved.summary.matched == plan.summary.matched + 1)
      #expect(resolved.summary.totalScore >= plan.summary.totalScore + advice.fitGain - 1e-9)
      try Self.expectMovesRealise(advice, plan: plan, cohort: cohort)
    }
    #expect(advised > 0)
  }

  @Test func outOfScopeObjectivesGiveNoAdvice() {
    var configuration = Self.configuration
    configuration.objective = .fairness
    let plan = CohortMatcher.match(Self.cohort(seed: 1), configuration: configuration)
    #expect(CapacityAdvice.compute(for: plan) == nil)
  }

  /// The advice's moves, applied to the plan with one more place at the
  /// advised mentor, give an allowed plan within capacities whose gains are
  /// the advice's: the chain named is the one the figures come from.
  static func expectMovesRealise(_ advice: CapacityAdvice, plan: PairingPlan, cohort: Cohort) throws {
    let dense = CohortMatcher.score(cohort, configuration: configuration).problem
    let menteeIndex = Dictionary(uniqueKeysWithValues: cohort.mentees.enumerated().map { ($0.element.id, $0.offset) })
    let mentorIndex = Dictionary(uniqueKeysWithValues: cohort.mentors.enumerated().map { ($0.element.id, $0.offset) })
    var columnOfRow = plan.solution.columnOfRow
    #expect(!advice.moves.isEmpty)
    #expect(advice.moves.first?.to == advice.mentor.id)
    #expect(Set(advice.moves.map(\.mentee)).count == advice.moves.count, "a mentee moves twice")
    for (move, next) in zip(advice.moves, advice.moves.dropFirst()) {
      // Each next mentee takes the place the one before left.
      #expect(next.to == move.from)
    }
    for move in advice.moves {
      let i = try #require(menteeIndex[move.mentee])
      let from = move.from.map { mentorIndex[$0]! }
      #expect(columnOfRow[i] == from, "\(move.mentee) is not at \(move.from ?? "no mentor")")
      columnOfRow[i] = try #require(mentorIndex[move.to])
    }
    if advice.matchedGain == 1 {
      #expect(advice.moves.last?.from == nil && advice.moves.last?.mentee == advice.newlyMatched)
      #expect(advice.placeLeftFree == nil)
    } else {
      #expect(advice.moves.last?.from != nil && advice.placeLeftFree == advice.moves.last?.from)
    }
    var loads = [Int](repeating: 0, count: cohort.mentors.count)
    var total = 0.0
    for (i, j) in columnOfRow.enumerated() {
      guard let j else { continue }
      loads[j] += 1
      #expect(dense.isAllowed(row: i, column: j))
      total += dense.score(row: i, column: j) ?? .nan
    }
    let extra = try #require(mentorIndex[advice.mentor.id])
    for j in cohort.mentors.indices {
      #expect(loads[j] <= cohort.mentors[j].capacity + (j == extra ? 1 : 0))
    }
    #expect(columnOfRow.compactMap { $0 }.count == plan.summary.matched + advice.matchedGain)
    #expect(abs(total - (plan.summary.totalScore + advice.fitGain)) < 1e-9)
  }
}
