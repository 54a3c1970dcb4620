import CompetencyModel
import Foundation
import MatchQuality
import Testing
import _TestSupport

/// The real data beside the project, or `nil` (the tests then skip, saying why).
let realData = RealDataCohort.dataDirectory()
let realDataMissing = "needs ../shared/data/real (O*NET 23.0 Skills.xlsx and the IBM HR roster); not present"

@Suite(.enabled(if: realData != nil, Comment(rawValue: realDataMissing)))
struct RealDataCohortTests {
  @Test func fullCohortHasTheRosterShape() throws {
    let real = try RealDataCohort.build(dataDirectory: realData!, size: .full)
    #expect(real.cohort.mentees.count == 1077)
    #expect(real.cohort.mentors.count == 393)
    #expect(real.cohort.competencies.count == 35)
    #expect(real.menteeRoles.filter { $0 == "Sales Executive" }.count == 233)
    #expect(real.mentorRoles.filter { $0 == "Sales Manager" }.count == 37)
    #expect(real.cohort.mentees.allSatisfy { ($0.person.seniority ?? 9) <= 2 })
    #expect(real.cohort.mentors.allSatisfy { ($0.person.seniority ?? 0) >= 3 })
  }

  @Test func smallCohortIsDeterministicAndWellFormed() throws {
    let a = try RealDataCohort.build(dataDirectory: realData!, size: .small)
    let b = try RealDataCohort.build(dataDirectory: realData!, size: .small)
    #expect(a.cohort == b.cohort)
    let other = try RealDataCohort.build(dataDirectory: realData!, size: .small, seed: 7)
    #expect(a.cohort != other.cohort)
    let cohort = a.cohort
    #expect(cohort.mentees.count + cohort.mentors.count == 294)
    let ids = Set(cohort.mentees.map(\.id) + cohort.mentors.map(\.id))
    for person in cohort.mentees.map(\.person) + cohort.mentors.map(\.person) {
      #expect(person.levels.allSatisfy { (0...5).contains($0) })
      if let manager = person.manager { #expect(ids.contains(manager)) }
    }
    for mentee in cohort.mentees {
      let goals = mentee.goals.indices.filter { mentee.goals[$0] != nil }
      #expect(goals.count <= 3)
      #expect(goals.allSatisfy { mentee.gap($0) > 0 })
    }
    #expect(cohort.mentees.filter { m in m.goals.contains { $0 != nil } }.count > cohort.mentees.count * 3 / 4)
  }

  /// A sales executive's goals are the sales manager occupation's levels,
  /// scaled from O*NET's 0–7 to 0–5, in skills important for sales managers.
  @Test func goalsComeFromTheNextRoleUp() throws {
    let folder = realData! as NSString
    let table = try ONETSkillTable.read(
      path: folder.appendingPathComponent(RealDataCohort.skillsFile), occupations: ["11-2022.00"])
    let manager = try #require(table.ratings["11-2022.00"])
    #expect(table.titles["11-2022.00"] == "Sales Managers")
    let real = try RealDataCohort.build(dataDirectory: realData!, size: .small)
    var checked = 0
    for (i, mentee) in real.cohort.mentees.enumerated() where real.menteeRoles[i] == "Sales Executive" {
      for c in mentee.goals.indices {
        guard let goal = mentee.goals[c] else { continue }
        #expect(abs(goal - (manager[c].level * 5 / 7 * 10).rounded() / 10) < 1e-9)
        #expect(manager[c].importance >= 3)
        checked += 1
      }
    }
    #expect(checked > 20)
  }

  /// Reading only some occupations gives exactly the rows a full read gives.
  @Test func filteredReadEqualsFullRead() throws {
    let path = (realData! as NSString).appendingPathComponent(RealDataCohort.skillsFile)
    let wanted: Set<String> = ["11-1011.00", "41-4011.00", "53-7121.00"]
    let filtered = try ONETSkillTable.read(path: path, occupations: wanted)
    let full = try ONETSkillTable.read(path: path)
    #expect(full.ratings.count == 967)
    #expect(full.skills.count == 35 && filtered.skills == full.skills)
    #expect(Set(filtered.ratings.keys) == wanted)
    for code in wanted { #expect(filtered.ratings[code] == full.ratings[code]) }
  }
}

@Suite struct RealDataErrorTests {
  @Test func rosterErrorsPointAtLineAndColumn() throws {
    let folder = try TemporaryFolder(prefix: "roster")
    let path = folder.path("roster.csv")
    let text =
      "\u{FEFF}EmployeeNumber,Department,JobRole,JobLevel,TotalWorkingYears,YearsAtCompany,EducationField\n"
      + "1,Sales,Sales Executive,2,8,6,Life Sciences\n2,Sales,Sales Executive,seven,8,6,Medical\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(
      throws: RealDataError(
        file: path, row: 3, column: 25, message: "JobLevel \"seven\" is not a whole number in 1...5")
    ) {
      try HRRoster.read(path: path)
    }
  }

  @Test func aFileThatIsNotAWorkbookIsReported() throws {
    let folder = try TemporaryFolder(prefix: "skills")
    let path = folder.path("skills.xlsx")
    try "not a zip".write(toFile: path, atomically: true, encoding: .utf8)
    let error = #expect(throws: RealDataError.self) { try ONETSkillTable.read(path: path) }
    #expect(error?.file == path)
    #expect(error?.description.hasPrefix("\(path): cannot open the workbook") == true)
  }
}
