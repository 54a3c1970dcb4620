import CompetencyModel
import Foundation
import Rationale
import Testing
import ZIPFoundation
import _TestSupport

@testable import Interchange

/// The CSV and XLSX plans carry every component of a pair's score, the two
/// preference terms included, so the components add up to the score.
@Suite struct PlanComponentColumnsTests {
  /// A generated cohort where every mentee lists two mentors and every mentor
  /// lists two mentees, most preferred first.
  func cohortWithPreferences() -> Cohort {
    var cohort = CohortFixtures.generated(mentees: 40, mentors: 12, competencies: 6, seed: 11)
    let m = cohort.mentors.count
    let n = cohort.mentees.count
    for i in cohort.mentees.indices {
      cohort.mentees[i].person.preferences = [cohort.mentors[i % m].id, cohort.mentors[(i + 5) % m].id]
    }
    for j in cohort.mentors.indices {
      cohort.mentors[j].person.preferences = [cohort.mentees[j].id, cohort.mentees[(j + 12) % n].id]
    }
    return cohort
  }

  func configuration() -> MatchingConfiguration {
    var configuration = MatchingConfiguration()
    configuration.terms.menteePreference = 0.5
    configuration.terms.mentorPreference = 0.3
    // The weights as given, not scaled under fit.side_terms_limit.
    configuration.sideTermsLimit = nil
    return configuration
  }

  @Test func csvComponentsSumToTheScoreWithPreferences() throws {
    let cohort = cohortWithPreferences()
    let plan = CohortMatcher.match(cohort, configuration: configuration())
    let table = try CSVTable.parse(PlanFormat.csv.render(plan), file: "plan.csv")
    let header = table.header.fields.map(\.value)
    func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no column \(name)") }
    let components = try [
      "competency", "seniority", "cross_department", "timezone", "mentee_preference", "mentor_preference",
    ].map(column)
    // The preference columns follow the other components, before the growth plan.
    #expect(try column("mentee_preference") == column("timezone") + 1)
    #expect(try column("mentor_preference") == column("focus") - 1)
    let score = try column("score")
    let status = try column("status")
    var withMenteePreference = 0
    var withMentorPreference = 0
    var matched = 0
    for record in table.records where record[status].value == "matched" {
      matched += 1
      let values = try components.map { try #require(Double(record[$0].value)) }
      let total = try #require(Double(record[score].value))
      #expect(abs(values.reduce(0, +) - total) < 1e-9, "line \(record.line)")
      if values[4] > 0 { withMenteePreference += 1 }
      if values[5] > 0 { withMentorPreference += 1 }
    }
    #expect(matched == plan.pairs.count)
    // The preference terms really are in play in this cohort.
    #expect(withMenteePreference > 0)
    #expect(withMentorPreference > 0)
    // Unmatched rows keep the same number of cells.
    #expect(table.records.allSatisfy { $0.count == header.count })
  }

  @Test func preferenceTermsAreTheWeightedListPositions() {
    let cohort = cohortWithPreferences()
    let model = FitModel(cohort: cohort, configuration: configuration())
    // Mentee 0 lists mentor 0 first of two: 0.5 · 1; mentor 0 lists mentee 0 first of two: 0.3 · 1.
    let first = model.preferenceTerms(mentee: 0, mentor: 0)
    #expect(abs(first.mentee - 0.5) < 1e-15 && abs(first.mentor - 0.3) < 1e-15)
    // Mentee 0 lists mentor 5 second of two: 0.5 · 1/2; mentor 5 does not list mentee 0.
    let second = model.preferenceTerms(mentee: 0, mentor: 5)
    #expect(abs(second.mentee - 0.25) < 1e-15 && second.mentor == 0)
    for i in 0..<6 {
      for j in 0..<cohort.mentors.count {
        let terms = model.preferenceTerms(mentee: i, mentor: j)
        #expect(abs(terms.mentee + terms.mentor - model.breakdown(mentee: i, mentor: j).preference) < 1e-15)
      }
    }
  }

  @Test func xlsxPairsSheetHasThePreferenceColumns() throws {
    let plan = CohortMatcher.match(cohortWithPreferences(), configuration: configuration())
    let archive = try Archive(data: try PlanFormat.xlsx.data(plan), accessMode: .read)
    var sheets: [String] = []
    for entry in archive where entry.path.hasPrefix("xl/worksheets/") {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      sheets.append(String(decoding: bytes, as: UTF8.self))
    }
    let pairsSheet = try #require(sheets.first { $0.contains(">Mentee preference<") })
    #expect(pairsSheet.contains(">Mentor preference<"))
    #expect(PlanXLSXRenderer.pairHeaders.allSatisfy { pairsSheet.contains(">\($0)<") })
    // Every CSV column but `status` has its column in words, with the two departments beside.
    #expect(PlanXLSXRenderer.pairHeaders.count == PlanCSVRenderer.header.count - 1 + 2)
  }
}
