import CohortGenerator
import CompetencyModel
import Foundation
import Interchange
import Testing

/// Files HR already has: the `columns:` and `scales:` sections, one people
/// file with a role column, multi-select goal columns, and the HR-shaped
/// exports the generator writes.
@Suite struct HRInputTests {
  static let config = """
    columns:
      Employee_ID: id
      Worker: name
      Supervisory Organization: department
      Manager_ID: manager
      Mentoring Role: role
      Places: capacity
      Negotiation proficiency: level:Negotiation
      Coaching proficiency: level:Coaching
      Skills I want to develop: {goals: 4}
      Start time: ignore
    scales:
      default: {Basic: 1, Intermediate: 2, Advanced: 3.5, Expert: 5}
      Coaching proficiency: {"1": 1, "2": 2, "3": 3.5, "4": 5}

    """

  static let people = """
    Employee_ID,Worker,Supervisory Organization,Manager_ID,Mentoring Role,Places,Negotiation proficiency,Coaching proficiency,Skills I want to develop,Start time
    w1,Ann,Sales,,Mentor,2,Expert,4,,x
    w2,Bo,Finance,w1,mentee,,basic,1,Negotiation; Coaching,x
    w3,Cy,Legal,,Both,1,Advanced,2,Coaching;Public speaking;,x

    """

  func mapping() throws -> CohortMapping { try CohortMappingReader.parse(Self.config, file: "config.yaml") }

  @Test func readsAPeopleFileThroughTheMapping() throws {
    let result = try CohortReader.parse(people: Self.people, mapping: mapping())
    let cohort = result.cohort
    #expect(result.warnings.isEmpty)
    // The listed goal "Public speaking" adds a competency no column rates.
    #expect(cohort.competencies == ["Negotiation", "Coaching", "Public speaking"])
    #expect(cohort.mentors.map(\.id) == ["w1", "w3"])
    #expect(cohort.mentors.map(\.capacity) == [2, 1])
    #expect(cohort.mentees.map(\.id) == ["w2", "w3"])
    #expect(cohort.mentors[0].person.levels == [5, 5, 0])
    #expect(cohort.mentees[0].person.levels == [1, 1, 0])
    #expect(cohort.mentees[0].person.department == "Finance")
    #expect(cohort.mentees[0].person.manager == "w1")
    #expect(cohort.mentees[0].goals == [4, 4, nil])
    // The person who does both is one person on both sides.
    #expect(cohort.mentors[1].person == cohort.mentees[1].person)
    #expect(cohort.mentees[1].goals == [nil, 4, 4])
    #expect(result.mentorLines == [2, 4])
    #expect(result.menteeLines == [3, 4])
  }

  @Test func mappedTwoFileFormReadsLikeTheNativeForm() throws {
    let mentors = "Employee_ID,Worker,Places,Negotiation proficiency\nm1,Ann,1,Expert\n"
    let mentees = "Employee_ID,Worker,Negotiation proficiency,goal:Negotiation\ne1,Bo,Basic,Advanced\n"
    let mapped = try CohortReader.parse(mentors: mentors, mentees: mentees, mapping: mapping())
    let native = try CohortReader.parse(
      mentors: "id,name,capacity,level:Negotiation\nm1,Ann,1,5\n",
      mentees: "id,name,level:Negotiation,goal:Negotiation\ne1,Bo,1,3.5\n")
    #expect(mapped.cohort == native.cohort)
  }

  @Test(arguments: HRExportWriter.Shape.allCases)
  func generatedExportsReadBackToTheCohortTheyStandFor(shape: HRExportWriter.Shape) throws {
    let generated = CohortGenerator(.init(mentees: 90, mentors: 40, competencies: 6, seed: 11, overlapShare: 0.1))
      .generate()
    let export = HRExportWriter.export(generated.cohort, shape: shape)
    let mapping = try CohortMappingReader.parse(export.configuration, file: "config.yaml")
    // The configuration is also a valid matching configuration.
    _ = try ConfigurationReader.parse(export.configuration, file: "config.yaml")
    let read = try CohortReader.parse(people: export.people, mapping: mapping)
    #expect(read.cohort == export.cohort)
    #expect(read.cohort.mentors.count == 40)
    #expect(read.cohort.mentees.count == 90)
    let both = Set(read.cohort.mentors.map(\.id)).intersection(read.cohort.mentees.map(\.id))
    #expect(!both.isEmpty)
    // The native files of the same cohort read to the same cohort.
    let native = try CohortReader.parse(
      mentors: CohortWriter.mentorsCSV(export.cohort), mentees: CohortWriter.menteesCSV(export.cohort))
    #expect(native.cohort == read.cohort)
  }

  @Test func cellsOffTheScaleAreErrorsAtTheirCell() throws {
    let people = """
      Employee_ID,Worker,Mentoring Role,Places,Negotiation proficiency,Coaching proficiency,Skills I want to develop
      w1,Ann,Mentor,2,Guru,5,
      w2,Bo,Apprentice,,Basic,1,Coaching
      w3,Cy,,,Basic,1,Coaching

      """
    let mapping = try mapping()
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(people: people, file: "p.csv", mapping: mapping)
    }
    #expect(positions(found) == ["p.csv:2:17", "p.csv:2:22", "p.csv:3:7", "p.csv:4:7"])
    #expect(found[0].message.contains("'Guru' is not on this column's scale"))
    #expect(found[0].message.contains("'Basic', 'Intermediate', 'Advanced', 'Expert'"))
    #expect(found[1].message.contains("'5' is not on this column's scale; expected one of '1', '2', '3', '4'"))
    #expect(found[2].message.contains("role 'Apprentice' is not mentor, mentee or both"))
    #expect(found[3].message.contains("empty role"))
  }

  @Test func aPeopleFileNeedsRoleAndCapacityColumns() throws {
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(people: "id,name,level:A,goal:A\np1,Ann,1,2\n", file: "p.csv")
    }
    #expect(positions(found) == ["p.csv:1:1", "p.csv:1:1"])
    #expect(found.map(\.message).joined().contains("missing required column 'role'"))
    #expect(found.map(\.message).joined().contains("missing required column 'capacity'"))
  }

  @Test func configurationProblemsAreReportedAtTheirPlace() throws {
    let yaml = """
      columns:
        Employee_ID: identifier
        Worker: nmae
        Skills: {goals: 7}
        Other: {levels: 2}
        Rating: "level:"
      scales:
        default: {Basic: 1, Expert: 6}
        Coaching: []
        Empty: {}

      """
    let found = problems { () throws(InputErrors) in try CohortMappingReader.parse(yaml, file: "c.yaml") }
    #expect(
      positions(found) == [
        "c.yaml:2:16", "c.yaml:3:11", "c.yaml:4:19", "c.yaml:5:10", "c.yaml:6:11", "c.yaml:8:31",
        "c.yaml:9:13", "c.yaml:10:10",
      ])
    #expect(found[1].message.contains("did you mean 'name'?"))
    #expect(found[2].message.contains("expected a goal level from 0 to 5"))
    // The matching configuration reader accepts the two sections.
    #expect((try? ConfigurationReader.parse("columns:\n  A: id\nscales:\n  default: {X: 1}\n", file: "c")) != nil)
  }

  @Test func roleColumnsOutsideAPeopleFileAndGoalListsOfMentorsAreIgnoredWithAWarning() throws {
    let result = try CohortReader.parse(
      mentors: "id,name,capacity,role,level:A,Skills I want to develop\nm1,Ann,1,mentor,3,A\n",
      mentees: "id,name,level:A,goal:A\ne1,Bo,1,2\n",
      mapping: CohortMapping(columns: ["skillsiwanttodevelop": .goalList(level: 4)]))
    #expect(positions(result.warnings) == ["mentors.csv:1:18", "mentors.csv:1:31"])
    #expect(result.warnings[0].message.contains("only a single people file has a role column"))
    #expect(result.warnings[1].message.contains("mentors have no goals"))
  }

  /// Found by `FuzzMapping`: a mentor-only row of a people file whose goal
  /// list names a competency nobody else has used to crash the reader.
  @Test func aMentorRowsGoalListInAPeopleFileAddsNothing() throws {
    let result = try CohortReader.parse(
      people: "id,name,role,capacity,level:Coaching,goal:Coaching,Skills\nA1,Ann,mentor,2,4,,Negotiation\n"
        + "A2,Bo,mentee,,1,3,\n",
      mapping: CohortMapping(columns: ["skills": .goalList(level: 4)]))
    #expect(result.cohort.competencies == ["Coaching"])
    #expect(result.cohort.mentors.map(\.id) == ["A1"])
    #expect(result.cohort.mentees.map(\.goals) == [[3]])
  }

  @Test func locatesAPeopleFile() throws {
    try withTemporaryDirectory { folder throws in
      let path = writeFile(Self.people, "people.csv", in: folder)
      let inFolder = try CohortSource.locate([folder])
      #expect(inFolder == CohortSource(peoplePath: path))
      let single = try CohortSource.locate([path])
      #expect(single.isPeopleFile)
      _ = writeFile("id,name,capacity,level:A\n", "mentors.csv", in: folder)
      _ = writeFile("id,name,goal:A\n", "mentees.csv", in: folder)
      let twoFiles = try CohortSource.locate([folder])
      #expect(!twoFiles.isPeopleFile)
    }
  }
}
