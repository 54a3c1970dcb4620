import CompetencyModel
import Foundation
import Interchange
import Testing

@Suite struct CohortWriterTests {
  static let cohort = Cohort(
    competencies: ["SQL", "Data, Modelling", "Swift"],
    mentors: [
      Mentor(
        person: Person(
          id: "m1", name: "Lovelace, Ada", email: "ada@example.com", department: "R&D",
          manager: "-boss",
          utcOffsetMinutes: 330, seniority: 7.25, languages: ["en", "de"], levels: [5, 3.5, 0]),
        capacity: 2),
      Mentor(
        person: Person(
          id: "=m2", name: "=HYPERLINK(\"x\")", utcOffsetMinutes: 0, seniority: 3,
          levels: [1, 2, 3]),
        capacity: 0),
    ],
    mentees: [
      Mentee(
        person: Person(
          id: "e1", name: "Grace \"Amazing\"\nHopper", department: "+ops", manager: "m1",
          utcOffsetMinutes: -210,
          languages: ["en"], levels: [1, 0, 4.5]),
        goals: [4, nil, 5]),
      Mentee(
        person: Person(id: "@e2", name: "'quoted'", levels: [0, 0, 0]), goals: [nil, 2.5, nil]),
    ])

  @Test func writesTheDocumentedColumns() {
    let mentors = CohortWriter.mentorsCSV(Self.cohort)
    let mentees = CohortWriter.menteesCSV(Self.cohort)
    let mentorLines = mentors.split(separator: "\n").map(String.init)
    let menteeHeader = String(mentees.prefix { $0 != "\n" })
    #expect(
      mentorLines[0]
        == "id,name,email,department,manager,timezone,seniority,languages,preferences,capacity,level:SQL,"
        + "\"level:Data, Modelling\",level:Swift")
    #expect(
      mentorLines[1]
        == "m1,\"Lovelace, Ada\",ada@example.com,R&D,'-boss,UTC+05:30,7.25,en;de,,2,5,3.5,0")
    #expect(mentorLines[2] == "'=m2,\"'=HYPERLINK(\"\"x\"\")\",,,,UTC,3,,,0,1,2,3")
    #expect(
      menteeHeader
        == "id,name,email,department,manager,timezone,seniority,languages,preferences,level:SQL,"
        + "\"level:Data, Modelling\","
        + "level:Swift,goal:SQL,\"goal:Data, Modelling\",goal:Swift")
    #expect(mentees.hasSuffix("\n'@e2,'quoted',,,,,,,,0,0,0,,2.5,\n"))
  }

  @Test func roundTripsThroughTheReader() throws {
    let result = try CohortReader.parse(
      mentors: CohortWriter.mentorsCSV(Self.cohort), mentees: CohortWriter.menteesCSV(Self.cohort))
    #expect(result.cohort == Self.cohort)
    #expect(result.warnings.isEmpty)
    // The mentee's name spans two lines, so the second mentee is on line 4.
    #expect(result.menteeLines == [2, 4])
  }

  @Test func writesAFolderThatReadsBack() throws {
    try withTemporaryDirectory { folder throws in
      let source = try CohortWriter.write(Self.cohort, toFolder: folder)
      #expect(try CohortSource.locate([folder]) == source)
      #expect(try CohortReader.read(source).cohort == Self.cohort)
    }
  }
}
