/// The clean-up every reader applies to cells and header names.
enum CellText {
  /// `text` without surrounding whitespace (spaces, tabs, line breaks).
  ///
  /// - Complexity: O(length of `text`).
  static func trimmed(_ text: String) -> String {
    // Fast path: most cells start and end with a visible ASCII character.
    if let first = text.utf8.first, let last = text.utf8.last, isVisibleASCII(first),
      isVisibleASCII(last)
    {
      return text
    }
    var slice = Substring(text)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }

  private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

  /// A text cell as the readers use it: trimmed, then with a formula
  /// neutralisation undone (see ``CSVWriter/unneutralized(_:)``).
  ///
  /// - Complexity: O(length of `text`).
  static func clean(_ text: String) -> String {
    CSVWriter.unneutralized(trimmed(text))
  }

  /// The key a fixed column name is matched by: trimmed, lower-cased, and
  /// without `_`, `-` and spaces, so `Time Zone`, `time_zone` and `TIMEZONE`
  /// all give `timezone`.
  ///
  /// - Complexity: O(length of `name`).
  static func headerKey(_ name: String) -> String {
    asciiHeaderKey(name) ?? headerKeyByCharacters(name)
  }

  /// ``headerKey(_:)`` made character by character (any text).
  ///
  /// - Complexity: O(length of `name`).
  static func headerKeyByCharacters(_ name: String) -> String {
    String(trimmed(name).lowercased().filter { $0 != "_" && $0 != "-" && !$0.isWhitespace })
  }

  /// A competency name's matching key: trimmed and lower-cased, inner
  /// whitespace runs collapsed to one space.
  ///
  /// - Complexity: O(length of `name`).
  static func competencyKey(_ name: String) -> String {
    asciiCompetencyKey(name) ?? competencyKeyByCharacters(name)
  }

  /// ``competencyKey(_:)`` made character by character (any text).
  ///
  /// - Complexity: O(length of `name`).
  static func competencyKeyByCharacters(_ name: String) -> String {
    name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
