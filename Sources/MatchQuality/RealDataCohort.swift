import CohortGenerator
import CompetencyModel
import Foundation

/// A mentoring cohort built from real public data: the IBM HR Analytics roster
/// (fictional employees: departments, roles, job levels, tenure) with each
/// person's skills taken from the O*NET 23.0 skill levels of their role's
/// occupation (see ``RoleLadder``).
///
/// Construction (all deterministic for a seed):
/// - **who**: job levels 1–2 are mentees, 3–5 mentors (1,077 and 393 on the
///   full roster); `small` keeps every fifth employee in file order.
/// - **competencies**: the 35 O*NET skills, in the table's order.
/// - **levels**: the role's O*NET level `LV` (0–7) scaled to 0–5 (`· 5/7`),
///   plus `0.2 · (JobLevel − 3) + 0.02 · (min(TotalWorkingYears, 30) − 10)`,
///   plus a seeded draw in `±0.25`, clamped to 0–5 and rounded to 0.1.
/// - **goals**: the next role up (``RoleLadder/Role/next``); among its six
///   most important skills (`IM`, ties in table order) with importance ≥ 3
///   whose scaled level (rounded to 0.1) is above the mentee's, three are
///   drawn at random; the goal is that scaled level. A mentee above the next
///   role in all of them has no goal.
/// - **mentors**: capacity 2 at job level 3, 3 at levels 4 and 5.
/// - **departments** from the roster; **managers**: in the same department,
///   someone at the nearest higher job level (seeded choice); **seniority**:
///   the job level; **time zones**: seeded, 55 % UTC−5, 20 % UTC−8, 15 % UTC,
///   10 % UTC+5:30 (the roster has no locations); **language**: English.
///
/// Invariants: ``menteeRoles`` and ``mentorRoles`` run parallel to the
/// cohort's mentees and mentors; ids are `E` followed by the employee number.
public struct RealDataCohort: Sendable {
  /// Which employees to keep.
  public enum Size: String, Sendable, CaseIterable {
    /// The whole roster (1,470 people).
    case full
    /// Every fifth employee in file order (294 people), for fast tests.
    case small
  }

  /// The cohort.
  public var cohort: Cohort
  /// Each mentee's role label (``RoleLadder/Role/label``), in cohort order.
  public var menteeRoles: [String]
  /// Each mentor's role label, in cohort order.
  public var mentorRoles: [String]

  /// The credit the O*NET licence (CC BY 4.0) requires wherever the cohort is described.
  public static let credit =
    "This includes information from the O*NET 23.0 Database by the U.S. Department of Labor, Employment and "
    + "Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET(R) is a trademark of "
    + "USDOL/ETA. The mentor-match team has modified all or some of this information. USDOL/ETA has not "
    + "approved, endorsed, or tested these modifications."

  /// What the roster is.
  public static let rosterNote =
    "The roster is the IBM HR Analytics Employee Attrition & Performance data set, which is fictional "
    + "(created by IBM data scientists): its people are not real employees."

  /// The O*NET workbook inside the data folder.
  public static let skillsFile = "onet-23.0/Skills.xlsx"
  /// The roster inside the data folder.
  public static let rosterFile = "ibm-hr/WA_Fn-UseC_-HR-Employee-Attrition.csv"

  /// The folder holding the real data: `$MENTORMATCH_REAL_DATA` when set,
  /// else `../shared/data/real` beside the package root; `nil` when the
  /// files are not there.
  ///
  /// - Complexity: O(1) file-system checks.
  public static func dataDirectory(filePath: String = #filePath) -> String? {
    let candidates: [String]
    if let folder = ProcessInfo.processInfo.environment["MENTORMATCH_REAL_DATA"] {
      candidates = [folder]
    } else {
      // Sources/MatchQuality/RealDataCohort.swift → the package root → ../shared.
      let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
      candidates = [root.deletingLastPathComponent().appendingPathComponent("shared/data/real").path]
    }
    return candidates.first { folder in
      [skillsFile, rosterFile].allSatisfy {
        FileManager.default.isReadableFile(atPath: (folder as NSString).appendingPathComponent($0))
      }
    }
  }

  /// Reads the two files from `dataDirectory` and builds the cohort.
  ///
  /// - Throws: ``RealDataError`` naming the file and place of a problem.
  /// - Complexity: O(workbook size) to read (far less for `small`, which
  ///   parses only the ladder's occupations), plus O(people · skills).
  public static func build(dataDirectory: String, size: Size = .full, seed: UInt64 = 2026) throws(RealDataError)
    -> RealDataCohort
  {
    let folder = dataDirectory as NSString
    let skills = try ONETSkillTable.read(
      path: folder.appendingPathComponent(skillsFile), occupations: RoleLadder.occupations)
    let roster = try HRRoster.read(path: folder.appendingPathComponent(rosterFile))
    return try build(skills: skills, roster: roster, size: size, seed: seed)
  }

  /// Builds the cohort from the parsed tables.
  ///
  /// - Throws: ``RealDataError`` when the roster has a role the ladder does
  ///   not know or the table lacks one of the ladder's occupations.
  /// - Complexity: O(people · skills + people · managers' level).
  public static func build(skills table: ONETSkillTable, roster: HRRoster, size: Size = .full, seed: UInt64 = 2026)
    throws(RealDataError) -> RealDataCohort
  {
    let employees =
      size == .full ? roster.employees : roster.employees.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
    var roles: [RoleLadder.Role] = []
    for employee in employees {
      guard let role = RoleLadder.role(department: employee.department, jobRole: employee.jobRole) else {
        throw RealDataError(
          file: rosterFile, message: "no ladder for \(employee.jobRole) in \(employee.department)")
      }
      roles.append(role)
    }
    func scaled(_ code: String) throws(RealDataError) -> [ONETSkillTable.Rating] {
      guard let ratings = table.ratings[code] else {
        throw RealDataError(file: skillsFile, message: "no occupation \(code)")
      }
      return ratings
    }
    let k = table.skills.count
    var mentors: [Mentor] = []
    var mentees: [Mentee] = []
    var menteeRoles: [String] = []
    var mentorRoles: [String] = []
    for (index, employee) in employees.enumerated() {
      let role = roles[index]
      var random = SeededRandomNumberGenerator(seed: seed ^ (UInt64(employee.number) &* 0x9E37_79B9_7F4A_7C15))
      let base = try scaled(role.occupation)
      let shift =
        0.2 * Double(employee.jobLevel - 3) + 0.02 * (Double(min(employee.totalWorkingYears, 30)) - 10)
      let levels = (0..<k).map { c in
        tenth(min(max(base[c].level * 5 / 7 + shift + 0.5 * (unit(&random) - 0.5), 0), 5))
      }
      let person = Person(
        id: "E\(employee.number)", name: "Employee \(employee.number)", department: employee.department,
        manager: manager(of: index, employees: employees, random: &random),
        utcOffsetMinutes: timeZone(unit(&random)), seniority: Double(employee.jobLevel), languages: ["en"],
        levels: levels)
      if employee.jobLevel >= 3 {
        mentors.append(Mentor(person: person, capacity: employee.jobLevel == 3 ? 2 : 3))
        mentorRoles.append(role.label)
      } else {
        var goals = [Double?](repeating: nil, count: k)
        if let next = role.next.flatMap(RoleLadder.role(labelled:)) {
          let target = try scaled(next.occupation)
          let important = (0..<k).filter { target[$0].importance >= 3 }
            .sorted {
              target[$0].importance != target[$1].importance ? target[$0].importance > target[$1].importance : $0 < $1
            }
            .prefix(6)
          var candidates = important.filter { tenth(target[$0].level * 5 / 7) > levels[$0] }
          candidates.shuffle(using: &random)
          for c in candidates.prefix(3) { goals[c] = tenth(target[c].level * 5 / 7) }
        }
        mentees.append(Mentee(person: person, goals: goals))
        menteeRoles.append(role.label)
      }
    }
    return RealDataCohort(
      cohort: Cohort(competencies: table.skills, mentors: mentors, mentees: mentees), menteeRoles: menteeRoles,
      mentorRoles: mentorRoles)
  }

  /// How many of `pairs` give a mentee in `menteeRole` a mentor in `mentorRole`.
  ///
  /// - Complexity: O(`pairs`).
  public func count(menteeRole: String, mentorRole: String, in pairs: [(mentee: Int, mentor: Int)]) -> Int {
    pairs.filter { menteeRoles[$0.mentee] == menteeRole && mentorRoles[$0.mentor] == mentorRole }.count
  }

  /// A uniform draw in `0..<1` (53 bits).
  static func unit(_ random: inout SeededRandomNumberGenerator) -> Double {
    Double(random.next() >> 11) * 0x1p-53
  }

  /// `value` rounded to one decimal.
  static func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }

  /// A working time zone for a uniform draw `u`.
  static func timeZone(_ u: Double) -> Int {
    switch u {
    case ..<0.55: -300
    case ..<0.75: -480
    case ..<0.90: 0
    default: 330
    }
  }

  /// The manager of `employees[index]`: someone in the same department at the
  /// nearest higher job level, chosen at random among them; `nil` at the top.
  static func manager(
    of index: Int, employees: [HRRoster.Employee], random: inout SeededRandomNumberGenerator
  ) -> String? {
    let employee = employees[index]
    let above = employees.filter { $0.department == employee.department && $0.jobLevel > employee.jobLevel }
    guard let level = above.map(\.jobLevel).min() else { return nil }
    let candidates = above.filter { $0.jobLevel == level }
    return "E\(candidates[Int(random.next() % UInt64(candidates.count))].number)"
  }
}
