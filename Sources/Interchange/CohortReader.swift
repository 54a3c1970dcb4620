import CompetencyModel
import Foundation

/// A cohort read from its files, with the warnings found on the way.
public struct CohortReadResult: Sendable, Hashable {
  /// The cohort.
  public var cohort: Cohort
  /// Problems that did not stop the read (unknown columns, mentees with
  /// nothing to grow toward, ...), in report order.
  public var warnings: [InputError]
  /// The line of each mentor's row in the mentors file, aligned with
  /// `cohort.mentors`.
  public var mentorLines: [Int]
  /// The line of each mentee's row in the mentees file, aligned with
  /// `cohort.mentees`.
  public var menteeLines: [Int]

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - warnings: The warnings.
  ///   - mentorLines: The line of each mentor's row.
  ///   - menteeLines: The line of each mentee's row.
  /// - Complexity: O(1).
  public init(cohort: Cohort, warnings: [InputError], mentorLines: [Int], menteeLines: [Int]) {
    self.cohort = cohort
    self.warnings = warnings
    self.mentorLines = mentorLines
    self.menteeLines = menteeLines
  }
}

/// Reads a cohort from `mentors.csv` and `mentees.csv`.
///
/// The format is documented in `Docs/cohort-format.md`. The reader checks
/// everything and collects every problem across both files, so that one run
/// lists all of them: cell errors (bad numbers, levels, time zones, empty ids
/// or names, duplicate ids), header errors (missing or duplicate columns, no
/// `level:` columns for mentors, no `goal:` columns for mentees) and a loop in
/// the `manager` links across both files. Warnings (unknown columns, a mentee
/// with no goal above the current level) do not stop the read.
public enum CohortReader {
  /// Reads the cohort in `source`.
  ///
  /// - Parameters:
  ///   - source: The two files.
  ///   - referenceDate: The date at which IANA time-zone names are resolved,
  ///     so daylight saving time is deterministic (default 2026-01-01T00:00:00Z).
  /// - Returns: The cohort, warnings and row lines.
  /// - Throws: ``InputErrors`` with every error and warning of both files, in
  ///   report order, when there is at least one error.
  /// - Complexity: O(size of the files) plus O(*p* · *d*) for the manager
  ///   check of *p* people whose reporting chains are *d* long.
  public static func read(
    _ source: CohortSource, referenceDate: Date = TimeZoneParser.defaultReferenceDate
  )
    throws(InputErrors) -> CohortReadResult
  {
    try read(
      mentors: CSVTable.loadText(path: source.mentorsPath), mentorsFile: source.mentorsPath,
      mentees: CSVTable.loadText(path: source.menteesPath), menteesFile: source.menteesPath,
      referenceDate: referenceDate)
  }

  /// Reads a cohort from the two files' texts.
  ///
  /// - Parameters:
  ///   - mentors: The mentors file's content.
  ///   - mentees: The mentees file's content.
  ///   - mentorsFile: The mentors file's name for problem reports.
  ///   - menteesFile: The mentees file's name for problem reports.
  ///   - referenceDate: The date at which IANA time-zone names are resolved.
  /// - Returns: The cohort, warnings and row lines.
  /// - Throws: ``InputErrors`` with every error and warning, in report order,
  ///   when there is at least one error.
  /// - Complexity: As ``read(_:referenceDate:)``.
  public static func parse(
    mentors: String, mentees: String, mentorsFile: String = "mentors.csv",
    menteesFile: String = "mentees.csv",
    referenceDate: Date = TimeZoneParser.defaultReferenceDate
  ) throws(InputErrors) -> CohortReadResult {
    try read(
      mentors: .success(mentors), mentorsFile: mentorsFile, mentees: .success(mentees),
      menteesFile: menteesFile,
      referenceDate: referenceDate)
  }

  private static func read(
    mentors: Result<String, InputError>, mentorsFile: String, mentees: Result<String, InputError>,
    menteesFile: String, referenceDate: Date
  ) throws(InputErrors) -> CohortReadResult {
    var problems: [InputError] = []
    let mentorFile = CohortFileParser.read(
      mentors, file: mentorsFile, side: .mentors, referenceDate: referenceDate, problems: &problems)
    let menteeFile = CohortFileParser.read(
      mentees, file: menteesFile, side: .mentees, referenceDate: referenceDate, problems: &problems)

    // The competencies: the union, mentors first, in first-seen order.
    var competencies: [String] = []
    var competencyIndex: [String: Int] = [:]
    for column in (mentorFile?.columns.competenciesInOrder ?? [])
      + (menteeFile?.columns.competenciesInOrder ?? [])
    where competencyIndex[column.key] == nil {
      competencyIndex[column.key] = competencies.count
      competencies.append(column.display)
    }
    problems += managerCycles((mentorFile?.managerLinks ?? []) + (menteeFile?.managerLinks ?? []))

    var mentorList: [Mentor] = []
    if let mentorFile {
      for (row, (person, _)) in zip(
        mentorFile.rows, mentorFile.people(competencyIndex: competencyIndex))
      {
        mentorList.append(Mentor(person: person, capacity: row.capacity))
      }
    }
    var menteeList: [Mentee] = []
    if let menteeFile {
      for (row, (person, goals)) in zip(
        menteeFile.rows, menteeFile.people(competencyIndex: competencyIndex))
      {
        menteeList.append(Mentee(person: person, goals: goals))
        let growth = zip(goals, person.levels).contains { goal, level in
          goal.map { $0 > level } ?? false
        }
        if !menteeFile.columns.goals.isEmpty && !growth {
          problems.append(
            InputError(
              file: menteesFile, line: row.start.line, column: row.start.column,
              message:
                "mentee '\(person.id)' has no goal above their current level, so they have nothing "
                + "to grow toward and, by default (rules.goal_mentees_first), only get a place left "
                + "over by mentees with goals; set a goal:<competency> above their level:<competency>",
              severity: .warning))
        }
      }
    }
    if problems.contains(where: { $0.severity == .error }) { throw InputErrors(problems) }
    return CohortReadResult(
      cohort: Cohort(competencies: competencies, mentors: mentorList, mentees: menteeList),
      warnings: problems.sorted(by: InputError.reportOrder),
      mentorLines: mentorFile?.rows.map(\.line) ?? [],
      menteeLines: menteeFile?.rows.map(\.line) ?? [])
  }

  /// Finds loops in the manager links, in row order: a link that would close
  /// a loop is reported at its manager cell and left out.
  ///
  /// - Complexity: O(*p* · *d*) for *p* links and chains *d* long.
  private static func managerCycles(_ links: [CohortFileParser.ManagerLink]) -> [InputError] {
    var managers: [String: [String]] = [:]
    var problems: [InputError] = []
    for link in links {
      if link.person == link.manager {
        problems.append(link.error("'\(link.person)' is listed as their own manager"))
        continue
      }
      if managers[link.person]?.contains(link.manager) == true { continue }
      if let path = chain(from: link.manager, to: link.person, in: managers) {
        let loop = ([link.person] + path).joined(separator: " → ")
        problems.append(
          link.error("manager cycle: \(loop); a reporting line cannot loop back to the same person")
        )
        continue
      }
      managers[link.person, default: []].append(link.manager)
    }
    return problems
  }

  /// A path of manager links from `start` to `target`, both included.
  private static func chain(from start: String, to target: String, in managers: [String: [String]])
    -> [String]?
  {
    var parent: [String: String] = [:]
    var visited: Set<String> = [start]
    var stack = [start]
    while let current = stack.popLast() {
      if current == target {
        var path = [current]
        while let previous = parent[path[0]] { path.insert(previous, at: 0) }
        return path
      }
      for next in managers[current] ?? [] where visited.insert(next).inserted {
        parent[next] = current
        stack.append(next)
      }
    }
    return nil
  }
}
