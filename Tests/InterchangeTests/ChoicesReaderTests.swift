import CompetencyModel
import Interchange
import Testing

@Suite struct ChoicesReaderTests {
  static let cohort = try! CohortReader.parse(
    mentors: "id,name,capacity,level:a\nm1,A,1,4\nm2,B,1,3\nm3,C,1,2\n",
    mentees: "id,name,goal:a\ne1,X,3\ne2,Y,3\n"
  ).cohort

  @Test func readsPicksInRankOrder() throws {
    let text = "Mentee,Mentor,Rank,note\ne1,m3,2,\ne1,m1,1,first\ne2,m2,1,\n"
    let choices = try ChoicesReader.parse(text, file: "choices.csv", cohort: Self.cohort)
    #expect(choices.picks == [[0, 2], [1]])
    #expect(choices.rank(mentee: 0, mentor: 2) == 2)
  }

  @Test func reportsEveryProblemAtItsCell() {
    let text = "mentee,mentor,rank\ne9,m1,1\ne1,m9,1\ne1,m1,0\ne1,m2,1\ne1,m2,2\ne2,m1,1\ne2,m3,1\n"
    let found = problems { () throws(InputErrors) in
      try ChoicesReader.parse(text, file: "choices.csv", cohort: Self.cohort)
    }
    #expect(
      positions(found) == [
        "choices.csv:2:1", "choices.csv:3:4", "choices.csv:4:7", "choices.csv:6:4", "choices.csv:8:7",
      ])
    #expect(found[0].message == "mentee 'e9' is not in the cohort")
    #expect(found[1].message == "mentor 'm9' is not in the cohort")
    #expect(found[2].message == "rank '0' is not a whole number from 1 to 3")
    #expect(found[3].message == "mentee 'e1' already picked mentor 'm2' on line 5")
    #expect(found[4].message == "mentee 'e2' already gave rank 1 on line 7")
  }
}
