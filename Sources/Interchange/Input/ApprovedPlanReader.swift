import CompetencyModel

/// Reads a plan exported as CSV (`match --format csv`) and edited by hand or
/// in a spreadsheet, and checks it against the cohort: the plan HR approved,
/// to record with `ledger record --plan`.
///
/// Columns (headers matched like the cohort files'): `mentee_id` (or
/// `mentee`) and `mentor_id` (or `mentor`) are required; `status` is
/// optional. A row is a pair when its status is `matched` (or there is no
/// status column) and its mentor cell is not empty; other rows (`unmatched`,
/// and the `ended` rows of a re-match) are not pairs. Other columns are
/// ignored, so the exported file can be edited in place.
///
/// Errors (each at its file:line:column): a mentee or mentor not in the
/// cohort, a mentee paired twice, a mentor given more mentees than their
/// capacity. A pair the rules exclude (reporting line, earlier pair, no
/// shared language, below the minimum fit, a `never` pair rule) is not an
/// error: the programme chose it, and it is returned with the rule it
/// breaks and reported as a warning.
public enum ApprovedPlanReader {
  /// One approved pair.
  public struct Pair: Sendable, Equatable {
    public var menteeIndex: Int
    public var mentorIndex: Int
    public var menteeID: String
    public var mentorID: String
    /// The pair's score under the configuration in force.
    public var score: Double
    /// The rule the pair breaks, if any.
    public var ruleBreak: Exclusion?
    /// The row it was read from.
    public var line: Int
  }

  /// Reads and checks an edited plan.
  ///
  /// - Parameters:
  ///   - path: The CSV file.
  ///   - model: The cohort's fit model (people, capacities, scores).
  ///   - rules: The rules in force.
  /// - Returns: The pairs in file order, and the warnings (one per rule break).
  /// - Throws: ``InputErrors`` listing every problem.
  /// - Complexity: O(size of the file + pairs · competencies).
  public static func read(path: String, model: FitModel, rules: PairRules) throws(InputErrors) -> (
    pairs: [Pair], warnings: [InputError]
  ) {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return try parse(text, file: path, model: model, rules: rules)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Checks an edited plan from its text; see ``read(path:model:rules:)``.
  public static func parse(_ text: String, file: String, model: FitModel, rules: PairRules) throws(InputErrors) -> (
    pairs: [Pair], warnings: [InputError]
  ) {
    var problems: [InputError] = []
    guard
      let table = CSVTable.collect(
        text, file: file, expectedHeader: "status,mentee_id,mentor_id", errors: &problems)
    else { throw InputErrors(problems) }
    let columns = table.columns(
      named: { key in
        switch key {
        case "menteeid", "mentee": return "mentee"
        case "mentorid", "mentor": return "mentor"
        case "status": return "status"
        default: return nil
        }
      }, required: ["mentee", "mentor"], file: file, problems: &problems,
      missing: { "missing required column '\($0)_id'; a plan exported by `match --format csv` has it" })
    guard let menteeColumn = columns["mentee"], let mentorColumn = columns["mentor"] else {
      throw InputErrors(problems)
    }
    let cohort = model.cohort
    let menteeIndex = cohort.menteeIndexByID
    let mentorIndex = cohort.mentorIndexByID
    var pairs: [Pair] = []
    var warnings: [InputError] = []
    var pairedAt: [Int: Int] = [:]
    var loads = [Int](repeating: 0, count: cohort.mentors.count)
    var row = [Double](repeating: 0, count: cohort.mentors.count)
    for record in table.records {
      let status = columns["status"].map { CellText.clean(record[$0].value).lowercased() } ?? "matched"
      let menteeField = record[menteeColumn]
      let mentorField = record[mentorColumn]
      let menteeID = CellText.clean(menteeField.value)
      let mentorID = CellText.clean(mentorField.value)
      guard status == "matched", !mentorID.isEmpty else {
        // `capacity_advice` rows are the plan's advice, not pairs (plan-format.md).
        if !["matched", "unmatched", "ended", "capacity_advice"].contains(status) {
          problems.append(
            InputError(
              file: file, line: record[columns["status"]!].line, column: record[columns["status"]!].column,
              message: "status '\(status)' is not matched, unmatched, ended or capacity_advice"))
        }
        continue
      }
      guard let i = menteeIndex[menteeID] else {
        problems.append(
          InputError(
            file: file, line: menteeField.line, column: menteeField.column,
            message: menteeID.isEmpty ? "empty mentee id" : "mentee '\(menteeID)' is not in the cohort"))
        continue
      }
      guard let j = mentorIndex[mentorID] else {
        problems.append(
          InputError(
            file: file, line: mentorField.line, column: mentorField.column,
            message: "mentor '\(mentorID)' is not in the cohort"))
        continue
      }
      if let earlier = pairedAt[i] {
        problems.append(
          InputError(
            file: file, line: menteeField.line, column: menteeField.column,
            message: "mentee '\(menteeID)' is already paired at line \(earlier); a mentee has one mentor"))
        continue
      }
      pairedAt[i] = menteeField.line
      loads[j] += 1
      if loads[j] > cohort.mentors[j].capacity {
        problems.append(
          InputError(
            file: file, line: mentorField.line, column: mentorField.column,
            message:
              "mentor '\(mentorID)' has \(loads[j]) mentees here, over their capacity of \(cohort.mentors[j].capacity)")
        )
      }
      row.withUnsafeMutableBufferPointer { model.fillScores(mentees: i..<(i + 1), into: $0) }
      let score = row[j]
      let broken = rules.exclusion(mentee: i, mentor: j, score: score)
      if let broken {
        warnings.append(
          InputError(
            file: file, line: mentorField.line, column: mentorField.column,
            message:
              "\(menteeID)–\(mentorID) breaks a rule (\(broken.explanation)); recorded as the programme's choice",
            severity: .warning))
      }
      pairs.append(
        Pair(
          menteeIndex: i, mentorIndex: j, menteeID: menteeID, mentorID: mentorID, score: score, ruleBreak: broken,
          line: menteeField.line))
    }
    guard problems.isEmpty else { throw InputErrors(problems.sorted(by: InputError.reportOrder)) }
    return (pairs, warnings)
  }
}
