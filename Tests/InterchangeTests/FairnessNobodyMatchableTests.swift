import CompetencyModel
import Foundation
import Rationale
import Testing
import ZIPFoundation
import _TestSupport

@testable import Interchange

/// `--fairness` when nobody can be matched: every format renders a plan with
/// 0 matched and no lowest fit, instead of trapping on a NaN bottleneck.
@Suite struct FairnessNobodyMatchableTests {
  /// The cohorts in which no pair can be made, by name.
  static let cases = ["no mentors", "no mentees", "every capacity 0", "every pair forbidden"]

  static func cohort(_ name: String) -> (Cohort, PairRequirements) {
    let mentors = [
      CohortFixtures.mentor("M1", levels: [4, 4], capacity: 2),
      CohortFixtures.mentor("M2", levels: [3, 5], capacity: 1),
    ]
    let mentees = [
      CohortFixtures.mentee("E1", levels: [1, 1], goals: [3, nil]),
      CohortFixtures.mentee("E2", levels: [2, 1], goals: [nil, 3]),
    ]
    let competencies = ["Leadership", "Coaching"]
    switch name {
    case "no mentors": return (Cohort(competencies: competencies, mentors: [], mentees: mentees), PairRequirements())
    case "no mentees": return (Cohort(competencies: competencies, mentors: mentors, mentees: []), PairRequirements())
    case "every capacity 0":
      let idle = mentors.map {
        var m = $0
        m.capacity = 0
        return m
      }
      return (Cohort(competencies: competencies, mentors: idle, mentees: mentees), PairRequirements())
    default:
      let never = Set(mentees.flatMap { e in mentors.map { PersonPair(menteeID: e.id, mentorID: $0.id) } })
      return (Cohort(competencies: competencies, mentors: mentors, mentees: mentees), PairRequirements(never: never))
    }
  }

  static func plan(_ name: String) -> PairingPlan {
    let (cohort, requirements) = Self.cohort(name)
    var configuration = MatchingConfiguration()
    configuration.objective = .fairness
    return CohortMatcher.match(cohort, configuration: configuration, requirements: requirements)
  }

  @Test(arguments: cases)
  func theSummaryHasNoBottleneck(name: String) {
    let plan = Self.plan(name)
    #expect(plan.pairs.isEmpty)
    #expect(plan.summary.matched == 0)
    #expect(plan.unmatched.count == plan.summary.mentees)
    let fairness = plan.summary.fairness
    #expect(fairness != nil)
    #expect(fairness?.bottleneck == nil)
    #expect(fairness?.totalFitPlanMinimum == nil)
    #expect(fairness?.totalFitPlanTotal == 0)
  }

  @Test(arguments: cases, [PlanFormat.table, .markdown, .html, .csv])
  func textFormatsSayZeroMatched(name: String, format: PlanFormat) {
    let plan = Self.plan(name)
    let text = format.render(plan)
    let mentees = plan.summary.mentees
    switch format {
    case .table: #expect(text.contains("Matched 0 of \(mentees) mentees"))
    case .markdown: #expect(text.contains("- Matched: 0 of \(mentees) mentees"))
    case .html: #expect(text.contains("0 of \(mentees) mentees matched"))
    default:
      let rows = text.split(separator: "\n").dropFirst()
      #expect(rows.count == mentees)
      #expect(rows.allSatisfy { $0.hasPrefix("unmatched,") })
    }
    if format != .csv { #expect(text.contains("Fairness objective: lowest fit - (total-fit plan: -)")) }
  }

  @Test(arguments: cases)
  func jsonHasZeroMatchedAndNoBottleneck(name: String) throws {
    let data = try PlanFormat.json.data(Self.plan(name))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let summary = try #require(document["summary"] as? [String: Any])
    #expect(summary["matched"] as? Int == 0)
    let fairness = try #require(summary["fairness"] as? [String: Any])
    #expect(fairness["bottleneck"] == nil)
    #expect((document["pairs"] as? [Any])?.isEmpty == true)
  }

  @Test(arguments: cases)
  func xlsxHasZeroMatched(name: String) throws {
    let data = try PlanFormat.xlsx.data(Self.plan(name))
    let archive = try Archive(data: data, accessMode: .read)
    let entry = try #require(archive["xl/worksheets/sheet3.xml"])
    var bytes = Data()
    _ = try archive.extract(entry) { bytes.append($0) }
    let summary = String(decoding: bytes, as: UTF8.self)
    // Row 4 of the summary sheet is "Matched", a whole number.
    #expect(summary.contains("<t xml:space=\"preserve\">Matched</t></is></c><c r=\"B4\" s=\"2\"><v>0</v></c>"))
  }
}
