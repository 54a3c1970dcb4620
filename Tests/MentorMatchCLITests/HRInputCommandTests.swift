import CohortGenerator
import Foundation
import Interchange
import Testing
import _TestSupport

/// `match` on the HR-shaped example cohorts of `Datasets/`: the same plan as
/// the native files of the cohort they stand for, nobody paired with
/// themselves, and bad cells reported at file:line:column.
@Suite struct HRInputCommandTests {
  /// The parameters `Datasets/workday-export` and `Datasets/forms-export` were generated with.
  static let parameters = CohortGenerator.Parameters(mentees: 120, mentors: 50, competencies: 8, seed: 2026)

  @Test(arguments: ["workday", "forms"])
  func exampleExportsMatchLikeTheNativeFiles(shape: String) throws {
    let folder = "Datasets/\(shape)-export"
    let generated = CohortGenerator(Self.parameters).generate()
    let export = HRExportWriter.export(generated.cohort, shape: HRExportWriter.Shape(rawValue: shape)!)
    // The committed files are the generator's.
    #expect(try String(contentsOfFile: folder + "/people.csv", encoding: .utf8) == export.people)
    #expect(try String(contentsOfFile: folder + "/config.yaml", encoding: .utf8) == export.configuration)

    let temporary = try TemporaryFolder()
    _ = try temporary.write("mentors.csv", CohortWriter.mentorsCSV(export.cohort))
    _ = try temporary.write("mentees.csv", CohortWriter.menteesCSV(export.cohort))
    _ = try temporary.write("history.csv", try String(contentsOfFile: folder + "/history.csv", encoding: .utf8))
    let mapped = try CLIRunner.run(["match", folder, "--format", "csv"])
    let native = try CLIRunner.run(["match", temporary.url.path, "--format", "csv"])
    #expect(mapped.status == 0, "\(mapped.stderr)")
    #expect(native.status == 0, "\(native.stderr)")
    #expect(mapped.stdout == native.stdout)
    #expect(mapped.stdout.split(separator: "\n").count > 100)

    // People who mentor and are mentored are on both sides and never paired with themselves.
    let both = Set(export.cohort.mentors.map(\.person.id)).intersection(export.cohort.mentees.map(\.person.id))
    #expect(!both.isEmpty)
    for line in mapped.stdout.split(separator: "\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      #expect(cells[1] != cells[4], "\(line)")
    }
  }

  @Test func badCellsOfAMappedFileAreReportedAtTheirPlace() throws {
    let temporary = try TemporaryFolder()
    _ = try temporary.write(
      "config.yaml",
      "columns:\n  Worker ID: id\n  Full name: name\n  Role: role\n  Places: capacity\n"
        + "  Coaching: level:Coaching\n  Skills I want to develop: {goals: 4}\n"
        + "scales:\n  default: {Basic: 1, Expert: 5}\n")
    let people = try temporary.write(
      "people.csv",
      "Worker ID,Full name,Role,Places,Coaching,Skills I want to develop\nw1,Ann,mentor,2,Expert,\n"
        + "w2,Bo,mentee,,Novice,Coaching\nw3,Cy,teacher,1,Basic,\n")
    let result = try CLIRunner.run(["match", people, "--config", temporary.path("config.yaml")])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("people.csv:3:15: error: level:Coaching: 'Novice' is not on this column's scale"))
    #expect(result.stderr.contains("people.csv:4:7: error: role 'teacher' is not mentor, mentee or both"))
    let badConfig = try temporary.write("bad.yaml", "columns:\n  Worker ID: identity\n")
    let configResult = try CLIRunner.run(["validate", people, "--config", badConfig])
    #expect(configResult.status == 65)
    #expect(configResult.stderr.contains("bad.yaml:2:14: error: 'columns.Worker ID' is 'identity'"))
  }
}
