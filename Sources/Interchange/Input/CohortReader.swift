import Assignment
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
  ///   - source: The two files, or one people file with a `role` column.
  ///   - mapping: How the files' headers and level scales map to the native
  ///     ones (default: the native format).
  ///   - referenceDate: The date at which IANA time-zone names are resolved,
  ///     so daylight saving time is deterministic (default 2026-01-01T00:00:00Z).
  /// - Returns: The cohort, warnings and row lines.
  /// - Throws: ``InputErrors`` with every error and warning of both files, in
  ///   report order, when there is at least one error.
  /// - Complexity: O(size of the files) plus O(*p* · *d*) for the manager
  ///   check of *p* people whose reporting chains are *d* long.
  public static func read(
    _ source: CohortSource, mapping: CohortMapping = CohortMapping(),
    referenceDate: Date = TimeZoneParser.defaultReferenceDate
  )
    throws(InputErrors) -> CohortReadResult
  {
    var problems: [InputError] = []
    /// The file at `path` parsed: on its mapped bytes when it is large,
    /// plainly well formed and all ASCII, else read and parsed as before.
    func parseFile(_ path: String, side: CohortColumns.Side) -> CohortFileParser? {
      if let parsed = parseMapped(path: path, side: side, referenceDate: referenceDate, mapping: mapping) {
        return parsed
      }
      return CohortFileParser.read(
        CohortFileText.load(path: path), file: path, side: side, referenceDate: referenceDate, mapping: mapping,
        problems: &problems)
    }
    if source.isPeopleFile {
      var peopleFile = parseFile(source.mentorsPath, side: .people)
      var noOtherFile: CohortFileParser? = nil
      return try assemble(mentorFile: &peopleFile, menteeFile: &noOtherFile, problems: problems)
    }
    // (The mentors file's problems first, then the mentees file's.)
    var mentorFile = parseFile(source.mentorsPath, side: .mentors)
    var menteeFile = parseFile(source.menteesPath, side: .mentees)
    return try assemble(mentorFile: &mentorFile, menteeFile: &menteeFile, problems: problems)
  }

  /// The least file ``parseMapped(path:side:referenceDate:mapping:)``
  /// maps: smaller files cost little to copy.
  static let mappedFileMinimumSize = 1 << 20

  /// The cohort file at `path` parsed on its bytes mapped from the page
  /// cache (``MappedFile``), when it is a regular file of at least
  /// ``mappedFileMinimumSize`` bytes, all ASCII and plainly well formed
  /// (``CohortFileParser/parseWellFormed(bytes:file:side:referenceDate:mapping:)``,
  /// the same parse an ASCII file's copied bytes get); else `nil`, with
  /// nothing reported, and the caller reads the file as before (which
  /// reports every problem). A read in a fresh process (a user's) then
  /// writes no fresh memory for the file's text: no page faults, no zeroing
  /// and no copy of its bytes.
  ///
  /// - Complexity: O(size of the file), over the available cores.
  static func parseMapped(
    path: String, side: CohortColumns.Side, referenceDate: Date, mapping: CohortMapping
  ) -> CohortFileParser? {
    // (By `stat` first: a stream is never opened here, so none is consumed.)
    guard MappedFile.isRegularFile(path, minimumSize: mappedFileMinimumSize) else { return nil }
    return MappedFile.withBytes(ofRegularFile: path, minimumSize: mappedFileMinimumSize) { bytes in
      guard InputFile.isASCIIOnEveryCore(bytes) else { return nil }
      return CohortFileParser.parseWellFormed(
        bytes: bytes, file: path, side: side, referenceDate: referenceDate, mapping: mapping)
    }
  }

  /// Reads a cohort from one people file's text: a `role` column says who
  /// mentors (`mentor`), who is mentored (`mentee`) and who does both
  /// (`both`: a mentor with their levels and a mentee with their goals,
  /// under one id, never paired with themselves).
  ///
  /// - Parameters:
  ///   - people: The file's content.
  ///   - file: The file's name for problem reports.
  ///   - mapping: How the file's headers and level scales map to the native ones.
  ///   - referenceDate: The date at which IANA time-zone names are resolved.
  /// - Returns: The cohort (mentors and mentees in file order), warnings and
  ///   row lines.
  /// - Throws: ``InputErrors`` with every error and warning, in report order,
  ///   when there is at least one error.
  /// - Complexity: As ``read(_:mapping:referenceDate:)``.
  public static func parse(
    people: String, file: String = "people.csv", mapping: CohortMapping = CohortMapping(),
    referenceDate: Date = TimeZoneParser.defaultReferenceDate
  ) throws(InputErrors) -> CohortReadResult {
    try read(people: .text(.success(people)), file: file, mapping: mapping, referenceDate: referenceDate)
  }

  /// Reads a cohort from the two files' texts.
  ///
  /// - Parameters:
  ///   - mentors: The mentors file's content.
  ///   - mentees: The mentees file's content.
  ///   - mentorsFile: The mentors file's name for problem reports.
  ///   - menteesFile: The mentees file's name for problem reports.
  ///   - mapping: How the files' headers and level scales map to the native ones.
  ///   - referenceDate: The date at which IANA time-zone names are resolved.
  /// - Returns: The cohort, warnings and row lines.
  /// - Throws: ``InputErrors`` with every error and warning, in report order,
  ///   when there is at least one error.
  /// - Complexity: As ``read(_:mapping:referenceDate:)``.
  public static func parse(
    mentors: String, mentees: String, mentorsFile: String = "mentors.csv",
    menteesFile: String = "mentees.csv", mapping: CohortMapping = CohortMapping(),
    referenceDate: Date = TimeZoneParser.defaultReferenceDate
  ) throws(InputErrors) -> CohortReadResult {
    try read(
      mentors: .text(.success(mentors)), mentorsFile: mentorsFile, mentees: .text(.success(mentees)),
      menteesFile: menteesFile, mapping: mapping,
      referenceDate: referenceDate)
  }

  private static func read(
    mentors: CohortFileText, mentorsFile: String, mentees: CohortFileText,
    menteesFile: String, mapping: CohortMapping, referenceDate: Date
  ) throws(InputErrors) -> CohortReadResult {
    var problems: [InputError] = []
    var mentorFile = CohortFileParser.read(
      mentors, file: mentorsFile, side: .mentors, referenceDate: referenceDate, mapping: mapping,
      problems: &problems)
    var menteeFile = CohortFileParser.read(
      mentees, file: menteesFile, side: .mentees, referenceDate: referenceDate, mapping: mapping,
      problems: &problems)
    return try assemble(mentorFile: &mentorFile, menteeFile: &menteeFile, problems: problems)
  }

  private static func read(
    people: CohortFileText, file: String, mapping: CohortMapping, referenceDate: Date
  ) throws(InputErrors) -> CohortReadResult {
    var problems: [InputError] = []
    var peopleFile = CohortFileParser.read(
      people, file: file, side: .people, referenceDate: referenceDate, mapping: mapping, problems: &problems)
    var noOtherFile: CohortFileParser? = nil
    return try assemble(mentorFile: &peopleFile, menteeFile: &noOtherFile, problems: problems)
  }

  /// The cohort of the parsed files: the mentors are the mentors file's rows
  /// whose role mentors, the mentees the mentees file's rows whose role is
  /// mentored (a people file, passed as `mentorFile` alone, is both).
  ///
  /// The rows are moved out of the parsers into the people, not copied.
  private static func assemble(
    mentorFile: inout CohortFileParser?, menteeFile: inout CohortFileParser?, problems: [InputError]
  ) throws(InputErrors) -> CohortReadResult {
    var problems = problems
    let samePeopleFile = mentorFile?.side == .people
    let menteeColumns = samePeopleFile ? mentorFile?.columns : menteeFile?.columns
    let menteesFile = (samePeopleFile ? mentorFile?.file : menteeFile?.file) ?? ""
    // The competencies: the union, mentors first, in first-seen order, then
    // those only multi-select goal lists name.
    var competencies: [String] = []
    var competencyIndex: [String: Int] = [:]
    // (Only multi-select goal columns list goals: without them, no row is looked at.)
    let listRows = menteeColumns?.goalLists.isEmpty == false ? (samePeopleFile ? mentorFile : menteeFile)?.rows : nil
    let listed = (listRows ?? []).lazy.filter(\.role.isMentored).flatMap(\.listedGoals).map {
      (key: $0.key, display: $0.display)
    }
    for column in (mentorFile?.columns.competenciesInOrder ?? []).map({ (key: $0.key, display: $0.display) })
      + (samePeopleFile ? [] : menteeFile?.columns.competenciesInOrder ?? []).map({
        (key: $0.key, display: $0.display)
      }) + listed
    where competencyIndex[column.key] == nil {
      competencyIndex[column.key] = competencies.count
      competencies.append(column.display)
    }
    // The manager check runs beside the people's assembly, on each file's
    // links moved out of its parser (not copied into one array).
    var firstLinks: [CohortFileParser.ManagerLink] = []
    var secondLinks: [CohortFileParser.ManagerLink] = []
    if mentorFile != nil { swap(&firstLinks, &mentorFile!.managerLinks) }
    if menteeFile != nil { swap(&secondLinks, &menteeFile!.managerLinks) }
    let links = (first: firstLinks, second: secondLinks)
    let linkFiles = (first: mentorFile?.file ?? "", second: menteeFile?.file ?? "")
    let cycles = ResultSlots<[InputError]>(count: 1)
    let cycleCheck = DispatchGroup()
    DispatchQueue.global().async(group: cycleCheck) {
      cycles.put(ManagerCycles.find(first: links.first, second: links.second, files: linkFiles), at: 0)
    }

    var mentorList: [Mentor] = []
    var mentorLines: [Int] = []
    var menteeList: [Mentee] = []
    var menteeLines: [Int] = []
    var growthWarnings: [InputError] = []
    let hasGoalColumns = menteeColumns.map { !$0.goals.isEmpty || !$0.goalLists.isEmpty } ?? false
    /// Moves `file`'s rows into mentors and mentees, in file order (on every core).
    func take(_ file: inout CohortFileParser?, mentors: Bool, mentees: Bool) {
      guard let slots = file?.slots(competencyIndex: competencyIndex) else { return }
      var rows = file?.takeRows() ?? []
      let people = CohortPeople.build(
        &rows, slots: slots, mentors: mentors, mentees: mentees, hasGoalColumns: hasGoalColumns,
        menteesFile: menteesFile)
      // (An empty list takes the other's storage: no copies.)
      func join<Element>(_ list: inout [Element], _ more: [Element]) {
        if list.isEmpty { list = more } else { list += more }
      }
      join(&mentorList, people.mentors)
      join(&mentorLines, people.mentorLines)
      join(&menteeList, people.mentees)
      join(&menteeLines, people.menteeLines)
      join(&growthWarnings, people.growthWarnings)
    }
    take(&mentorFile, mentors: true, mentees: samePeopleFile)
    take(&menteeFile, mentors: false, mentees: true)
    cycleCheck.wait()
    problems += cycles.take(0)
    problems += growthWarnings
    if problems.contains(where: { $0.severity == .error }) { throw InputErrors(problems) }
    return CohortReadResult(
      // Unique competencies and ids, one level and goal per competency: checked above.
      cohort: Cohort(checkedCompetencies: competencies, mentors: mentorList, mentees: menteeList),
      warnings: problems.sorted(by: InputError.reportOrder),
      mentorLines: mentorLines, menteeLines: menteeLines)
  }
}
