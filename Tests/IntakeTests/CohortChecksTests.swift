import CompetencyModel
import Intake
import Testing
import _TestSupport

/// The checks `explain` and `score` make of a loaded cohort, now in the library.
@Suite struct CohortChecksTests {
  let cohort = CohortFixtures.generated(mentees: 30, mentors: 12, competencies: 4, seed: 7)

  @Test func aPairQueryFindsEveryMenteeAndMentorByID() throws {
    for (i, mentee) in cohort.mentees.enumerated() {
      for (j, mentor) in cohort.mentors.enumerated() where (i + j) % 5 == 0 {
        let query = try PairQuery(cohort: cohort, menteeID: mentee.id, mentorID: mentor.id)
        #expect(query.mentee == i && query.mentors == [j])
      }
      #expect(try PairQuery(cohort: cohort, menteeID: mentee.id).mentors.isEmpty)
    }
  }

  @Test func anUnknownIDIsReportedExactly() {
    #expect(throws: CohortCheckError("no mentee has the id 'nobody'")) {
      try PairQuery(cohort: cohort, menteeID: "nobody", mentorID: "also-nobody")
    }
    #expect(throws: CohortCheckError("no mentor has the id 'nobody'")) {
      try PairQuery(cohort: cohort, menteeID: cohort.mentees[0].id, mentorID: "nobody")
    }
    // A mentor's id is not a mentee's.
    #expect(throws: CohortCheckError("no mentee has the id '\(cohort.mentors[0].id)'")) {
      try PairQuery(cohort: cohort, menteeID: cohort.mentors[0].id)
    }
  }

  /// A cohort of `mentees` × `mentors` people with one competency.
  func people(mentees: Int, mentors: Int) -> Cohort {
    Cohort(
      competencies: ["c"],
      mentors: (0..<mentors).map { CohortFixtures.mentor("m\($0)", levels: [3]) },
      mentees: (0..<mentees).map { CohortFixtures.mentee("e\($0)", levels: [1], goals: [3]) })
  }

  @Test func theScoreMatrixLimitIsInclusive() throws {
    let limit = ScoreMatrixLimit.maximumPairs
    // 20,000 × 10,000 is exactly the limit; one more mentee is above it.
    #expect(20_000 * 10_000 == limit)
    try ScoreMatrixLimit.check(people(mentees: 20_000, mentors: 10_000))
    try ScoreMatrixLimit.check(cohort)
    #expect(
      throws: CohortCheckError(
        "the score matrix would hold 20001 x 10000 pairs, more than the 200000000 this command writes;"
          + " `match` handles cohorts of any size")
    ) { try ScoreMatrixLimit.check(people(mentees: 20_001, mentors: 10_000)) }
  }
}
