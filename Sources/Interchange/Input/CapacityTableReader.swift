/// Reads `CAPS.csv`, the mentors' capacities for the `solve` command.
///
/// ```
/// mentor,capacity
/// m1,2
/// m2,0
/// ```
///
/// The header must have a `mentor` and a `capacity` column (matched like
/// cohort headers); other columns are ignored. Every mentor of the score
/// table must appear exactly once, with a whole number 0 or more.
public enum CapacityTableReader {
  /// Reads a capacity file.
  ///
  /// - Parameters:
  ///   - path: The file's path; also the name in problem reports.
  ///   - mentorIDs: The score table's mentor identifiers.
  /// - Returns: One capacity per identifier of `mentorIDs`, in its order.
  /// - Throws: ``InputErrors`` with every problem.
  /// - Complexity: O(size of the file + `mentorIDs.count`).
  public static func read(path: String, mentorIDs: [String]) throws(InputErrors) -> [Int] {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return try parse(text, file: path, mentorIDs: mentorIDs)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Reads capacities from a file's text.
  ///
  /// - Parameters:
  ///   - text: The file's content.
  ///   - file: The file name for problem reports.
  ///   - mentorIDs: The score table's mentor identifiers.
  /// - Returns: One capacity per identifier of `mentorIDs`, in its order.
  /// - Throws: ``InputErrors`` with every problem: bad CSV, missing columns,
  ///   unknown or repeated mentors, bad capacities, mentors without a row.
  /// - Complexity: O(length of `text` + `mentorIDs.count`).
  public static func parse(_ text: String, file: String, mentorIDs: [String]) throws(InputErrors)
    -> [Int]
  {
    var problems: [InputError] = []
    guard
      let table = CSVTable.collect(
        text, file: file, expectedHeader: "mentor,capacity", errors: &problems)
    else { throw InputErrors(problems) }
    func report(_ field: CSVTable.Field, _ message: String) {
      problems.append(
        InputError(file: file, line: field.line, column: field.column, message: message))
    }
    var mentorColumn: Int?
    var capacityColumn: Int?
    for (index, field) in table.header.fields.enumerated() {
      switch CellText.headerKey(field.value) {
      case "mentor" where mentorColumn == nil: mentorColumn = index
      case "capacity" where capacityColumn == nil: capacityColumn = index
      case "mentor", "capacity":
        report(field, "duplicate column '\(CellText.trimmed(field.value))'")
      default: break
      }
    }
    let start = table.header.fields[0]
    for (name, column) in [("mentor", mentorColumn), ("capacity", capacityColumn)]
    where column == nil {
      report(
        start, "missing required column '\(name)'; expected a header such as 'mentor,capacity'")
    }
    guard let mentorColumn, let capacityColumn else { throw InputErrors(problems) }

    let index = Dictionary(
      mentorIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var capacities = [Int?](repeating: nil, count: mentorIDs.count)
    var lines = [Int](repeating: 0, count: mentorIDs.count)
    let expected = "a whole number 0 or more (the most mentees this mentor takes)"
    for record in table.records {
      let idField = record[mentorColumn]
      let id = CellText.clean(idField.value)
      let capacityField = record[capacityColumn]
      var capacity: Int?
      switch DecimalParser.capacity(CellText.clean(capacityField.value), expected: expected) {
      case .success(let value): capacity = value
      case .failure(let error): report(capacityField, error.message)
      }
      guard !id.isEmpty else {
        report(idField, "empty mentor id; every row needs a mentor id")
        continue
      }
      guard let column = index[id] else {
        report(idField, "unknown mentor '\(id)'; the score table has no column for this mentor")
        continue
      }
      if lines[column] != 0 {
        report(
          idField, "duplicate mentor '\(id)'; line \(lines[column]) already gives their capacity")
        continue
      }
      lines[column] = record.line
      capacities[column] = capacity
    }
    for (column, id) in mentorIDs.enumerated() where lines[column] == 0 {
      report(
        start,
        "mentor '\(id)' of the score table has no row in \(file); every mentor needs a capacity")
    }
    if !problems.isEmpty { throw InputErrors(problems) }
    return capacities.map { $0! }
  }
}
