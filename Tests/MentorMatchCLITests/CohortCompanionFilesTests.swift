import Foundation
import Testing
import _TestSupport

/// Which configuration, history and pair-rules files go with a cohort, and
/// what the configuration changes in reading the cohort.
@Suite struct CohortCompanionFilesTests {
  let mentors = "id,name,capacity,level:Coaching\nm1,Ann,1,5\nm2,Bo,1,3\n"
  // m1 covers all of e1's growth, m2 half of it; both cover all of e2's.
  let mentees = "id,name,level:Coaching,goal:Coaching\ne1,Cy,1,5\ne2,Di,1,3\n"

  /// The mentor of each mentee in a CSV plan, by mentee id ("" when unmatched).
  func mentorByMentee(_ csv: String) -> [String: String] {
    var result: [String: String] = [:]
    for line in csv.split(separator: "\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      result[cells[1]] = cells[4]
    }
    return result
  }

  func folder(_ folder: TemporaryFolder, _ name: String) throws -> String {
    try FileManager.default.createDirectory(atPath: folder.path(name), withIntermediateDirectories: true)
    _ = try folder.write("\(name)/mentors.csv", mentors)
    _ = try folder.write("\(name)/mentees.csv", mentees)
    return folder.path(name)
  }

  @Test func twoFilesUseTheirFoldersHistoryAndConfiguration() throws {
    let temporary = try TemporaryFolder()
    let cohort = try folder(temporary, "c")
    let files = [temporary.path("c/mentees.csv"), temporary.path("c/mentors.csv")]
    // Without history e1 gets m1.
    let fresh = try CLIRunner.run(["match"] + files + ["--format", "csv"])
    #expect(fresh.status == 0, "\(fresh.stderr)")
    #expect(mentorByMentee(fresh.stdout) == ["e1": "m1", "e2": "m2"])
    // An earlier cohort paired e1 with m1: the folder's history.csv must keep it from repeating.
    _ = try temporary.write("c/history.csv", "mentee,mentor\ne1,m1\n")
    let byFolder = try CLIRunner.run(["match", cohort, "--format", "csv"])
    let byFiles = try CLIRunner.run(["match"] + files + ["--format", "csv"])
    #expect(byFiles.status == 0, "\(byFiles.stderr)")
    #expect(mentorByMentee(byFiles.stdout) == ["e1": "m2", "e2": "m1"])
    #expect(byFiles.stdout == byFolder.stdout)
    // The folder's config.yaml applies too.
    _ = try temporary.write("c/config.yaml", "minimum_score: 100\n")
    let configured = try CLIRunner.run(["match"] + files + ["--format", "csv"])
    #expect(configured.status == 0, "\(configured.stderr)")
    #expect(mentorByMentee(configured.stdout) == ["e1": "", "e2": ""])
    // Files named on the command line still win.
    let empty = try temporary.write("empty.yaml", "")
    let overridden = try CLIRunner.run(["match"] + files + ["--config", empty, "--format", "csv"])
    #expect(mentorByMentee(overridden.stdout) == ["e1": "m2", "e2": "m1"])
  }

  @Test func filesInDifferentFoldersSayWhatIsNotUsed() throws {
    let temporary = try TemporaryFolder()
    _ = try folder(temporary, "a")
    _ = try folder(temporary, "b")
    let history = try temporary.write("a/history.csv", "mentee,mentor\ne1,m1\n")
    let result = try CLIRunner.run([
      "match", temporary.path("a/mentors.csv"), temporary.path("b/mentees.csv"), "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "\(history):1:1: warning: not used: the mentors and mentees files are in different folders"))
    #expect(mentorByMentee(result.stdout) == ["e1": "m1", "e2": "m2"])
  }

  /// IANA zone names resolve at `programme.start`: in June, Berlin is UTC+2
  /// and shares a whole 8-hour day with a mentee at UTC+2; in January
  /// (the default reference date) it is UTC+1 and shares 7 of 8 hours.
  @Test func timeZoneNamesResolveAtTheProgrammeStart() throws {
    let temporary = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: temporary.path("z"), withIntermediateDirectories: true)
    _ = try temporary.write("z/mentors.csv", "id,name,capacity,timezone,level:Coaching\nm1,Ann,1,Europe/Berlin,5\n")
    _ = try temporary.write("z/mentees.csv", "id,name,timezone,level:Coaching,goal:Coaching\ne1,Cy,UTC+2,1,3\n")
    func timezoneComponent(_ config: String?) throws -> Double {
      var arguments = ["match", temporary.path("z"), "--format", "json"]
      if let config { arguments += ["--config", try temporary.write("config.yaml", config)] }
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 0, "\(result.stderr)")
      let document = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let pairs = try #require(document["pairs"] as? [[String: Any]])
      let components = try #require(pairs.first?["components"] as? [String: Any])
      return try #require(components["timezone"] as? Double)
    }
    let summer = try timezoneComponent(
      "programme:\n  start: 2026-06-01\nweights:\n  timezone: 1\nfit:\n  side_terms_limit: null\n")
    let winter = try timezoneComponent(
      "programme:\n  start: 2026-12-01\nweights:\n  timezone: 1\nfit:\n  side_terms_limit: null\n")
    let unset = try timezoneComponent("weights:\n  timezone: 1\nfit:\n  side_terms_limit: null\n")
    #expect(summer > winter)
    #expect(winter == unset)
    #expect(abs(summer - 1) < 1e-12)
    #expect(abs(winter - 7.0 / 8.0) < 1e-12)
  }
}
