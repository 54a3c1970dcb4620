import Foundation
import Testing
import _TestSupport

/// `match --fairness` on a cohort without mentors: every format exits 0
/// with 0 matched (it used to trap on a NaN bottleneck).
@Test(arguments: ["table", "csv", "json", "markdown", "html", "xlsx"])
func fairnessWithoutMentorsRendersEveryFormat(format: String) throws {
  let folder = try TemporaryFolder()
  try FileManager.default.createDirectory(atPath: folder.path("cohort"), withIntermediateDirectories: false)
  let header = try String(contentsOfFile: "Datasets/sample/mentors.csv", encoding: .utf8).prefix { $0 != "\n" }
  _ = try folder.write("cohort/mentors.csv", header + "\n")
  _ = try folder.write(
    "cohort/mentees.csv", try String(contentsOfFile: "Datasets/sample/mentees.csv", encoding: .utf8))
  let result = try runMentorMatch([
    "match", folder.path("cohort"), "--fairness", "--format", format, "--output", folder.path("plan.\(format)"),
  ])
  #expect(result.status == 0, "\(result.stderr)")
  let bytes = try Data(contentsOf: folder.url.appendingPathComponent("plan.\(format)"))
  let text = String(decoding: bytes, as: UTF8.self)
  switch format {
  case "table": #expect(text.hasPrefix("Matched 0 of 240 mentees"))
  case "csv": #expect(text.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("unmatched,") })
  case "json": #expect(text.contains("\"matched\" : 0"))
  case "markdown": #expect(text.contains("- Matched: 0 of 240 mentees"))
  case "html": #expect(text.contains("0 of 240 mentees matched"))
  default: #expect(bytes.starts(with: Array("PK".utf8)))
  }
}
