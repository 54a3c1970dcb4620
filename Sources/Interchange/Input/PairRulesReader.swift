import CompetencyModel

/// Reads a programme's pair rules: a CSV file with `mentee`, `mentor` and
/// `rule` columns, `rule` being `must` or `never` (headers matched like
/// cohort headers; other columns ignored).
///
/// ```
/// mentee,mentor,rule,note
/// E00017,M00003,must,continuing pair
/// E00020,M00011,never,conflict of interest
/// ```
public enum PairRulesReader {
  /// The rules with the line of each, for checks against a cohort.
  public struct Result: Sendable {
    /// The requirements.
    public var requirements: PairRequirements
    /// The line of each required pair, in ``PairRequirements/must`` order.
    public var mustLines: [Int]
    /// The file name, for problem reports.
    public var file: String
  }

  /// Reads a pair-rules file.
  ///
  /// - Parameter path: The file's path; also the name in problem reports.
  /// - Throws: ``InputErrors`` with every problem: unreadable file, bad CSV,
  ///   missing columns, empty ids, a rule other than `must` or `never`.
  /// - Complexity: O(size of the file).
  public static func read(path: String) throws(InputErrors) -> Result {
    var problems: [InputError] = []
    let result = read(path: path, problems: &problems)
    guard problems.isEmpty, let result else { throw InputErrors(problems) }
    return result
  }

  /// Reads a pair-rules file, collecting its problems instead of throwing, so
  /// that a caller can check the readable rows against the cohort in the same
  /// pass and report every problem at once.
  ///
  /// - Parameters:
  ///   - path: The file's path; also the name in problem reports.
  ///   - problems: Where the file's problems are appended (unreadable file,
  ///     bad CSV, missing columns, empty ids, a rule other than `must` or `never`).
  /// - Returns: The rules of the rows without problems, or `nil` when the file
  ///   cannot be read as a table at all.
  /// - Complexity: O(size of the file).
  public static func read(path: String, problems: inout [InputError]) -> Result? {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return parse(text, file: path, problems: &problems)
    case .failure(let error):
      problems.append(error)
      return nil
    }
  }

  /// Reads pair rules from their text.
  ///
  /// - Complexity: O(length of `text`).
  public static func parse(_ text: String, file: String) throws(InputErrors) -> Result {
    var problems: [InputError] = []
    let result = parse(text, file: file, problems: &problems)
    guard problems.isEmpty, let result else { throw InputErrors(problems) }
    return result
  }

  /// Reads pair rules from their text, collecting problems: the rows with a
  /// problem are left out of the result.
  ///
  /// - Complexity: O(length of `text`).
  static func parse(_ text: String, file: String, problems: inout [InputError]) -> Result? {
    guard let table = CSVTable.collect(text, file: file, expectedHeader: "mentee,mentor,rule", errors: &problems)
    else { return nil }
    let pairs = PairTable(table, file: file, extra: ["rule"], problems: &problems)
    var requirements = PairRequirements()
    var lines: [Int] = []
    if let ruleColumn = pairs.extraColumns["rule"] {
      for row in pairs.rows {
        let field = row.record[ruleColumn]
        switch CellText.clean(field.value).lowercased() {
        case "must":
          requirements.must.append(row.pair)
          lines.append(row.record.line)
        case "never":
          requirements.never.insert(row.pair)
        default:
          problems.append(
            InputError(
              file: file, line: field.line, column: field.column,
              message: "rule '\(CellText.clean(field.value))' is neither 'must' nor 'never'"))
        }
      }
    }
    return Result(requirements: requirements, mustLines: lines, file: file)
  }

  /// The problems of `rules` for `cohort`: unknown ids, a mentee required
  /// twice, more required pairs than a mentor's places, more required pairs
  /// from one department at a mentor than `rules.max_mentees_per_department`
  /// allows, a required pair that is also never to be made or that a hard
  /// rule excludes.
  ///
  /// - Complexity: O(required pairs + mentees + mentors).
  public static func problems(
    _ rules: Result, cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair>
  ) -> [InputError] {
    let menteeIndex = cohort.menteeIndexByID
    let mentorIndex = cohort.mentorIndexByID
    let hard = PairRules(cohort, configuration: configuration, history: history)
    var problems: [InputError] = []
    var seen: [String: Int] = [:]
    var used = [Int](repeating: 0, count: cohort.mentors.count)
    // Required pairs per department (compared without case) and mentor id.
    var usedFromDepartment: [String: [String: Int]] = [:]
    for (pair, line) in zip(rules.requirements.must, rules.mustLines) {
      func problem(_ message: String) {
        problems.append(InputError(file: rules.file, line: line, column: 1, message: message))
      }
      guard let i = menteeIndex[pair.menteeID] else {
        problem("required pair names mentee '\(pair.menteeID)', who is not in the cohort")
        continue
      }
      guard let j = mentorIndex[pair.mentorID] else {
        problem("required pair names mentor '\(pair.mentorID)', who is not in the cohort")
        continue
      }
      if let first = seen[pair.menteeID] {
        problem("mentee '\(pair.menteeID)' already has a required pair on line \(first)")
        continue
      }
      seen[pair.menteeID] = line
      used[j] += 1
      if used[j] > cohort.mentors[j].capacity {
        problem("mentor '\(pair.mentorID)' has more required pairs than places (\(cohort.mentors[j].capacity))")
      }
      if let cap = configuration.rules.maxMenteesPerDepartment,
        let department = cohort.mentees[i].person.department
      {
        let taken = (usedFromDepartment[department.lowercased(), default: [:]][pair.mentorID] ?? 0) + 1
        usedFromDepartment[department.lowercased(), default: [:]][pair.mentorID] = taken
        if taken > cap {
          problem(
            "mentor '\(pair.mentorID)' would take \(taken) required mentees from department '\(department)', "
              + "more than rules.max_mentees_per_department allows (\(cap))")
        }
      }
      if rules.requirements.never.contains(pair) {
        problem("the pair \(pair) is both required and never to be made")
      } else if let exclusion = hard.exclusion(mentee: i, mentor: j, score: .infinity) {
        problem("the required pair \(pair) breaks a hard rule: \(exclusion.explanation)")
      }
    }
    return problems
  }
}
