import CompetencyModel

/// Writes a ``CompetencyModel/MatchingConfiguration`` as the YAML that
/// ``ConfigurationReader`` reads, with every field spelled out.
///
/// The output is deterministic (competency names sorted) and round-trips:
/// `ConfigurationReader.parse(ConfigurationWriter.yaml(c), file:)` equals `c`
/// for every configuration that keeps the invariants, except one whose
/// competency weights name a competency `default` (that key sets the default
/// weight) or two names equal ignoring case and spacing (the reader rejects
/// the second).
public enum ConfigurationWriter {
  /// The configuration as YAML text.
  ///
  /// - Parameter configuration: The configuration to write.
  /// - Returns: The YAML document, ending with a line break.
  /// - Complexity: O(*n* log *n*) for *n* competency weights.
  public static func yaml(_ configuration: MatchingConfiguration) -> String {
    let terms = configuration.terms
    let rules = configuration.rules
    var lines = ["# MentorMatch matching configuration (format: Docs/configuration.md).", "weights:"]
    lines += MatchingConfiguration.TermWeights.Key.allCases.map { "  \($0.rawValue): \(number(terms[$0]))" }
    lines += ["competencies:", "  default: \(number(configuration.defaultCompetencyWeight))"]
    for name in configuration.competencyWeights.keys.sorted() {
      lines.append("  \(key(name)): \(number(configuration.competencyWeights[name]!))")
    }
    lines.append("rules:")
    lines += MatchingConfiguration.Rules.Key.allCases.map { key in
      let value =
        key.flag.map { String(rules[keyPath: $0]) } ?? rules.maxMenteesPerDepartment.map(String.init) ?? "null"
      return "  \(key.rawValue): \(value)"
    }
    lines += [
      "fit:",
      "  headroom: \(number(configuration.headroomCredit))",
      "  side_terms_limit: \(configuration.sideTermsLimit.map(number) ?? "null")",
      "seniority:",
      "  ideal_gap: \(number(configuration.idealSeniorityGap))",
      "timezone:",
      "  workday_hours: \(number(configuration.workdayHours))",
      "minimum_score: \(configuration.minimumScore.map(number) ?? "null")",
      "objective: \(configuration.objective.rawValue)",
      "programme:",
      "  start: \(configuration.programme.start.map { "\"\($0)\"" } ?? "null")",
      "  weeks: \(configuration.programme.weeks)",
      "circles:",
      "  min_size: \(configuration.circles.minimumSize)",
      "  max_size: \(configuration.circles.maximumSize)",
      "  cross_department: \(number(configuration.circles.crossDepartment))",
      "  shared_hours: \(number(configuration.circles.sharedHours))",
      "  max_grade_gap: \(configuration.circles.maximumGradeGap.map(number) ?? "null")",
      "  require_shared_language: \(configuration.circles.requireSharedLanguage.map(String.init) ?? "null")",
      "  no_repeat: \(configuration.circles.noRepeat)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// A number as the reader parses it back exactly: Swift's shortest
  /// round-trip form (`0.2`, `2.0`, `1e-05`).
  static func number(_ value: Double) -> String {
    value.description
  }

  /// A competency name as a mapping key: plain when it is clearly safe,
  /// double-quoted with escapes otherwise.
  static func key(_ name: String) -> String {
    isPlainSafe(name) ? name : quoted(name)
  }

  /// Whether `name` can be a plain YAML key as is: it starts with a letter,
  /// holds only ASCII letters, digits, single spaces and `-_.()/&+'`, and ends
  /// with neither a space nor a colon.
  static func isPlainSafe(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last, first.properties.isAlphabetic,
      first.isASCII,
      last != " "
    else { return false }
    var previous: Unicode.Scalar = first
    for scalar in scalars {
      let allowed =
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || "-_.()/&+' ".unicodeScalars.contains(scalar)
      guard allowed, !(scalar == " " && previous == " ") else { return false }
      previous = scalar
    }
    return true
  }

  /// `text` as a double-quoted YAML scalar: `\` and `"` escaped, and every
  /// character libyaml would not accept literally (controls, line and
  /// paragraph separators, the byte-order mark, non-characters) written as
  /// `\xXX` or `\uXXXX`.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        let value = scalar.value
        let printable =
          (0x20...0x7E).contains(value) || (0xA0...0xD7FF).contains(value)
          || ((0xE000...0xFFFD).contains(value) && value != 0xFEFF) || value >= 0x1_0000
        let separator = value == 0x2028 || value == 0x2029
        if printable && !separator {
          result.unicodeScalars.append(scalar)
        } else if value < 0x100 {
          result += "\\x" + hex(value, digits: 2)
        } else {
          result += "\\u" + hex(value, digits: 4)
        }
      }
    }
    return result + "\""
  }

  /// `value` in upper-case hexadecimal, zero-padded to `digits`.
  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
