import Foundation
import Testing
import _TestSupport

@Suite struct ExplainCommandTests {
  @Test func explainsAPairAndItsAlternatives() throws {
    let result = try CLIRunner.run(["explain", "Datasets/sample", "--mentee", "E00001", "--alternatives", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("E00001 "))
    #expect(result.stdout.contains("paired with M"))
    #expect(result.stdout.contains("the plan's choice") || result.stdout.contains("fixing this pair"))
  }

  @Test func explainsWhyNotAnotherMentor() throws {
    let folder = try TemporaryFolder()
    let mentors = "id,name,capacity,level:Coaching\nm1,Ann,1,5\nm2,Bo,1,3\n"
    let mentees = "id,name,manager,level:Coaching,goal:Coaching\ne1,Cy,,1,3\ne2,Di,m2,1,4\n"
    try FileManager.default.createDirectory(atPath: folder.path("c"), withIntermediateDirectories: true)
    _ = try folder.write("c/mentors.csv", mentors)
    _ = try folder.write("c/mentees.csv", mentees)
    // e2 reports to m2, so e2 takes m1 and e1 takes m2; fixing e1–m1 would leave e2 unmatched.
    let swap = try CLIRunner.run(["explain", folder.path("c"), "--mentee", "e1", "--mentor", "m1"])
    #expect(swap.status == 0, "\(swap.stderr)")
    #expect(swap.stdout.contains("1 fewer mentee matched"))
    let rule = try CLIRunner.run(["explain", folder.path("c"), "--mentee", "e2", "--mentor", "m2"])
    #expect(rule.stdout.contains("not allowed: same reporting line"))
  }

  @Test func anUnknownIdIsADataError() throws {
    let result = try CLIRunner.run(["explain", "Datasets/sample", "--mentee", "nobody"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("no mentee has the id 'nobody'"))
  }
}
