/// One cell of a CSV row to write.
///
/// Text and numbers are separate cases so that formula neutralisation (see
/// ``CSVWriter``) only ever touches text: a negative score stays `-0.5`.
public enum CSVCell: Sendable, Hashable {
  /// A text cell; quoted when needed and, unless switched off, neutralised
  /// when it starts like a spreadsheet formula.
  case text(String)
  /// A finite number, written with Swift's shortest round-trip
  /// representation (`0.1`, `2.0`, `1e-07`), except that `-0.0` is written `0`.
  case number(Double)
  /// A whole number, written in decimal digits.
  case integer(Int)
  /// An empty cell.
  case empty
}

/// Writes RFC 4180 CSV text, one row at a time.
///
/// Fields containing a comma, quote, CR or LF are enclosed in quotes, with
/// quotes doubled. Lines end with LF (`\n`), not the CRLF of RFC 4180: LF is
/// what Unix tools, `git diff` and every spreadsheet we target read back
/// without surprises, and our own reader accepts both.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some
/// run one starting with a tab or CR) as a formula, so a crafted name in an
/// exported file could execute when the file is opened ("CSV injection").
/// Following the OWASP guidance, when ``neutralizingFormulas`` is on (the
/// default) such a text cell is written with a leading `'`. Our readers undo
/// this with ``CSVWriter/unneutralized(_:)``, so identifiers round-trip.
///
/// ```swift
/// var writer = CSVWriter()
/// writer.writeRow([.text("id"), .text("score")])
/// writer.writeRow([.text("=cmd"), .number(-0.5)])
/// writer.text  // "id,score\n'=cmd,-0.5\n"
/// ```
public struct CSVWriter: Sendable {
  /// The characters that make a spreadsheet treat a cell as a formula.
  public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// Whether text cells that look like formulas get a leading `'`.
  public var neutralizingFormulas: Bool
  /// The CSV written so far.
  public private(set) var text = ""

  /// Creates a writer with no rows yet.
  ///
  /// - Parameter neutralizingFormulas: Whether text cells that start like a
  ///   formula get a leading `'` (default `true`).
  /// - Complexity: O(1).
  public init(neutralizingFormulas: Bool = true) {
    self.neutralizingFormulas = neutralizingFormulas
  }

  /// Appends one row, terminated by LF.
  ///
  /// - Parameter cells: The row's cells.
  /// - Complexity: O(total length of the cells).
  public mutating func writeRow(_ cells: [CSVCell]) {
    var first = true
    for cell in cells {
      if !first { text.append(",") }
      first = false
      text += field(cell)
    }
    text.append("\n")
  }

  /// Appends one row of text cells.
  ///
  /// - Parameter cells: The row's texts.
  /// - Complexity: O(total length of the cells).
  public mutating func writeRow(_ cells: [String]) {
    writeRow(cells.map(CSVCell.text))
  }

  /// The CSV form of one cell, quoted if needed.
  ///
  /// - Parameter cell: The cell.
  /// - Returns: The text to place between separators.
  /// - Complexity: O(length of the cell).
  public func field(_ cell: CSVCell) -> String {
    switch cell {
    case .text(let value):
      return Self.quoted(neutralizingFormulas ? Self.neutralized(value) : value)
    case .number(let value):
      return Self.format(value)
    case .integer(let value):
      return String(value)
    case .empty:
      return ""
    }
  }

  /// Encloses `value` in quotes, doubling inner quotes, when it holds a
  /// comma, quote, CR or LF; otherwise returns it unchanged.
  ///
  /// - Parameter value: A cell's text.
  /// - Returns: The RFC 4180 field.
  /// - Complexity: O(length of `value`).
  public static func quoted(_ value: String) -> String {
    let needsQuotes = value.utf8.contains { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r")
        || byte == UInt8(ascii: "\n")
    }
    guard needsQuotes else { return value }
    var result = "\""
    for character in value.unicodeScalars {
      if character == "\"" { result.append("\"") }
      result.unicodeScalars.append(character)
    }
    result.append("\"")
    return result
  }

  /// Formats a finite number with the shortest text that reads back as the
  /// same `Double`; `-0.0` becomes `0`.
  ///
  /// - Parameter value: A finite number.
  /// - Returns: Its text, such as `"0.25"`, `"3.0"` or `"1e-07"`.
  /// - Complexity: O(1).
  public static func format(_ value: Double) -> String {
    precondition(value.isFinite, "CSVWriter writes only finite numbers, not \(value)")
    return value == 0 ? "0" : value.description
  }

  /// `value` with a leading `'` when a spreadsheet would run it as a formula.
  ///
  /// A value is prefixed when it starts with a formula trigger (`=`, `+`,
  /// `-`, `@`, tab, CR), or with apostrophes followed by one; the second
  /// rule makes ``unneutralized(_:)`` an exact inverse.
  ///
  /// - Parameter value: A cell's text.
  /// - Returns: The text to write.
  /// - Complexity: O(number of leading apostrophes).
  public static func neutralized(_ value: String) -> String {
    startsLikeFormula(value.drop { $0 == "'" }) ? "'" + value : value
  }

  /// Undoes ``neutralized(_:)``: drops one leading `'` when the apostrophes
  /// at the start of `value` are followed by a formula trigger.
  ///
  /// Readers of files MentorMatch writes apply this to identifiers and other
  /// text cells, so `'=x` reads as `=x` and `''-x` as `'-x`.
  ///
  /// - Parameter value: A cell's text.
  /// - Returns: The original text.
  /// - Complexity: O(number of leading apostrophes).
  public static func unneutralized(_ value: String) -> String {
    guard value.utf8.first == UInt8(ascii: "'") else { return value }
    return startsLikeFormula(value.drop { $0 == "'" }) ? String(value.dropFirst()) : value
  }

  private static func startsLikeFormula(_ value: Substring) -> Bool {
    guard let first = value.unicodeScalars.first else { return false }
    return formulaTriggers.contains(Character(first))
  }
}
