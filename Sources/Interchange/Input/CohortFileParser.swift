import Assignment
import CompetencyModel
import Foundation

/// One cohort file read row by row: the header's columns, the rows without
/// errors, and the `manager` links for the loop check.
struct CohortFileParser {
  /// Which sides a row of a people file is on.
  enum Role: String {
    case mentor, mentee, both

    /// Whether the person mentors.
    var mentors: Bool { self != .mentee }
    /// Whether the person is mentored.
    var isMentored: Bool { self != .mentor }
  }

  /// A person's row, read without errors, with levels and goals in the
  /// order of this file's `level:` and `goal:` columns.
  struct Row {
    /// The person, holding this row's levels: one per `level:` column of
    /// the file, in its column order (a row of the parser's ``LevelArena``),
    /// which ``CohortPeople/build(_:slots:mentors:mentees:hasGoalColumns:menteesFile:)``
    /// keeps when it is the cohort's order; `nil` once that build has
    /// taken it out of the row (moved, not copied). (The row keeps no view
    /// of the levels of its own: one retain and release per row fewer.)
    var person: Person?
    /// The capacity of a mentor (0 for a mentee-only row).
    var capacity: Int
    /// The number of different mentors a mentee asks for (1 by default).
    var mentorsWanted: Int = 1
    /// One goal per `goal:` column of the file (in the same row).
    var goals: CompetencyGoals
    /// The goals listed in multi-select columns: competency key, name and
    /// level, in cell order.
    var listedGoals: [(key: String, display: String, level: Double)] = []
    /// The side the row is on: `.mentor` in a mentors file, `.mentee` in a
    /// mentees file, the `role` cell in a people file.
    var role: Role
    /// ``RowGrowth/grows(levels:goals:)`` of `levels` and `goals`, decided
    /// as the row is read (fast path) or once the file is (careful path).
    var grows = false
    /// The line the row starts on.
    var line: Int
    /// The position of the row's first cell.
    var start: (line: Int, column: Int)
  }

  /// A `manager` cell, for the loop check (its file is the parser's).
  struct ManagerLink {
    var person: String
    var manager: String
    /// The manager cell's line and column.
    var line: Int
    var column: Int

    /// An error at the manager cell of `file`.
    func error(_ message: String, file: String) -> InputError {
      InputError(file: file, line: line, column: column, message: message)
    }
  }

  let file: String
  let side: CohortColumns.Side
  let referenceDate: Date
  var mapping = CohortMapping()
  /// The header's columns.
  let columns: CohortColumns
  /// Where the rows' levels and goals are kept.
  var arena = LevelArena()
  /// The rows without errors, in file order.
  var rows: [Row] = []
  /// The manager links of every row with an id, in file order.
  var managerLinks: [ManagerLink] = []
  /// The line of the first row of each id (hashed on its bytes: the
  /// chunks of the fast path copy one empty table, so they share its seed
  /// and their tables merge without hashing again).
  var firstLine = IDTable()
  /// The offset of each time-zone cell text read so far (most rows repeat
  /// a few); a short cell is looked up by its bytes
  /// (``CohortRowCells/shortCleanKey(_:)``, ``IDTable/value(shortText:)``)
  /// without making its text.
  var zoneOffsets = IDTable()
  /// The index in ``languageListValues`` of each `languages` cell text read
  /// so far (most rows repeat a few), so rows with the same cell share one
  /// list; at most ``languageListLimit`` texts are kept. Looked up as
  /// ``zoneOffsets`` is.
  var languageLists = IDTable()
  /// The language lists of ``languageLists``.
  var languageListValues: [[String]] = []
  /// The most `languages` cell texts ``languageLists`` keeps.
  static let languageListLimit = 4096

  /// Reads one cohort file.
  ///
  /// - Parameters:
  ///   - text: The file's content, or why it could not be read.
  ///   - file: The file name for problem reports.
  ///   - side: Which file it is.
  ///   - referenceDate: The date at which IANA time-zone names are resolved.
  ///   - mapping: How the file's headers and scales map to the native ones.
  ///   - problems: Where every error and warning is appended.
  /// - Returns: The parsed file, or `nil` when it has no header.
  /// - Complexity: O(size of the file); memory for one record at a time
  ///   besides the rows.
  static func read(
    _ text: Result<String, InputError>, file: String, side: CohortColumns.Side, referenceDate: Date,
    mapping: CohortMapping = CohortMapping(), problems: inout [InputError]
  ) -> CohortFileParser? {
    read(.text(text), file: file, side: side, referenceDate: referenceDate, mapping: mapping, problems: &problems)
  }

  /// ``read(_:file:side:referenceDate:mapping:problems:)`` of a file's
  /// bytes or text: an ASCII file's bytes go to the fast path as they are,
  /// and a `String` of them is made only for the careful path.
  ///
  /// - Complexity: O(size of the file).
  static func read(
    _ text: CohortFileText, file: String, side: CohortColumns.Side, referenceDate: Date,
    mapping: CohortMapping = CohortMapping(), problems: inout [InputError]
  ) -> CohortFileParser? {
    let content: String
    // Plainly well-formed files are read on the raw bytes; the rest, and every problem, carefully.
    switch text {
    case .ascii(let bytes):
      let parser = bytes.withUnsafeBufferPointer { bytes in
        parseWellFormed(bytes: bytes, file: file, side: side, referenceDate: referenceDate, mapping: mapping)
      }
      if let parser { return parser }
      content = String(decoding: bytes, as: UTF8.self)
    case .text(.success(let text)):
      if let parser = parseWellFormed(text, file: file, side: side, referenceDate: referenceDate, mapping: mapping) {
        return parser
      }
      content = text
    case .text(.failure(let error)):
      problems.append(error)
      return nil
    }
    return readCarefully(
      content, file: file, side: side, referenceDate: referenceDate, mapping: mapping, problems: &problems)
  }

  /// Reads one cohort file's text record by record with ``CSVTable`` (the
  /// careful path): every problem is appended with its file:line:column.
  ///
  /// - Returns: The parsed file, or `nil` when it has no header.
  /// - Complexity: O(size of the file).
  static func readCarefully(
    _ content: String, file: String, side: CohortColumns.Side, referenceDate: Date, mapping: CohortMapping,
    problems: inout [InputError]
  ) -> CohortFileParser? {
    var parser: CohortFileParser?
    var scanProblems: [InputError] = []
    var rowProblems: [InputError] = []
    var header: CSVTable.Record?
    var records = 0
    CSVTable.scan(content, file: file, expectedHeader: side.exampleHeader, errors: &scanProblems) {
      record, isHeader in
      if isHeader {
        header = record
        let columns = CohortColumns(
          header: record, side: side, file: file, mapping: mapping, problems: &rowProblems)
        parser = CohortFileParser(
          file: file, side: side, referenceDate: referenceDate, mapping: mapping, columns: columns)
      } else {
        records += 1
        parser?.parse(record, problems: &rowProblems)
      }
    }
    problems += scanProblems + rowProblems
    parser?.decideGrowth()
    if let header, records == 0 {
      let start = header.fields[0]
      problems.append(
        InputError(
          file: file, line: start.line, column: start.column,
          message: "the file lists no \(side.rawValue); add one row per person below the header",
          severity: .warning))
    }
    return parser
  }

  /// Where this file's `level:` and `goal:` columns land among the
  /// cohort's competencies.
  struct Slots {
    /// The cohort index of each competency key.
    var competencyIndex: [String: Int]
    /// The cohort index of each `level:` column.
    var levels: [Int]
    /// The cohort index of each `goal:` column.
    var goals: [Int]
    /// Whether the `level:` columns are the cohort's competencies, in order.
    var levelsInOrder: Bool
    /// Whether the `goal:` columns are the cohort's competencies, in order.
    var goalsInOrder: Bool

    /// A row's levels and goals in cohort competency order: one level per
    /// cohort competency (0 where this file has no column), and one goal
    /// per competency (`nil` where none; without `withGoals`, the row's own
    /// goals, which the caller does not use). A row
    /// whose columns are already in cohort order gives its own arrays. The
    /// row must still hold its person (whose levels are the row's).
    ///
    /// - Complexity: O(competencies) (O(1) in cohort order).
    func inCohortOrder(_ row: Row, withGoals: Bool, arena: inout LevelArena) -> (
      levels: CompetencyLevels, goals: CompetencyGoals
    ) {
      withUnsafePointer(to: row) { inCohortOrder(of: $0, withGoals: withGoals, arena: &arena) }
    }

    /// ``inCohortOrder(_:withGoals:arena:)`` of the row at `row`, read in
    /// place (no copy of the row).
    ///
    /// - Complexity: O(competencies) (O(1) in cohort order).
    func inCohortOrder(of row: UnsafePointer<Row>, withGoals: Bool, arena: inout LevelArena) -> (
      levels: CompetencyLevels, goals: CompetencyGoals
    ) {
      let count = competencyIndex.count
      // (The row's levels are its person's, until the build takes the person.)
      var levels = row.pointee.person!.levels
      if !levelsInOrder {
        let (storage, offset) = arena.slot(width: count)
        let values = storage.base + offset
        values.update(repeating: 0, count: count)
        for (slot, level) in zip(self.levels, levels) { values[slot] = level }
        arena.commit(width: count)
        levels = CompetencyLevels(storage: storage, offset: offset, count: count)
      }
      // (Without goals, the row's own are handed back unused: no shared empty storage.)
      guard withGoals else { return (levels, row.pointee.goals) }
      if goalsInOrder && row.pointee.listedGoals.isEmpty { return (levels, row.pointee.goals) }
      let (storage, offset) = arena.slot(width: count)
      let values = storage.base + offset
      if goalsInOrder {
        row.pointee.goals.withUnsafeStoredValues { values.update(from: $0.baseAddress!, count: count) }
      } else {
        values.update(repeating: .nan, count: count)
        for (slot, goal) in zip(self.goals, row.pointee.goals) { values[slot] = goal ?? .nan }
      }
      // A goal column of the competency wins over a multi-select list. The
      // cohort's competencies take in the lists of mentored rows only, so a
      // mentor-only row of a people file may list one it lacks: that row has
      // no goals, and its list is dropped.
      for listed in row.pointee.listedGoals {
        guard let slot = competencyIndex[listed.key] else { continue }
        if values[slot].isNaN { values[slot] = listed.level }
      }
      arena.commit(width: count)
      return (levels, CompetencyGoals(storage: storage, offset: offset, count: count))
    }
  }

  /// Where this file's columns land among the cohort's competencies.
  ///
  /// - Parameter competencyIndex: The cohort index of each competency key.
  /// - Complexity: O(columns + competencies).
  func slots(competencyIndex: [String: Int]) -> Slots {
    let levels = columns.levels.map { competencyIndex[$0.key]! }
    let goals = columns.goals.map { competencyIndex[$0.key]! }
    let inOrder = Array(0..<competencyIndex.count)
    return Slots(
      competencyIndex: competencyIndex, levels: levels, goals: goals, levelsInOrder: levels == inOrder,
      goalsInOrder: goals == inOrder)
  }

  /// The rows, moved out: the parser keeps none.
  ///
  /// - Complexity: O(1).
  mutating func takeRows() -> [Row] {
    var taken: [Row] = []
    swap(&taken, &rows)
    return taken
  }

  /// Reads one data row, appending its problems.
  ///
  /// - Parameter record: The row's cells: a ``CSVTable/Record``, or the
  ///   fast path's cells of a plain line, which also read plain decimals
  ///   straight from the bytes (the same values, see ``CohortRowCells``).
  mutating func parse<Cells: CohortRowCells>(_ record: Cells, problems: inout [InputError]) {
    if let row = parseRow(record, problems: &problems) { rows.append(row) }
  }

  /// Reads one data row, appending its problems: the row when it has none
  /// (the same checks and state as ``parse(_:problems:)``, which appends it).
  mutating func parseRow<Cells: CohortRowCells>(_ record: Cells, problems: inout [InputError]) -> Row? {
    withUnsafeTemporaryAllocation(of: Row.self, capacity: 1) { place in
      parseRow(record, problems: &problems, into: place.baseAddress!) ? place.baseAddress!.move() : nil
    }
  }

  /// ``parseRow(_:problems:)`` writing the row, when it has no problem,
  /// into `destination` (uninitialized before; initialized after when the
  /// answer is `true`, untouched when `false`): the fast path's rows are
  /// made where they stay, not returned as an optional and moved again
  /// (two 256-byte copies per row fewer).
  ///
  /// - Complexity: O(cells of the row).
  mutating func parseRow<Cells: CohortRowCells>(
    _ record: Cells, problems: inout [InputError], into destination: UnsafeMutablePointer<Row>
  ) -> Bool {
    let errorsBefore = problems.count
    let file = self.file
    func fail(_ index: Int, _ message: String) {
      let field = record.field(index)
      problems.append(
        InputError(file: file, line: field.line, column: field.column, message: message))
    }
    let columns = self.columns
    func text(_ column: CohortColumns.Fixed) -> (value: String, field: Int)? {
      guard let index = columns.fixedIndex[column.ordinal] else { return nil }
      return (record.cleanValue(index), index)
    }
    func optional(_ column: CohortColumns.Fixed) -> String? {
      guard let cell = text(column), !cell.value.isEmpty else { return nil }
      return cell.value
    }

    var id = ""
    if case (let value, let field)? = text(.id) {
      id = value
      if id.isEmpty {
        fail(field, "empty id; every row needs an id, unique within the file")
      } else if let first = firstLine.insert(id, value: record.line) {
        fail(field, "duplicate id '\(id)'; line \(first) already uses it")
      }
    }
    var name = ""
    if case (let value, let field)? = text(.name) {
      name = value
      if name.isEmpty { fail(field, "empty name; every row needs the person's display name") }
    }
    var offset: Int?
    // A short zone cell seen before is answered from its bytes (the same
    // entry as its text's).
    var zoneKey: (UInt64, UInt64)?
    if let index = columns.fixedIndex[CohortColumns.Fixed.timezone.ordinal] { zoneKey = record.shortCleanKey(index) }
    if let zoneKey, let known = zoneOffsets.value(shortText: zoneKey) {
      offset = known
    } else if case (let value, let field)? = text(.timezone), !value.isEmpty {
      do {
        if let known = zoneOffsets[value] {
          offset = known
        } else {
          offset = try TimeZoneParser.minutesFromUTC(value, at: referenceDate)
          zoneOffsets.insert(value, value: offset!)
        }
      } catch {
        fail(field, error.message)
      }
    }
    var seniority: Double?
    if let index = columns.fixedIndex[CohortColumns.Fixed.seniority.ordinal],
      case .number(let number) = record.plainDecimal(index), number >= 0,
      number.isFinite
    {
      seniority = number
    } else if case (let value, let field)? = text(.seniority), !value.isEmpty {
      let purpose = CohortColumns.Fixed.seniority.purpose
      switch DecimalParser.parse(value) {
      case let number? where number.isFinite && number >= 0: seniority = number
      case let number? where number.isFinite:
        fail(field, "seniority \(value) is negative; expected \(purpose)")
      default: fail(field, DecimalParser.notANumber(value, expected: purpose))
      }
    }
    // Lists keep each entry once, at its first place (a set makes the check O(1)).
    // (Assigned once on each path: a list found is not stored over an empty one.)
    let languages: [String]
    var languagesKey: (UInt64, UInt64)?
    if let index = columns.fixedIndex[CohortColumns.Fixed.languages.ordinal] {
      languagesKey = record.shortCleanKey(index)
    }
    if let languagesKey, let known = languageLists.value(shortText: languagesKey) {
      languages = languageListValues[known]
    } else if let value = optional(.languages) {
      if let known = languageLists[value] {
        languages = languageListValues[known]
      } else {
        var list: [String] = []
        var seen = FirstSeen()
        for part in value.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," }) {
          let language = CellText.trimmed(String(part)).lowercased()
          if !language.isEmpty && seen.insert(language) { list.append(language) }
        }
        if languageLists.count < Self.languageListLimit {
          languageLists.insert(value, value: languageListValues.count)
          languageListValues.append(list)
        }
        languages = list
      }
    } else {
      languages = []
    }
    var preferences: [String] = []
    if let value = optional(.preferences) {
      var seen = FirstSeen()
      for part in value.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," }) {
        let preferred = CellText.trimmed(String(part))
        if !preferred.isEmpty && seen.insert(preferred) { preferences.append(preferred) }
      }
    }
    var role: Role? = side == .mentees ? .mentee : .mentor
    if side == .people, case (let value, let field)? = text(.role) {
      role = nil
      let words = value.lowercased().split { $0 == "_" || $0 == "-" || $0.isWhitespace }.joined(separator: " ")
      switch words {
      case "mentor": role = .mentor
      case "mentee": role = .mentee
      case "both", "mentor and mentee", "mentee and mentor", "mentor & mentee", "mentor; mentee", "mentor;mentee":
        role = .both
      default:
        fail(
          field,
          value.isEmpty
            ? "empty role; expected \(CohortColumns.Fixed.role.purpose)"
            : "role '\(value)' is not \(CohortColumns.Fixed.role.purpose)")
      }
    }
    var capacity = 0
    // A plain decimal that is a whole number from 0 to the maximum is the
    // capacity `DecimalParser.capacity` reads from its text (the same
    // value); any other cell is read from its text.
    if role?.mentors == true, side != .mentees,
      let index = columns.fixedIndex[CohortColumns.Fixed.capacity.ordinal],
      case .number(let number) = record.plainDecimal(index), number >= 0,
      number <= Double(AssignmentProblem.maximumCapacity), number == number.rounded(.towardZero)
    {
      capacity = Int(number)
    } else if role?.mentors == true, side != .mentees, case (let value, let field)? = text(.capacity) {
      switch DecimalParser.capacity(value, expected: CohortColumns.Fixed.capacity.purpose) {
      case .success(let number): capacity = number
      case .failure(let error): fail(field, error.message)
      }
    }
    var mentorsWanted = 1
    if side != .mentors, role?.isMentored == true {
      if case (let value, let field)? = text(.mentorsWanted), !value.isEmpty {
        let purpose = CohortColumns.Fixed.mentorsWanted.purpose
        switch DecimalParser.capacity(value, expected: purpose) {
        case .success(let number) where (1...Mentee.maximumMentorsWanted).contains(number): mentorsWanted = number
        case .success: fail(field, "mentors_wanted \(value) is out of range; expected \(purpose)")
        case .failure(let error):
          fail(field, "mentors_wanted: " + error.message.replacing("capacity", with: "value"))
        }
      }
    }
    // Levels and goals by column index (no per-cell copies of the column
    // descriptions); a cell that is not a plain native decimal in range is
    // read from its text with its column's scale.
    // They go straight into the next row of the arena (NaN: no goal), which
    // is kept only when the row has no problem.
    let levelCount = columns.levelIndices.count
    let goalCount = columns.goalIndices.count
    let (storage, rowOffset) = arena.slot(width: levelCount + goalCount)
    let levelValues = storage.base + rowOffset
    let goalValues = levelValues + levelCount
    let scale = CompetencyScale.range
    // A run of consecutive native columns is read in one loop as far as its
    // cells are quick to read; the loops below read the rest cell by cell.
    let quickLevels =
      columns.levelRun.map { record.quickLevels(from: $0, count: levelCount, into: levelValues, empty: 0) } ?? 0
    let quickGoals =
      columns.goalRun.map { record.quickLevels(from: $0, count: goalCount, into: goalValues, empty: .nan) } ?? 0
    for k in quickLevels..<levelCount {
      let field = columns.levelIndices[k]
      levelValues[k] = 0
      if columns.levelIsNative[k] {
        switch record.plainDecimal(field) {
        case .empty:
          continue
        case .number(let level) where scale.contains(level):
          levelValues[k] = level
          continue
        default: break
        }
      }
      let column = columns.levels[k]
      let value = CellText.clean(record.value(field))
      do {
        levelValues[k] = value.isEmpty ? 0 : try column.level(value)
      } catch {
        fail(field, "level:\(column.display): \(error.message)")
      }
    }
    for k in quickGoals..<goalCount {
      let field = columns.goalIndices[k]
      goalValues[k] = .nan
      if columns.goalIsNative[k] {
        switch record.plainDecimal(field) {
        case .empty:
          continue
        case .number(let goal) where scale.contains(goal):
          goalValues[k] = goal
          continue
        default: break
        }
      }
      let column = columns.goals[k]
      let value = CellText.clean(record.value(field))
      do {
        goalValues[k] = value.isEmpty ? Double.nan : try column.level(value)
      } catch {
        fail(field, "goal:\(column.display): \(error.message.replacing("level", with: "goal"))")
      }
    }
    var listedGoals: [(key: String, display: String, level: Double)] = []
    for list in columns.goalLists {
      var seen: Set<String> = []
      for part in CellText.clean(record.value(list.index)).split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," }
      ) {
        let display = CellText.trimmed(String(part))
        let key = CellText.competencyKey(display)
        if !key.isEmpty && seen.insert(key).inserted { listedGoals.append((key, display, list.level)) }
      }
    }
    let managerCell = text(.manager)
    if !id.isEmpty, case (let manager, let field)? = managerCell, !manager.isEmpty {
      let place = record.place(field)
      managerLinks.append(ManagerLink(person: id, manager: manager, line: place.line, column: place.column))
    }
    guard problems.count == errorsBefore, !id.isEmpty, let role else { return false }

    arena.commit(width: levelCount + goalCount)
    let levels = CompetencyLevels(storage: storage, offset: rowOffset, count: levelCount)
    let goals = CompetencyGoals(storage: storage, offset: rowOffset + levelCount, count: goalCount)
    // (The person holds the row's levels for now, so no shared empty storage
    // is retained and released by every core.)
    let person = Person(
      id: id, name: name, email: optional(.email), department: optional(.department),
      manager: managerCell.flatMap { $0.value.isEmpty ? nil : $0.value }, utcOffsetMinutes: offset,
      seniority: seniority,
      languages: languages, levels: levels, preferences: preferences)
    let start = (line: record.line, column: record.column(0))
    destination.initialize(
      to: Row(
        person: consume person, capacity: capacity, mentorsWanted: mentorsWanted, goals: goals,
        listedGoals: listedGoals, role: role,
        line: record.line, start: (start.line, start.column)))
    return true
  }
}
