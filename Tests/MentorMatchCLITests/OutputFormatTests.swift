import Foundation
import Testing
import _TestSupport

/// `match --output FILE` and `solve --output FILE` write the format the
/// extension names, unless `--format` says otherwise, and a contradiction is
/// a usage error.
@Suite struct OutputFormatTests {
  func cohort(_ folder: TemporaryFolder) throws -> String {
    let result = try CLIRunner.run([
      "generate", "--mentees", "20", "--mentors", "8", "--competencies", "5", "--seed", "3", "--output",
      folder.path("cohort"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return folder.path("cohort")
  }

  @Test func theOutputExtensionChoosesTheFormat() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder)
    for (name, format) in [
      ("plan.csv", "csv"), ("plan.json", "json"), ("plan.md", "markdown"), ("plan.html", "html"),
      ("plan.txt", "table"), ("PLAN.CSV", "csv"),
    ] {
      let inferred = try CLIRunner.run(["match", cohort, "-o", folder.path(name)])
      #expect(inferred.status == 0, "\(inferred.stderr)")
      let explicit = try CLIRunner.run(["match", cohort, "--format", format])
      #expect(try folder.read(name) == explicit.stdout, "\(name) should hold the \(format) plan")
    }
    let xlsx = try CLIRunner.run(["match", cohort, "-o", folder.path("plan.xlsx")])
    #expect(xlsx.status == 0, "\(xlsx.stderr)")
    let bytes = try Data(contentsOf: folder.url.appendingPathComponent("plan.xlsx"))
    #expect(bytes.prefix(2) == Data("PK".utf8))
    let explicitXLSX = try CLIRunner.run([
      "match", cohort, "--format", "xlsx", "-o", folder.path("explicit.xlsx"),
    ])
    #expect(explicitXLSX.status == 0)
    #expect(bytes == (try Data(contentsOf: folder.url.appendingPathComponent("explicit.xlsx"))))
    // No extension, or one that names no format: the table, as before.
    _ = try CLIRunner.run(["match", cohort, "-o", folder.path("plan")])
    #expect(try folder.read("plan") == (try CLIRunner.run(["match", cohort])).stdout)
  }

  @Test func aFormatThatContradictsTheExtensionIsAUsageError() throws {
    let folder = try TemporaryFolder()
    let cohort = try cohort(folder)
    let result = try CLIRunner.run(["match", cohort, "--format", "csv", "-o", folder.path("plan.xlsx")])
    #expect(result.status == 64)
    #expect(result.stderr.contains("The format csv contradicts the output file"))
    #expect(result.stderr.contains("whose extension means xlsx"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("plan.xlsx")))
    let table = try CLIRunner.run(["match", cohort, "--format", "table", "-o", folder.path("plan.json")])
    #expect(table.status == 64)
    #expect(!FileManager.default.fileExists(atPath: folder.path("plan.json")))
  }

  @Test func solveTakesItsFormatFromTheExtensionToo() throws {
    let folder = try TemporaryFolder()
    let scores = try folder.write("s.csv", "mentee,A,B\nx,1,0\ny,0,2\n")
    for (name, format) in [("r.json", "json"), ("r.csv", "csv"), ("r.txt", "table"), ("R.JSON", "json")] {
      let inferred = try CLIRunner.run(["solve", scores, "-o", folder.path(name)])
      #expect(inferred.status == 0, "\(inferred.stderr)")
      let explicit = try CLIRunner.run(["solve", scores, "--format", format])
      // The reports carry their own solve time; compare them without it.
      let strip = { (text: String) in
        text.split(separator: "\n").filter { !$0.contains("seconds") && !$0.contains("solve\"") }
      }
      #expect(strip(try folder.read(name)) == strip(explicit.stdout), "\(name) should hold the \(format) report")
    }
    let contradiction = try CLIRunner.run(["solve", scores, "--format", "csv", "-o", folder.path("r2.json")])
    #expect(contradiction.status == 64)
    #expect(contradiction.stderr.contains("The format csv contradicts the output file"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("r2.json")))
    let unsupported = try CLIRunner.run(["solve", scores, "-o", folder.path("r.xlsx")])
    #expect(unsupported.status == 64)
    #expect(unsupported.stderr.contains("solve writes json, csv or table"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("r.xlsx")))
    // An explicit format still writes to such a name.
    let explicit = try CLIRunner.run(["solve", scores, "--format", "csv", "-o", folder.path("r.md")])
    #expect(explicit.status == 0)
    #expect(try folder.read("r.md") == (try CLIRunner.run(["solve", scores, "--format", "csv"])).stdout)
  }
}
