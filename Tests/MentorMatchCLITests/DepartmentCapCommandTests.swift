import Foundation
import Testing
import _TestSupport

/// Required pairs against `rules.max_mentees_per_department` (issue 10, defect 10).
@Suite struct DepartmentCapCommandTests {
  @Test func requiredPairsCannotBreakTheDepartmentCap() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: folder.path("d"), withIntermediateDirectories: true)
    _ = try folder.write("d/mentors.csv", "id,name,capacity,level:Coaching\nm1,Ann,3,5\nm2,Bo,3,4\n")
    _ = try folder.write(
      "d/mentees.csv",
      "id,name,department,level:Coaching,goal:Coaching\ne1,Cy,Sales,1,3\ne2,Di,sales,1,4\ne3,Ed,Design,1,4\n")
    _ = try folder.write("d/config.yaml", "rules:\n  max_mentees_per_department: 1\n")
    // Two from Sales at m1 (the second line breaks the cap); one each elsewhere is fine.
    _ = try folder.write("d/pair-rules.csv", "mentee,mentor,rule\ne1,m1,must\ne3,m1,must\ne2,m1,must\n")
    for command in ["match", "validate"] {
      let result = try CLIRunner.run([command, folder.path("d")])
      #expect(result.status == 65, "\(command): \(result.stderr)")
      #expect(
        result.stderr.contains(
          "pair-rules.csv:4:1: error: mentor 'm1' would take 2 required mentees from department 'sales', "
            + "more than rules.max_mentees_per_department allows (1)"), "\(result.stderr)")
      #expect(!result.stderr.contains("pair-rules.csv:3:1"))
    }
    _ = try folder.write("d/pair-rules.csv", "mentee,mentor,rule\ne1,m1,must\ne3,m1,must\ne2,m2,must\n")
    let fine = try CLIRunner.run(["match", folder.path("d"), "--format", "csv"])
    #expect(fine.status == 0, "\(fine.stderr)")
  }
}
