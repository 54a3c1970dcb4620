import Foundation
import Testing
import _TestSupport

/// A plan written through the streaming block writer onto a disk that fills
/// up part-way (a file-size limit, `SIGXFSZ` ignored) fails with exit 73 and
/// a message naming the file, leaves no file behind, and keeps an existing
/// plan as it was.
@Suite struct PlanFullDiskTests {
  /// Runs `match` on `cohort` with the output file limited to `kilobytes`.
  static func matchWithSizeLimit(_ kilobytes: Int, cohort: String, format: String, output: String) throws -> (
    status: Int32, stderr: String
  ) {
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    bash.arguments = [
      "-c",
      "trap '' XFSZ; ulimit -f \(kilobytes); exec \"$0\" match \"$1\" --format \"$2\" --output \"$3\" --quiet",
      CLIRunner.binary.path, cohort, format, output,
    ]
    let err = Pipe()
    bash.standardError = err
    try bash.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    bash.waitUntilExit()
    return (bash.terminationStatus, message)
  }

  @Test(arguments: ["json", "csv"]) func aPlanThatDoesNotFitLeavesNothing(format: String) throws {
    let folder = try TemporaryFolder()
    let cohort = folder.path("cohort")
    // 1,500 pairs: several blocks of 256 pairs in more than one batch.
    let made = try runMentorMatch([
      "generate", "--mentees", "1500", "--mentors", "400", "--capacity", "5", "--seed", "4", "--output", cohort,
    ])
    #expect(made.status == 0)
    let plan = folder.path("plan.\(format)")
    for kilobytes in [4, 64, 256] {
      let full = try Self.matchWithSizeLimit(kilobytes, cohort: cohort, format: format, output: plan)
      #expect(full.status == 73, "\(full.stderr)")
      #expect(full.stderr.contains("cannot write \(plan): File too large"), "\(full.stderr)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["cohort"])
    }
    // Without the limit the plan is written; a later failing write keeps it.
    let written = try Self.matchWithSizeLimit(1_000_000, cohort: cohort, format: format, output: plan)
    #expect(written.status == 0, "\(written.stderr)")
    let before = try folder.read("plan.\(format)")
    #expect(before.utf8.count > 256 * 1024)
    #expect(try Self.matchWithSizeLimit(64, cohort: cohort, format: format, output: plan).status == 73)
    #expect(try folder.read("plan.\(format)") == before)
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.url.path)) == ["cohort", "plan.\(format)"])
  }
}
