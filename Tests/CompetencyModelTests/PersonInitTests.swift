import Testing

@testable import CompetencyModel

/// ``Person``'s initializers, which build the person with the compiler's
/// memberwise initializer and a hidden empty field: every field as given,
/// equality and hashing on the fields alone, no byte added, and the
/// person's references neither dropped nor doubled.
@Suite struct PersonInitTests {
  /// The stored fields of ``Person`` without its hidden empty one, for the
  /// layout check.
  private struct Fields {
    var id: String
    var name: String
    var email: String?
    var department: String?
    var manager: String?
    var utcOffsetMinutes: Int?
    var seniority: Double?
    var languages: [String]
    var levels: CompetencyLevels
    var preferences: [String]
  }

  @Test func theHiddenFieldAddsNoBytes() {
    #expect(MemoryLayout<Person>.size == MemoryLayout<Fields>.size)
    #expect(MemoryLayout<Person>.stride == MemoryLayout<Fields>.stride)
    #expect(MemoryLayout<Person>.alignment == MemoryLayout<Fields>.alignment)
  }

  @Test func everyFieldIsAsGivenAndBothInitializersAgree() {
    // Ids and e-mails on the heap (more than 15 bytes) and in the value.
    for id in ["E1", "employee-0000000000000001"] {
      let levels = [0.5, 4, 2.5]
      let a = Person(
        id: id, name: "Ada Lovelace-Byron", email: "ada.lovelace@example.com", department: "Eng",
        manager: "M0001", utcOffsetMinutes: -330, seniority: 3.5, languages: ["en", "fr"], levels: levels,
        preferences: ["M7", "M9"])
      let b = Person(
        id: id, name: "Ada Lovelace-Byron", email: "ada.lovelace@example.com", department: "Eng",
        manager: "M0001", utcOffsetMinutes: -330, seniority: 3.5, languages: ["en", "fr"],
        levels: CompetencyLevels(levels), preferences: ["M7", "M9"])
      for person in [a, b] {
        #expect(person.id == id)
        #expect(person.name == "Ada Lovelace-Byron")
        #expect(person.email == "ada.lovelace@example.com")
        #expect(person.department == "Eng")
        #expect(person.manager == "M0001")
        #expect(person.utcOffsetMinutes == -330)
        #expect(person.seniority == 3.5)
        #expect(person.languages == ["en", "fr"])
        #expect(Array(person.levels) == levels)
        #expect(person.preferences == ["M7", "M9"])
      }
      #expect(a == b)
      #expect(a.hashValue == b.hashValue)
      let bare = Person(id: id, name: "N", levels: CompetencyLevels())
      #expect(bare.email == nil && bare.department == nil && bare.manager == nil)
      #expect(bare.utcOffsetMinutes == nil && bare.seniority == nil)
      #expect(bare.languages.isEmpty && bare.levels.isEmpty && bare.preferences.isEmpty)
    }
  }

  @Test func equalityAndHashingSeeEveryField() {
    let base = Person(
      id: "E1", name: "N", email: "e@x.org", department: "D", manager: "M", utcOffsetMinutes: 60,
      seniority: 2, languages: ["en"], levels: [1, 2], preferences: ["P"])
    var changed: [Person] = []
    for field in 0..<10 {
      var other = base
      switch field {
      case 0: other.id = "E2"
      case 1: other.name = "O"
      case 2: other.email = nil
      case 3: other.department = "C"
      case 4: other.manager = nil
      case 5: other.utcOffsetMinutes = 0
      case 6: other.seniority = 2.5
      case 7: other.languages = ["de"]
      case 8: other.levels[1] = 3
      default: other.preferences = []
      }
      #expect(other != base)
      changed.append(other)
    }
    // Ten different people and the base: eleven in a set.
    #expect(Set(changed + [base]).count == 11)
  }

  @Test func aPersonHoldsItsLevelStorageUntilTheLastCopyGoes() {
    weak var watched: LevelStorage?
    do {
      let storage = LevelStorage(count: 6)
      watched = storage
      var people: [Person] = []
      for row in 0..<3 {
        let person = Person(
          id: "employee-with-a-long-id-\(row)", name: "Name \(row)", email: "person.\(row)@example.com",
          languages: ["en"], levels: CompetencyLevels(storage: storage, offset: row * 2, count: 2))
        people.append(person)
        people.append(person)  // a copy
      }
      #expect(watched != nil)
      people.removeAll()
      #expect(watched != nil)  // `storage` still holds it
    }
    #expect(watched == nil)
  }
}
