import CompetencyModel
import Foundation

/// Reads what changed in a running cohort, for `rematch`: the pairs that
/// ended, the people who left, the people who joined; every problem at its
/// file:line:column.
public enum RematchInputs {
  /// Reads the ended pairs (CSV: `mentee,mentor`); each must be a pair of
  /// the recorded plan in force.
  ///
  /// - Complexity: O(size of the file).
  public static func ended(path: String, recorded: Set<PersonPair>) throws(InputErrors) -> Set<PersonPair> {
    try ended(text: loadText(path), file: path, recorded: recorded)
  }

  /// Reads the ended pairs from their text; see ``ended(path:recorded:)``.
  ///
  /// - Complexity: O(length of `text`).
  public static func ended(text: String, file path: String, recorded: Set<PersonPair>) throws(InputErrors) -> Set<
    PersonPair
  > {
    var problems: [InputError] = []
    let table = try collect(text, file: path, expectedHeader: "mentee,mentor", problems: &problems)
    let pairs = PairTable(table, file: path, problems: &problems)
    for row in pairs.rows where !recorded.contains(row.pair) {
      let field = row.record[pairs.menteeColumn ?? 0]
      problems.append(
        InputError(
          file: path, line: field.line, column: field.column,
          message: "\(row.pair.menteeID)–\(row.pair.mentorID) is not a pair of the recorded plan in force"))
    }
    guard problems.isEmpty else { throw InputErrors(problems) }
    return Set(pairs.rows.map(\.pair))
  }

  /// Reads the people who left (CSV with an `id` column); each must be a
  /// mentee or a mentor of the cohort.
  ///
  /// - Complexity: O(size of the file).
  public static func leavers(path: String, cohort: Cohort) throws(InputErrors) -> Set<String> {
    try leavers(text: loadText(path), file: path, cohort: cohort)
  }

  /// Reads the people who left from their text; see ``leavers(path:cohort:)``.
  ///
  /// - Complexity: O(length of `text`).
  public static func leavers(text: String, file path: String, cohort: Cohort) throws(InputErrors) -> Set<String> {
    var problems: [InputError] = []
    let table = try collect(text, file: path, expectedHeader: "id", problems: &problems)
    guard let column = table.header.fields.firstIndex(where: { CellText.headerKey($0.value) == "id" }) else {
      let start = table.header.fields[0]
      throw InputErrors([
        InputError(file: path, line: start.line, column: start.column, message: "missing required column 'id'")
      ])
    }
    let known = Set(cohort.mentees.map(\.id)).union(cohort.mentors.map(\.id))
    var ids = Set<String>()
    for record in table.records {
      let field = record[column]
      let id = CellText.clean(field.value)
      if known.contains(id) {
        ids.insert(id)
      } else {
        problems.append(
          InputError(
            file: path, line: field.line, column: field.column,
            message: id.isEmpty ? "empty id" : "'\(id)' is not a mentee or mentor of the cohort"))
      }
    }
    guard problems.isEmpty else { throw InputErrors(problems) }
    return ids
  }

  /// The text of `path`.
  ///
  /// - Throws: ``InputErrors`` with the one error when the file cannot be read.
  /// - Complexity: O(size of the file).
  private static func loadText(_ path: String) throws(InputErrors) -> String {
    switch CSVTable.loadText(path: path) {
    case .success(let value): return value
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// The CSV table of `text`, its row problems added to `problems`.
  ///
  /// - Throws: ``InputErrors`` with the problems so far when it has no header.
  /// - Complexity: O(length of `text`).
  private static func collect(
    _ text: String, file: String, expectedHeader: String, problems: inout [InputError]
  ) throws(InputErrors) -> CSVTable {
    guard let table = CSVTable.collect(text, file: file, expectedHeader: expectedHeader, errors: &problems) else {
      throw InputErrors(problems)
    }
    return table
  }

  /// Reads the people who joined: a folder in the cohort format holding
  /// `mentees.csv`, `mentors.csv` or both, and returns the cohort with the
  /// leavers removed and the joiners added (their levels and goals mapped
  /// to the cohort's competencies by name).
  ///
  /// - Parameters:
  ///   - folder: The joiners' folder, or `nil` for none.
  ///   - cohort: The cohort as recorded.
  ///   - source: The cohort's files (standing in for a joiner file the folder lacks).
  ///   - leavers: Ids of the people who left.
  ///   - referenceDate: When time-zone names are resolved.
  /// - Returns: The cohort now, and the readers' warnings.
  /// - Throws: ``InputErrors``: the joiner files' problems, a joiner whose id
  ///   is already in the cohort, a competency the cohort does not have.
  /// - Complexity: O(size of the files + people · competencies).
  public static func cohortNow(
    joiners folder: String?, cohort: Cohort, source: CohortSource, leavers: Set<String>, referenceDate: Date
  ) throws(InputErrors) -> (cohort: Cohort, warnings: [InputError]) {
    var mentees = cohort.mentees.filter { !leavers.contains($0.id) }
    var mentors = cohort.mentors.filter { !leavers.contains($0.id) }
    guard let folder else {
      return (Cohort(competencies: cohort.competencies, mentors: mentors, mentees: mentees), [])
    }
    func path(_ name: String) -> String? {
      let candidate = (folder as NSString).appendingPathComponent(name)
      return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
    let menteesFile = path("mentees.csv")
    let mentorsFile = path("mentors.csv")
    guard menteesFile != nil || mentorsFile != nil else {
      throw InputErrors([
        InputError(
          file: folder, line: 1, column: 1, message: "the joiners folder holds neither mentees.csv nor mentors.csv")
      ])
    }
    let read = try CohortReader.read(
      CohortSource(mentorsPath: mentorsFile ?? source.mentorsPath, menteesPath: menteesFile ?? source.menteesPath),
      referenceDate: referenceDate)
    var problems: [InputError] = []
    let index = Dictionary(uniqueKeysWithValues: cohort.competencies.enumerated().map { ($1, $0) })
    for (c, name) in read.cohort.competencies.enumerated() where index[name] == nil {
      // Only a competency someone who joined actually uses is a problem.
      let used =
        (mentorsFile != nil && read.cohort.mentors.contains { $0.person.levels[c] > 0 })
        || (menteesFile != nil && read.cohort.mentees.contains { $0.goals[c] != nil })
      if used {
        problems.append(
          InputError(
            file: menteesFile ?? mentorsFile!, line: 1, column: 1,
            message: "competency '\(name)' is not one of the cohort's; joiners use the cohort's competencies"))
      }
    }
    func mapped(_ person: Person) -> Person {
      var copy = person
      copy.levels = CompetencyLevels(
        cohort.competencies.map { name in
          read.cohort.competencies.firstIndex(of: name).map { person.levels[$0] } ?? 0
        })
      return copy
    }
    let existing = Set(cohort.mentees.map(\.id)).union(cohort.mentors.map(\.id))
    /// Whether `id` is new to the cohort; if not, the problem at its line.
    func isNew(_ id: String, _ role: String, file: String, line: Int) -> Bool {
      guard existing.contains(id) else { return true }
      problems.append(
        InputError(
          file: file, line: line, column: 1, message: "\(role) '\(id)' is already in the cohort; joiners are new people"
        ))
      return false
    }
    if let menteesFile {
      for (k, mentee) in read.cohort.mentees.enumerated() {
        guard isNew(mentee.id, "mentee", file: menteesFile, line: read.menteeLines[k]) else { continue }
        let goals = cohort.competencies.map { name in
          read.cohort.competencies.firstIndex(of: name).flatMap { mentee.goals[$0] }
        }
        mentees.append(Mentee(person: mapped(mentee.person), goals: goals))
      }
    }
    if let mentorsFile {
      for (k, mentor) in read.cohort.mentors.enumerated() {
        guard isNew(mentor.id, "mentor", file: mentorsFile, line: read.mentorLines[k]) else { continue }
        mentors.append(Mentor(person: mapped(mentor.person), capacity: mentor.capacity))
      }
    }
    guard problems.isEmpty else { throw InputErrors(problems) }
    let warnings = read.warnings.filter { warning in
      (menteesFile != nil && warning.file == menteesFile) || (mentorsFile != nil && warning.file == mentorsFile)
    }
    return (Cohort(competencies: cohort.competencies, mentors: mentors, mentees: mentees), warnings)
  }
}
