/// How the columns of an HR or survey export map onto the cohort format:
/// the configuration's `columns:` and `scales:` sections
/// (`Docs/cohort-format.md#files-hr-already-has`).
///
/// ```yaml
/// columns:
///   Employee_ID: id
///   Supervisory Organization: department
///   Skills I want to develop: {goals: 4}
/// scales:
///   default: {Basic: 1, Intermediate: 2, Advanced: 3.5, Expert: 5}
/// ```
///
/// Header names match as the cohort files' own names do: case-insensitively,
/// ignoring `_`, `-` and spaces. The empty mapping reads the native format.
public struct CohortMapping: Sendable, Hashable {
  /// What a mapped column becomes.
  public enum Target: Sendable, Hashable {
    /// A column of the native format, by its native header (`id`,
    /// `department`, `role`, `level:Negotiation`, `goal:SQL`).
    case column(String)
    /// A multi-select list of competencies (`Negotiation; Coaching`), each a
    /// goal at `level`.
    case goalList(level: Double)
    /// A column read by nobody, without the unknown-column warning.
    case ignored
  }

  /// The target of each mapped header, keyed by the header's matching form.
  public var columns: [String: Target] = [:]
  /// The scale of each column that has its own, keyed by the matching form
  /// of the file's header or of the native header it maps to.
  public var scales: [String: LevelScale] = [:]
  /// The scale of every other `level:` and `goal:` column, if any.
  public var defaultScale: LevelScale?

  /// Creates a mapping; the default reads the native format.
  ///
  /// - Complexity: O(1).
  public init(
    columns: [String: Target] = [:], scales: [String: LevelScale] = [:], defaultScale: LevelScale? = nil
  ) {
    self.columns = columns
    self.scales = scales
    self.defaultScale = defaultScale
  }

  /// The matching form of a header name.
  ///
  /// - Complexity: O(length of `header`).
  public static func key(_ header: String) -> String { CellText.headerKey(header) }

  /// The target of a file's header, if mapped.
  ///
  /// - Complexity: O(length of `header`).
  func target(forHeader header: String) -> Target? { columns[Self.key(header)] }

  /// The scale a `level:` or `goal:` column is read with: its own (by the
  /// file's header, then by its native header), else the default, else none
  /// (the native 0–5 numbers and tier names).
  ///
  /// - Complexity: O(length of the headers); O(1) without scales of
  ///   columns (no keys made).
  func scale(header: String, native: String) -> LevelScale? {
    if scales.isEmpty { return defaultScale }
    return scales[Self.key(header)] ?? scales[Self.key(native)] ?? defaultScale
  }
}
