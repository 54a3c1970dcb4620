import CompetencyModel
import Testing

@testable import Interchange

@Suite struct CircleHistoryReaderTests {
  @Test func membersOfOneCircleAreEachOthersMatesPerCohort() throws {
    let text = "Cohort,Circle,Member,department\nA,1,e1,x\nA,1,e2,x\nA,2,e3,y\nB,1,e3,y\nB,1,e1,x\nA,1,e0,z\n"
    let pairs = try CircleHistoryReader.parse(text, file: "h.csv")
    let expected: Set<PersonPair> = [
      PersonPair(menteeID: "e1", mentorID: "e2"), PersonPair(menteeID: "e0", mentorID: "e1"),
      PersonPair(menteeID: "e0", mentorID: "e2"), PersonPair(menteeID: "e1", mentorID: "e3"),
    ]
    #expect(pairs == expected)
    // Without a cohort column, circle names alone group the rows.
    let merged = try CircleHistoryReader.parse("circle,member\n1,a\n1,b\n2,c\n1,c\n", file: "h.csv")
    #expect(merged.count == 3)
    #expect(!merged.contains(PersonPair(menteeID: "a", mentorID: "a")))
  }

  @Test func problemsAreReportedAtTheirCell() {
    func problems(_ text: String) -> [String] {
      do {
        _ = try CircleHistoryReader.parse(text, file: "h.csv")
        return []
      } catch {
        return error.errors.map { "\($0.line):\($0.column): \($0.message)" }
      }
    }
    #expect(
      problems("circle,person\n1,a\n") == [
        "1:1: missing required column 'member'; expected a header such as 'cohort,circle,member'"
      ])
    #expect(
      problems("circle,member\n1,a\n,b\n2, \n1,a\n") == [
        "3:1: empty circle name; every row needs a circle and a member id",
        "4:3: empty member id; every row needs a circle and a member id",
        "5:3: 'a' is listed twice in circle '1'",
      ])
  }
}
