import CompetencyModel
import Yams

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
  /// The first line of every written file (YAML comments are not nodes, so
  /// it is written before the emitted document).
  static let header = "# MentorMatch matching configuration (format: Docs/configuration.md)."

  /// The configuration as YAML text, emitted by Yams (libyaml) from a node
  /// tree built from the configuration's key tables
  /// (``CompetencyModel/MatchingConfiguration/SectionKey`` and the section keys).
  ///
  /// - Parameter configuration: The configuration to write.
  /// - Returns: The YAML document, ending with a line break.
  /// - Complexity: O(*n* log *n*) for *n* competency weights.
  public static func yaml(_ configuration: MatchingConfiguration) -> String {
    let node = document(configuration)
    do {
      // Unlimited width: a long quoted competency name stays one key on one line.
      let body = try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true, lineBreak: .ln)
      return header + "\n" + body
    } catch {
      // Every node is a mapping of scalars libyaml accepts; failing here is a programming error.
      preconditionFailure("the configuration could not be emitted as YAML: \(error)")
    }
  }

  /// The configuration as a YAML node tree: every section, every key of its
  /// table, in the order files list them.
  ///
  /// - Complexity: O(*n* log *n*) for *n* competency weights.
  static func document(_ configuration: MatchingConfiguration) -> Node {
    let terms = configuration.terms
    let rules = configuration.rules
    let circles = configuration.circles
    var competencies = [(plain("default"), plain(number(configuration.defaultCompetencyWeight)))]
    for name in configuration.competencyWeights.keys.sorted() {
      competencies.append((key(name: name), plain(number(configuration.competencyWeights[name]!))))
    }
    var sections: [(Node, Node)] = []
    // The order of the sections in a written file (the table's order is that of messages).
    let order: [MatchingConfiguration.SectionKey] = [
      .weights, .competencies, .rules, .fit, .seniority, .timezone, .minimumScore, .objective, .programme, .circles,
    ]
    for section in order {
      let value: Node
      switch section {
      case .weights:
        value = mapping(MatchingConfiguration.TermWeights.Key.allCases.map { ($0.rawValue, number(terms[$0])) })
      case .competencies:
        value = .mapping(Node.Mapping(competencies, Tag(.map), .block))
      case .rules:
        value = mapping(
          MatchingConfiguration.Rules.Key.allCases.map { key in
            let flag = key.flag.map { String(rules[keyPath: $0]) }
            return (key.rawValue, flag ?? rules.maxMenteesPerDepartment.map(String.init) ?? "null")
          })
      case .fit:
        value = mapping(
          MatchingConfiguration.FitKey.allCases.map { key in
            switch key {
            case .headroom: return (key.rawValue, number(configuration.headroomCredit))
            case .sideTermsLimit: return (key.rawValue, configuration.sideTermsLimit.map(number) ?? "null")
            }
          })
      case .seniority:
        value = mapping(
          MatchingConfiguration.SeniorityKey.allCases.map { key in
            switch key {
            case .idealGap: return (key.rawValue, number(configuration.idealSeniorityGap))
            }
          })
      case .timezone:
        value = mapping(
          MatchingConfiguration.TimezoneKey.allCases.map { key in
            switch key {
            case .workdayHours: return (key.rawValue, number(configuration.workdayHours))
            }
          })
      case .minimumScore:
        value = plain(configuration.minimumScore.map(number) ?? "null")
      case .objective:
        value = plain(configuration.objective.rawValue)
      case .programme:
        let programme = configuration.programme
        value = .mapping(
          Node.Mapping(
            MatchingConfiguration.Programme.Key.allCases.map { key in
              switch key {
              case .start:
                return (plain(key.rawValue), programme.start.map { quoted(node: "\($0)") } ?? plain("null"))
              case .weeks: return (plain(key.rawValue), plain(String(programme.weeks)))
              }
            }, Tag(.map), .block))
      case .circles:
        value = mapping(
          CircleConfiguration.Key.allCases.map { key in
            switch key {
            case .minSize: return (key.rawValue, String(circles.minimumSize))
            case .maxSize: return (key.rawValue, String(circles.maximumSize))
            case .crossDepartment: return (key.rawValue, number(circles.crossDepartment))
            case .sharedHours: return (key.rawValue, number(circles.sharedHours))
            case .maxGradeGap: return (key.rawValue, circles.maximumGradeGap.map(number) ?? "null")
            case .requireSharedLanguage:
              return (key.rawValue, circles.requireSharedLanguage.map { String($0) } ?? "null")
            case .noRepeat: return (key.rawValue, String(circles.noRepeat))
            }
          })
      case .columns, .scales:
        continue  // the cohort files' mapping: not part of a matching configuration
      }
      sections.append((plain(section.rawValue), value))
    }
    return .mapping(Node.Mapping(sections, Tag(.map), .block))
  }

  /// A plain scalar: the value as written, its type resolved by the reader.
  static func plain(_ text: String) -> Node { .scalar(Node.Scalar(text, .implicit, .plain)) }

  /// A double-quoted scalar (libyaml writes the escapes).
  static func quoted(node text: String) -> Node { .scalar(Node.Scalar(text, .implicit, .doubleQuoted)) }

  /// A block mapping of plain keys to plain values.
  static func mapping(_ pairs: [(String, String)]) -> Node {
    .mapping(Node.Mapping(pairs.map { (plain($0.0), plain($0.1)) }, Tag(.map), .block))
  }

  /// A competency name as a mapping key: plain when ``isPlainSafe(_:)``,
  /// else double-quoted.
  static func key(name: String) -> Node { isPlainSafe(name) ? plain(name) : quoted(node: name) }

  /// A number as the reader parses it back exactly: Swift's shortest
  /// round-trip form (`0.2`, `2.0`, `1e-05`).
  static func number(_ value: Double) -> String {
    value.description
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
}
