import Assignment
import CompetencyModel
import Rationale
import Testing
import _TestSupport

/// Capacity advice from the duals against re-solving with one more place.
@Suite struct CapacityAdviceTests {
  /// Small generated cohorts with few places, so some mentees stay unmatched;
  /// one mentor offers no places at all unless `everyMentorOffersPlaces`.
  static func cohort(seed: UInt64, everyMentorOffersPlaces: Bool = false) -> Cohort {
    var cohort = CohortFixtures.generated(mentees: 28, mentors: 9, competencies: 4, seed: seed)
    for j in cohort.mentors.indices { cohort.mentors[j].capacity = [1, 2][(j + Int(seed)) % 2] }
    if !everyMentorOffersPlaces { cohort.mentors[Int(seed) % 9].capacity = 0 }
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
    // Best first: more matched, then more fit (exactly in units: equal up to rounding, then in mentor order).
    let index = Dictionary(uniqueKeysWithValues: cohort.mentors.enumerated().map { ($0.element.id, $0.offset) })
    for (a, b) in zip(advice, advice.dropFirst()) {
      #expect(a.matchedGain > b.matchedGain || (a.matchedGain == b.matchedGain && a.fitGain >= b.fitGain - 1e-9))
      if a.matchedGain == b.matchedGain && abs(a.fitGain - b.fitGain) < 1e-14 {
        #expect(index[a.mentor.id]! < index[b.mentor.id]!)
      }
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

  /// Every unmatched mentee the list does not name gets a line: its gain is
  /// what re-solving with that one more place gives, the best of every
  /// mentor's, and the re-solve matches that mentee; a mentee no place would
  /// match gets the plan's reason. The other unmatched mentees are left out
  /// of the re-solves, so that one more matched is this mentee (the plan
  /// stays optimal without them: they had no pair). When every mentor offers
  /// places, the search for a mentee's place stops early (pruned).
  @Test(arguments: 1...8 as ClosedRange<UInt64>, [false, true])
  func eachUnmatchedMenteesLineEqualsReSolvingWithThatPlace(seed: UInt64, everyMentorOffersPlaces: Bool) throws {
    var cohort = Self.cohort(seed: seed, everyMentorOffersPlaces: everyMentorOffersPlaces)
    // A mentee whom the rules allow no mentor (no shared language): the reason, not advice.
    for j in cohort.mentors.indices { cohort.mentors[j].person.languages = ["en"] }
    cohort.mentees[0].person.languages = ["fr"]
    let plan = CohortMatcher.match(cohort, configuration: Self.configuration)
    let advice = try #require(CapacityAdvice.compute(for: plan))
    let byMentee = try #require(CapacityAdvice.byMentee(for: plan, advice: advice, limit: cohort.mentees.count))
    let named = Set(advice.compactMap(\.newlyMatched))
    #expect(byMentee.mentees.map(\.mentee) == plan.unmatched.map(\.menteeID).filter { !named.contains($0) })
    #expect(byMentee.more == 0)
    let limited = try #require(CapacityAdvice.byMentee(for: plan, advice: advice, limit: 1))
    #expect(limited.mentees == Array(byMentee.mentees.prefix(1)) && limited.more == byMentee.mentees.count - 1)
    var advised = 0
    var reasons = 0
    for entry in byMentee.mentees {
      let unmatched = try #require(plan.unmatched.first { $0.menteeID == entry.mentee })
      var alone = cohort
      alone.mentees.removeAll { mentee in
        mentee.id != entry.mentee && plan.unmatched.contains { $0.menteeID == mentee.id }
      }
      var best: Double? = nil
      for j in cohort.mentors.indices {
        var more = alone
        more.mentors[j].capacity += 1
        let resolved = CohortMatcher.match(more, configuration: Self.configuration)
        guard resolved.summary.matched == plan.summary.matched + 1 else { continue }
        #expect(resolved.pairs.contains { $0.menteeID == entry.mentee })
        let gain = resolved.summary.totalScore - plan.summary.totalScore
        best = max(best ?? gain, gain)
        if let a = entry.advice, a.mentor.id == cohort.mentors[j].id {
          #expect(abs(a.fitGain - gain) < 1e-9, "\(entry.mentee) at \(a.mentor.id): \(a.fitGain) vs \(gain)")
        }
      }
      if let a = entry.advice {
        advised += 1
        #expect(entry.reason == nil)
        #expect(a.newlyMatched == entry.mentee && a.matchedGain == 1 && a.extraPlaces == 1)
        let best = try #require(best)
        #expect(abs(a.fitGain - best) < 1e-9, "\(entry.mentee): \(a.fitGain), the best re-solve \(best)")
        try Self.expectMovesRealise(a, plan: plan, cohort: cohort)
      } else {
        reasons += 1
        #expect(best == nil, "\(entry.mentee): no advice, but a place gains \(best ?? 0)")
        #expect(entry.reason == unmatched.explanation)
      }
    }
    #expect(advised > 0)
    #expect(reasons > 0)
  }

  /// Mentees with the same scores make every chain that fills a place tie
  /// exactly with the unmatched mentee taking it directly: the advice then
  /// names the direct place, which changes no other pair, for every mentor
  /// and for the mentee's own line, whichever mentee the plan leaves out.
  @Test(arguments: [[2, 2], [1, 3], [3, 1]])
  func amongEqualGainsTheChainChangingFewestPairsIsNamed(capacities: [Int]) throws {
    var chains = 0
    for unmatchedFirst in [false, true] {
      let mentors = [
        CohortFixtures.mentor("M1", levels: [3, 1, 2], capacity: capacities[0]),
        CohortFixtures.mentor("M2", levels: [1, 3, 2], capacity: capacities[1]),
      ]
      var mentees = (1...5).map { CohortFixtures.mentee("E\($0)", levels: [1, 1, 1], goals: [3, 2, 3]) }
      if unmatchedFirst { mentees.reverse() }
      let cohort = Cohort(competencies: ["A", "B", "C"], mentors: mentors, mentees: mentees)
      let plan = CohortMatcher.match(cohort, configuration: Self.configuration)
      let left = try #require(plan.unmatched.first.map(\.menteeIndex))
      try #require(plan.unmatched.count == 1)
      // Chains were possible: a matched mentee comes before the one left out.
      if plan.pairs.contains(where: { $0.menteeIndex < left }) { chains += 1 }
      let advice = try #require(CapacityAdvice.compute(for: plan))
      #expect(advice.count == 2)
      for a in advice {
        #expect(a.moves == [.init(mentee: cohort.mentees[left].id, from: nil, to: a.mentor.id)], "\(a)")
        try Self.expectMovesRealise(a, plan: plan, cohort: cohort)
      }
      let own = try #require(CapacityAdvice.forUnmatched(mentee: left, in: plan))
      #expect(own.moves.count == 1 && own.moves.first?.from == nil, "\(own)")
      #expect(own.fitGain == advice[0].fitGain)
    }
    #expect(chains > 0)
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

  /// The per-mentee lines' default count follows the cohort's size: ten for
  /// small cohorts, fewer as mentees × mentors grows (never rising with it),
  /// none at 100,000 × 20,000 or when the product overflows.
  @Test func theDefaultPerMenteeLinesShrinkWithTheCohort() {
    #expect(CapacityAdvice.defaultMenteeLimit(mentees: 240, mentors: 100) == CapacityAdvice.listed)
    #expect(CapacityAdvice.defaultMenteeLimit(mentees: 0, mentors: 0) == CapacityAdvice.listed)
    #expect(CapacityAdvice.defaultMenteeLimit(mentees: 20_000, mentors: 4_000) == 6)
    #expect(CapacityAdvice.defaultMenteeLimit(mentees: 100_000, mentors: 20_000) == 0)
    #expect(CapacityAdvice.defaultMenteeLimit(mentees: Int.max, mentors: 3) == 0)
    var previous = Int.max
    for mentees in stride(from: 1_000, through: 200_000, by: 7_919) {
      let limit = CapacityAdvice.defaultMenteeLimit(mentees: mentees, mentors: 5_000)
      #expect(limit <= previous && limit >= 0 && limit <= CapacityAdvice.listed)
      #expect(limit * mentees * 5_000 <= CapacityAdvice.menteeLineBudget)
      previous = limit
    }
  }
}
