import Foundation

/// Where a cohort's files are: the mentors file and the mentees file, or one
/// people file with a `role` column (both paths the same file).
public struct CohortSource: Sendable, Hashable {
  /// The command-line arguments did not identify the two cohort files.
  public struct LocateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a locate error.
    ///
    /// - Parameter message: What is wrong.
    /// - Complexity: O(1).
    public init(_ message: String) {
      self.message = message
    }

    /// The message.
    public var description: String { message }
  }

  /// The path of the mentors file.
  public var mentorsPath: String
  /// The path of the mentees file.
  public var menteesPath: String

  /// Whether the cohort is one people file with a `role` column: the
  /// mentors and mentees paths are the same.
  public var isPeopleFile: Bool { mentorsPath == menteesPath }

  /// A cohort in one people file with a `role` column.
  ///
  /// - Parameter path: The people file.
  /// - Complexity: O(1).
  public init(peoplePath path: String) {
    self.init(mentorsPath: path, menteesPath: path)
  }

  /// Creates a source from the two paths.
  ///
  /// - Parameters:
  ///   - mentorsPath: The mentors file.
  ///   - menteesPath: The mentees file.
  /// - Complexity: O(1).
  public init(mentorsPath: String, menteesPath: String) {
    self.mentorsPath = mentorsPath
    self.menteesPath = menteesPath
  }

  /// Finds the two files from command-line arguments.
  ///
  /// Accepts one folder holding `mentors.csv` and `mentees.csv` (matched
  /// case-insensitively) or else `people.csv`, one people file with a `role`
  /// column, or the two files in either order. Each
  /// file is recognised by its name containing `mentor` or `mentee`; when the
  /// names do not tell, the file whose header has a `capacity` column is the
  /// mentors file.
  ///
  /// - Parameter paths: One folder, or two files.
  /// - Returns: The source.
  /// - Throws: ``LocateError`` explaining what was expected.
  /// - Complexity: O(entries of the folder), or O(size of the files) when
  ///   their headers must be read to tell them apart.
  public static func locate(_ paths: [String]) throws(LocateError) -> CohortSource {
    let usage = "give the folder holding mentors.csv and mentees.csv, or the two files"
    switch paths.count {
    case 1:
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory) else {
        throw LocateError("'\(paths[0])' does not exist; \(usage)")
      }
      guard isDirectory.boolValue else { return CohortSource(peoplePath: paths[0]) }
      return try inFolder(paths[0])
    case 2:
      return try fromFiles(paths[0], paths[1])
    default:
      throw LocateError("expected 1 or 2 paths, got \(paths.count); \(usage)")
    }
  }

  private static func inFolder(_ folder: String) throws(LocateError) -> CohortSource {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    func existing(_ name: String) -> String? {
      entries.contains(name) ? name : entries.sorted().first { $0.lowercased() == name }
    }
    func path(_ match: String) -> String { folder.hasSuffix("/") ? folder + match : folder + "/" + match }
    if existing("mentors.csv") == nil, existing("mentees.csv") == nil, let people = existing("people.csv") {
      return CohortSource(peoplePath: path(people))
    }
    func find(_ name: String) throws(LocateError) -> String {
      guard let match = existing(name) else {
        throw LocateError(
          "the folder '\(folder)' has no \(name); expected mentors.csv and mentees.csv in it "
            + " or one people.csv with a role column (see Docs/cohort-format.md)")
      }
      return path(match)
    }
    return CohortSource(mentorsPath: try find("mentors.csv"), menteesPath: try find("mentees.csv"))
  }

  private enum Kind { case mentors, mentees }

  private static func fromFiles(_ first: String, _ second: String) throws(LocateError)
    -> CohortSource
  {
    func byName(_ path: String) -> Kind? {
      let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
      switch (name.contains("mentor"), name.contains("mentee")) {
      case (true, false): return .mentors
      case (false, true): return .mentees
      default: return nil
      }
    }
    switch (byName(first), byName(second)) {
    case (.mentors, .mentees), (.mentors, nil), (nil, .mentees):
      return CohortSource(mentorsPath: first, menteesPath: second)
    case (.mentees, .mentors), (.mentees, nil), (nil, .mentors):
      return CohortSource(mentorsPath: second, menteesPath: first)
    case (.mentors, .mentors), (.mentees, .mentees):
      let kind = byName(first) == .mentors ? "mentor" : "mentee"
      throw LocateError(
        "'\(first)' and '\(second)' both look like \(kind) files; "
          + "give one mentors file and one mentees file")
    case (nil, nil):
      switch (hasCapacityColumn(first), hasCapacityColumn(second)) {
      case (true, false): return CohortSource(mentorsPath: first, menteesPath: second)
      case (false, true): return CohortSource(mentorsPath: second, menteesPath: first)
      default:
        throw LocateError(
          "cannot tell which of '\(first)' and '\(second)' lists the mentors; name the files "
            + "mentors.csv and mentees.csv, or give only the mentors file a capacity column")
      }
    }
  }

  private static func hasCapacityColumn(_ path: String) -> Bool {
    guard let table = try? CSVTable.read(path: path) else { return false }
    return table.header.fields.contains { CellText.headerKey($0.value) == "capacity" }
  }
}
