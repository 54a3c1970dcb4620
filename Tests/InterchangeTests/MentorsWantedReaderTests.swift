import CompetencyModel
import Interchange
import Testing

/// The `mentors_wanted` column of mentees.csv: default 1, whole numbers
/// 1...10, errors at file:line:column.
@Suite struct MentorsWantedReaderTests {
  static let mentors = "id,name,capacity,level:a\nm1,A,2,4\nm2,B,2,3\n"

  @Test func readsTheColumnWithItsDefault() throws {
    let mentees = "id,name,goal:a,Mentors Wanted\ne1,X,3,2\ne2,Y,3,\ne3,Z,3,1\n"
    let cohort = try CohortReader.parse(mentors: Self.mentors, mentees: mentees).cohort
    #expect(cohort.mentees.map(\.mentorsWanted) == [2, 1, 1])
    let without = try CohortReader.parse(mentors: Self.mentors, mentees: "id,name,goal:a\ne1,X,3\n").cohort
    #expect(without.mentees.map(\.mentorsWanted) == [1])
  }

  @Test func reportsBadValuesAtTheirCell() {
    let mentees = "id,name,goal:a,mentors_wanted\ne1,X,3,0\ne2,Y,3,11\ne3,Z,3,1.5\ne4,W,3,two\ne5,V,3,3\n"
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: Self.mentors, mentees: mentees)
    }
    #expect(positions(found) == ["mentees.csv:2:8", "mentees.csv:3:8", "mentees.csv:4:8", "mentees.csv:5:8"])
    #expect(found[0].message.hasPrefix("mentors_wanted 0 is out of range; expected how many different mentors"))
    #expect(found[1].message.hasPrefix("mentors_wanted 11 is out of range"))
    #expect(found[2].message.hasPrefix("mentors_wanted: value 1.5 is not a whole number"))
    #expect(found[3].message.contains("'two' is not a number"))
  }

  @Test func mentorsHaveNoMentorsWanted() throws {
    let mentors = "id,name,capacity,mentors_wanted,level:a\nm1,A,2,3,4\n"
    let result = try CohortReader.parse(mentors: mentors, mentees: "id,name,goal:a\ne1,X,3\n")
    #expect(positions(result.warnings) == ["mentors.csv:1:18"])
    #expect(result.warnings[0].message == "mentors have no mentors_wanted; column 'mentors_wanted' is ignored")
  }
}
