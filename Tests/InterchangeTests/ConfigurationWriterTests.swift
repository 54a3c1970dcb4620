import CompetencyModel
import Testing

@testable import Interchange

private func roundTrip(_ configuration: MatchingConfiguration) throws -> MatchingConfiguration {
  try ConfigurationReader.parse(ConfigurationWriter.yaml(configuration), file: "written.yaml")
}

@Test func defaultConfigurationIsWrittenInFull() {
  #expect(
    ConfigurationWriter.yaml(MatchingConfiguration()) == """
      # MentorMatch matching configuration (format: Docs/configuration.md).
      weights:
        competency: 1.0
        seniority: 0.1
        cross_department: 0.05
        timezone: 0.1
        mentee_preference: 0.2
        mentor_preference: 0.1
      competencies:
        default: 1.0
      rules:
        exclude_self: true
        exclude_reporting_line: true
        exclude_previous_pairs: true
        require_shared_language: true
        max_mentees_per_department: null
        goal_mentees_first: true
      fit:
        headroom: 0.0
        side_terms_limit: 0.8
      seniority:
        ideal_gap: 2.0
      timezone:
        workday_hours: 8.0
      minimum_score: null
      objective: total
      programme:
        start: null
        weeks: 24
      circles:
        min_size: 4
        max_size: 6
        cross_department: 0.1
        shared_hours: 0.1
        max_grade_gap: 3.0
        require_shared_language: null
        no_repeat: true

      """)
}

@Test func defaultConfigurationRoundTrips() throws {
  #expect(try roundTrip(MatchingConfiguration()) == MatchingConfiguration())
}

@Test func everyFieldRoundTrips() throws {
  var configuration = MatchingConfiguration()
  configuration.programme.start = CalendarDate(year: 2027, month: 3, day: 1)
  configuration.programme.weeks = 30
  configuration.objective = .fairness
  configuration.rules.maxMenteesPerDepartment = 2
  configuration.terms.competency = 0.1 + 0.2  // not a short decimal
  configuration.terms.seniority = 0
  configuration.terms.crossDepartment = 1e-7
  configuration.terms.timezone = 123_456.789
  configuration.defaultCompetencyWeight = 0.3
  configuration.rules.excludeSelf = false
  configuration.rules.excludeReportingLine = false
  configuration.rules.excludePreviousPairs = false
  configuration.rules.requireSharedLanguage = false
  configuration.idealSeniorityGap = 1.5
  configuration.workdayHours = 24
  configuration.minimumScore = -0.125
  configuration.competencyWeights = ["Public speaking": 2, "Leadership": 0]
  configuration.rules.goalMenteesFirst = false
  configuration.headroomCredit = 0.25
  configuration.sideTermsLimit = nil
  #expect(try roundTrip(configuration) == configuration)
  configuration.sideTermsLimit = 0.1 + 0.2
  #expect(try roundTrip(configuration) == configuration)
  configuration.circles.minimumSize = 3
  configuration.circles.maximumSize = 9
  configuration.circles.crossDepartment = 0.1 + 0.2
  configuration.circles.sharedHours = 0
  configuration.circles.maximumGradeGap = nil
  configuration.circles.requireSharedLanguage = false
  configuration.circles.noRepeat = false
  #expect(try roundTrip(configuration) == configuration)
  configuration.circles.maximumGradeGap = 1.5
  configuration.circles.requireSharedLanguage = true
  #expect(try roundTrip(configuration) == configuration)
}

@Test func oddCompetencyNamesAreQuotedAndRoundTrip() throws {
  let names = [
    "Public speaking", "Risk: management", "# not a comment", "- dash first", "quote \" inside",
    "back\\slash", "'single'", "  padded  ", "tab\there", "line\nbreak", "yes", "null", "~", "1.5",
    "true",
    "Ünïcode naïveté", "日本語のスキル", "emoji 🚀", "C++", "R&D", "key: value", "[brackets]", "{braces}",
    "*star", "&amp", "!bang", "%percent", "@at", "`tick", "a,b", "?question", "|pipe", ">fold",
    "trailing colon:", "bell\u{7}", "nel\u{85}", "line separator\u{2028}", "bom\u{FEFF}",
    "del\u{7F}",
    "Customer's voice", "Data analysis (SQL)",
  ]
  var configuration = MatchingConfiguration()
  for (index, name) in names.enumerated() {
    configuration.competencyWeights[name] = Double(index) / 4
  }
  let text = ConfigurationWriter.yaml(configuration)
  let parsed = try ConfigurationReader.parse(text, file: "written.yaml")
  #expect(parsed.competencyWeights == configuration.competencyWeights)
  #expect(parsed == configuration)
}

@Test func competencyKeysAreSortedAndDeterministic() {
  var configuration = MatchingConfiguration()
  configuration.competencyWeights = ["b": 1, "a": 2, "C": 3]
  let text = ConfigurationWriter.yaml(configuration)
  #expect(text.contains("  default: 1.0\n  C: 3.0\n  a: 2.0\n  b: 1.0\n"))
  #expect(ConfigurationWriter.yaml(configuration) == text)
}

@Test func plainKeysOnlyWhenSafe() throws {
  for name in ["Public speaking", "Data analysis (SQL)", "Customer's voice", "C++", "R&D"] {
    #expect(ConfigurationWriter.isPlainSafe(name), "\(name)")
  }
  for name in [
    "Risk: management", "two  spaces", "line\nbreak", "bell\u{7}", "ls\u{2028}", "1.5", " padded", "Ünïcode",
  ] {
    #expect(!ConfigurationWriter.isPlainSafe(name), "\(name)")
  }
  // Plain-safe names are written as they are; the others are quoted by the emitter and read back.
  var configuration = MatchingConfiguration()
  configuration.competencyWeights = ["Public speaking": 2, "Risk: management": 3, "bell\u{7}": 4]
  let text = ConfigurationWriter.yaml(configuration)
  #expect(text.contains("\n  Public speaking: 2.0\n"))
  #expect(text.contains("\n  \"Risk: management\": 3.0\n"))
  #expect(!text.contains("\u{7}"))
  #expect(try ConfigurationReader.parse(text, file: "w.yaml") == configuration)
}
