import CompetencyModel
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// Parses `text` expecting problems; returns them as `line:column: message`.
private func problems(_ text: String) -> [String] {
  do {
    _ = try ConfigurationReader.parse(text, file: "config.yaml")
    return []
  } catch {
    #expect(error.errors.allSatisfy { $0.file == "config.yaml" && $0.severity == .error })
    return error.errors.map { "\($0.line):\($0.column): \($0.message)" }
  }
}

/// The positions (`line:column`) of the problems in `text`.
private func positions(_ text: String) -> [String] {
  problems(text).map { String($0.prefix { $0 != " " }.dropLast()) }
}

// MARK: Defaults

@Test(arguments: [
  "", "\n", "# only a comment\n", "---\n", "~\n", "\u{FEFF}# with a byte-order mark\n",
])
func emptyFileGivesDefaults(text: String) throws {
  #expect(try ConfigurationReader.parse(text, file: "config.yaml") == MatchingConfiguration())
}

@Test func emptySectionsKeepDefaults() throws {
  let text = "weights:\ncompetencies:\nrules: {}\nseniority:\ntimezone:\n"
  #expect(try ConfigurationReader.parse(text, file: "config.yaml") == MatchingConfiguration())
}

// MARK: Fields

@Test func everyFieldIsParsed() throws {
  let text = """
    # a full configuration
    weights:
      competency: 2
      seniority: 0.5
      cross_department: 0
      timezone: 1.25
    competencies:
      default: 0.5
      Public speaking: 2.0
      "Data analysis": 3
    rules:
      exclude_self: false
      exclude_reporting_line: no
      exclude_previous_pairs: off
      require_shared_language: false
    seniority:
      ideal_gap: 3
    timezone:
      workday_hours: 24
    minimum_score: 0.25
    """
  let configuration = try ConfigurationReader.parse(text, file: "config.yaml")
  var expected = MatchingConfiguration()
  expected.terms.competency = 2
  expected.terms.seniority = 0.5
  expected.terms.crossDepartment = 0
  expected.terms.timezone = 1.25
  expected.defaultCompetencyWeight = 0.5
  expected.competencyWeights = ["Public speaking": 2, "Data analysis": 3]
  expected.rules.excludeSelf = false
  expected.rules.excludeReportingLine = false
  expected.rules.excludePreviousPairs = false
  expected.rules.requireSharedLanguage = false
  expected.idealSeniorityGap = 3
  expected.workdayHours = 24
  expected.minimumScore = 0.25
  #expect(configuration == expected)
}

@Test func keysAreForgivingForCaseAndSeparators() throws {
  let text = """
    Weights:
      Cross-Department: 0.3
      TIMEZONE: 0.4
    Rules:
      excludeReportingLine: false
      Require Shared Language: false
    Seniority:
      ideal-gap: 1.5
    Time_Zone:
      Workday Hours: 7.5
    Minimum-Score: 0.1
    competencies:
      DEFAULT: 2
    """
  let configuration = try ConfigurationReader.parse(text, file: "config.yaml")
  #expect(configuration.terms.crossDepartment == 0.3)
  #expect(configuration.terms.timezone == 0.4)
  #expect(configuration.rules.excludeReportingLine == false)
  #expect(configuration.rules.requireSharedLanguage == false)
  #expect(configuration.idealSeniorityGap == 1.5)
  #expect(configuration.workdayHours == 7.5)
  #expect(configuration.minimumScore == 0.1)
  #expect(configuration.defaultCompetencyWeight == 2)
}

@Test func competencyNamesAreKeptAsWritten() throws {
  let text = """
    competencies:
      public SPEAKING: 2
      "Risk: management": 1.5
      Ünïcode naïveté: 0.5
    """
  let configuration = try ConfigurationReader.parse(text, file: "config.yaml")
  #expect(
    configuration.competencyWeights == [
      "public SPEAKING": 2, "Risk: management": 1.5, "Ünïcode naïveté": 0.5,
    ])
}

@Test func numberForms() throws {
  for (written, value) in [
    ("1", 1.0), ("0.5", 0.5), (".5", 0.5), ("+2", 2.0), ("1e-05", 0.00001), ("1_000", 1000.0),
  ] {
    let configuration = try ConfigurationReader.parse(
      "weights:\n  seniority: \(written)\n", file: "c.yaml")
    #expect(configuration.terms.seniority == value, "\(written)")
  }
  #expect(try ConfigurationReader.parse("minimum_score: -1\n", file: "c.yaml").minimumScore == -1)
  #expect(
    try ConfigurationReader.parse("minimum_score: null\n", file: "c.yaml").minimumScore == nil)
  #expect(try ConfigurationReader.parse("minimum_score:\n", file: "c.yaml").minimumScore == nil)
}

@Test func aliasesAreFollowed() throws {
  let text = "weights:\n  seniority: &w 0.7\n  timezone: *w\n"
  let configuration = try ConfigurationReader.parse(text, file: "config.yaml")
  #expect(configuration.terms.timezone == 0.7)
}

// MARK: Errors, each at its exact position

@Test func unknownKeysSuggestTheClosestKey() {
  #expect(
    problems("wieghts:\n  seniority: 1\n") == [
      "1:1: unknown key 'wieghts' in the configuration; did you mean 'weights'?"
    ])
  #expect(
    problems("weights:\n  cross_departmnt: 1\n") == [
      "2:3: unknown key 'cross_departmnt' in weights; did you mean 'cross_department'?"
    ])
  #expect(
    problems("rules:\n  exclude_slef: true\n") == [
      "2:3: unknown key 'exclude_slef' in rules; did you mean 'exclude_self'?"
    ])
  #expect(
    problems("timezone:\n  workday: 8\n") == [
      "2:3: unknown key 'workday' in timezone; expected 'workday_hours'"
    ])
  #expect(
    problems("ideal_gap: 2\n") == [
      "1:1: unknown key 'ideal_gap' in the configuration; 'ideal_gap' belongs under 'seniority'"
    ])
  #expect(
    problems("weights:\n  Public speaking: 2\n") == [
      "2:3: unknown key 'Public speaking' in weights; the term weights are 'competency', 'seniority', "
        + "'cross_department', 'timezone', 'mentee_preference' or 'mentor_preference' "
        + "(per-competency weights go under 'competencies')"
    ])
  #expect(
    problems("colour: blue\n") == [
      "1:1: unknown key 'colour' in the configuration; expected 'weights', 'competencies', 'rules', "
        + "'seniority', 'timezone', 'minimum_score', 'programme', 'objective', 'fit', 'circles', 'columns' "
        + "or 'scales'"
    ])
}

@Test func wrongTypesAreReportedAtTheValue() {
  #expect(
    problems("weights:\n  seniority: high\n") == [
      "2:14: expected a weight (a number from 0 to 1000000) for 'weights.seniority', found 'high'"
    ])
  #expect(
    problems("weights:\n  seniority: \"0.5\"\n") == [
      "2:14: expected a weight (a number from 0 to 1000000) for 'weights.seniority', found the quoted text \"0.5\"; "
        + "write the number without quotes"
    ])
  #expect(
    problems("rules:\n  exclude_self: maybe\n") == [
      "2:17: expected true or false for 'rules.exclude_self', found 'maybe'"
    ])
  #expect(
    problems("rules:\n  exclude_self: 1\n") == [
      "2:17: expected true or false for 'rules.exclude_self', found '1'"
    ])
  #expect(
    problems("weights: 3\n") == [
      "1:10: expected weights to be a mapping of keys to values, found '3'"
    ])
  #expect(
    problems("rules:\n  - exclude_self\n") == [
      "2:3: expected rules to be a mapping of keys to values, found a list"
    ])
  #expect(
    problems("- a\n- b\n") == [
      "1:1: expected the configuration to be a mapping of keys to values, found a list"
    ])
  #expect(
    problems("weights:\n  seniority:\n") == [
      "2:13: expected a weight (a number from 0 to 1000000) for 'weights.seniority', found nothing"
    ])
  #expect(
    problems("minimum_score: [1]\n") == [
      "1:16: expected a number for 'minimum_score', found a list"
    ])
  #expect(
    problems("competencies:\n  ? [a, b]\n  : 1\n") == [
      "2:5: a key in competencies must be plain text, found a list"
    ])
}

@Test func outOfRangeValuesAreReportedAtTheValue() {
  #expect(
    problems("weights:\n  competency: -1\n") == [
      "2:15: the weight 'weights.competency' is negative (-1); expected a number 0 or more"
    ])
  #expect(
    problems("weights:\n  timezone: .inf\n") == [
      "2:13: '.inf' is not a finite number; expected a weight (a number from 0 to 1000000) for 'weights.timezone'"
    ])
  #expect(
    problems("competencies:\n  Coaching: .nan\n") == [
      "2:13: '.nan' is not a finite number; expected a weight (a number from 0 to 1000000) for 'competencies.Coaching'"
    ])
  #expect(
    problems("competencies:\n  default: -0.5\n") == [
      "2:12: the weight 'competencies.default' is negative (-0.5); expected a number 0 or more"
    ])
  #expect(
    problems("seniority:\n  ideal_gap: 0\n") == [
      "2:14: 'seniority.ideal_gap' is 0; expected a number of grades greater than 0"
    ])
  #expect(
    problems("timezone:\n  workday_hours: 25\n") == [
      "2:18: 'timezone.workday_hours' is 25; expected a number of hours greater than 0 and at most 24"
    ])
  #expect(
    problems("timezone:\n  workday_hours: 0\n") == [
      "2:18: 'timezone.workday_hours' is 0; expected a number of hours greater than 0 and at most 24"
    ])
  #expect(
    problems("minimum_score: .inf\n") == [
      "1:16: '.inf' is not a finite number; expected a number for 'minimum_score'"
    ])
}

@Test func duplicateKeysAreReported() {
  #expect(
    problems("weights:\n  seniority: 1\n  Seniority: 2\n") == [
      "3:3: duplicate key 'Seniority' (the same as 'seniority') in weights; keep one"
    ])
  #expect(
    problems("competencies:\n  Public speaking: 1\n  public  SPEAKING: 2\n") == [
      "3:3: duplicate key 'public  SPEAKING' (the same as 'Public speaking') in competencies; keep one"
    ])
  // An exact repeat is caught by the YAML parser, at the first occurrence.
  #expect(
    problems("rules:\n  exclude_self: true\n  exclude_self: false\n") == [
      "2:3: duplicate key 'exclude_self' in one mapping; keep one"
    ])
  #expect(
    problems("competencies:\n  \"\": 1\n") == [
      "2:3: a competency name in competencies is empty"
    ])
}

@Test func yamlSyntaxErrorsUseTheParsersPosition() {
  let unclosed = problems("weights:\n  seniority: [1, 2\n")
  #expect(unclosed.count == 1)
  #expect(unclosed.first?.hasPrefix("3:1: invalid YAML: ") == true)
  let badIndent = problems("weights:\n  seniority: 1\n   timezone: 2\n")
  #expect(badIndent.count == 1)
  #expect(badIndent.first?.hasPrefix("3:12: invalid YAML: mapping values are not allowed") == true)
  let tab = problems("weights:\n\tseniority: 1\n")
  #expect(tab.count == 1)
  #expect(tab.first?.hasPrefix("2:1: invalid YAML: ") == true)
  let twoDocuments = problems("weights: {}\n---\nrules: {}\n")
  #expect(twoDocuments.count == 1)
  #expect(twoDocuments.first?.hasPrefix("2:1: invalid YAML: but found another document") == true)
}

@Test func columnsCountCharactersNotScalars() {
  // "é" written as e + combining acute is two scalars but one character.
  #expect(positions("competencies:\n  \"Cafe\u{301}\": x\n") == ["2:11"])
  #expect(positions("competencies:\n  \"Caf\u{E9}\": x\n") == ["2:11"])
}

@Test func severalErrorsAreReportedAtOnceInFileOrder() {
  let text = """
    weights:
      competency: -1
      seniorty: 0.2
    rules:
      exclude_self: sometimes
    seniority:
      ideal_gap: 0
    timezone:
      workday_hours: 30
    minimum_score: low
    extra: 1
    """
  #expect(positions(text) == ["2:15", "3:3", "5:17", "7:14", "9:18", "10:16", "11:1"])
}

@Test func readReportsFileProblems() throws {
  let temporary = try TemporaryFolder(prefix: "config-reader")
  let folder = temporary.url

  let missing = folder.appendingPathComponent("missing.yaml").path
  #expect(throws: InputErrors.self) { try ConfigurationReader.read(path: missing) }
  do {
    _ = try ConfigurationReader.read(path: missing)
  } catch {
    #expect(
      error.errors.map(\.description) == ["\(missing):1:1: error: cannot read file: no such file"])
  }

  let good = folder.appendingPathComponent("good.yaml").path
  try "minimum_score: 0.5\n".write(toFile: good, atomically: true, encoding: .utf8)
  #expect(try ConfigurationReader.read(path: good).minimumScore == 0.5)

  let bad = folder.appendingPathComponent("bad.yaml").path
  try "weights:\n  seniority: -2\n".write(toFile: bad, atomically: true, encoding: .utf8)
  do {
    _ = try ConfigurationReader.read(path: bad)
    Issue.record("expected an error")
  } catch {
    #expect(error.errors.first?.file == bad)
    #expect(error.errors.first?.line == 2)
  }

  let binary = folder.appendingPathComponent("binary.yaml").path
  try Data([0x77, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: binary))
  #expect(throws: InputErrors.self) { try ConfigurationReader.read(path: binary) }
}

// MARK: Helpers

@Test func editDistanceAndSuggestions() {
  #expect(ConfigurationReader.editDistance(Array("weights"), Array("wieghts")) == 1)
  #expect(ConfigurationReader.editDistance(Array(""), Array("abc")) == 3)
  #expect(ConfigurationReader.editDistance(Array("kitten"), Array("sitting")) == 3)
  #expect(
    ConfigurationReader.suggestion(for: "Time-Zone", among: ["timezone", "rules"]) == "timezone")
  #expect(ConfigurationReader.suggestion(for: "xyz", among: ["timezone", "rules"]) == nil)
}

// MARK: The documentation's examples

/// The fenced `yaml` blocks of Docs/configuration.md, in order.
private func documentedExamples() throws -> [String] {
  let docs = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Docs/configuration.md")
  let text = try String(contentsOf: docs, encoding: .utf8)
  var blocks: [String] = []
  var current: [Substring]?
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    if current == nil, line == "```yaml" {
      current = []
    } else if current != nil, line == "```" {
      blocks.append(current!.joined(separator: "\n") + "\n")
      current = nil
    } else {
      current?.append(line)
    }
  }
  return blocks
}

@Test func documentedExampleParses() throws {
  let examples = try documentedExamples()
  try #require(examples.count == 2)
  let configuration = try ConfigurationReader.parse(examples[0], file: "configuration.md")
  #expect(configuration.terms == MatchingConfiguration().terms)
  var expectedRules = MatchingConfiguration().rules
  expectedRules.maxMenteesPerDepartment = 2
  #expect(configuration.rules == expectedRules)
  #expect(
    configuration.competencyWeights == [
      "Public speaking": 2, "Stakeholder management": 1.5, "Risk: compliance": 0.5,
    ])
  #expect(configuration.minimumScore == 0.25)
  #expect(configuration.programme.start == CalendarDate("2026-01-12"))
  #expect(configuration.programme.weeks == 24)
  #expect(configuration.circles == CircleConfiguration())
  #expect(examples[1] == ConfigurationWriter.yaml(MatchingConfiguration()))
}

@Test func programmeCalendarIsReadAndChecked() throws {
  let configuration = try ConfigurationReader.parse("programme:\n  start: 2026-02-02\n  weeks: 12\n", file: "c.yaml")
  #expect(configuration.programme.start == CalendarDate(year: 2026, month: 2, day: 2))
  #expect(configuration.programme.weeks == 12)
  #expect(
    problems("programme:\n  start: 2026-02-30\n  weeks: 0\n") == [
      "2:10: 'programme.start' is 2026-02-30; expected a date like 2026-01-12",
      "3:10: 'programme.weeks' is 0; expected a whole number of weeks from 1 to 520",
    ])
}

@Test func fitSettingsAreReadAndChecked() throws {
  let configuration = try ConfigurationReader.parse(
    "rules:\n  goal_mentees_first: false\nfit:\n  headroom: 0.5\n  side_terms_limit: null\n", file: "c.yaml")
  #expect(configuration.rules.goalMenteesFirst == false)
  #expect(configuration.headroomCredit == 0.5)
  #expect(configuration.sideTermsLimit == nil)
  #expect(try ConfigurationReader.parse("fit:\n  side_terms_limit: 0.5\n", file: "c.yaml").sideTermsLimit == 0.5)
  #expect(problems("fit:\n  headroom: 1.5\n") == ["2:13: 'fit.headroom' is 1.5; expected a number from 0 to 1"])
  #expect(
    problems("fit:\n  side_terms_limit: -1\n") == [
      "2:21: 'fit.side_terms_limit' is -1; expected a number 0 or more, or null for no limit"
    ])
  #expect(problems("headroom: 1\n").first?.contains("'headroom' belongs under 'fit'") == true)
}

@Test func circleSettingsAreReadAndChecked() throws {
  let configuration = try ConfigurationReader.parse(
    """
    circles:
      min_size: 3
      Max-Size: 5
      cross_department: 0.5
      shared_hours: 0
      max_grade_gap: null
      require_shared_language: false
      no_repeat: off
    """, file: "c.yaml")
  var expected = CircleConfiguration()
  expected.minimumSize = 3
  expected.maximumSize = 5
  expected.crossDepartment = 0.5
  expected.sharedHours = 0
  expected.maximumGradeGap = nil
  expected.requireSharedLanguage = false
  expected.noRepeat = false
  #expect(configuration.circles == expected)
  #expect(
    try ConfigurationReader.parse("circles:\n  max_grade_gap: 1.5\n", file: "c.yaml").circles.maximumGradeGap == 1.5)
  #expect(try ConfigurationReader.parse("circles:\n", file: "c.yaml").circles == CircleConfiguration())
  #expect(
    problems("circles:\n  min_size: 1\n  max_size: 4.5\n") == [
      "2:13: 'circles.min_size' is 1; expected a whole number of people from 2 to 1000",
      "3:13: 'circles.max_size' is 4.5; expected a whole number of people from 2 to 1000",
    ])
  #expect(
    problems("circles:\n  min_size: 7\n  max_size: 5\n") == [
      "3:13: 'circles.min_size' (7) is larger than 'circles.max_size' (5); expected min_size <= max_size"
    ])
  #expect(
    problems("circles:\n  shared_hours: -1\n").first?.hasPrefix("2:17: the weight 'circles.shared_hours' is negative")
      == true)
  #expect(problems("circles:\n  max_grade_gap: -2\n").first?.hasPrefix("2:18: 'circles.max_grade_gap' is -2") == true)
  #expect(
    problems("circles:\n  no_repeat: maybe\n") == [
      "2:14: expected true or false for 'circles.no_repeat', found 'maybe'"
    ])
  #expect(
    problems("circles:\n  shared_hour: 1\n") == [
      "2:3: unknown key 'shared_hour' in circles; did you mean 'shared_hours'?"
    ])
  #expect(problems("min_size: 3\n").first?.contains("'min_size' belongs under 'circles'") == true)
}
