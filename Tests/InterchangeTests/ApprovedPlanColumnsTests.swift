import CompetencyModel
import Interchange
import Testing
import _TestSupport

/// The header of an edited plan (``ApprovedPlanReader``), read through the
/// shared column lookup of `CSVTable+Columns`: aliases, repeats and missing
/// columns, each at its file:line:column.
@Suite struct ApprovedPlanColumnsTests {
  let cohort = CohortFixtures.generated(mentees: 6, mentors: 3, competencies: 2, seed: 11)

  func parse(_ text: String) throws(InputErrors) -> [ApprovedPlanReader.Pair] {
    let configuration = MatchingConfiguration()
    let model = FitModel(cohort: cohort, configuration: configuration)
    let rules = PairRules(cohort, configuration: configuration)
    return try ApprovedPlanReader.parse(text, file: "plan.csv", model: model, rules: rules).pairs
  }

  @Test func bothAliasesOfAColumnAreOneColumnAndTheRepeatIsReportedWhereItStands() {
    let mentee = cohort.mentees[0].id
    let mentor = cohort.mentors[0].id
    let before = "mentee_id,mentor,"
    let error = #expect(throws: InputErrors.self) {
      try parse(before + "mentee\n\(mentee),\(mentor),\(mentee)\n")
    }
    #expect(
      error?.errors == [
        InputError(file: "plan.csv", line: 1, column: before.count + 1, message: "duplicate column 'mentee'")
      ])
  }

  @Test func eachMissingColumnIsReportedAtTheHeadersFirstCell() {
    let error = #expect(throws: InputErrors.self) { try parse("status,score\nmatched,1\n") }
    #expect(
      error?.errors
        == ["mentee", "mentor"].map {
          InputError(
            file: "plan.csv", line: 1, column: 1,
            message: "missing required column '\($0)_id'; a plan exported by `match --format csv` has it")
        })
  }

  @Test func theAliasesFindTheColumnsWhereverTheyStand() throws {
    let pairs = try parse(
      "Mentor,status,Mentee\n\(cohort.mentors[1].id),matched,\(cohort.mentees[2].id)\n")
    #expect(pairs.map(\.menteeID) == [cohort.mentees[2].id])
    #expect(pairs.map(\.mentorID) == [cohort.mentors[1].id])
  }
}
