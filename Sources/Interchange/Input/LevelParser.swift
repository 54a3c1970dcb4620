import CompetencyModel

/// Reads competency levels and goals from cells: a number in `0...5`
/// (decimals allowed) or a tier name of ``CompetencyScale/tierNames``.
///
/// ```swift
/// try LevelParser.parse("3.5")         // 3.5
/// try LevelParser.parse("Proficient")  // 4
/// try LevelParser.parse("advanced-beginner")  // 2
/// ```
public enum LevelParser {
  /// Parses one level or goal.
  ///
  /// Tier names are matched case-insensitively, with `_`, `-` and runs of
  /// whitespace between words treated as one space.
  ///
  /// - Parameter text: The cell's text; surrounding whitespace is ignored.
  ///   The caller decides what an empty cell means.
  /// - Returns: The level, in ``CompetencyScale/range``.
  /// - Throws: ``ValueError`` when `text` is neither a number in range nor a
  ///   tier name (`NaN` and infinities included).
  /// - Complexity: O(length of `text`).
  public static func parse(_ text: String) throws(ValueError) -> Double {
    let trimmed = CellText.trimmed(text)
    if let value = DecimalParser.parse(trimmed) {
      guard CompetencyScale.range.contains(value) else {
        throw ValueError("level \(trimmed) is outside 0...5; expected \(expected)")
      }
      return value
    }
    let words = trimmed.lowercased().split { $0 == "_" || $0 == "-" || $0.isWhitespace }
    if let tier = CompetencyScale.tierNames.firstIndex(of: words.joined(separator: " ")) {
      return Double(tier)
    }
    throw ValueError(
      DecimalParser.notANumber(trimmed, expected: expected).replacing("a number", with: "a level"))
  }

  private static let expected =
    "a level from 0 to 5 or one of \(CompetencyScale.tierNames.joined(separator: ", "))"
}
