import CompetencyModel

/// The columns of a cohort file and where the header puts them.
///
/// Header names are forgiving: fixed names are matched case-insensitively
/// with surrounding whitespace trimmed and `_`, `-` and spaces ignored
/// (`Time Zone`, `time_zone` and `TIMEZONE` are all `timezone`);
/// `level:<competency>` and `goal:<competency>` match their prefix
/// case-insensitively and trim the competency name. Unknown columns are
/// ignored with a warning.
struct CohortColumns {
  /// Which of the two cohort files a table is.
  enum Side: String {
    case mentors
    case mentees
    /// A single people file whose `role` column says who mentors, who is
    /// mentored, and who does both.
    case people

    /// An example header row, for messages.
    var exampleHeader: String {
      switch self {
      case .mentors: "id,name,capacity,level:<competency>,..."
      case .mentees: "id,name,level:<competency>,goal:<competency>,..."
      case .people: "id,name,role,capacity,level:<competency>,goal:<competency>,..."
      }
    }
  }

  /// A column with a fixed name.
  enum Fixed: String, CaseIterable {
    case id, name, email, department, manager, timezone, seniority, languages, capacity, preferences, role
    case mentorsWanted = "mentorswanted"

    /// The columns a file of `side` must have.
    static func required(on side: Side) -> [Fixed] {
      switch side {
      case .mentors: [.id, .name, .capacity]
      case .mentees: [.id, .name]
      case .people: [.id, .name, .role, .capacity]
      }
    }

    /// Whether a file of `side` reads the column.
    func isRead(on side: Side) -> Bool {
      switch self {
      case .capacity: side != .mentees
      case .role: side == .people
      case .mentorsWanted: side != .mentors
      default: true
      }
    }

    /// What the column holds, for messages.
    var purpose: String {
      switch self {
      case .id: "a unique identifier per row"
      case .name: "the person's display name"
      case .email: "an e-mail address"
      case .department: "the person's department or team"
      case .manager: "the id of the person's manager"
      case .timezone: "a time zone such as UTC+2 or Europe/Berlin"
      case .seniority: "a seniority grade, a number 0 or more"
      case .languages: "languages separated by ; | or ,"
      case .capacity: "the most mentees this mentor takes, a whole number 0 or more"
      case .preferences: "ids of preferred people on the other side, most preferred first, separated by ; | or ,"
      case .mentorsWanted:
        "how many different mentors the mentee asks for, a whole number 1 to \(Mentee.maximumMentorsWanted) (default 1)"
      case .role: "mentor, mentee or both"
      }
    }

    /// The column's name as documented (`mentors_wanted`; the others as their raw value).
    var name: String { self == .mentorsWanted ? "mentors_wanted" : rawValue }

    /// The case's place in ``allCases``, to index ``CohortColumns/fixedIndex``.
    var ordinal: Int {
      switch self {
      case .id: 0
      case .name: 1
      case .email: 2
      case .department: 3
      case .manager: 4
      case .timezone: 5
      case .seniority: 6
      case .languages: 7
      case .capacity: 8
      case .preferences: 9
      case .role: 10
      case .mentorsWanted: 11
      }
    }
  }

  /// A `level:` or `goal:` column.
  struct Competency {
    /// The competency's matching key (see `CellText.competencyKey`).
    var key: String
    /// The competency's name as this header spells it.
    var display: String
    /// The column's index.
    var index: Int
    /// The scale its cells are read with (`nil`: the native 0–5 numbers and
    /// tier names).
    var scale: LevelScale? = nil

    /// A non-empty cell of the column read as a level: on the column's
    /// scale, else as a native 0–5 number or tier name.
    func level(_ text: String) throws(ValueError) -> Double {
      if let scale { return try scale.level(text) }
      return try LevelParser.parse(text)
    }
  }

  /// A multi-select column whose listed competencies are goals at `level`.
  struct GoalList {
    /// The column's index.
    var index: Int
    /// The goal level of every competency listed.
    var level: Double
  }

  /// The index of each fixed column present.
  var fixed: [Fixed: Int] = [:]
  /// The `level:` columns, in header order.
  var levels: [Competency] = []
  /// The `goal:` columns, in header order (mentees only).
  var goals: [Competency] = []
  /// The multi-select goal columns (mentees and people only).
  var goalLists: [GoalList] = []
  /// The competencies of `levels` and `goals` in header order, each once.
  var competenciesInOrder: [Competency] = []
  /// `fixed` as an array by ``Fixed/ordinal``, read once per row without hashing.
  private(set) var fixedIndex: [Int?] = []
  /// The index of each `level:` column, aligned with `levels`.
  private(set) var levelIndices: [Int] = []
  /// The index of each `goal:` column, aligned with `goals`.
  private(set) var goalIndices: [Int] = []
  /// Whether each `level:` column reads native 0–5 numbers (no scale), aligned with `levels`.
  private(set) var levelIsNative: [Bool] = []
  /// Whether each `goal:` column reads native 0–5 numbers (no scale), aligned with `goals`.
  private(set) var goalIsNative: [Bool] = []
  /// The first `level:` column's index when the `level:` columns are
  /// consecutive and all native (a row's levels are then one run of
  /// cells), else `nil`.
  private(set) var levelRun: Int?
  /// The same for the `goal:` columns.
  private(set) var goalRun: Int?

  /// Maps a header row, reporting duplicate, malformed and missing columns
  /// as errors and unknown or misplaced ones as warnings.
  ///
  /// - Parameters:
  ///   - header: The header row.
  ///   - side: Which file the table is.
  ///   - file: The file name for problem reports.
  ///   - mapping: How the file's headers map to the native ones.
  ///   - problems: Where problems are appended.
  /// - Complexity: O(total length of the header).
  init(
    header: CSVTable.Record, side: Side, file: String, mapping: CohortMapping = CohortMapping(),
    problems: inout [InputError]
  ) {
    var firstColumn: [String: Int] = [:]
    func report(
      _ field: CSVTable.Field, _ message: String, _ severity: InputError.Severity = .error
    ) {
      problems.append(
        InputError(
          file: file, line: field.line, column: field.column, message: message, severity: severity))
    }
    for (index, field) in header.fields.enumerated() {
      let header = CellText.trimmed(field.value)
      var name = header
      if name.isEmpty {
        report(field, "a column without a name is ignored", .warning)
        continue
      }
      switch mapping.target(forHeader: header) {
      case .ignored?: continue
      case .goalList(let level)?:
        if side == .mentors {
          report(field, "mentors have no goals; column '\(header)' is ignored", .warning)
        } else {
          goalLists.append(GoalList(index: index, level: level))
        }
        continue
      case .column(let native)?: name = native
      case nil: break
      }
      if let colon = name.firstIndex(of: ":") {
        let prefix = CellText.headerKey(String(name[..<colon]))
        let competency = CellText.trimmed(String(name[name.index(after: colon)...]))
        if prefix == "level" || prefix == "goal" {
          guard !competency.isEmpty else {
            report(field, "column '\(name)' names no competency; expected \(prefix):<competency>")
            continue
          }
          if prefix == "goal" && side == .mentors {
            report(field, "mentors have no goals; column '\(name)' is ignored", .warning)
            continue
          }
          let key = CellText.competencyKey(competency)
          let slot = prefix + ":" + key
          if let first = firstColumn[slot] {
            report(field, "duplicate column '\(name)'; column \(first + 1) already gives it")
            continue
          }
          firstColumn[slot] = index
          let column = Competency(
            key: key, display: competency, index: index, scale: mapping.scale(header: header, native: name))
          if prefix == "level" { levels.append(column) } else { goals.append(column) }
          if !competenciesInOrder.contains(where: { $0.key == key }) {
            competenciesInOrder.append(column)
          }
          continue
        }
      }
      let key = CellText.headerKey(name)
      guard let fixedColumn = Fixed(rawValue: key) else {
        report(
          field,
          "unknown column '\(name)' is ignored; known columns are "
            + Fixed.allCases.filter { $0.isRead(on: side) }.map(\.name).joined(separator: ", ")
            + (side == .mentors
              ? ", level:<competency>" : ", level:<competency>, goal:<competency>")
            + " (the configuration's columns: section maps other names to these)",
          .warning)
        continue
      }
      if fixedColumn == .capacity && side == .mentees {
        report(field, "mentees have no capacity; column '\(name)' is ignored", .warning)
        continue
      }
      if fixedColumn == .mentorsWanted && side == .mentors {
        report(field, "mentors have no mentors_wanted; column '\(name)' is ignored", .warning)
        continue
      }
      if fixedColumn == .role && side != .people {
        report(
          field,
          "only a single people file has a role column; column '\(header)' is ignored in the \(side.rawValue) file",
          .warning)
        continue
      }
      if let first = fixed[fixedColumn] {
        report(
          field,
          "duplicate column '\(name)'; column \(first + 1) already gives \(fixedColumn.rawValue)")
        continue
      }
      fixed[fixedColumn] = index
    }
    fixedIndex = Fixed.allCases.map { fixed[$0] }
    levelIndices = levels.map(\.index)
    goalIndices = goals.map(\.index)
    levelIsNative = levels.map { $0.scale == nil }
    goalIsNative = goals.map { $0.scale == nil }
    levelRun = Self.run(levelIndices, native: levelIsNative)
    goalRun = Self.run(goalIndices, native: goalIsNative)
    let headerStart = header.fields.first.map { ($0.line, $0.column) } ?? (header.line, 1)
    for required in Fixed.required(on: side) where fixed[required] == nil {
      problems.append(
        InputError(
          file: file, line: headerStart.0, column: headerStart.1,
          message: "missing required column '\(required.rawValue)' (\(required.purpose)); "
            + "expected a header such as '\(side.exampleHeader)'"))
    }
    if side != .mentees && levels.isEmpty {
      problems.append(
        InputError(
          file: file, line: headerStart.0, column: headerStart.1,
          message:
            "no competency level columns; expected at least one column named level:<competency>, "
            + "such as level:SQL, giving each mentor's level from 0 to 5"))
    }
    if side != .mentors && goals.isEmpty && goalLists.isEmpty {
      problems.append(
        InputError(
          file: file, line: headerStart.0, column: headerStart.1,
          message:
            "no goal columns; expected at least one column named goal:<competency>, such as goal:SQL, "
            + "giving the level from 0 to 5 each mentee wants to reach, or a multi-select column mapped "
            + "to {goals: <level>} in the configuration's columns: section"))
    }
  }

  /// The first of `indices` when they are consecutive and all `native`.
  ///
  /// - Complexity: O(`indices.count`).
  private static func run(_ indices: [Int], native: [Bool]) -> Int? {
    guard let first = indices.first, !native.contains(false),
      indices.elementsEqual(first..<first + indices.count)
    else { return nil }
    return first
  }
}
