import Testing
import _TestSupport

@testable import CompetencyModel

/// ``FitModel/fillScores(mentees:into:)``, whose kernel adds the seniority,
/// timezone and cross-department terms before it stores each score, against
/// ``FitModel/fillScoresInSteps(mentees:into:)`` (the competency term stored
/// first, the terms added by a second walk): every entry's bit pattern.
@Suite struct FusedScoreFillTests {
  /// `cohort` with departments (some unknown, some differing only in case),
  /// time zones and grades (some unknown), and stated preferences on some
  /// people of both sides.
  func varied(_ cohort: Cohort, seed: UInt64) -> Cohort {
    var rng = SplitMix(seed: seed)
    let departments: [String?] = [nil, "Eng", "eng", "Sales", "Ops", nil, "Legal"]
    func person(_ p: Person, _ k: Int, others: [String]) -> Person {
      var p = p
      p.department = departments[Int(rng.next(upTo: Double(departments.count)))]
      p.utcOffsetMinutes = k % 5 == 0 ? nil : Int(rng.next(upTo: 25)) * 60 - 720
      p.seniority = k % 6 == 1 ? nil : Double(Int(rng.next(upTo: 8)))
      p.preferences = k % 4 == 2 ? (0..<3).map { _ in others[Int(rng.next(upTo: Double(others.count)))] } : []
      return p
    }
    let mentorIDs = cohort.mentors.map(\.id)
    let menteeIDs = cohort.mentees.map(\.id)
    var result = cohort
    for k in result.mentors.indices {
      result.mentors[k].person = person(result.mentors[k].person, k, others: menteeIDs)
    }
    for k in result.mentees.indices {
      result.mentees[k].person = person(result.mentees[k].person, k, others: mentorIDs)
    }
    return result
  }

  /// A cohort with real levels (not multiples of a half or a quarter), so the
  /// ramps keep their eight-byte form.
  func realLevels(mentees: Int, mentors: Int, seed: UInt64) -> Cohort {
    var rng = SplitMix(seed: seed)
    let k = 5
    let mentorList = (0..<mentors).map { j in
      CohortFixtures.mentor("m\(j)", levels: (0..<k).map { _ in rng.next(upTo: 5) })
    }
    let menteeList = (0..<mentees).map { i -> Mentee in
      let levels = (0..<k).map { _ in rng.next(upTo: 4) }
      return CohortFixtures.mentee("e\(i)", levels: levels, goals: levels.map { a in min(a + rng.next(upTo: 2), 5) })
    }
    return Cohort(competencies: (0..<k).map { "c\($0)" }, mentors: mentorList, mentees: menteeList)
  }

  func expectSameBits(_ model: FitModel, rows: Range<Int>) {
    let m = model.cohort.mentors.count
    var fused = [Double](repeating: .nan, count: rows.count * m)
    var steps = [Double](repeating: .nan, count: rows.count * m)
    fused.withUnsafeMutableBufferPointer { model.fillScores(mentees: rows, into: $0) }
    steps.withUnsafeMutableBufferPointer { model.fillScoresInSteps(mentees: rows, into: $0) }
    var differing = 0
    for k in fused.indices where fused[k].bitPattern != steps[k].bitPattern { differing += 1 }
    #expect(differing == 0, "\(differing) of \(fused.count) scores differ for rows \(rows)")
  }

  @Test(arguments: [1, 7, 8, 9, 37, 203])
  func theFusedFillEqualsTheStepwiseFillBitForBit(mentors: Int) throws {
    for seed in UInt64(1)...3 {
      let cohort = varied(
        CohortFixtures.generated(mentees: 40, mentors: mentors, competencies: 10, seed: seed), seed: seed)
      for (cross, headroom) in [(0.05, 0.0), (0.3, 0.5), (0.0, 0.0)] {
        var config = MatchingConfiguration()
        config.terms.crossDepartment = cross
        config.headroomCredit = headroom
        let model = FitModel(cohort: cohort, configuration: config)
        try #require(model.coverage.compactRamps != nil)
        for rows in [0..<40, 3..<4, 11..<29] { expectSameBits(model, rows: rows) }
      }
    }
  }

  @Test func realLevelCohortsTakeTheEightByteFormBitForBit() throws {
    for seed in UInt64(4)...6 {
      let cohort = varied(realLevels(mentees: 25, mentors: 43, seed: seed), seed: seed)
      let model = FitModel(cohort: cohort, configuration: MatchingConfiguration())
      try #require(model.coverage.compactRamps == nil)
      for rows in [0..<25, 7..<8] { expectSameBits(model, rows: rows) }
    }
  }

  /// The cross-department weight reaches exactly the pairs of two known,
  /// different (case-blind) departments: the fused scores of two models
  /// that differ only in that weight differ exactly there.
  @Test func theCrossDepartmentWeightReachesExactlyThePairsOfDifferentKnownDepartments() {
    let cohort = varied(CohortFixtures.generated(mentees: 30, mentors: 21, competencies: 8, seed: 9), seed: 9)
    var with = MatchingConfiguration()
    with.terms.crossDepartment = 0.25
    var without = with
    without.terms.crossDepartment = 0
    let a = FitModel(cohort: cohort, configuration: with).scores()
    let b = FitModel(cohort: cohort, configuration: without).scores()
    var crossPairs = 0
    for (i, mentee) in cohort.mentees.enumerated() {
      for (j, mentor) in cohort.mentors.enumerated() {
        let e = mentee.person.department?.lowercased()
        let r = mentor.person.department?.lowercased()
        let differ = e != nil && r != nil && e != r
        if differ { crossPairs += 1 }
        #expect((a[i, j] != b[i, j]) == differ, "pair \(i), \(j)")
        if differ { #expect(abs(a[i, j] - b[i, j] - 0.25) < 1e-12) }
      }
    }
    #expect(crossPairs > 0)
  }
}
