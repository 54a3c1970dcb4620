import Foundation
import Testing
import _TestSupport

/// Control characters in a cohort never reach the terminal raw: not from
/// the plan, `explain`, or a problem report quoting a bad cell.
@Suite struct TerminalInjectionCommandTests {
  static let escape = "\u{1B}"

  static func cohort(_ folder: TemporaryFolder, seniority: String = "2") throws -> String {
    try FileManager.default.createDirectory(atPath: folder.path("cohort"), withIntermediateDirectories: false)
    _ = try folder.write(
      "cohort/mentors.csv",
      "id,name,email,department,manager,timezone,seniority,languages,capacity,level:Leadership,level:Coaching\n"
        + "M1,Mal\(escape)[2J,,Eng,,UTC+00:00,8,en,2,4,4\n")
    _ = try folder.write(
      "cohort/mentees.csv",
      "id,name,email,department,manager,timezone,seniority,languages,level:Leadership,level:Coaching,"
        + "goal:Leadership,goal:Coaching\n"
        + "E1,Eve\(escape)]0;pwned\u{07}\u{9B}2J,,Ops,,UTC+00:00,\(seniority),en,1,1,3,\n")
    return folder.path("cohort")
  }

  static func rawControls(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
  }

  @Test(arguments: [["match"], ["explain", "--mentee", "E1"], ["explain", "--mentee", "E1", "--mentor", "M1"]])
  func reportsShowEscapes(command: [String]) throws {
    let folder = try TemporaryFolder()
    let cohort = try Self.cohort(folder)
    let result = try runMentorMatch([command[0], cohort] + command.dropFirst())
    let stdout = String(decoding: result.stdout, as: UTF8.self)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.rawControls(stdout).isEmpty)
    #expect(Self.rawControls(result.stderr).isEmpty)
    #expect(stdout.contains("Eve\\u{1B}]0;pwned\\u{7}\\u{9B}2J") || stdout.contains("Mal\\u{1B}[2J"))
  }

  @Test func problemReportsShowEscapes() throws {
    let folder = try TemporaryFolder()
    let cohort = try Self.cohort(folder, seniority: "x\(Self.escape)[31m")
    let result = try runMentorMatch(["validate", cohort])
    #expect(result.status == 65)
    #expect(Self.rawControls(result.stderr).isEmpty)
    #expect(result.stderr.contains("x\\u{1B}[31m"), "\(result.stderr)")
  }
}
