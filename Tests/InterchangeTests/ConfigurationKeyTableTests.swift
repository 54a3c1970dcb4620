import CompetencyModel
import Testing

@testable import Interchange

/// The key tables (``MatchingConfiguration/TermWeights/Key``,
/// ``MatchingConfiguration/Rules/Key``) drive the reader and the writer: every
/// key must reach its own field, and only that field, through both.
@Suite struct ConfigurationKeyTableTests {
  typealias Weight = MatchingConfiguration.TermWeights.Key
  typealias Rule = MatchingConfiguration.Rules.Key

  @Test(arguments: Weight.allCases)
  func eachWeightKeySetsItsOwnFieldAndNoOther(key: Weight) throws {
    let defaults = MatchingConfiguration()
    let value = defaults.terms[key] + 0.375
    let read = try ConfigurationReader.parse("weights:\n  \(key.rawValue): \(value)\n", file: "c.yaml")
    for other in Weight.allCases {
      #expect(read.terms[other] == (other == key ? value : defaults.terms[other]), "\(other) after \(key)")
    }
    var expected = defaults
    expected.terms[key] = value
    #expect(read == expected)
  }

  @Test func theWeightKeysAreDistinctFields() {
    // Setting every key to its own value must leave every value in place:
    // two keys sharing a field would overwrite one another.
    var terms = MatchingConfiguration.TermWeights()
    for (index, key) in Weight.allCases.enumerated() { terms[key] = Double(index + 11) }
    #expect(Weight.allCases.map { terms[$0] } == Weight.allCases.indices.map { Double($0 + 11) })
  }

  @Test(arguments: Rule.allCases)
  func eachRuleKeySetsItsOwnFieldAndNoOther(key: Rule) throws {
    let defaults = MatchingConfiguration()
    let text: String
    var expected = defaults
    if let flag = key.flag {
      text = "\(!defaults.rules[keyPath: flag])"
      expected.rules[keyPath: flag].toggle()
    } else {
      text = "7"
      expected.rules.maxMenteesPerDepartment = 7
    }
    let read = try ConfigurationReader.parse("rules:\n  \(key.rawValue): \(text)\n", file: "c.yaml")
    #expect(read == expected)
  }

  @Test(arguments: ConfigurationReader.circleKeys)
  func eachCirclesKeyIsRead(key: String) throws {
    let defaults = CircleConfiguration()
    let values = [
      "min_size": "3", "max_size": "9", "cross_department": "0.77", "shared_hours": "0.77", "max_grade_gap": "7",
      "require_shared_language": "false", "no_repeat": "\(!defaults.noRepeat)",
    ]
    // A key listed without a value here, or read into no field, fails.
    let value = try #require(values[key], "a test value for circles.\(key)")
    let read = try ConfigurationReader.parse("circles:\n  \(key): \(value)\n", file: "c.yaml")
    #expect(read.circles != defaults)
  }

  @Test func theWriterSpellsOutEveryKeyOnceAndTheReaderReadsItBack() throws {
    var configuration = MatchingConfiguration()
    for (index, key) in Weight.allCases.enumerated() { configuration.terms[key] = 0.5 + Double(index) }
    for key in Rule.allCases { if let flag = key.flag { configuration.rules[keyPath: flag].toggle() } }
    configuration.rules.maxMenteesPerDepartment = 3
    let yaml = ConfigurationWriter.yaml(configuration)
    let lines = yaml.split(separator: "\n").map(String.init)
    for key in Weight.allCases.map(\.rawValue) + Rule.allCases.map(\.rawValue) {
      #expect(lines.filter { $0.hasPrefix("  \(key): ") }.count >= 1, "\(key) written")
    }
    #expect(try ConfigurationReader.parse(yaml, file: "w.yaml") == configuration)
  }

  @Test func theReaderOffersExactlyTheTableKeys() throws {
    #expect(ConfigurationReader.weightKeys == Weight.allCases.map(\.rawValue))
    #expect(ConfigurationReader.ruleKeys == Rule.allCases.map(\.rawValue))
    let error = #expect(throws: InputErrors.self) {
      try ConfigurationReader.parse("weights:\n  nonsense: 1\n", file: "c.yaml")
    }
    let message = try #require(error?.errors.first?.message)
    for key in Weight.allCases { #expect(message.contains("'\(key.rawValue)'"), "\(key) offered") }
  }
}
