import CompetencyModel
import Foundation
import Yams

/// Reads a matching configuration file (YAML) into a
/// ``CompetencyModel/MatchingConfiguration``, reporting every problem with its
/// file, line and column.
///
/// Every key is optional; an omitted key keeps its default, and an empty file
/// is the default configuration. Keys match case-insensitively, ignoring `_`,
/// `-` and spaces (`cross_department`, `Cross-Department` and
/// `crossDepartment` are one key). `Docs/configuration.md` documents the
/// format:
///
/// ```yaml
/// weights:
///   competency: 1.0
///   seniority: 0.2
/// competencies:
///   default: 1.0
///   Public speaking: 2.0
/// rules:
///   exclude_reporting_line: true
/// seniority:
///   ideal_gap: 2
/// timezone:
///   workday_hours: 8
/// minimum_score: 0.25
/// ```
public enum ConfigurationReader {
  /// Reads and parses a configuration file.
  ///
  /// - Parameter path: The file's path; also the file name in problem reports.
  /// - Returns: The configuration.
  /// - Throws: ``InputErrors``: the file cannot be read or is not UTF-8 (one
  ///   error, from the loader the CSV readers share, ``CSVTable/loadText(path:)``),
  ///   or every problem ``parse(_:file:)`` finds.
  /// - Complexity: O(size of the file).
  public static func read(path: String) throws(InputErrors) -> MatchingConfiguration {
    switch CSVTable.loadText(path: path) {
    case .success(let text): return try parse(text, file: path)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Parses a configuration from its text.
  ///
  /// - Parameters:
  ///   - text: The YAML text.
  ///   - file: The file name for problem reports.
  /// - Returns: The configuration.
  /// - Throws: ``InputErrors`` with every problem: a YAML syntax error (one
  ///   error, at the place the YAML parser stopped), or all of unknown keys
  ///   (with a suggestion when one is close), duplicate keys, values of the
  ///   wrong type, and values out of range, each at the offending key or value.
  /// - Complexity: O(length of `text`).
  public static func parse(_ text: String, file: String) throws(InputErrors)
    -> MatchingConfiguration
  {
    var text = text
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    var reader = Reader(file: file, text: text)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      reader.report(error)
      throw InputErrors(reader.errors)
    }
    var configuration = MatchingConfiguration()
    if let root { reader.readRoot(root, into: &configuration) }
    if reader.errors.contains(where: { $0.severity == .error }) { throw InputErrors(reader.errors) }
    return configuration
  }

  // MARK: Keys

  /// The top-level keys (``CompetencyModel/MatchingConfiguration/SectionKey``).
  static let topLevelKeys = MatchingConfiguration.SectionKey.allCases.map(\.rawValue)
  /// The keys of `weights:` (``CompetencyModel/MatchingConfiguration/TermWeights/Key``).
  static let weightKeys = MatchingConfiguration.TermWeights.Key.allCases.map(\.rawValue)
  /// The keys of `rules:` (``CompetencyModel/MatchingConfiguration/Rules/Key``).
  static let ruleKeys = MatchingConfiguration.Rules.Key.allCases.map(\.rawValue)
  /// The keys of `fit:` (``CompetencyModel/MatchingConfiguration/FitKey``).
  static let fitKeys = MatchingConfiguration.FitKey.allCases.map(\.rawValue)
  /// The keys of `circles:` (``CompetencyModel/CircleConfiguration/Key``).
  static let circleKeys = CircleConfiguration.Key.allCases.map(\.rawValue)
  /// The keys of `seniority:` (``CompetencyModel/MatchingConfiguration/SeniorityKey``).
  static let seniorityKeys = MatchingConfiguration.SeniorityKey.allCases.map(\.rawValue)
  /// The keys of `timezone:` (``CompetencyModel/MatchingConfiguration/TimezoneKey``).
  static let timezoneKeys = MatchingConfiguration.TimezoneKey.allCases.map(\.rawValue)
  /// The keys of `programme:` (``CompetencyModel/MatchingConfiguration/Programme/Key``).
  static let programmeKeys = MatchingConfiguration.Programme.Key.allCases.map(\.rawValue)
  /// The years `programme.start` may fall in: wide enough for any real
  /// programme, narrow enough that every milestone date stays a four-digit year.
  static let programmeYears = 1900...2999
  /// The key of `competencies:` that sets the weight of unlisted competencies.
  static let defaultCompetencyKey = "default"

  /// A key's matching form: lower-cased, without `_`, `-` or whitespace.
  static func normalized(_ key: String) -> String {
    String(key.lowercased().filter { $0 != "_" && $0 != "-" && !$0.isWhitespace })
  }

  /// A competency name's matching form: lower-cased, whitespace trimmed and
  /// inner runs collapsed to one space.
  static func competencyKey(_ name: String) -> String {
    name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The candidate closest to `key` (by edit distance of the normalised
  /// forms, transpositions counting one), if it is close enough to be a
  /// likely typo: at most a third of the candidate's length, and at most 3.
  static func suggestion(for key: String, among candidates: [String]) -> String? {
    let typed = Array(normalized(key))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let target = Array(normalized(candidate))
      let distance = editDistance(typed, target)
      guard distance <= min(3, max(1, target.count / 3)) else { continue }
      if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// The optimal-string-alignment distance between `a` and `b`: insertions,
  /// deletions, substitutions and adjacent transpositions each cost one.
  ///
  /// - Complexity: O(`a.count` × `b.count`).
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}

// MARK: - Reading the node tree

extension ConfigurationReader {
  /// Walks the YAML node tree, collecting problems.
  struct Reader {
    let file: String
    let text: String
    private(set) var errors: [InputError] = []
    /// The text's lines as Unicode scalars, split lazily on the first problem
    /// (to turn libyaml's scalar columns into character columns).
    private var lines: [[Unicode.Scalar]]?

    init(file: String, text: String) {
      self.file = file
      self.text = text
    }

    // MARK: Problems

    /// Records a problem at `mark` (libyaml's 1-based line and 1-based column
    /// in Unicode scalars), converting the column to characters.
    mutating func error(at mark: Mark?, _ message: String) {
      let line = max(mark?.line ?? 1, 1)
      let column = characterColumn(line: line, scalarColumn: max(mark?.column ?? 1, 1))
      error(line: line, column: column, message)
    }

    /// Records a problem at a 1-based line and character column.
    mutating func error(line: Int, column: Int, _ message: String) {
      errors.append(InputError(file: file, line: line, column: column, message: message))
    }

    /// The 1-based character column of the 1-based scalar column `scalarColumn`
    /// on line `line`.
    private mutating func characterColumn(line: Int, scalarColumn: Int) -> Int {
      if lines == nil { lines = Self.splitLines(text) }
      guard let lines, line <= lines.count else { return scalarColumn }
      let scalars = lines[line - 1]
      guard scalars.contains(where: { !$0.isASCII }) else { return scalarColumn }
      let prefix = scalars.prefix(scalarColumn - 1)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: prefix)
      return String(view).count + 1 + max(0, scalarColumn - 1 - prefix.count)
    }

    /// Splits text into lines the way libyaml counts them: at LF, CR, CR LF,
    /// NEL, LS and PS.
    static func splitLines(_ text: String) -> [[Unicode.Scalar]] {
      var lines: [[Unicode.Scalar]] = [[]]
      var previousWasCR = false
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\n":
          if !previousWasCR { lines.append([]) }
        case "\r", "\u{85}", "\u{2028}", "\u{2029}":
          lines.append([])
        default:
          lines[lines.count - 1].append(scalar)
        }
        previousWasCR = scalar == "\r"
      }
      return lines
    }

    /// Records a YAML syntax error thrown by Yams.
    mutating func report(_ error: Error) {
      guard let yamlError = error as? YamlError else {
        self.error(at: nil, "invalid YAML: \(error)")
        return
      }
      switch yamlError {
      case .scanner(let context, let problem, let mark, _),
        .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        var message = "invalid YAML: \(problem)"
        if let context {
          message += " (\(context.text) at line \(context.mark.line))"
        }
        self.error(at: mark, message)
      case .duplicatedKeysInMapping(let duplicates, let context):
        let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
        let noun = duplicates.count == 1 ? "key" : "keys"
        self.error(at: context.mark, "duplicate \(noun) \(keys) in one mapping; keep one")
      case .reader(let problem, let offset, _, _):
        let (line, column) = position(ofCharacterOffset: offset ?? 0)
        self.error(line: line, column: column, "invalid YAML: \(problem)")
      default:
        self.error(at: nil, "invalid YAML: \(yamlError)")
      }
    }

    /// The 1-based line and character column of the character `offset`
    /// characters from the start of the text.
    private func position(ofCharacterOffset offset: Int) -> (line: Int, column: Int) {
      var line = 1
      var column = 1
      for character in text.prefix(offset) {
        if character.isNewline {
          line += 1
          column = 1
        } else {
          column += 1
        }
      }
      return (line, column)
    }

    // MARK: Structure

    /// The entries of a mapping node, each with its key's text; problems for
    /// non-mapping nodes, non-scalar keys and keys repeated under
    /// `matchingKey`.
    ///
    /// - Returns: `nil` when `node` is not a mapping (a null node is an
    ///   empty mapping).
    mutating func entries(
      of node: Node, named name: String,
      matchingKey: (String) -> String = ConfigurationReader.normalized
    ) -> [(key: String, keyNode: Node, value: Node)]? {
      if isNull(node) { return [] }
      guard case .mapping(let mapping) = node else {
        error(
          at: node.mark,
          "expected \(name) to be a mapping of keys to values, found \(describe(node))")
        return nil
      }
      var result: [(key: String, keyNode: Node, value: Node)] = []
      var seen: [String: String] = [:]
      for (keyNode, value) in mapping {
        guard case .scalar(let scalar) = keyNode else {
          error(at: keyNode.mark, "a key in \(name) must be plain text, found \(describe(keyNode))")
          continue
        }
        let key = scalar.string
        let match = matchingKey(key)
        if let earlier = seen[match] {
          let same = earlier == key ? "'\(key)'" : "'\(key)' (the same as '\(earlier)')"
          error(at: keyNode.mark, "duplicate key \(same) in \(name); keep one")
          continue
        }
        seen[match] = key
        result.append((key, keyNode, value))
      }
      return result
    }

    /// Whether `node` is YAML null (`~`, `null`, or nothing).
    func isNull(_ node: Node) -> Bool {
      guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
        return false
      }
      return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short description of a node for messages: `'text'`, `a mapping`, ….
    func describe(_ node: Node) -> String {
      switch node {
      case .scalar(let scalar):
        if isNull(node) { return "nothing" }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        return quoted ? "the quoted text \"\(scalar.string)\"" : "'\(scalar.string)'"
      case .mapping: return "a mapping"
      case .sequence: return "a list"
      case .alias: return "an alias"
      }
    }

    /// Reports an unknown key, suggesting the closest of `candidates` or,
    /// when the key belongs to another section, that section.
    mutating func unknownKey(_ key: String, at keyNode: Node, in name: String, candidates: [String]) {
      var message = "unknown key '\(key)' in \(name)"
      if let close = ConfigurationReader.suggestion(for: key, among: candidates) {
        message += "; did you mean '\(close)'?"
      } else if let section = ConfigurationReader.section(containing: key), section != name {
        message += "; '\(key)' belongs under '\(section)'"
      } else if name == "weights" {
        message +=
          "; the term weights are \(Self.list(candidates)) (per-competency weights go under 'competencies')"
      } else {
        message += "; expected \(Self.list(candidates))"
      }
      error(at: keyNode.mark, message)
    }

    /// The key of table `Key` that `key` names (matched by ``normalized(_:)``),
    /// or `nil` after reporting it as unknown in `section`.
    mutating func tableKey<Key: RawRepresentable & CaseIterable>(
      _ key: String, at keyNode: Node, in section: String, of _: Key.Type
    ) -> Key? where Key.RawValue == String {
      let typed = ConfigurationReader.normalized(key)
      if let match = Key.allCases.first(where: { ConfigurationReader.normalized($0.rawValue) == typed }) {
        return match
      }
      unknownKey(key, at: keyNode, in: section, candidates: Key.allCases.map(\.rawValue))
      return nil
    }

    /// The entries of section `name` whose keys are in table `Key`, each with
    /// its key; every other key reported as unknown (see ``tableKey(_:at:in:of:)``).
    ///
    /// - Returns: Nothing when `node` is not a mapping (reported).
    mutating func tableEntries<Key: RawRepresentable & CaseIterable>(
      of node: Node, named name: String, _: Key.Type
    ) -> [(key: Key, value: Node)] where Key.RawValue == String {
      guard let entries = entries(of: node, named: name) else { return [] }
      return entries.compactMap { key, keyNode, value in
        tableKey(key, at: keyNode, in: name, of: Key.self).map { ($0, value) }
      }
    }

    /// `'a', 'b' or 'c'`.
    static func list(_ keys: [String]) -> String {
      let quoted = keys.map { "'\($0)'" }
      guard quoted.count > 1 else { return quoted.first ?? "nothing" }
      return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    // MARK: Values

    /// A finite number, or a problem at the value.
    mutating func number(_ node: Node, for name: String, expectation: String) -> Double? {
      guard case .scalar(let scalar) = node, !isNull(node) else {
        error(at: node.mark, "expected \(expectation) for '\(name)', found \(describe(node))")
        return nil
      }
      guard scalar.style == .plain || scalar.style == .any else {
        error(
          at: node.mark,
          "expected \(expectation) for '\(name)', found \(describe(node)); write the number without quotes"
        )
        return nil
      }
      let string = scalar.string
      let value: Double?
      switch string.lowercased() {
      case ".inf", "+.inf", "-.inf", ".nan", "inf", "+inf", "-inf", "nan", "infinity", "+infinity",
        "-infinity":
        value = .infinity
      default:
        value = Self.decimal(string)
      }
      guard let value else {
        error(at: node.mark, "expected \(expectation) for '\(name)', found '\(string)'")
        return nil
      }
      guard value.isFinite else {
        error(
          at: node.mark, "'\(string)' is not a finite number; expected \(expectation) for '\(name)'"
        )
        return nil
      }
      return value
    }

    /// Parses a decimal number: ``DecimalParser``'s grammar (digits with an
    /// optional sign, point and exponent), with `_` separators allowed, as
    /// YAML allows.
    static func decimal(_ string: String) -> Double? {
      DecimalParser.parse(string.replacingOccurrences(of: "_", with: ""))
    }

    /// A weight: a finite number from 0 to ``MatchingConfiguration/maximumWeight``.
    mutating func weight(_ node: Node, for name: String) -> Double? {
      let maximum = MatchingConfiguration.maximumWeight
      let expectation = "a weight (a number from 0 to \(Self.plain(maximum)))"
      guard let value = number(node, for: name, expectation: expectation) else {
        return nil
      }
      guard value >= 0 else {
        error(
          at: node.mark,
          "the weight '\(name)' is negative (\(Self.text(node))); expected a number 0 or more")
        return nil
      }
      guard value <= maximum else {
        error(
          at: node.mark,
          "the weight '\(name)' is too large (\(Self.text(node))); expected a number from 0 to "
            + "\(Self.plain(maximum)) (only the ratios between weights matter)")
        return nil
      }
      return value
    }

    /// A whole number without exponent or fraction, such as `1000000`.
    static func plain(_ value: Double) -> String { String(Int(value)) }

    /// A Boolean: `true`/`false` (also `yes`/`no`, `on`/`off`).
    mutating func boolean(_ node: Node, for name: String) -> Bool? {
      if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: break
        }
      }
      error(at: node.mark, "expected true or false for '\(name)', found \(describe(node))")
      return nil
    }

    /// The node's text, for messages.
    static func text(_ node: Node) -> String {
      if case .scalar(let scalar) = node { return scalar.string }
      return ""
    }

    // MARK: Sections

    /// Reads the whole document.
    mutating func readRoot(_ root: Node, into configuration: inout MatchingConfiguration) {
      guard let entries = entries(of: root, named: "the configuration") else { return }
      for (key, keyNode, value) in entries {
        // `program` is read as `programme`.
        let spelled = ConfigurationReader.normalized(key) == "program" ? "programme" : key
        guard
          let section = tableKey(
            spelled, at: keyNode, in: "the configuration", of: MatchingConfiguration.SectionKey.self)
        else { continue }
        switch section {
        case .weights: readWeights(value, into: &configuration.terms)
        case .competencies: readCompetencies(value, into: &configuration)
        case .rules: readRules(value, into: &configuration.rules)
        case .seniority: readSeniority(value, into: &configuration)
        case .timezone: readTimezone(value, into: &configuration)
        case .programme: readProgramme(value, into: &configuration.programme)
        case .fit: readFit(value, into: &configuration)
        case .circles: readCircles(value, into: &configuration.circles)
        case .columns, .scales: break  // read by CohortMappingReader
        case .objective:
          if case .scalar(let scalar) = value,
            let objective = MatchingConfiguration.Objective(rawValue: scalar.string.lowercased())
          {
            configuration.objective = objective
          } else {
            error(at: value.mark, "'objective' is \(Self.text(value)); expected 'total' or 'fairness'")
          }
        case .minimumScore:
          if isNull(value) {
            configuration.minimumScore = nil
          } else if let score = number(value, for: "minimum_score", expectation: "a number") {
            configuration.minimumScore = score
          }
        }
      }
    }

    mutating func readWeights(_ node: Node, into terms: inout MatchingConfiguration.TermWeights) {
      for (canonical, value) in tableEntries(of: node, named: "weights", MatchingConfiguration.TermWeights.Key.self) {
        guard let weight = weight(value, for: "weights.\(canonical.rawValue)") else { continue }
        terms[canonical] = weight
      }
    }

    mutating func readCompetencies(_ node: Node, into configuration: inout MatchingConfiguration) {
      let matching: (String) -> String = { name in
        ConfigurationReader.normalized(name) == ConfigurationReader.defaultCompetencyKey
          ? "\u{0}default" : ConfigurationReader.competencyKey(name)
      }
      guard let entries = entries(of: node, named: "competencies", matchingKey: matching) else {
        return
      }
      for (key, keyNode, value) in entries {
        if ConfigurationReader.normalized(key) == ConfigurationReader.defaultCompetencyKey {
          if let weight = weight(value, for: "competencies.default") {
            configuration.defaultCompetencyWeight = weight
          }
          continue
        }
        guard !ConfigurationReader.competencyKey(key).isEmpty else {
          error(at: keyNode.mark, "a competency name in competencies is empty")
          continue
        }
        if let weight = weight(value, for: "competencies.\(key)") {
          configuration.competencyWeights[key] = weight
        }
      }
    }

    mutating func readRules(_ node: Node, into rules: inout MatchingConfiguration.Rules) {
      for (canonical, value) in tableEntries(of: node, named: "rules", MatchingConfiguration.Rules.Key.self) {
        let name = "rules.\(canonical.rawValue)"
        guard let field = canonical.flag else {
          // The one numeric rule, max_mentees_per_department.
          let expectation = "a whole number 1 or more, or null"
          if isNull(value) {
            rules.maxMenteesPerDepartment = nil
          } else if let cap = number(value, for: name, expectation: expectation) {
            if cap >= 1, cap == cap.rounded(), cap < 1e6 {
              rules.maxMenteesPerDepartment = Int(cap)
            } else {
              error(at: value.mark, "'\(name)' is \(Self.text(value)); expected \(expectation)")
            }
          }
          continue
        }
        if let flag = boolean(value, for: name) { rules[keyPath: field] = flag }
      }
    }

    mutating func readSeniority(_ node: Node, into configuration: inout MatchingConfiguration) {
      for (canonical, value) in tableEntries(of: node, named: "seniority", MatchingConfiguration.SeniorityKey.self) {
        switch canonical {
        case .idealGap: readIdealGap(value, into: &configuration)
        }
      }
    }

    mutating func readIdealGap(_ value: Node, into configuration: inout MatchingConfiguration) {
      let expectation = "a number of grades greater than 0"
      guard let gap = number(value, for: "seniority.ideal_gap", expectation: expectation) else {
        return
      }
      guard gap > 0 else {
        error(
          at: value.mark, "'seniority.ideal_gap' is \(Self.text(value)); expected \(expectation)")
        return
      }
      configuration.idealSeniorityGap = gap
    }

    mutating func readProgramme(_ node: Node, into programme: inout MatchingConfiguration.Programme) {
      for (canonical, value) in tableEntries(of: node, named: "programme", MatchingConfiguration.Programme.Key.self) {
        switch canonical {
        case .start:
          if isNull(value) {
            programme.start = nil
          } else if case .scalar(let scalar) = value, let date = CalendarDate(scalar.string) {
            guard ConfigurationReader.programmeYears.contains(date.year) else {
              error(
                at: value.mark,
                "'programme.start' is \(Self.text(value)); expected a year from "
                  + "\(ConfigurationReader.programmeYears.lowerBound) to \(ConfigurationReader.programmeYears.upperBound)"
              )
              continue
            }
            programme.start = date
          } else {
            error(at: value.mark, "'programme.start' is \(Self.text(value)); expected a date like 2026-01-12")
          }
        case .weeks:
          let expectation = "a whole number of weeks from 1 to 520"
          guard let weeks = number(value, for: "programme.weeks", expectation: expectation) else { continue }
          guard weeks >= 1, weeks <= 520, weeks == weeks.rounded() else {
            error(at: value.mark, "'programme.weeks' is \(Self.text(value)); expected \(expectation)")
            continue
          }
          programme.weeks = Int(weeks)
        }
      }
    }

    mutating func readFit(_ node: Node, into configuration: inout MatchingConfiguration) {
      for (canonical, value) in tableEntries(of: node, named: "fit", MatchingConfiguration.FitKey.self) {
        switch canonical {
        case .headroom:
          let expectation = "a number from 0 to 1"
          guard let credit = number(value, for: "fit.headroom", expectation: expectation) else { continue }
          guard (0...1).contains(credit) else {
            error(at: value.mark, "'fit.headroom' is \(Self.text(value)); expected \(expectation)")
            continue
          }
          configuration.headroomCredit = credit
        case .sideTermsLimit:
          let expectation = "a number 0 or more, or null for no limit"
          if isNull(value) {
            configuration.sideTermsLimit = nil
            continue
          }
          guard let limit = number(value, for: "fit.side_terms_limit", expectation: expectation) else { continue }
          guard limit >= 0 else {
            error(at: value.mark, "'fit.side_terms_limit' is \(Self.text(value)); expected \(expectation)")
            continue
          }
          configuration.sideTermsLimit = limit
        }
      }
    }

    mutating func readCircles(_ node: Node, into circles: inout CircleConfiguration) {
      var sizeNodes: [Node] = []
      for (canonical, value) in tableEntries(of: node, named: "circles", CircleConfiguration.Key.self) {
        let name = "circles.\(canonical.rawValue)"
        switch canonical {
        case .minSize, .maxSize:
          let largest = CircleConfiguration.largestSize
          let expectation = "a whole number of people from 2 to \(largest)"
          guard let size = number(value, for: name, expectation: expectation) else { continue }
          guard size >= 2, size <= Double(largest), size == size.rounded() else {
            error(at: value.mark, "'\(name)' is \(Self.text(value)); expected \(expectation)")
            continue
          }
          if canonical == .minSize { circles.minimumSize = Int(size) } else { circles.maximumSize = Int(size) }
          sizeNodes.append(value)
        case .crossDepartment:
          if let weight = weight(value, for: name) { circles.crossDepartment = weight }
        case .sharedHours:
          if let weight = weight(value, for: name) { circles.sharedHours = weight }
        case .maxGradeGap:
          let expectation = "a number of grades 0 or more, or null for no limit"
          if isNull(value) {
            circles.maximumGradeGap = nil
          } else if let gap = number(value, for: name, expectation: expectation) {
            guard gap >= 0 else {
              error(at: value.mark, "'\(name)' is \(Self.text(value)); expected \(expectation)")
              continue
            }
            circles.maximumGradeGap = gap
          }
        case .requireSharedLanguage:
          if isNull(value) {
            circles.requireSharedLanguage = nil
          } else if let flag = boolean(value, for: name) {
            circles.requireSharedLanguage = flag
          }
        case .noRepeat:
          if let flag = boolean(value, for: name) { circles.noRepeat = flag }
        }
      }
      if circles.minimumSize > circles.maximumSize, let last = sizeNodes.last {
        error(
          at: last.mark,
          "'circles.min_size' (\(circles.minimumSize)) is larger than 'circles.max_size' (\(circles.maximumSize)); "
            + "expected min_size <= max_size")
      }
    }

    mutating func readTimezone(_ node: Node, into configuration: inout MatchingConfiguration) {
      for (canonical, value) in tableEntries(of: node, named: "timezone", MatchingConfiguration.TimezoneKey.self) {
        switch canonical {
        case .workdayHours: readWorkdayHours(value, into: &configuration)
        }
      }
    }

    mutating func readWorkdayHours(_ value: Node, into configuration: inout MatchingConfiguration) {
      let expectation = "a number of hours greater than 0 and at most 24"
      guard let hours = number(value, for: "timezone.workday_hours", expectation: expectation)
      else { return }
      guard hours > 0, hours <= 24 else {
        error(
          at: value.mark,
          "'timezone.workday_hours' is \(Self.text(value)); expected \(expectation)")
        return
      }
      configuration.workdayHours = hours
    }
  }

  /// The section whose keys include `key` (normalised), if any: used to say
  /// where a misplaced key belongs.
  static func section(containing key: String) -> String? {
    let typed = normalized(key)
    for section in MatchingConfiguration.SectionKey.allCases {
      guard let keys = section.keys, keys.contains(where: { normalized($0) == typed }) else { continue }
      return section.rawValue
    }
    if typed == "minimumscore" { return "the configuration" }
    return nil
  }
}
