import CompetencyModel
import Testing

@testable import Interchange

/// ``PeopleLayout``: a row's person moved into a mentor's or a mentee's
/// place is the mentor or mentee the initializers make, the row keeps
/// `nil`, and every reference the person holds is handed over, not copied
/// or dropped.
struct PeopleLayoutTests {
  /// A person of seed `k`: short and long ids (held in the value and on the
  /// heap), fields given and missing, a level storage of its own.
  private func person(_ k: Int, levels: CompetencyLevels) -> Person {
    Person(
      id: k % 2 == 0 ? "E\(k)" : "employee-with-a-long-id-\(k)", name: "Name \(k)",
      email: k % 3 == 0 ? nil : "person.\(k)@example.com", department: k % 4 == 0 ? nil : "Sales",
      manager: k % 5 == 0 ? nil : "M\(k / 2)", utcOffsetMinutes: k % 3 == 1 ? nil : 15 * (k % 40),
      seniority: k % 2 == 1 ? nil : Double(k % 9), languages: Array(["en", "fr", "de"].prefix(k % 4)),
      levels: levels, preferences: k % 3 == 2 ? ["M1", "M2-\(k)"] : [])
  }

  /// A row of a people file holding `person`.
  private func row(_ person: Person, _ k: Int) -> CohortFileParser.Row {
    CohortFileParser.Row(
      person: person, capacity: k % 6, mentorsWanted: 1 + k % Mentee.maximumMentorsWanted, levels: person.levels,
      goals: CompetencyGoals([nil, 3, Double(k % 5)]), role: .both, line: k + 2, start: (line: k + 2, column: 1))
  }

  @Test func theLayoutIsKnown() {
    #expect(PeopleLayout.current != nil)
  }

  @Test func movedPeopleAreTheInitializersMentorsAndMentees() throws {
    let layout = try #require(PeopleLayout.current)
    for k in 0..<60 {
      weak var storage: LevelStorage?
      do {
        let levelStorage = LevelStorage(count: 3)
        storage = levelStorage
        let levels = CompetencyLevels(storage: levelStorage, offset: 0, count: 3)
        let person = person(k, levels: levels)
        let goals = CompetencyGoals([Double(k % 6), nil, 4])
        var rows = [row(person, k), row(person, k + 1)]
        let mentor = UnsafeMutablePointer<Mentor>.allocate(capacity: 1)
        let mentee = UnsafeMutablePointer<Mentee>.allocate(capacity: 1)
        defer {
          mentor.deallocate()
          mentee.deallocate()
        }
        rows.withUnsafeMutableBufferPointer { rows in
          layout.moveMentor(from: rows.baseAddress!, to: mentor)
          layout.moveMentee(from: rows.baseAddress! + 1, goals: goals, to: mentee)
        }
        #expect(mentor.pointee == Mentor(person: person, capacity: k % 6))
        #expect(mentee.pointee == Mentee(person: person, goals: goals, mentorsWanted: 1 + (k + 1) % 10))
        #expect(rows.allSatisfy { $0.person == nil })
        #expect(rows[1].line == k + 3 && rows[1].capacity == (k + 1) % 6)
        mentor.deinitialize(count: 1)
        mentee.deinitialize(count: 1)
        #expect(storage != nil)  // (`person` still holds it)
      }
      // Each copy held its own reference and gave it back once: the storage is freed.
      #expect(storage == nil)
    }
  }
}
