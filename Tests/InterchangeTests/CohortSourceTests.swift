import Foundation
import Interchange
import Testing

@Suite struct CohortSourceTests {
  @Test func findsTheFilesInAFolder() throws {
    try withTemporaryDirectory { folder throws in
      writeFile("", "mentors.csv", in: folder)
      writeFile("", "Mentees.CSV", in: folder)
      let source = try CohortSource.locate([folder])
      #expect(
        source
          == CohortSource(
            mentorsPath: folder + "/mentors.csv", menteesPath: folder + "/Mentees.CSV"))
    }
  }

  @Test func reportsAFolderWithoutTheFiles() {
    withTemporaryDirectory { folder in
      writeFile("", "mentors.csv", in: folder)
      #expect(throws: CohortSource.LocateError.self) { try CohortSource.locate([folder]) }
      #expect {
        try CohortSource.locate([folder])
      } throws: { error in
        (error as? CohortSource.LocateError)?.message.hasPrefix(
          "the folder '\(folder)' has no mentees.csv") == true
      }
    }
  }

  @Test func recognisesTwoFilesByNameInEitherOrder() throws {
    let source = CohortSource(
      mentorsPath: "in/spring-mentors.csv", menteesPath: "in/Spring_Mentees.csv")
    #expect(try CohortSource.locate(["in/spring-mentors.csv", "in/Spring_Mentees.csv"]) == source)
    #expect(try CohortSource.locate(["in/Spring_Mentees.csv", "in/spring-mentors.csv"]) == source)
    #expect(
      try CohortSource.locate(["a.csv", "mentees.csv"])
        == CohortSource(mentorsPath: "a.csv", menteesPath: "mentees.csv"))
  }

  @Test func recognisesTheMentorsFileByItsCapacityColumn() throws {
    try withTemporaryDirectory { folder throws in
      let a = writeFile("id,name,goal:x\n", "a.csv", in: folder)
      let b = writeFile("id,name, Capacity ,level:x\n", "b.csv", in: folder)
      #expect(try CohortSource.locate([a, b]) == CohortSource(mentorsPath: b, menteesPath: a))
      #expect(try CohortSource.locate([b, a]) == CohortSource(mentorsPath: b, menteesPath: a))
    }
  }

  @Test func reportsWhatItCannotTellApart() {
    withTemporaryDirectory { folder in
      let a = writeFile("id,name\n", "a.csv", in: folder)
      let b = writeFile("id,name\n", "b.csv", in: folder)
      #expect(throws: CohortSource.LocateError.self) { try CohortSource.locate([a, b]) }
      #expect(throws: CohortSource.LocateError.self) {
        try CohortSource.locate(["mentors1.csv", "mentors2.csv"])
      }
      // One file is a people file with a role column (Docs/cohort-format.md).
      #expect((try? CohortSource.locate([a])) == CohortSource(peoplePath: a))
      #expect(throws: CohortSource.LocateError.self) { try CohortSource.locate([]) }
      #expect(throws: CohortSource.LocateError.self) { try CohortSource.locate([a, b, a]) }
      #expect(throws: CohortSource.LocateError.self) {
        try CohortSource.locate([folder + "/missing"])
      }
    }
  }
}
