import CompetencyModel

/// Writes a ``Cohort`` as the `mentors.csv` and `mentees.csv` that
/// ``CohortReader`` reads back to an equal cohort.
///
/// Columns, in order: `id,name,email,department,manager,timezone,seniority,
/// languages`, then `capacity` (mentors only), one `level:<competency>` per
/// competency, and one `goal:<competency>` per competency (mentees only).
/// Absent values and `nil` goals are empty cells; time zones are written as
/// `UTC`, `UTC+HH:MM` or `UTC-HH:MM`; languages are joined with `;`; levels
/// use ``CompetencyModel/CompetencyScale/format(_:)``. Text cells that start
/// like a spreadsheet formula are neutralised (see ``CSVWriter``).
///
/// The reader trims cells, so text with surrounding whitespace does not
/// round-trip exactly, and an empty optional text reads back as `nil`.
public enum CohortWriter {
  /// The mentors file's text.
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - neutralizingFormulas: Whether text cells that start like a formula
  ///     get a leading `'` (default `true`; the reader removes it).
  /// - Returns: CSV text with a header and one row per mentor.
  /// - Complexity: O(size of the output).
  public static func mentorsCSV(_ cohort: Cohort, neutralizingFormulas: Bool = true) -> String {
    var writer = CSVWriter(neutralizingFormulas: neutralizingFormulas)
    writer.writeRow(
      (personHeader + ["capacity"] + cohort.competencies.map { "level:" + $0 }).map(CSVCell.text))
    for mentor in cohort.mentors {
      writer.writeRow(
        personCells(mentor.person) + [.integer(mentor.capacity)]
          + mentor.person.levels.map(levelCell))
    }
    return writer.text
  }

  /// The mentees file's text.
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - neutralizingFormulas: Whether text cells that start like a formula
  ///     get a leading `'` (default `true`; the reader removes it).
  /// - Returns: CSV text with a header and one row per mentee.
  /// - Complexity: O(size of the output).
  public static func menteesCSV(_ cohort: Cohort, neutralizingFormulas: Bool = true) -> String {
    var writer = CSVWriter(neutralizingFormulas: neutralizingFormulas)
    writer.writeRow(
      (personHeader + cohort.competencies.map { "level:" + $0 }
        + cohort.competencies.map { "goal:" + $0 })
        .map(CSVCell.text))
    for mentee in cohort.mentees {
      writer.writeRow(
        personCells(mentee.person) + mentee.person.levels.map(levelCell)
          + mentee.goals.map { $0.map(levelCell) ?? .empty })
    }
    return writer.text
  }

  /// Writes `mentors.csv` and `mentees.csv` into `folder`, each atomically.
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - folder: An existing folder.
  /// - Returns: The source naming the two files written.
  /// - Throws: ``OutputError`` when a file cannot be written.
  /// - Complexity: O(size of the output).
  @discardableResult
  public static func write(_ cohort: Cohort, toFolder folder: String) throws(OutputError)
    -> CohortSource
  {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    let source = CohortSource(
      mentorsPath: prefix + "mentors.csv", menteesPath: prefix + "mentees.csv")
    try AtomicFile.write(mentorsCSV(cohort), to: source.mentorsPath)
    try AtomicFile.write(menteesCSV(cohort), to: source.menteesPath)
    return source
  }

  private static let personHeader = [
    "id", "name", "email", "department", "manager", "timezone", "seniority", "languages", "preferences",
  ]

  private static func personCells(_ person: Person) -> [CSVCell] {
    func text(_ value: String?) -> CSVCell { value.map(CSVCell.text) ?? .empty }
    return [
      .text(person.id), .text(person.name), text(person.email), text(person.department),
      text(person.manager),
      text(person.utcOffsetMinutes.map { TimeZoneParser.format(minutes: $0) }),
      person.seniority.map(numberCell) ?? .empty,
      person.languages.isEmpty ? .empty : .text(person.languages.joined(separator: ";")),
      person.preferences.isEmpty ? .empty : .text(person.preferences.joined(separator: ";")),
    ]
  }

  private static func levelCell(_ level: Double) -> CSVCell { .text(CompetencyScale.format(level)) }

  /// A number cell, written without `.0` when whole and not huge.
  private static func numberCell(_ value: Double) -> CSVCell {
    value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
  }
}
