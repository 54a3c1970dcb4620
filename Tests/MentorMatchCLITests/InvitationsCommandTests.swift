import Foundation
import Testing
import _TestSupport

/// `mentor-match invitations`: files only, all or nothing, clear errors.
@Suite struct InvitationsCommandTests {
  let mentors = "id,name,email,capacity,level:Coaching\nm1,Ann Lee,ann@example.org,1,5\nm2,Bo Wu,bo@example.org,1,4\n"
  let mentees = "id,name,email,level:Coaching,goal:Coaching\ne1,Zoë Núñez,zoe@example.org,1,5\ne2,Di Ma,,1,3\n"

  func cohort(_ folder: TemporaryFolder, start: Bool = true) throws -> String {
    try FileManager.default.createDirectory(atPath: folder.path("c"), withIntermediateDirectories: true)
    _ = try folder.write("c/mentors.csv", mentors)
    _ = try folder.write("c/mentees.csv", mentees)
    _ = try folder.write(
      "c/config.yaml", start ? "programme:\n  start: 2027-01-11\n  weeks: 12\n" : "objective: total\n")
    return folder.path("c")
  }

  @Test func writesOneEmailAndOneCalendarPerPair() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder)
    let result = try CLIRunner.run(
      ["invitations", cohort, "--output", folder.path("out"), "--from", "HR <hr@example.org>"],
      environment: ["SOURCE_DATE_EPOCH": "1798761600"])
    #expect(result.status == 0, "\(result.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted()
    #expect(names == ["001-e1-m1.eml", "001-e1-m1.ics", "002-e2-m2.eml", "002-e2-m2.ics"])
    let eml = try folder.read("out/001-e1-m1.eml")
    #expect(eml.hasPrefix("From: \"HR\" <hr@example.org>\r\nTo: =?UTF-8?B?"))
    // Unfolded, the To header holds both people.
    let unfolded = eml.replacingOccurrences(of: "\r\n ", with: " ")
    #expect(unfolded.contains("<zoe@example.org>, \"Ann Lee\" <ann@example.org>\r\n"))
    #expect(eml.contains("Date: Fri, 01 Jan 2027 09:00:00 +0000\r\n"))
    let ics = try folder.read("out/001-e1-m1.ics")
    #expect(ics.contains("DTSTART;VALUE=DATE:20270111\r\n") && ics.contains("DTSTART;VALUE=DATE:20270405\r\n"))
    // Di Ma has no address: a warning with the id only, and one addressee.
    #expect(result.stderr.contains("pair 2 (mentee e2): no usable e-mail address"))
    #expect(!result.stderr.contains("Di Ma"))
    #expect(try folder.read("out/002-e2-m2.eml").contains("To: \"Bo Wu\" <bo@example.org>\r\n"))
    #expect(result.stderr.contains("nothing was sent"))
    // A second run into the same folder is refused unless --force.
    let again = try CLIRunner.run(["invitations", cohort, "--output", folder.path("out")])
    #expect(again.status == 73 && again.stderr.contains("--force"))
    let forced = try CLIRunner.run(["invitations", cohort, "--output", folder.path("out"), "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
  }

  @Test func badInputsWriteNothing() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder, start: false)
    let noStart = try CLIRunner.run(["invitations", cohort, "--output", folder.path("a")])
    #expect(noStart.status == 65)
    #expect(noStart.stderr.contains("config.yaml:1:1: error: programme.start is not set"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("a")))

    let dated = try self.cohort(folder)
    let template = try folder.write("t.txt", "Subject: Hi\n\nDear {{mentee.nmae}}\n")
    let badTemplate = try CLIRunner.run(["invitations", dated, "--output", folder.path("b"), "--template", template])
    #expect(badTemplate.status == 65)
    #expect(badTemplate.stderr.contains("t.txt:3:6: error: unknown placeholder '{{mentee.nmae}}'"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("b")))

    let missing = try CLIRunner.run(["invitations", dated, "-o", folder.path("c2"), "--template", folder.path("no")])
    #expect(missing.status == 66)

    let badFrom = try CLIRunner.run(["invitations", dated, "-o", folder.path("d"), "--from", "HR <nope>"])
    #expect(badFrom.status == 64)
    #expect(!FileManager.default.fileExists(atPath: folder.path("d")))

    let custom = try folder.write(
      "ok.txt", "Subject: {{mentee.first_name}} meets {{mentor.first_name}}\n\nFit {{fit}}.\n")
    let ok = try CLIRunner.run(["invitations", dated, "-o", folder.path("e"), "--template", custom])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(try folder.read("e/002-e2-m2.eml").contains("Subject: Di meets Bo\r\n"))
  }
}
