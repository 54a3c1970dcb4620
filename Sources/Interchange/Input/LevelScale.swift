/// Another level scale, mapped onto MentorMatch's 0–5 ladder: proficiency
/// words (`Basic`, `Intermediate`, …) or the numbers of a survey's 1–4
/// rating, each with the level it stands for.
///
/// A cell read with a scale must be one of its entries: words match
/// case-insensitively with `_`, `-` and runs of whitespace read as one space;
/// numbers match by value (`2` and `2.0` are one entry).
///
/// Invariant: every level is in ``CompetencyModel/CompetencyScale/range``,
/// and no two entries match the same cell.
public struct LevelScale: Sendable, Hashable {
  /// The entries as written in the configuration, in order.
  public private(set) var names: [String] = []
  /// The level of each entry of ``names``.
  public private(set) var levels: [Double] = []
  private var index: [String: Int] = [:]

  /// Creates an empty scale.
  ///
  /// - Complexity: O(1).
  public init() {}

  /// The matching form of a cell or entry: a number's value, or the
  /// lower-cased words joined by single spaces.
  ///
  /// - Complexity: O(length of `text`).
  static func key(_ text: String) -> String {
    let trimmed = CellText.trimmed(text)
    if let number = DecimalParser.parse(trimmed), number.isFinite { return "#\(number)" }
    return trimmed.lowercased().split { $0 == "_" || $0 == "-" || $0.isWhitespace }.joined(separator: " ")
  }

  /// Adds an entry.
  ///
  /// - Parameters:
  ///   - name: The word or number as the files write it.
  ///   - level: The level it stands for, in `0...5`.
  /// - Returns: `false` (and adds nothing) when an entry already matches `name`.
  /// - Complexity: O(length of `name`).
  @discardableResult
  public mutating func add(_ name: String, level: Double) -> Bool {
    let key = Self.key(name)
    guard index[key] == nil else { return false }
    index[key] = names.count
    names.append(CellText.trimmed(name))
    levels.append(level)
    return true
  }

  /// The level a cell stands for.
  ///
  /// - Parameter text: The cell's text (not empty).
  /// - Returns: The entry's level.
  /// - Throws: ``ValueError`` naming the entries when no entry matches.
  /// - Complexity: O(length of `text`).
  public func level(_ text: String) throws(ValueError) -> Double {
    if let slot = index[Self.key(text)] { return levels[slot] }
    let listed = names.map { "'\($0)'" }.joined(separator: ", ")
    throw ValueError(
      "'\(CellText.trimmed(text))' is not on this column's scale; expected one of \(listed) "
        + "(the configuration's scales: section)")
  }
}
