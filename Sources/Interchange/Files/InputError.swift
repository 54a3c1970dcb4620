/// One problem found in an input file, with the place it was found.
///
/// Lines and columns are 1-based; a column counts Unicode characters
/// (`Character`s) from the start of its line, so it matches what an editor
/// shows. The ``description`` has the shape compilers use, which editors and
/// terminals turn into links:
///
/// ```
/// mentors.csv:4:17: error: capacity '-1' is negative; expected a whole number 0 or more
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable, CaseIterable {
    /// The input cannot be used.
    case error
    /// The input can be used, but probably not as the author meant.
    case warning
  }

  /// What kind of problem this is, for exit codes: the file could not be
  /// read at all, or its content is wrong.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The content is wrong (exit code 65).
    case data
    /// The file is missing or cannot be read (exit code 66).
    case unreadable
  }

  /// The path of the file, as the user gave it.
  public var file: String
  /// The 1-based line of the problem.
  public var line: Int
  /// The 1-based column of the problem, counted in characters.
  public var column: Int
  /// What is wrong, and where possible what was expected.
  public var message: String
  /// Whether the problem is an error or a warning.
  public var severity: Severity
  /// Whether the file could not be read or its content is wrong.
  public var kind: Kind

  /// Creates a problem report.
  ///
  /// - Parameters:
  ///   - file: The path of the file, as the user gave it.
  ///   - line: The 1-based line.
  ///   - column: The 1-based column, in characters.
  ///   - message: What is wrong.
  ///   - severity: ``Severity/error`` (the default) or ``Severity/warning``.
  ///   - kind: ``Kind/data`` (the default) or ``Kind/unreadable``.
  /// - Complexity: O(1).
  public init(
    file: String, line: Int, column: Int, message: String, severity: Severity = .error, kind: Kind = .data
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.severity = severity
    self.kind = kind
  }

  /// The error for a file that cannot be read: `cannot read file: reason`
  /// at 1:1, of kind ``Kind/unreadable``.
  ///
  /// - Complexity: O(1).
  public static func unreadable(file: String, reason: String) -> InputError {
    InputError(file: file, line: 1, column: 1, message: "cannot read file: \(reason)", kind: .unreadable)
  }

  /// `file:line:column: error: message` (or `warning:`), with control
  /// characters (a cell's text quoted in the message) shown as escapes
  /// (``DisplayText``), so a problem report cannot drive the terminal.
  ///
  /// - Complexity: O(length of the message).
  public var description: String {
    DisplayText.visible("\(file):\(line):\(column): \(severity.rawValue): \(message)", keepingLineBreaks: true)
  }

  /// Whether `a` comes before `b` in a report: by file, then line, then
  /// column, then message.
  ///
  /// - Parameters:
  ///   - a: A problem.
  ///   - b: Another problem.
  /// - Returns: `true` when `a` is reported first.
  /// - Complexity: O(length of the file names and messages).
  public static func reportOrder(_ a: InputError, _ b: InputError) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if a.line != b.line { return a.line < b.line }
    if a.column != b.column { return a.column < b.column }
    return a.message < b.message
  }
}

/// Every problem found in one or more input files, so that a user can fix
/// them all in one pass instead of one per run.
///
/// Readers throw this when at least one ``InputError`` is an error; the
/// ``errors`` are sorted by file, line and column (see
/// ``InputError/reportOrder(_:_:)``).
public struct InputErrors: Error, Sendable, Hashable, CustomStringConvertible {
  /// The problems, in report order.
  public var errors: [InputError]

  /// Creates a report from problems in any order; they are sorted.
  ///
  /// - Parameter errors: The problems.
  /// - Complexity: O(*n* log *n*) for *n* problems.
  public init(_ errors: [InputError]) {
    self.errors = errors.sorted(by: InputError.reportOrder)
  }

  /// ``InputError/Kind/unreadable`` when every problem is a file that
  /// cannot be read (nothing could be checked), else ``InputError/Kind/data``.
  ///
  /// - Complexity: O(*n*) for *n* problems.
  public var kind: InputError.Kind {
    errors.allSatisfy { $0.kind == .unreadable } ? .unreadable : .data
  }

  /// One problem per line, in report order.
  ///
  /// - Complexity: O(total length of the problems).
  public var description: String {
    errors.map(\.description).joined(separator: "\n")
  }
}

/// Why one cell's text is not a valid value, before the place is known.
///
/// Value parsers such as ``LevelParser`` and ``TimeZoneParser`` throw this;
/// file readers turn it into an ``InputError`` at the cell.
public struct ValueError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong with the value, and what was expected.
  public var message: String

  /// Creates a value error.
  ///
  /// - Parameter message: What is wrong with the value.
  /// - Complexity: O(1).
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
