import Foundation
import Testing
import _TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// No temporary file outlives a run: a signal mid-write removes it, stale
/// ones are swept, and `generate` writes its cohort as a unit.
@Suite(.serialized) struct LeftoversCommandTests {
  /// A cohort whose score matrix (2000 × 1000, about 26 MB of CSV) takes a
  /// while to write.
  static func largeCohort(_ folder: TemporaryFolder) throws -> String {
    let path = folder.path("cohort")
    let result = try runMentorMatch([
      "generate", "--mentees", "2000", "--mentors", "1000", "--competencies", "16", "--seed", "3", "--output", path,
    ])
    #expect(result.status == 0)
    return path
  }

  /// Starts `score` into `output`, sends `signal` as soon as its temporary
  /// file appears, and returns the exit status, or `nil` when the run ended
  /// before the temporary file was seen.
  static func interruptedScore(cohort: String, output: String, signal: Int32) throws -> Int32? {
    let folder = (output as NSString).deletingLastPathComponent
    let prefix = "." + (output as NSString).lastPathComponent + ".tmp-"
    let pid = try spawnWithDefaultSignals(CLIRunner.binary.path, ["score", cohort, "--output", output])
    var sent = false
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      if entries.contains(where: { $0.hasPrefix(prefix) }) {
        kill(pid, signal)
        sent = true
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        break
      }
      usleep(200)
    }
    // Exited normally: the status is in bits 8–15 (WEXITSTATUS); killed: 128 + the signal, as a shell says.
    let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return sent ? code : nil
  }

  /// Starts `path` with `arguments`, output to /dev/null, and with no signal
  /// blocked or ignored. (Foundation's `Process` passes on the calling
  /// thread's signal mask, and test threads block SIGINT and SIGTERM.)
  static func spawnWithDefaultSignals(_ path: String, _ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var environment = ProcessInfo.processInfo.environment
    environment["MENTOR_MATCH_LEDGER"] = "/nonexistent/mentor-match-test-ledger.sqlite"
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid = pid_t()
    let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    try #require(result == 0, "posix_spawn failed: \(result)")
    return pid
  }

  @Test(arguments: [SIGTERM, SIGINT])
  func aSignalMidWriteRemovesTheTemporaryFile(signal: Int32) throws {
    let folder = try TemporaryFolder()
    let cohort = try Self.largeCohort(folder)
    let outputs = folder.path("out")
    try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: false)
    var interrupted = 0
    var attempts: [String] = []
    for attempt in 0..<5 where interrupted == 0 {
      let output = outputs + "/scores-\(attempt).csv"
      let status = try Self.interruptedScore(cohort: cohort, output: output, signal: signal)
      let written = FileManager.default.fileExists(atPath: output)
      attempts.append("status \(status.map(String.init) ?? "none"), output \(written ? "written" : "absent")")
      // Not signalled, or signalled after the rename: try again.
      guard let status, !written else { continue }
      #expect(status == 128 + signal)
      interrupted += 1
    }
    #expect(interrupted > 0, "no run was interrupted mid-write: \(attempts)")
    let left = try FileManager.default.contentsOfDirectory(atPath: outputs)
    #expect(left.allSatisfy { !$0.contains(".tmp-") }, "\(left)")
  }

  @Test func staleTemporaryFilesAreSweptOnTheNextWrite() throws {
    let folder = try TemporaryFolder()
    let exited = Process()
    exited.executableURL = URL(fileURLWithPath: "/bin/true")
    try exited.run()
    exited.waitUntilExit()
    let dead = exited.processIdentifier
    let stale = ".plan.json.tmp-\(dead)-9a3f"
    let alive = ".plan.json.tmp-\(getpid())-77"
    _ = try folder.write(stale, "partial")
    _ = try folder.write(alive, "in flight")
    let result = try runMentorMatch([
      "match", "Datasets/sample", "--format", "json", "--output", folder.path("plan.json"),
    ])
    #expect(result.status == 0)
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.url.path)) == ["plan.json", alive])
  }

  /// Runs `generate` under bash with a file size limit of `kilobytes`
  /// (SIGXFSZ ignored, so writes past it fail as on a full disk).
  static func generateWithSizeLimit(_ kilobytes: Int, into output: String, force: Bool = false) throws -> (
    status: Int32, stderr: String
  ) {
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    bash.arguments = [
      "-c",
      "trap '' XFSZ; ulimit -f \(kilobytes); exec \"$0\" generate --mentees 2000 --mentors 1000 --seed 3 --output \"$1\""
        + (force ? " --force" : ""),
      CLIRunner.binary.path, output,
    ]
    let err = Pipe()
    bash.standardError = err
    try bash.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    bash.waitUntilExit()
    return (bash.terminationStatus, message)
  }

  @Test func generateOnAFullDiskLeavesNothing() throws {
    let folder = try TemporaryFolder()
    let output = folder.path("cohort")
    // mentors.csv (about 130 kB) fits under 200 kB, mentees.csv (about 300 kB) does not.
    let full = try Self.generateWithSizeLimit(200, into: output)
    #expect(full.status == 73)
    #expect(full.stderr.contains("cannot write \(output)/mentees.csv: File too large"), "\(full.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)

    // Into an existing cohort with --force, the old files stay as they were.
    let first = try runMentorMatch(["generate", "--mentees", "20", "--mentors", "5", "--seed", "1", "--output", output])
    #expect(first.status == 0)
    let before = try ["mentors.csv", "mentees.csv", "history.csv"].map { try folder.read("cohort/" + $0) }
    let again = try Self.generateWithSizeLimit(200, into: output, force: true)
    #expect(again.status == 73)
    let after = try ["mentors.csv", "mentees.csv", "history.csv"].map { try folder.read("cohort/" + $0) }
    #expect(after == before)
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: output)) == ["mentors.csv", "mentees.csv", "history.csv"])
    // Without the limit the same command succeeds.
    #expect(try Self.generateWithSizeLimit(100_000, into: output, force: true).status == 0)
    #expect(try folder.read("cohort/mentors.csv") != before[0])
  }

  @Test func generateChecksEveryTargetBeforeReplacingAny() throws {
    let folder = try TemporaryFolder()
    let output = folder.path("cohort")
    #expect(try runMentorMatch(["generate", "--mentees", "20", "--mentors", "5", "--output", output]).status == 0)
    let mentors = try folder.read("cohort/mentors.csv")
    try FileManager.default.removeItem(atPath: output + "/mentees.csv")
    try FileManager.default.createDirectory(atPath: output + "/mentees.csv", withIntermediateDirectories: false)
    let result = try runMentorMatch([
      "generate", "--mentees", "30", "--mentors", "6", "--seed", "9", "--output", output, "--force",
    ])
    #expect(result.status == 73)
    #expect(result.stderr.contains("mentees.csv: it is a folder, not a file"))
    #expect(try folder.read("cohort/mentors.csv") == mentors)
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: output)) == ["mentors.csv", "mentees.csv", "history.csv"])
  }
}
