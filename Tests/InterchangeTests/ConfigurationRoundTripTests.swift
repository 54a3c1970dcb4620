import CompetencyModel
import Testing
import _TestSupport

@testable import Interchange

/// Write → read → equal on seeded random configurations: every field of
/// every key table, odd competency names, numbers of every magnitude.
@Suite struct ConfigurationRoundTripTests {
  static let names = [
    "Public speaking", "Risk: management", "# not a comment", "- dash first", "quote \" inside", "back\\slash",
    "'single'", "tab\there", "line\nbreak", "yes", "null", "~", "1.5", "Ünïcode naïveté", "日本語のスキル",
    "emoji 🚀", "C++", "R&D", "[brackets]", "{braces}", "*star", "&amp", "!bang", "%percent", "@at", "a,b",
    "?question", "|pipe", ">fold", "trailing colon:", "bell\u{7}", "nel\u{85}", "line separator\u{2028}",
    "del\u{7F}", "Customer's voice", "Data analysis (SQL)", String(repeating: "long name ", count: 20) + "end",
  ]

  /// A number of any magnitude up to `maximum`: a short decimal, a long
  /// binary fraction, a tiny value or a whole number.
  static func number(_ generator: inout SplitMix, upTo maximum: Double) -> Double {
    switch generator.next() % 4 {
    case 0: return (generator.next(upTo: maximum) * 100).rounded() / 100
    case 1: return generator.next(upTo: maximum)
    case 2: return generator.next(upTo: 1) * 1e-9
    default: return min(maximum, Double(generator.next() % 1000))
    }
  }

  static func flag(_ generator: inout SplitMix) -> Bool { generator.next() % 2 == 0 }

  /// A configuration with every field drawn at random within its invariants.
  static func random(_ generator: inout SplitMix) -> MatchingConfiguration {
    var c = MatchingConfiguration()
    let maximum = MatchingConfiguration.maximumWeight
    for key in MatchingConfiguration.TermWeights.Key.allCases {
      c.terms[key] = number(&generator, upTo: key == .competency ? 10 : maximum)
    }
    c.defaultCompetencyWeight = number(&generator, upTo: 5)
    for name in names where generator.next() % 3 == 0 { c.competencyWeights[name] = number(&generator, upTo: maximum) }
    for key in MatchingConfiguration.Rules.Key.allCases {
      if let field = key.flag { c.rules[keyPath: field] = flag(&generator) }
    }
    c.rules.maxMenteesPerDepartment = flag(&generator) ? nil : 1 + Int(generator.next() % 50)
    c.headroomCredit = number(&generator, upTo: 1)
    c.sideTermsLimit = flag(&generator) ? nil : number(&generator, upTo: 5)
    c.idealSeniorityGap = 0.5 + number(&generator, upTo: 10)
    c.workdayHours = 1 + number(&generator, upTo: 23)
    c.minimumScore = flag(&generator) ? nil : number(&generator, upTo: 2) - 1
    c.objective = flag(&generator) ? .total : .fairness
    c.programme.start =
      flag(&generator)
      ? nil
      : CalendarDate(
        year: 1900 + Int(generator.next() % 1100), month: 1 + Int(generator.next() % 12),
        day: 1 + Int(generator.next() % 28))
    c.programme.weeks = 1 + Int(generator.next() % 520)
    let low = 2 + Int(generator.next() % 20)
    c.circles.minimumSize = low
    c.circles.maximumSize = low + Int(generator.next() % 20)
    c.circles.crossDepartment = number(&generator, upTo: maximum)
    c.circles.sharedHours = number(&generator, upTo: maximum)
    c.circles.maximumGradeGap = flag(&generator) ? nil : number(&generator, upTo: 10)
    c.circles.requireSharedLanguage = generator.next() % 3 == 0 ? nil : flag(&generator)
    c.circles.noRepeat = flag(&generator)
    return c
  }

  @Test(arguments: 0..<200)
  func aRandomConfigurationReadsBackEqual(seed: UInt64) throws {
    var generator = SplitMix(seed: 1000 + seed)
    let configuration = Self.random(&generator)
    let text = ConfigurationWriter.yaml(configuration)
    #expect(try ConfigurationReader.parse(text, file: "random-\(seed).yaml") == configuration, "\(text)")
    // Deterministic: the same configuration gives the same bytes.
    #expect(ConfigurationWriter.yaml(configuration) == text)
  }

  @Test func everySectionOfTheTableIsWrittenExceptTheCohortMapping() {
    let text = ConfigurationWriter.yaml(MatchingConfiguration())
    let top = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("#") }
      .map { String($0.split(separator: ":")[0]) }
    let expected = MatchingConfiguration.SectionKey.allCases.filter { $0 != .columns && $0 != .scales }.map(\.rawValue)
    #expect(Set(top) == Set(expected) && top.count == expected.count)
  }
}
