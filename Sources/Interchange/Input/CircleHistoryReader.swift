import CompetencyModel

/// Reads earlier peer circles: a CSV file whose header has a `circle` and a
/// `member` column (matched like cohort headers), one row per member of a
/// circle, and optionally a `cohort` column telling apart circles of
/// different cohorts that share a name. Other columns are ignored.
///
/// ```
/// cohort,circle,member
/// 2025-autumn,C1,e17
/// 2025-autumn,C1,e23
/// ```
///
/// Everyone in one circle (same cohort and circle) was everyone else's
/// circle-mate; ``read(path:)`` returns those unordered pairs, each as a
/// ``PersonPair`` whose `menteeID` sorts before its `mentorID`.
public enum CircleHistoryReader {
  /// The most members an earlier circle may have: larger ones are taken as a
  /// mistake (every pair of members would count) and reported.
  public static let largestCircle = CircleConfiguration.largestSize

  /// Reads a circle history file.
  ///
  /// - Parameter path: The file's path; also the name in problem reports.
  /// - Returns: The unordered pairs of earlier circle-mates.
  /// - Throws: ``InputErrors`` with every problem: unreadable file, bad CSV,
  ///   missing `circle` or `member` column, empty cells, a member listed
  ///   twice in one circle, a circle above ``largestCircle`` members.
  /// - Complexity: O(size of the file + Σ circle size²).
  public static func read(path: String) throws(InputErrors) -> Set<PersonPair> {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return try parse(text, file: path)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Reads a circle history from its text; see ``read(path:)``.
  ///
  /// - Complexity: O(length of `text` + Σ circle size²).
  public static func parse(_ text: String, file: String) throws(InputErrors) -> Set<PersonPair> {
    var problems: [InputError] = []
    guard let table = CSVTable.collect(text, file: file, expectedHeader: "circle,member", errors: &problems)
    else { throw InputErrors(problems) }
    let columns = table.columns(
      ["cohort", "circle", "member"], required: ["circle", "member"], example: "cohort,circle,member", file: file,
      problems: &problems)
    guard let circleColumn = columns["circle"], let memberColumn = columns["member"] else {
      throw InputErrors(problems)
    }
    var members: [[String]: [String]] = [:]
    var order: [[String]] = []
    for record in table.records {
      let cohort = columns["cohort"].map { CellText.clean(record[$0].value) } ?? ""
      let circleField = record[circleColumn]
      let memberField = record[memberColumn]
      let circle = CellText.clean(circleField.value)
      let member = CellText.clean(memberField.value)
      if circle.isEmpty {
        problems.append(
          InputError(
            file: file, line: circleField.line, column: circleField.column,
            message: "empty circle name; every row needs a circle and a member id"))
      }
      if member.isEmpty {
        problems.append(
          InputError(
            file: file, line: memberField.line, column: memberField.column,
            message: "empty member id; every row needs a circle and a member id"))
      }
      guard !circle.isEmpty, !member.isEmpty else { continue }
      let key = [cohort, circle]
      if members[key] == nil { order.append(key) }
      if members[key, default: []].contains(member) {
        problems.append(
          InputError(
            file: file, line: memberField.line, column: memberField.column,
            message: "'\(member)' is listed twice in circle '\(circle)'"))
        continue
      }
      members[key, default: []].append(member)
      if members[key]!.count == largestCircle + 1 {
        problems.append(
          InputError(
            file: file, line: memberField.line, column: memberField.column,
            message: "circle '\(circle)' has more than \(largestCircle) members; is the circle column right?"))
      }
    }
    if !problems.isEmpty { throw InputErrors(problems) }
    return PersonPair.circleMates(order.map { members[$0]! })
  }
}
