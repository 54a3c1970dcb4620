import CompetencyModel
import Foundation
import Rationale
import Testing
import _TestSupport

@testable import Interchange

/// The streamed `match` plans against today's renderers: the JSON stream
/// against `PlanDocument(plan).encodedData()` (Foundation's `JSONEncoder`)
/// and the CSV stream against ``PlanCSVRenderer/render(_:)``, byte for byte,
/// on seeded generated plans whose texts and numbers are made awkward.
@Suite struct PlanStreamTests {
  /// Texts JSON or CSV must escape, quote or neutralise.
  private static let awkward: [String] = [
    "Ana \"Quote\"", "back\\slash", "a/b", "line\nbreak", "cr\rhere", "tab\there", "bell\u{07}", "nul\u{00}x",
    "esc\u{1B}[31m", "del\u{7F}", "c1\u{85}and\u{9F}", "é ü ß 漢字 🙂", "=SUM(A1)", "+1", "-2", "@cmd", "\tlead",
    "'=quoted", "''-x", "comma, here", "\"", "", " spaces ", "\u{2028}sep\u{2029}", "e\u{301}", "'\u{301}=",
  ]

  /// Numbers with every shape the writers print.
  private static let numbers: [Double] = [
    0, -0.0, 1, -1, 3, 0.1, 0.30000000000000004, 1e-7, -1e-7, .leastNonzeroMagnitude, 2.2250738585072014e-308, 1e-300,
    1e21, 1e22,
    1.2345678901234568e20, 1.7976931348623157e308, -1.7976931348623157e308, 1e16, 9_007_199_254_740_992, 0.5, 2.5e-5,
    9_007_199_254_740_991, 9_007_199_254_740_994, -9_007_199_254_740_992, 4_503_599_627_370_496.5, 1e-5, 100,
  ]

  /// Whole numbers with every shape: small, negative, around 2^53 and the extremes.
  private static let integers: [Int] = [
    0, 1, -1, 2, -2, 9, 10, 99, 100, 1 << 53, (1 << 53) - 1, (1 << 53) + 1, -(1 << 53), Int.max, Int.min,
  ]

  /// A generated plan with texts and numbers replaced by awkward ones, at random.
  private func awkwardPlan(seed: UInt64, mentees: Int, mentors: Int) -> PairingPlan {
    var random = SplitMix(seed: seed)
    func text() -> String {
      let a = Self.awkward[Int(random.next() % UInt64(Self.awkward.count))]
      let b = Self.awkward[Int(random.next() % UInt64(Self.awkward.count))]
      return random.next() % 2 == 0 ? a : a + b
    }
    func number() -> Double { Self.numbers[Int(random.next() % UInt64(Self.numbers.count))] }
    // Levels and contributions stay small: the growth plan's texts round them, and their sum must stay finite.
    func level() -> Double { min(abs(number()), 5) * (random.next() % 2 == 0 ? 1 : -1) }
    var cohort = CohortFixtures.generated(mentees: mentees, mentors: mentors, competencies: 6, seed: seed)
    for i in cohort.mentees.indices where random.next() % 3 == 0 {
      cohort.mentees[i].person.name = text()
      cohort.mentees[i].person.email = random.next() % 2 == 0 ? nil : text()
    }
    for j in cohort.mentors.indices where random.next() % 3 == 0 {
      cohort.mentors[j].person.name = text()
      cohort.mentors[j].person.email = random.next() % 2 == 0 ? nil : text()
    }
    var plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    for p in plan.pairs.indices where random.next() % 2 == 0 {
      plan.pairs[p].menteeID = text()
      plan.pairs[p].mentorName = text()
      plan.pairs[p].score = number()
      plan.pairs[p].rank = Self.integers[Int(random.next() % UInt64(Self.integers.count))]
      plan.pairs[p].eligibleMentors = Self.integers[Int(random.next() % UInt64(Self.integers.count))]
      plan.pairs[p].breakdown.seniority = number()
      plan.pairs[p].breakdown.timezone = number()
      plan.pairs[p].highlights = (0..<Int(random.next() % 3)).map { _ in text() }
      for c in plan.pairs[p].breakdown.competencies.indices {
        plan.pairs[p].breakdown.competencies[c].name = text()
        plan.pairs[p].breakdown.competencies[c].value = level()
        plan.pairs[p].breakdown.competencies[c].goal = level()
      }
      for f in plan.pairs[p].growthPlan.focus.indices {
        plan.pairs[p].growthPlan.focus[f].competency = text()
        plan.pairs[p].growthPlan.focus[f].midpoint = abs(level())
      }
      for m in plan.pairs[p].growthPlan.milestones.indices {
        plan.pairs[p].growthPlan.milestones[m].title = text()
        plan.pairs[p].growthPlan.milestones[m].date = random.next() % 2 == 0 ? nil : text()
        plan.pairs[p].growthPlan.milestones[m].week = Self.integers[Int(random.next() % UInt64(Self.integers.count))]
      }
    }
    for u in plan.unmatched.indices where random.next() % 2 == 0 {
      plan.unmatched[u].explanation = text()
      plan.unmatched[u].menteeName = text()
    }
    return plan
  }

  private func streamed(_ format: PlanFormat, _ plan: PairingPlan) -> [UInt8] {
    var sink = ByteSink()
    format.write(plan, to: &sink)
    return sink.bytes
  }

  @Test(arguments: [(UInt64(1), 60, 20), (2, 300, 40), (3, 2500, 300), (4, 40, 3)])
  func jsonStreamEqualsTheEncoder(seed: UInt64, mentees: Int, mentors: Int) {
    let plan = awkwardPlan(seed: seed, mentees: mentees, mentors: mentors)
    #expect(!plan.pairs.isEmpty)
    let expected = [UInt8](PlanDocument(plan).encodedData())
    let actual = streamed(.json, plan)
    #expect(actual.count == expected.count)
    #expect(actual == expected)
    // The stream decodes to the document.
    let decoded = try? JSONDecoder().decode(PlanDocument.self, from: Data(actual))
    #expect(decoded == PlanDocument(plan))
  }

  @Test(arguments: [(UInt64(5), 60, 20), (6, 300, 40), (7, 2500, 300), (8, 40, 3)])
  func csvStreamEqualsTheRenderer(seed: UInt64, mentees: Int, mentors: Int) {
    let plan = awkwardPlan(seed: seed, mentees: mentees, mentors: mentors)
    let expected = Array(PlanCSVRenderer.render(plan).utf8)
    #expect(streamed(.csv, plan) == expected)
  }

  @Test func plansWithoutPairsOrUnmatchedKeepTheEncodersLayout() {
    var plan = awkwardPlan(seed: 9, mentees: 30, mentors: 10)
    #expect(streamed(.json, plan) == [UInt8](PlanDocument(plan).encodedData()))
    plan.unmatched = []
    #expect(streamed(.json, plan) == [UInt8](PlanDocument(plan).encodedData()))
    #expect(streamed(.csv, plan) == Array(PlanCSVRenderer.render(plan).utf8))
    plan.pairs = []
    #expect(streamed(.json, plan) == [UInt8](PlanDocument(plan).encodedData()))
    #expect(streamed(.csv, plan) == Array(PlanCSVRenderer.render(plan).utf8))
  }

  @Test func csvCellsAreTheWritersCells() {
    for value in Self.awkward {
      var sink = ByteSink()
      CSVCellBytes.text(value, &sink)
      #expect(sink.bytes == Array(CSVWriter().field(.text(value)).utf8), "\(value.debugDescription)")
    }
    for value in Self.numbers {
      var sink = ByteSink()
      CSVCellBytes.number(value, &sink)
      #expect(sink.bytes == Array(CSVWriter().field(.number(value)).utf8), "\(value)")
    }
  }

  @Test func visibleStringsAreTheEncodersEscapedStrings() throws {
    for value in Self.awkward {
      var sink = ByteSink()
      JSONStreamWriter.visibleString(value, &sink)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.withoutEscapingSlashes]
      let expected = [UInt8](PlanDocument.escapingDeleteAndC1(try encoder.encode(value)))
      #expect(sink.bytes == expected, "\(value.debugDescription)")
    }
  }

  @Test func componentKeysSortAsTheEncoderSortsThem() throws {
    let names = try #require(awkwardPlan(seed: 10, mentees: 10, mentors: 4).pairs.first).breakdown.components.map(
      \.name)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(
      decoding: try encoder.encode(Dictionary(uniqueKeysWithValues: names.map { ($0, 1) })), as: UTF8.self)
    let encoderOrder = names.sorted {
      json.range(of: "\"\($0)\"")!.lowerBound < json.range(of: "\"\($1)\"")!.lowerBound
    }
    #expect(names.sorted(by: JSONStreamWriter.keyPrecedes) == encoderOrder)
  }
}
