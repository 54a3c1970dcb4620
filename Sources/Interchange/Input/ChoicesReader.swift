import CompetencyModel

/// Reads mentees' ranked picks: a CSV file with `mentee`, `mentor` and `rank`
/// columns (headers matched like cohort headers; other columns ignored),
/// checked against the cohort.
///
/// ```
/// mentee,mentor,rank
/// E00001,M00073,1
/// E00001,M00059,2
/// ```
public enum ChoicesReader {
  /// Reads a choices file for `cohort`.
  ///
  /// - Throws: ``InputErrors`` with every problem at file:line:column: an
  ///   unreadable file, bad CSV, missing columns, empty or unknown ids, a rank
  ///   that is not a whole number from 1 to the number of mentors, a mentor
  ///   picked twice or a rank used twice by one mentee.
  /// - Complexity: O(size of the file).
  public static func read(path: String, cohort: Cohort) throws(InputErrors) -> MenteeChoices {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return try parse(text, file: path, cohort: cohort)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Reads choices from their text (see ``read(path:cohort:)``).
  ///
  /// - Complexity: O(length of `text`).
  public static func parse(_ text: String, file: String, cohort: Cohort) throws(InputErrors) -> MenteeChoices {
    var problems: [InputError] = []
    guard let table = CSVTable.collect(text, file: file, expectedHeader: "mentee,mentor,rank", errors: &problems)
    else { throw InputErrors(problems) }
    let pairs = PairTable(table, file: file, extra: ["rank"], problems: &problems)
    let menteeIndex = cohort.menteeIndexByID
    let mentorIndex = cohort.mentorIndexByID
    var ranked = [[(rank: Int, mentor: Int)]](repeating: [], count: cohort.mentees.count)
    var mentorLine: [Int: [Int: Int]] = [:]
    var rankLine: [Int: [Int: Int]] = [:]
    let mentorColumn = table.header.fields.firstIndex { CellText.headerKey($0.value) == "mentor" }
    if let rankColumn = pairs.extraColumns["rank"], let menteeColumn = pairs.menteeColumn, let mentorColumn {
      for row in pairs.rows {
        func fail(_ field: CSVTable.Field, _ message: String) {
          problems.append(InputError(file: file, line: field.line, column: field.column, message: message))
        }
        let rankField = row.record[rankColumn]
        let menteeField = row.record[menteeColumn]
        let mentorField = row.record[mentorColumn]
        let value = CellText.clean(rankField.value)
        let rank = Int(value).flatMap { (1...max(cohort.mentors.count, 1)).contains($0) ? $0 : nil }
        if rank == nil {
          fail(rankField, "rank '\(value)' is not a whole number from 1 to \(max(cohort.mentors.count, 1))")
        }
        guard let i = menteeIndex[row.pair.menteeID] else {
          fail(menteeField, "mentee '\(row.pair.menteeID)' is not in the cohort")
          continue
        }
        guard let j = mentorIndex[row.pair.mentorID] else {
          fail(mentorField, "mentor '\(row.pair.mentorID)' is not in the cohort")
          continue
        }
        guard let rank else { continue }
        if let first = mentorLine[i]?[j] {
          fail(
            mentorField, "mentee '\(row.pair.menteeID)' already picked mentor '\(row.pair.mentorID)' on line \(first)")
          continue
        }
        if let first = rankLine[i]?[rank] {
          fail(rankField, "mentee '\(row.pair.menteeID)' already gave rank \(rank) on line \(first)")
          continue
        }
        mentorLine[i, default: [:]][j] = row.record.line
        rankLine[i, default: [:]][rank] = row.record.line
        ranked[i].append((rank, j))
      }
    }
    guard problems.isEmpty else { throw InputErrors(problems) }
    return MenteeChoices(picks: ranked.map { $0.sorted { $0.rank < $1.rank }.map(\.mentor) })
  }
}
