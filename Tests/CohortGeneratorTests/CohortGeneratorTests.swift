import CompetencyModel
import Foundation
import Testing

@testable import CohortGenerator

/// A default-shaped cohort of moderate size, generated once for the suite.
private let medium = CohortGenerator(.init(mentees: 3000, mentors: 700, competencies: 24, seed: 7))
  .generate()

// MARK: Determinism

@Test func sameParametersGiveEqualCohorts() {
  let parameters = CohortGenerator.Parameters(mentees: 400, mentors: 90, competencies: 20, seed: 42)
  let first = CohortGenerator(parameters).generate()
  let second = CohortGenerator(parameters).generate()
  #expect(first == second)
}

@Test func differentSeedsGiveDifferentCohorts() {
  let a = CohortGenerator(.init(mentees: 200, mentors: 50, competencies: 12, seed: 1)).generate()
  let b = CohortGenerator(.init(mentees: 200, mentors: 50, competencies: 12, seed: 2)).generate()
  #expect(a.cohort != b.cohort)
  #expect(a.cohort.mentees.map(\.person.levels) != b.cohort.mentees.map(\.person.levels))
  #expect(a.history != b.history)
}

/// A checksum of everything in a cohort, from integers and UTF-8 bytes only.
private func fingerprint(_ generated: GeneratedCohort) -> UInt64 {
  var hash: UInt64 = 0xCBF2_9CE4_8422_2325
  func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
  }
  func add(_ string: String?) { add((string ?? "<nil>").utf8) }
  func add(_ number: Int?) { add(number.map { String($0) }) }
  func add(_ person: Person) {
    add(person.id)
    add(person.name)
    add(person.email)
    add(person.department)
    add(person.manager)
    add(person.utcOffsetMinutes)
    add(person.seniority.map { Int($0) })
    add(person.languages.joined(separator: ","))
    for level in person.levels { add(Int(level * 2)) }
  }
  let cohort = generated.cohort
  for name in cohort.competencies { add(name) }
  for mentor in cohort.mentors {
    add(mentor.person)
    add(mentor.capacity)
  }
  for mentee in cohort.mentees {
    add(mentee.person)
    for goal in mentee.goals { add(goal.map { Int($0 * 2) }) }
  }
  for pair in generated.history {
    add(pair.menteeID)
    add(pair.mentorID)
  }
  return hash
}

/// Guards cross-platform and cross-version stability: if this changes, every
/// benchmark and the bundled sample cohort change too. Update it only on
/// purpose, and say so in Docs/generator.md's change notes.
@Test func generatorOutputIsPinned() {
  let generated = CohortGenerator(.init(mentees: 60, mentors: 20, competencies: 10, seed: 2026))
    .generate()
  #expect(fingerprint(generated) == 10_137_704_272_409_891_675)
}

// MARK: Sizes and invariants

@Test func sizesMatchTheParameters() {
  let cohort = medium.cohort
  #expect(cohort.mentees.count == 3000)
  #expect(cohort.mentors.count == 700)
  #expect(cohort.competencies.count == 24)
  #expect(Set(cohort.competencies).count == 24)
}

@Test func idsAreUniqueAndWellFormed() {
  let cohort = medium.cohort
  let mentorIDs = cohort.mentors.map(\.id)
  #expect(Set(mentorIDs).count == mentorIDs.count)
  #expect(Set(cohort.mentees.map(\.id)).count == cohort.mentees.count)
  #expect(mentorIDs.first == "M00001")
  #expect(mentorIDs.allSatisfy { $0.hasPrefix("M") && $0.count == 6 })
  let plain = cohort.mentees.filter { $0.id.hasPrefix("E") }
  #expect(plain.first?.id == "E00001")
  #expect(plain.allSatisfy { $0.id.count == 6 })
  // Mentees are either plain (E ids) or mentors who are also mentees.
  let mentorIDSet = Set(mentorIDs)
  #expect(cohort.mentees.allSatisfy { $0.id.hasPrefix("E") || mentorIDSet.contains($0.id) })
}

@Test func idsWidenForLargeCounts() {
  let ids = IDFormatter(largestNumber: 123_456)
  #expect(ids.mentor(7) == "M000007")
  #expect(ids.mentee(123_456) == "E123456")
  #expect(IDFormatter(largestNumber: 12).mentee(3) == "E00003")
}

@Test func levelsGoalsAndCapacitiesAreInRange() {
  let cohort = medium.cohort
  let people = cohort.mentors.map(\.person) + cohort.mentees.map(\.person)
  for person in people {
    #expect(person.levels.count == 24)
    #expect(
      person.levels.allSatisfy {
        CompetencyScale.range.contains($0) && ($0 * 2).rounded() == $0 * 2
      })
    #expect((1...8).contains(person.seniority ?? 0))
  }
  #expect(cohort.mentors.allSatisfy { (1...4).contains($0.capacity) })
  #expect(Set(cohort.mentors.map(\.capacity)) == [1, 2, 3, 4])
  for mentee in cohort.mentees {
    let goals = mentee.goals.indices.filter { mentee.goals[$0] != nil }
    #expect((2...4).contains(goals.count))
    for index in goals {
      let goal = try! #require(mentee.goals[index])
      let level = mentee.person.levels[index]
      #expect(CompetencyScale.range.contains(goal))
      #expect(goal >= level + 1)
      #expect(goal <= level + 2)
    }
  }
}

@Test func managerChainsAreAcyclicAndPointAtMentors() {
  let cohort = medium.cohort
  var managerOf: [String: String] = [:]
  var mentorByID: [String: Person] = [:]
  for mentor in cohort.mentors {
    mentorByID[mentor.id] = mentor.person
    managerOf[mentor.id] = mentor.person.manager
  }
  for mentee in cohort.mentees where managerOf[mentee.id] == nil {
    managerOf[mentee.id] = mentee.person.manager
  }
  var deepest = 0
  for (id, _) in managerOf {
    var seen: Set<String> = [id]
    var current = id
    while let next = managerOf[current] {
      #expect(mentorByID[next] != nil, "manager \(next) of \(current) is not a mentor")
      #expect(seen.insert(next).inserted, "cycle through \(next)")
      if seen.count > cohort.mentors.count + 1 { break }
      current = next
    }
    deepest = max(deepest, seen.count - 1)
  }
  #expect(deepest >= 4, "reporting lines should be several levels deep")

  // Managers are in the same department and at least as senior.
  for person in cohort.mentors.map(\.person) + cohort.mentees.map(\.person) {
    guard let managerID = person.manager, let manager = mentorByID[managerID] else { continue }
    #expect(manager.department == person.department)
    #expect((manager.seniority ?? 0) >= (person.seniority ?? 0))
  }
  let managedMentees = cohort.mentees.filter { $0.person.manager != nil }.count
  let managedMentors = cohort.mentors.filter { $0.person.manager != nil }.count
  #expect(managedMentees > cohort.mentees.count / 2)
  #expect(managedMentors > cohort.mentors.count / 2)
}

@Test func overlapCountIsAsAsked() {
  let cohort = medium.cohort
  let mentorIDs = Set(cohort.mentors.map(\.id))
  let overlapping = cohort.mentees.filter { mentorIDs.contains($0.id) }
  #expect(overlapping.count == 21)  // 3% of 700
  // The same person on both sides, spread through the mentee list.
  let mentorByID = Dictionary(uniqueKeysWithValues: cohort.mentors.map { ($0.id, $0.person) })
  #expect(overlapping.allSatisfy { mentorByID[$0.id] == $0.person })
  let positions = cohort.mentees.indices.filter { mentorIDs.contains(cohort.mentees[$0].id) }
  #expect(positions.first! < 200 && positions.last! > 2800)

  let none = CohortGenerator(
    .init(mentees: 50, mentors: 40, competencies: 5, seed: 3, overlapShare: 0)
  ).generate()
  #expect(none.cohort.mentees.allSatisfy { $0.id.hasPrefix("E") })
  let all = CohortGenerator(
    .init(mentees: 10, mentors: 40, competencies: 5, seed: 3, overlapShare: 1)
  ).generate()
  #expect(all.cohort.mentees.count == 10)
  #expect(all.cohort.mentees.allSatisfy { $0.id.hasPrefix("M") })
}

@Test func emailsAreUniqueAndReserved() {
  let people =
    medium.cohort.mentors.map(\.person)
    + medium.cohort.mentees.map(\.person).filter { $0.id.hasPrefix("E") }
  let emails = people.compactMap(\.email)
  #expect(emails.count == people.count)
  #expect(Set(emails).count == emails.count)
  #expect(
    emails.allSatisfy { $0.hasSuffix("@example.com") && $0.contains(".") && $0 == $0.lowercased() })
  #expect(
    emails.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " && $0 != "'" } })
  #expect(Tables.emailStem("O'Brien") == "obrien")
  #expect(Tables.emailStem("Van der Berg") == "vanderberg")
}

@Test func historyNamesCurrentAndFormerPeople() {
  let history = medium.history
  #expect(history.count == 1500)  // half of the mentees
  #expect(
    Set(history.map(\.menteeID)).count == history.count, "each previous mentee had one mentor")
  #expect(history.allSatisfy { $0.menteeID != $0.mentorID })
  let menteeIDs = Set(medium.cohort.mentees.map(\.id))
  let mentorIDs = Set(medium.cohort.mentors.map(\.id))
  let biting = history.filter { menteeIDs.contains($0.menteeID) && mentorIDs.contains($0.mentorID) }
  #expect(biting.count > 300 && biting.count < 600)  // ≈ 1500 × 0.4 × 0.75 = 450
  #expect(history.contains { !menteeIDs.contains($0.menteeID) })
  #expect(history.contains { !mentorIDs.contains($0.mentorID) })
  #expect(history.allSatisfy { $0.menteeID.count == 6 && $0.mentorID.count == 6 })
}

// MARK: Shape

private func mean(_ values: [Double]) -> Double {
  values.reduce(0, +) / Double(max(values.count, 1))
}

@Test func mentorsAreMoreSeniorAndSkilled() {
  let cohort = medium.cohort
  let mentorSeniority = mean(cohort.mentors.compactMap(\.person.seniority))
  let menteeSeniority = mean(cohort.mentees.compactMap(\.person.seniority))
  #expect(mentorSeniority > menteeSeniority + 1.5)
  let mentorLevel = mean(cohort.mentors.map { mean(Array($0.person.levels)) })
  let menteeLevel = mean(cohort.mentees.map { mean(Array($0.person.levels)) })
  #expect(mentorLevel > menteeLevel + 0.5)
  // Mentors can usually teach the goal: their level often reaches it.
  var covered = 0
  var goals = 0
  for mentee in cohort.mentees.prefix(300) {
    for (index, goal) in mentee.goals.enumerated() {
      guard let goal else { continue }
      goals += 1
      if cohort.mentors.contains(where: { $0.person.levels[index] >= goal }) { covered += 1 }
    }
  }
  #expect(covered * 10 >= goals * 9)
}

@Test func departmentsShapeSkills() {
  let cohort = medium.cohort
  let departments = Set(cohort.mentees.compactMap(\.person.department))
  #expect(departments.count == 8)
  #expect(departments.contains("Engineering") && departments.contains("Sales"))
  // Engineers are stronger than salespeople in system design, and the
  // other way round in negotiation.
  let systemDesign = cohort.competencies.firstIndex(of: "System design")!
  let negotiation = cohort.competencies.firstIndex(of: "Negotiation")!
  let people = cohort.mentees.map(\.person)
  let engineers = people.filter { $0.department == "Engineering" }
  let sales = people.filter { $0.department == "Sales" }
  #expect(
    mean(engineers.map { $0.levels[systemDesign] }) > mean(sales.map { $0.levels[systemDesign] })
      + 1)
  #expect(
    mean(sales.map { $0.levels[negotiation] }) > mean(engineers.map { $0.levels[negotiation] }) + 1)
  // Engineering is the largest department.
  #expect(engineers.count > sales.count)
}

@Test func competencyAndDepartmentNames() {
  #expect(CohortGenerator.competencyName(0) == "Leadership")
  #expect(CohortGenerator.competencyName(2) == "Public speaking")
  #expect(CohortGenerator.competencyName(48) == "Competency 49")
  #expect(Set(Catalogue.competencyNames).count == Catalogue.competencyNames.count)
  #expect(Catalogue.competencyNames.count >= 24)
  #expect(CohortGenerator.departmentName(0) == "Engineering")
  #expect(CohortGenerator.departmentName(20) == "Department 21")
  #expect(Set(Catalogue.departments.map(\.name)).count == Catalogue.departments.count)
  // Every listed strength and core competency is a listed competency.
  let names = Set(Catalogue.competencyNames)
  #expect(Catalogue.coreCompetencies.isSubset(of: names))
  for department in Catalogue.departments {
    #expect(Set(department.strengths).isSubset(of: names), "\(department.name)")
  }
  let wide = CohortGenerator(
    .init(mentees: 30, mentors: 10, competencies: 64, seed: 5, departments: 24)
  ).generate()
  #expect(wide.cohort.competencies.last == "Competency 64")
}

@Test func timeZonesAreRealisticAndCached() {
  let cohort = medium.cohort
  let offsets = cohort.mentees.compactMap(\.person.utcOffsetMinutes)
  #expect(offsets.count == cohort.mentees.count)
  #expect(Set(offsets).count >= 10)
  #expect(offsets.contains(330) && offsets.contains(-480) && offsets.contains(660))
  // London and New York are the two largest locations.
  #expect(offsets.filter { $0 == 0 }.count > offsets.filter { $0 == 540 }.count * 3)
  // The cached offsets agree with the documented January 2026 table.
  #expect(Catalogue.zoneOffsets == Catalogue.zones.map(\.januaryOffsetMinutes))
  for zone in Catalogue.zones {
    #expect(TimeZone(identifier: zone.identifier) != nil, "\(zone.identifier)")
  }
}

@Test func languagesFollowTheShares() {
  let people = medium.cohort.mentors.map(\.person) + medium.cohort.mentees.map(\.person)
  #expect(
    people.allSatisfy { !$0.languages.isEmpty && Set($0.languages).count == $0.languages.count })
  #expect(people.allSatisfy { $0.languages.allSatisfy { $0 == $0.lowercased() } })
  let withoutEnglish = people.filter { !$0.languages.contains("en") }.count
  let bilingual = people.filter { $0.languages.count == 2 }.count
  let share = { (count: Int) in Double(count) / Double(people.count) }
  #expect(share(withoutEnglish) > 0.025 && share(withoutEnglish) < 0.055)
  #expect(share(bilingual) > 0.25 && share(bilingual) < 0.35)
}

// MARK: Edge cases and scale

@Test func edgeCasesGenerate() {
  let empty = CohortGenerator(.init(mentees: 0, mentors: 0, competencies: 0, seed: 1)).generate()
  #expect(empty.cohort.mentees.isEmpty && empty.cohort.mentors.isEmpty && empty.history.isEmpty)
  let noMentors = CohortGenerator(.init(mentees: 20, mentors: 0, competencies: 3, seed: 1))
    .generate()
  #expect(noMentors.cohort.mentees.allSatisfy { $0.person.manager == nil })
  #expect(noMentors.history.count == 10)
  let oneCompetency = CohortGenerator(.init(mentees: 20, mentors: 5, competencies: 1, seed: 1))
    .generate()
  #expect(oneCompetency.cohort.mentees.allSatisfy { $0.goals.compactMap { $0 }.count <= 1 })
  let fixed = CohortGenerator(
    .init(mentees: 20, mentors: 10, competencies: 4, seed: 1, departments: 1, capacityRange: 0...0)
  ).generate()
  #expect(fixed.cohort.totalCapacity == 0)
  #expect(Set(fixed.cohort.mentors.compactMap(\.person.department)) == ["Engineering"])
}

@Test func largeCohortGenerates() {
  let generated = CohortGenerator(.init(mentees: 20_000, mentors: 4000, competencies: 32, seed: 11))
    .generate()
  #expect(generated.cohort.mentees.count == 20_000)
  #expect(generated.cohort.mentors.count == 4000)
  #expect(generated.cohort.mentees.last?.person.levels.count == 32)
  #expect(generated.history.count == 10_000)
}

// MARK: The documentation's tables

/// The rows of the Markdown tables in Docs/generator.md, as trimmed cells.
private func documentedRows() throws -> [[String]] {
  let docs = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Docs/generator.md")
  return try String(contentsOf: docs, encoding: .utf8)
    .split(separator: "\n")
    .filter { $0.hasPrefix("| ") }
    .map { line in
      line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

@Test func documentedTablesMatchTheCatalogue() throws {
  let rows = try documentedRows()
  let zoneRows = rows.filter { $0.first?.contains("/") == true && $0.count == 4 }
  #expect(zoneRows.count == Catalogue.zones.count)
  for (row, zone) in zip(zoneRows, Catalogue.zones) {
    #expect(row[0] == zone.identifier)
    #expect(Double(row[1]) == zone.weight, "\(zone.identifier)")
    #expect(Int(row[2].replacingOccurrences(of: "−", with: "-")) == zone.januaryOffsetMinutes)
    #expect(row[3] == (zone.localLanguage ?? "—"), "\(zone.identifier)")
  }
  let departmentRows = rows.filter { $0.count == 4 && Int($0[0]) != nil }
  #expect(departmentRows.count == Catalogue.departments.count)
  for (row, department) in zip(departmentRows, Catalogue.departments) {
    #expect(row[1] == department.name)
    #expect(Double(row[2]) == department.weight, "\(department.name)")
    #expect(row[3] == department.strengths.joined(separator: ", "), "\(department.name)")
  }
  let gradeRows = Dictionary(
    rows.filter { $0.count == 10 }.map { ($0[0], $0[1...8].compactMap { Double($0) }) },
    uniquingKeysWith: { first, _ in first })
  #expect(gradeRows["mentees"] == CohortGenerator.menteeGradeWeights)
  #expect(gradeRows["mentors"] == CohortGenerator.mentorGradeWeights)
  #expect(gradeRows["mentors who are also mentees"] == CohortGenerator.overlapGradeWeights)
}
