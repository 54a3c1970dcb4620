import CompetencyModel
import Foundation
import Interchange
import Testing

@Suite struct CohortReaderTests {
  static let mentors = """
    id,name,email,department,manager,timezone,seniority,languages,capacity,level:SQL,level:Swift
    m1,Ada Lovelace,ada@example.com,Research,,UTC+1,7,English; German |en,2,expert,3.5
    m2,"Grace
    Hopper",,Navy,m1,America/New_York,9.5,,0,4,
    m3,Linus,,,x9,-0800,,,1,,Novice

    """

  static let mentees = """
    id,name,manager,level:sql,goal:SQL,goal:Python,level:Python
    e1,Edsger,m2,1,4,,
    e2,Barbara,,2,advanced beginner,3,1

    """

  @Test func readsACohort() throws {
    let result = try CohortReader.parse(mentors: Self.mentors, mentees: Self.mentees)
    let cohort = result.cohort
    #expect(cohort.competencies == ["SQL", "Swift", "Python"])
    #expect(cohort.mentors.map(\.id) == ["m1", "m2", "m3"])
    #expect(cohort.mentors.map(\.capacity) == [2, 0, 1])
    let ada = cohort.mentors[0].person
    #expect(ada.name == "Ada Lovelace")
    #expect(ada.email == "ada@example.com")
    #expect(ada.department == "Research")
    #expect(ada.manager == nil)
    #expect(ada.utcOffsetMinutes == 60)
    #expect(ada.seniority == 7)
    #expect(ada.languages == ["english", "german", "en"])
    #expect(ada.levels == [5, 3.5, 0])
    let grace = cohort.mentors[1].person
    #expect(grace.name == "Grace\nHopper")
    #expect(grace.manager == "m1")
    #expect(grace.utcOffsetMinutes == -300)
    #expect(grace.levels == [4, 0, 0])
    #expect(cohort.mentors[2].person.levels == [0, 1, 0])
    #expect(cohort.mentors[2].person.utcOffsetMinutes == -480)
    #expect(cohort.mentees.map(\.person.levels) == [[1, 0, 0], [2, 0, 1]])
    #expect(cohort.mentees.map(\.goals) == [[4, nil, nil], [2, nil, 3]])
    // The quoted name spans lines 3 and 4, so m3 is on line 5.
    #expect(result.mentorLines == [2, 3, 5])
    #expect(result.menteeLines == [2, 3])
    #expect(result.warnings.isEmpty)
  }

  @Test func forgivesHeaderSpellings() throws {
    let mentors =
      " ID ,Name,E-Mail,Time_Zone,SENIORITY,Capacity, LEVEL : Data  Modelling \nm1,A,a@x,Z,1,1,2\n"
    let mentees = "id,NAME,Level:data modelling,Goal: DATA MODELLING\ne1,B,1,3\n"
    let result = try CohortReader.parse(mentors: mentors, mentees: mentees)
    #expect(result.cohort.competencies == ["Data  Modelling"])
    #expect(result.cohort.mentors[0].person.email == "a@x")
    #expect(result.cohort.mentors[0].person.utcOffsetMinutes == 0)
    #expect(result.cohort.mentees[0].goals == [3])
    #expect(result.warnings.isEmpty)
  }

  @Test func warnsAboutUnknownColumns() throws {
    let mentors = "id,name,capacity,level:a,shoe size,goal:a\nm1,A,1,2,44,5\n"
    let mentees = "id,name,goal:a,capacity\ne1,B,3,9\n"
    let result = try CohortReader.parse(mentors: mentors, mentees: mentees)
    #expect(
      positions(result.warnings) == ["mentees.csv:1:16", "mentors.csv:1:26", "mentors.csv:1:36"])
    #expect(result.warnings.allSatisfy { $0.severity == .warning })
    #expect(
      result.warnings[1].message.hasPrefix(
        "unknown column 'shoe size' is ignored; known columns are id,"))
    #expect(result.warnings[2].message == "mentors have no goals; column 'goal:a' is ignored")
    #expect(result.warnings[0].message == "mentees have no capacity; column 'capacity' is ignored")
  }

  @Test func reportsBadCapacities() {
    let mentors =
      "id,name,capacity,level:a\nm1,A,-1,1\nm2,B,2.5,1\nm3,C,abc,1\nm4,D,,1\nm5,E,3,1\nm6,F,0,1\n"
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: mentors, mentees: "id,name,goal:a\ne1,X,3\n")
    }
    #expect(
      positions(found) == [
        "mentors.csv:2:6", "mentors.csv:3:6", "mentors.csv:4:6", "mentors.csv:5:6",
      ])
    #expect(found[0].message.hasPrefix("capacity -1 is negative"))
    #expect(found[1].message.hasPrefix("capacity 2.5 is not a whole number"))
    #expect(found[2].message.hasPrefix("'abc' is not a number; expected the most mentees"))
    #expect(found[3].message.hasPrefix("empty capacity"))
  }

  @Test func reportsThreeBadCellsAsThreeErrors() {
    let mentors = "id,name,capacity,level:a,level:b\nm1,A,1,6,2\nm2,B,1,1,x\nm3,C,two,1,1\n"
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: mentors, mentees: "id,name,goal:a\ne1,X,3\n")
    }
    #expect(found.count == 3)
    #expect(positions(found) == ["mentors.csv:2:8", "mentors.csv:3:10", "mentors.csv:4:6"])
    #expect(found[0].message.hasPrefix("level:a: level 6 is outside 0...5"))
    #expect(found[1].message.hasPrefix("level:b: 'x' is not a level"))
  }

  @Test func reportsProblemsOfBothFilesSorted() {
    let mentors = "id,name,capacity,level:a,timezone\nm1,A,1,1,Mars/Base\nm1,B,1,1,UTC\n"
    let mentees = "id,name,goal:a,seniority\ne1,,9,-2\n,Y,3,x\n"
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: mentors, mentees: mentees)
    }
    #expect(
      positions(found) == [
        "mentees.csv:2:4", "mentees.csv:2:5", "mentees.csv:2:7", "mentees.csv:3:1",
        "mentees.csv:3:6",
        "mentors.csv:2:10", "mentors.csv:3:1",
      ])
    let messages = found.map(\.message)
    #expect(messages[0].hasPrefix("empty name"))
    #expect(messages[1].hasPrefix("goal:a: goal 9 is outside 0...5"))
    #expect(messages[2].hasPrefix("seniority -2 is negative"))
    #expect(messages[3].hasPrefix("empty id"))
    #expect(messages[4].hasPrefix("'x' is not a number; expected a seniority grade"))
    #expect(messages[5].hasPrefix("unknown time zone 'Mars/Base'"))
    #expect(messages[6] == "duplicate id 'm1'; line 2 already uses it")
  }

  @Test func reportsMissingAndDuplicateColumns() {
    let mentors = "name,level:a,id,LEVEL:A\nA,1,m1,2\n"
    let mentees = "id,name,level:a,Name\ne1,B,1,C\n"
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: mentors, mentees: mentees)
    }
    #expect(
      positions(found) == [
        "mentees.csv:1:1", "mentees.csv:1:17", "mentors.csv:1:1", "mentors.csv:1:17",
      ])
    #expect(
      found[0].message.hasPrefix(
        "no goal columns; expected at least one column named goal:<competency>"))
    #expect(found[1].message == "duplicate column 'Name'; column 2 already gives name")
    #expect(found[2].message.hasPrefix("missing required column 'capacity'"))
    #expect(found[3].message == "duplicate column 'LEVEL:A'; column 2 already gives it")
  }

  @Test func requiresLevelColumnsForMentors() {
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(
        mentors: "id,name,capacity\nm1,A,1\n", mentees: "id,name,goal:a\ne1,B,2\n")
    }
    #expect(positions(found) == ["mentors.csv:1:1"])
    #expect(
      found[0].message.hasPrefix(
        "no competency level columns; expected at least one column named level:"))
  }

  @Test func reportsEmptyFiles() {
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: "", mentees: "\n")
    }
    #expect(positions(found) == ["mentees.csv:1:1", "mentors.csv:1:1"])
    #expect(
      found[1].message.hasPrefix(
        "the file is empty; expected a header row such as 'id,name,capacity,"))
  }

  @Test func acceptsCapacityZeroAndEmptyCells() throws {
    let mentors = "id,name,capacity,level:a,seniority,timezone,languages\nm1,A,0,,,,\n"
    let mentees = "id,name,level:a,goal:a\ne1,B,,1\n"
    let result = try CohortReader.parse(mentors: mentors, mentees: mentees)
    let mentor = result.cohort.mentors[0]
    #expect(mentor.capacity == 0)
    #expect(mentor.person.levels == [0])
    #expect(mentor.person.seniority == nil && mentor.person.utcOffsetMinutes == nil)
    #expect(mentor.person.languages.isEmpty)
    #expect(result.cohort.mentees[0].goals == [1])
  }

  @Test func warnsAboutMenteesWithNothingToGrowToward() throws {
    let mentees = "id,name,level:a,goal:a,goal:b\ne1,B,3,3,\ne2,C,1,2,\ne3,D,4,,\n"
    let result = try CohortReader.parse(
      mentors: "id,name,capacity,level:a\nm1,A,1,5\n", mentees: mentees)
    #expect(positions(result.warnings) == ["mentees.csv:2:1", "mentees.csv:4:1"])
    #expect(
      result.warnings[0].message.hasPrefix("mentee 'e1' has no goal above their current level"))
    #expect(result.cohort.mentees.count == 3)
  }

  @Test func reportsAManagerCycleAcrossFilesWhereItCloses() {
    let mentors = "id,name,capacity,level:a,manager\nm1,A,1,5,e1\nm2,B,1,5,m2\n"
    let mentees = "id,name,goal:a,manager\ne2,C,3,\ne1,D,3,m1\n"
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: mentors, mentees: mentees)
    }
    #expect(positions(found) == ["mentees.csv:3:8", "mentors.csv:3:10"])
    #expect(found[0].message.hasPrefix("manager cycle: e1 → m1 → e1"))
    #expect(found[1].message == "'m2' is listed as their own manager")
  }

  @Test func reportsLongerManagerCycles() {
    let mentors = "id,name,capacity,level:a,manager\na,A,1,5,b\nb,B,1,5,c\nc,C,1,5,a\nd,D,1,5,a\n"
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: mentors, mentees: "id,name,goal:a\ne,E,3\n")
    }
    #expect(positions(found) == ["mentors.csv:4:9"])
    #expect(found[0].message.hasPrefix("manager cycle: c → a → b → c"))
  }

  @Test func managersOutsideTheCohortAreFine() throws {
    let mentors = "id,name,capacity,level:a,manager\nm1,A,1,5,boss\nm2,B,1,5,boss\n"
    let result = try CohortReader.parse(
      mentors: mentors, mentees: "id,name,goal:a,manager\ne1,E,3,m1\n")
    #expect(result.cohort.mentees[0].person.manager == "m1")
  }

  @Test func readsFromFilesAndReportsUnreadableOnes() throws {
    try withTemporaryDirectory { folder throws in
      let mentorsPath = writeFile(Self.mentors, "mentors.csv", in: folder)
      let menteesPath = writeFile(Self.mentees, "mentees.csv", in: folder)
      let result = try CohortReader.read(
        CohortSource(mentorsPath: mentorsPath, menteesPath: menteesPath))
      #expect(result.cohort.mentors.count == 3)

      let missing = folder + "/nope.csv"
      let found = problems { () throws(InputErrors) in
        try CohortReader.read(
          CohortSource(
            mentorsPath: missing, menteesPath: writeFile("id,name\ne1,\n", "x.csv", in: folder)))
      }
      #expect(positions(found) == [missing + ":1:1", folder + "/x.csv:1:1", folder + "/x.csv:2:4"])
      #expect(found[0].message == "cannot read file: no such file")
    }
  }

  /// ASCII files on disk reach the fast path as bytes and the careful path
  /// as text made of them: the same cohort, and the same problems at the
  /// same places, as the files' texts given as strings.
  @Test func asciiFilesOnDiskReadAsTheirTexts() throws {
    let damagedMentors = "id,name,capacity,level:a,manager\nm1,A,1,5,m2\nm2,B,x,9,m1\nm1,C,1,2.5,\n"
    let damagedMentees = "id,name,goal:a,manager\ne1,,3,m1\ne2,E,7.5,\n"
    try withTemporaryDirectory { folder throws in
      for (mentors, mentees) in [(Self.mentors, Self.mentees), (damagedMentors, damagedMentees)] {
        let source = CohortSource(
          mentorsPath: writeFile(mentors, "mentors.csv", in: folder),
          menteesPath: writeFile(mentees, "mentees.csv", in: folder))
        let fromFiles = Result { () throws(InputErrors) in try CohortReader.read(source) }
        let fromTexts = Result { () throws(InputErrors) in
          try CohortReader.parse(
            mentors: mentors, mentees: mentees, mentorsFile: source.mentorsPath, menteesFile: source.menteesPath)
        }
        #expect(fromFiles == fromTexts)
      }
      let found = problems { () throws(InputErrors) in
        try CohortReader.read(
          CohortSource(
            mentorsPath: writeFile(damagedMentors, "mentors.csv", in: folder),
            menteesPath: writeFile(damagedMentees, "mentees.csv", in: folder)))
      }
      #expect(found.count >= 4)
    }
  }

  @Test func resolvesTimeZonesAtTheGivenDate() throws {
    let mentors = "id,name,capacity,level:a,timezone\nm1,A,1,5,Europe/Berlin\n"
    let summer = Date(timeIntervalSince1970: 1_783_000_000)
    let result = try CohortReader.parse(
      mentors: mentors, mentees: "id,name,goal:a\ne1,E,3\n", referenceDate: summer)
    #expect(result.cohort.mentors[0].person.utcOffsetMinutes == 120)
  }

  @Test func undoesFormulaNeutralisationInTextCells() throws {
    let mentors = "id,name,capacity,level:a\n'=m1,'+Ann,1,5\n"
    let result = try CohortReader.parse(
      mentors: mentors, mentees: "id,name,goal:a,manager\n'-e1,'@E,3,'=m1\n")
    #expect(result.cohort.mentors[0].id == "=m1")
    #expect(result.cohort.mentors[0].person.name == "+Ann")
    #expect(result.cohort.mentees[0].id == "-e1")
    #expect(result.cohort.mentees[0].person.manager == "=m1")
  }

  @Test func readsExcelStyleFilesWithAByteOrderMarkAndCRLF() throws {
    let mentors =
      "\u{FEFF}\"ID\",\"Name\",\"Capacity\",\"Level: SQL\"\r\nm1,\"Zoë, Ph.D.\",2,proficient\r\n"
    let mentees = "\u{FEFF}id,name,goal:sql\r\n\r\ne1,Édith,expert\r\ne2,Bob,x\r\n"
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: mentors, mentees: mentees)
    }
    #expect(positions(found) == ["mentees.csv:4:8"])
    let result = try CohortReader.parse(
      mentors: mentors, mentees: mentees.replacing(",x", with: ",3"))
    #expect(result.cohort.competencies == ["SQL"])
    #expect(result.cohort.mentors[0].person.name == "Zoë, Ph.D.")
    #expect(result.cohort.mentors[0].person.levels == [4])
    #expect(result.cohort.mentees.map(\.goals) == [[5], [3]])
    #expect(result.menteeLines == [3, 4])
  }
}
