import CompetencyModel
import Yams

extension ConfigurationReader.Reader {
  /// The native headers a `columns:` entry may name, besides `level:<competency>`,
  /// `goal:<competency>`, `ignore` and `{goals: <level>}`.
  static let mappableColumns = CohortColumns.Fixed.allCases.map(\.rawValue)

  /// Reads the `columns:` section: each entry maps a file's header to a
  /// native column (`Employee_ID: id`), to `level:<competency>` or
  /// `goal:<competency>`, to `ignore`, or, for a multi-select survey column,
  /// to `{goals: <level>}` (every competency listed becomes a goal at that
  /// level). Problems are reported at the offending key or value.
  ///
  /// - Complexity: O(size of the section).
  mutating func readColumns(_ node: Node, into mapping: inout CohortMapping) {
    guard let entries = entries(of: node, named: "columns", matchingKey: CohortMapping.key) else { return }
    let expected =
      "expected one of \(Self.mappableColumns.joined(separator: ", ")), level:<competency>, goal:<competency>, "
      + "ignore, or {goals: <level from 0 to 5>}"
    for (key, keyNode, value) in entries {
      guard !CohortMapping.key(key).isEmpty else {
        error(at: keyNode.mark, "a header name in columns is empty")
        continue
      }
      if case .mapping = value {
        guard let inner = self.entries(of: value, named: "columns.\(key)"), inner.count == 1,
          ConfigurationReader.normalized(inner[0].key) == "goals"
        else {
          error(at: value.mark, "'columns.\(key)' is \(describe(value)); \(expected)")
          continue
        }
        let expectation = "a goal level from 0 to 5"
        guard let level = number(inner[0].value, for: "columns.\(key).goals", expectation: expectation)
        else { continue }
        guard CompetencyScale.range.contains(level) else {
          error(
            at: inner[0].value.mark, "'columns.\(key).goals' is \(Self.text(inner[0].value)); expected \(expectation)")
          continue
        }
        mapping.columns[CohortMapping.key(key)] = .goalList(level: level)
        continue
      }
      guard case .scalar(let scalar) = value, !isNull(value) else {
        error(at: value.mark, "'columns.\(key)' is \(describe(value)); \(expected)")
        continue
      }
      let target = CellText.trimmed(scalar.string)
      if let colon = target.firstIndex(of: ":") {
        let prefix = CellText.headerKey(String(target[..<colon]))
        let competency = CellText.trimmed(String(target[target.index(after: colon)...]))
        guard prefix == "level" || prefix == "goal", !competency.isEmpty else {
          error(at: value.mark, "'columns.\(key)' is '\(target)'; \(expected)")
          continue
        }
        mapping.columns[CohortMapping.key(key)] = .column(prefix + ":" + competency)
        continue
      }
      let native = CellText.headerKey(target)
      if native == "ignore" {
        mapping.columns[CohortMapping.key(key)] = .ignored
      } else if Self.mappableColumns.contains(native) {
        mapping.columns[CohortMapping.key(key)] = .column(native)
      } else {
        var message = "'columns.\(key)' is '\(target)', not a column MentorMatch reads"
        if let close = ConfigurationReader.suggestion(for: target, among: Self.mappableColumns) {
          message += "; did you mean '\(close)'?"
        } else {
          message += "; \(expected)"
        }
        error(at: value.mark, message)
      }
    }
  }
}
