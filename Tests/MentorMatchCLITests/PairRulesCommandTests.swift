import Foundation
import Testing
import _TestSupport

@Suite struct PairRulesCommandTests {
  let mentors = "id,name,capacity,level:Coaching\nm1,Ann,1,5\nm2,Bo,1,3\n"
  let mentees = "id,name,level:Coaching,goal:Coaching\ne1,Cy,1,3\ne2,Di,1,4\n"

  func cohort(_ folder: TemporaryFolder, rules: String) throws -> String {
    try FileManager.default.createDirectory(atPath: folder.path("c"), withIntermediateDirectories: true)
    _ = try folder.write("c/mentors.csv", mentors)
    _ = try folder.write("c/mentees.csv", mentees)
    _ = try folder.write("c/pair-rules.csv", rules)
    return folder.path("c")
  }

  @Test func requiredAndForbiddenPairsShapeThePlan() throws {
    let folder = try TemporaryFolder()
    // Without rules e2 (the larger gap) gets m1; the rules turn that around.
    let path = try cohort(folder, rules: "mentee,mentor,rule\ne1,m1,must\ne2,m1,never\n")
    let result = try CLIRunner.run(["match", path, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n")
    #expect(rows[1].hasPrefix("matched,e1,Cy,,m1,"))
    #expect(rows[1].contains("required by the programme's pair rules"))
    #expect(rows[2].hasPrefix("matched,e2,Di,,m2,"))
  }

  @Test func badRulesArePinpointed() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder, rules: "mentee,mentor,rule\ne2,m1,maybe\ne1,,must\n")
    let result = try CLIRunner.run(["validate", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("pair-rules.csv:2:7: error: rule 'maybe' is neither 'must' nor 'never'"))
    #expect(result.stderr.contains("pair-rules.csv:3:4: error: empty mentor id"))
    _ = try folder.write("c/pair-rules.csv", "mentee,mentor,rule\ne1,m9,must\ne1,m2,must\ne2,m2,must\n")
    let unknown = try CLIRunner.run(["validate", path])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("pair-rules.csv:2:1: error: required pair names mentor 'm9'"))
    #expect(unknown.stderr.contains("pair-rules.csv:4:1: error: mentor 'm2' has more required pairs than places (1)"))
  }

  @Test func aMentorCannotBeRequiredBeyondCapacity() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(folder, rules: "mentee,mentor,rule\ne1,m1,must\ne2,m1,must\n")
    let result = try CLIRunner.run(["match", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("pair-rules.csv:3:1: error: mentor 'm1' has more required pairs than places (1)"))
  }
}

extension PairRulesCommandTests {
  /// Problems of the file itself and problems against the cohort come in one
  /// report, not one after the other as the first kind is fixed.
  @Test func everyPairRulesProblemIsReportedInOnePass() throws {
    let folder = try TemporaryFolder()
    let path = try cohort(
      folder, rules: "mentee,mentor,rule\ne2,m1,maybe\ne1,,must\ne1,m9,must\ne2,m2,must\ne2,m2,never\n")
    let result = try CLIRunner.run(["validate", path])
    #expect(result.status == 65)
    // In the file: a bad rule and an empty id.
    #expect(result.stderr.contains("pair-rules.csv:2:7: error: rule 'maybe' is neither 'must' nor 'never'"))
    #expect(result.stderr.contains("pair-rules.csv:3:4: error: empty mentor id"))
    // Against the cohort: an unknown mentor, and a pair both required and never to be made.
    #expect(result.stderr.contains("pair-rules.csv:4:1: error: required pair names mentor 'm9'"))
    #expect(result.stderr.contains("pair-rules.csv:5:1: error: the pair"))
    #expect(result.stderr.contains("is both required and never to be made"))
    let match = try CLIRunner.run(["match", path])
    #expect(match.status == 65)
    #expect(match.stderr == result.stderr)
  }
}
