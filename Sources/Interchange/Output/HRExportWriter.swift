import CompetencyModel

/// Writes a cohort as one people file shaped like an export HR already has,
/// with the configuration (`columns:` and `scales:`) that reads it back, for
/// the example files in `Datasets/` and for tests.
///
/// Two shapes:
/// - ``Shape/workday``: a Workday-style worker export (`Employee_ID`,
///   `Worker`, `Supervisory Organization`, `Manager_ID`, …) whose skills are
///   rated Basic/Intermediate/Advanced/Expert, with a target proficiency per
///   skill.
/// - ``Shape/forms``: a Microsoft Forms response export (`ID`, `Start time`,
///   …, one column per question) with 1–4 self-ratings and a multi-select
///   "Skills I want to develop" column read as goals at one target level.
///
/// A people file cannot say everything the native files can: levels snap to
/// the nearest point of the shape's scale, the forms shape has one goal level,
/// and a person who mentors and is mentored is one row (role `Both`) with the
/// mentor's details. ``export(_:shape:)`` therefore also returns the cohort
/// the file stands for: reading the file with the configuration gives exactly
/// that cohort.
public enum HRExportWriter {
  /// The export a file imitates.
  public enum Shape: String, Sendable, CaseIterable {
    /// A Workday-style worker export.
    case workday
    /// A Microsoft Forms response export.
    case forms
  }

  /// A written export.
  public struct Export: Sendable, Hashable {
    /// The people file's CSV text (header and one row per person).
    public var people: String
    /// The configuration's YAML text with the `columns:` and `scales:` that read it.
    public var configuration: String
    /// The cohort the file stands for (what reading it gives).
    public var cohort: Cohort
  }

  /// The words of the Workday shape's proficiency scale and their levels.
  static let proficiency: [(word: String, level: Double)] = [
    ("Basic", 1), ("Intermediate", 2), ("Advanced", 3.5), ("Expert", 5),
  ]
  /// The Forms shape's 1–4 rating and the levels it stands for.
  static let rating: [(word: String, level: Double)] = [("1", 1), ("2", 2), ("3", 3.5), ("4", 5)]
  /// The level every competency listed under "Skills I want to develop" is a goal at.
  public static let formsGoalLevel = 4.0

  /// The export of `cohort` in `shape`.
  ///
  /// - Parameters:
  ///   - cohort: The cohort; a mentee whose id is a mentor's is that mentor,
  ///     written once with role `Both`.
  ///   - shape: The export to imitate.
  /// - Returns: The people file, its configuration and the cohort it stands for.
  /// - Complexity: O(people × competencies).
  public static func export(_ cohort: Cohort, shape: Shape) -> Export {
    let scale = shape == .workday ? proficiency : rating
    /// The scale point nearest `level` (ties to the lower), or nil below half a step.
    func snap(_ level: Double) -> (word: String, level: Double)? {
      guard level >= 0.5 else { return nil }
      return scale.min { abs($0.level - level) < abs($1.level - level) }
    }
    let menteeIndex = Dictionary(
      cohort.mentees.enumerated().map { ($1.person.id, $0) }, uniquingKeysWith: { a, _ in a })
    let mentorIDs = Set(cohort.mentors.map(\.person.id))

    // The rows: every mentor (Both when also a mentee), then the other mentees.
    var rows: [(person: Person, capacity: Int?, goals: [Double?]?)] = []
    for mentor in cohort.mentors {
      rows.append(
        (mentor.person, mentor.capacity, menteeIndex[mentor.person.id].map { Array(cohort.mentees[$0].goals) }))
    }
    for mentee in cohort.mentees where !mentorIDs.contains(mentee.person.id) {
      rows.append((mentee.person, nil, Array(mentee.goals)))
    }

    var writer = CSVWriter()
    var mentors: [Mentor] = []
    var mentees: [Mentee] = []
    let names = cohort.competencies
    switch shape {
    case .workday:
      writer.writeRow(
        ([
          "Employee_ID", "Worker", "Email - Primary Work", "Supervisory Organization", "Manager_ID", "Time Zone",
          "Job Level", "Languages", "Mentoring Role", "Mentee Capacity",
        ] + names.map { "Skill Proficiency - \($0)" } + names.map { "Target Proficiency - \($0)" }).map(CSVCell.text))
    case .forms:
      writer.writeRow(
        ([
          "ID", "Start time", "Completion time", "Email", "Name", "Employee number", "Department",
          "Manager's employee number", "Your time zone", "Languages you can work in",
          "I want to take part as", "How many mentees could you take on?",
        ] + names.map { "How would you rate your \($0)?" } + ["Skills I want to develop"]).map(CSVCell.text))
    }
    for (number, row) in rows.enumerated() {
      var person = row.person
      person.levels = CompetencyLevels(person.levels.map { snap($0)?.level ?? 0 })
      let goals: [Double?]? = row.goals.map { goals in
        goals.map { goal in
          guard let goal else { return nil }
          // A goal is never left out: below the first point it snaps to it.
          return shape == .forms ? formsGoalLevel : snap(max(goal, 0.5))!.level
        }
      }
      let role = row.capacity == nil ? "Mentee" : goals == nil ? "Mentor" : "Both"
      func text(_ value: String?) -> CSVCell { value.map(CSVCell.text) ?? .empty }
      let zone = text(person.utcOffsetMinutes.map { TimeZoneParser.format(minutes: $0) })
      let languages = person.languages.isEmpty ? CSVCell.empty : .text(person.languages.joined(separator: ";"))
      let capacity = row.capacity.map(CSVCell.integer) ?? .empty
      let ratings = row.person.levels.map { snap($0).map { CSVCell.text($0.word) } ?? .empty }
      switch shape {
      case .workday:
        let seniority = person.seniority.map { $0 == $0.rounded() ? CSVCell.integer(Int($0)) : .number($0) } ?? .empty
        let targets = (row.goals ?? names.map { _ in nil }).map { goal in
          goal.map { CSVCell.text(snap(max($0, 0.5))!.word) } ?? .empty
        }
        writer.writeRow(
          [
            .text(person.id), .text(person.name), text(person.email), text(person.department), text(person.manager),
            zone, seniority, languages, .text(role), capacity,
          ] + ratings + targets)
      case .forms:
        person.seniority = nil
        let wanted = zip(names, row.goals ?? []).compactMap { name, goal in goal == nil ? nil : name }
        let time = "2026-01-\(String(format: "%02d", 5 + number % 10)) 09:\(String(format: "%02d", number % 60)):00"
        writer.writeRow(
          [
            .integer(number + 1), .text(time), .text(time), text(person.email), .text(person.name), .text(person.id),
            text(person.department), text(person.manager), zone, languages, .text(role), capacity,
          ] + ratings + [wanted.isEmpty ? .empty : .text(wanted.joined(separator: ";") + ";")])
      }
      if let capacity = row.capacity { mentors.append(Mentor(person: person, capacity: capacity)) }
      if let goals { mentees.append(Mentee(person: person, goals: goals)) }
    }
    return Export(
      people: writer.text, configuration: configuration(shape, competencies: names),
      cohort: Cohort(competencies: names, mentors: mentors, mentees: mentees))
  }

  /// The configuration that reads the shape.
  static func configuration(_ shape: Shape, competencies: [String]) -> String {
    func quoted(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    func scaleLines(_ scale: [(word: String, level: Double)]) -> String {
      scale.map { "    \(quoted($0.word)): \(CompetencyScale.format($0.level))\n" }.joined()
    }
    var yaml =
      "# Reads people.csv, shaped like a \(shape == .workday ? "Workday worker export" : "Microsoft Forms export").\n"
    yaml += "# Written by `mentor-match generate --shape \(shape.rawValue)`; see Docs/cohort-format.md.\ncolumns:\n"
    switch shape {
    case .workday:
      for (header, native) in [
        ("Employee_ID", "id"), ("Worker", "name"), ("Email - Primary Work", "email"),
        ("Supervisory Organization", "department"), ("Manager_ID", "manager"), ("Time Zone", "timezone"),
        ("Job Level", "seniority"), ("Languages", "languages"), ("Mentoring Role", "role"),
        ("Mentee Capacity", "capacity"),
      ] {
        yaml += "  \(quoted(header)): \(native)\n"
      }
      for name in competencies {
        yaml += "  \(quoted("Skill Proficiency - \(name)")): \(quoted("level:\(name)"))\n"
        yaml += "  \(quoted("Target Proficiency - \(name)")): \(quoted("goal:\(name)"))\n"
      }
      yaml += "scales:\n  default:\n" + scaleLines(proficiency)
    case .forms:
      for (header, native) in [
        ("ID", "ignore"), ("Start time", "ignore"), ("Completion time", "ignore"), ("Email", "email"),
        ("Name", "name"), ("Employee number", "id"), ("Department", "department"),
        ("Manager's employee number", "manager"), ("Your time zone", "timezone"),
        ("Languages you can work in", "languages"), ("I want to take part as", "role"),
        ("How many mentees could you take on?", "capacity"),
      ] {
        yaml += "  \(quoted(header)): \(native)\n"
      }
      for name in competencies {
        yaml += "  \(quoted("How would you rate your \(name)?")): \(quoted("level:\(name)"))\n"
      }
      yaml += "  \"Skills I want to develop\": {goals: \(CompetencyScale.format(formsGoalLevel))}\n"
      yaml += "scales:\n  default:\n" + scaleLines(rating)
    }
    return yaml
  }
}
