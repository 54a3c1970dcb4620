import Foundation
import Testing
import _TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the built binary with `stdin` as standard input and, when given,
/// `stdout` as standard output (else a pipe, captured).
func runMentorMatch(
  _ arguments: [String], stdin: Data? = nil, stdout: FileHandle? = nil
) throws -> (status: Int32, stdout: Data, stderr: String) {
  let process = Process()
  process.executableURL = CLIRunner.binary
  process.arguments = arguments
  var environment = ProcessInfo.processInfo.environment
  environment["MENTOR_MATCH_LEDGER"] = TemporaryFolder.unusedPath("mentor-match-no-ledger") + "/ledger.sqlite"
  process.environment = environment
  let input = Pipe()
  let out = Pipe()
  let err = Pipe()
  process.standardInput = stdin == nil ? FileHandle.nullDevice : input
  process.standardOutput = stdout ?? out
  process.standardError = err
  try process.run()
  if let stdin {
    input.fileHandleForWriting.write(stdin)
    try input.fileHandleForWriting.close()
  }
  let outData = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, outData, String(decoding: errData, as: UTF8.self))
}

/// The file type bits of `path` itself (links not followed), or 0.
func fileType(_ path: String) -> mode_t {
  var info = stat()
  return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
}

/// `--output` writes what it points at without replacing it, `-` is
/// standard output, and inputs may be streams.
@Suite struct OutputTargetCommandTests {
  @Test(arguments: ["table", "csv", "json", "markdown", "html"])
  func dashIsStandardOutput(format: String) throws {
    let plain = try runMentorMatch(["match", "Datasets/sample", "--format", format])
    let dash = try runMentorMatch(["match", "Datasets/sample", "--format", format, "--output", "-"])
    #expect(plain.status == 0 && dash.status == 0)
    #expect(!dash.stdout.isEmpty)
    #expect(dash.stdout == plain.stdout)
    #expect(!FileManager.default.fileExists(atPath: "-"))
  }

  @Test func xlsxGoesToStandardOutputWhenItIsNotATerminal() throws {
    let folder = try TemporaryFolder()
    let file = try runMentorMatch(["match", "Datasets/sample", "--format", "xlsx", "--output", folder.path("a.xlsx")])
    let dash = try runMentorMatch(["match", "Datasets/sample", "--format", "xlsx", "--output", "-"])
    #expect(file.status == 0 && dash.status == 0)
    #expect(dash.stdout.starts(with: Array("PK".utf8)))
    #expect(dash.stdout == (try Data(contentsOf: folder.url.appendingPathComponent("a.xlsx"))))
  }

  #if os(Linux)
    @Test func xlsxToATerminalIsAUsageError() throws {
      // A pseudo-terminal: the master from /dev/ptmx, unlocked, and its slave /dev/pts/N.
      let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
      try #require(master >= 0)
      defer { close(master) }
      var unlock: Int32 = 0
      var number: UInt32 = 0
      // TIOCSPTLCK and TIOCGPTN (Linux's _IOW/_IOR values; the macros are not imported).
      #expect(ioctl(master, UInt(0x4004_5431), &unlock) == 0)
      #expect(ioctl(master, UInt(0x8004_5430), &number) == 0)
      let name = "/dev/pts/\(number)"
      let terminal = try #require(FileHandle(forWritingAtPath: name))
      let result = try runMentorMatch(
        ["match", "Datasets/sample", "--format", "xlsx", "--output", "-"], stdout: terminal)
      try terminal.close()
      #expect(result.status == 64)
      #expect(result.stderr.contains("standard output is a terminal"))
    }
  #endif

  @Test func devNullStaysADevice() throws {
    #expect(fileType("/dev/null") == S_IFCHR)
    for format in ["json", "xlsx"] {
      let result = try runMentorMatch(["match", "Datasets/sample", "--format", format, "--output", "/dev/null"])
      #expect(result.status == 0)
      #expect(fileType("/dev/null") == S_IFCHR)
    }
  }

  @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("target.json", "old")
    #expect(symlink("target.json", folder.path("link.json")) == 0)
    let result = try runMentorMatch([
      "match", "Datasets/sample", "--format", "json", "--output", folder.path("link.json"),
    ])
    #expect(result.status == 0)
    #expect(fileType(folder.path("link.json")) == S_IFLNK)
    #expect(try folder.read("target.json").hasPrefix("{"))
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.url.path)) == ["target.json", "link.json"])
  }

  @Test func aFIFOReceivesThePlanAndStaysAFIFO() throws {
    let folder = try TemporaryFolder()
    let fifo = folder.path("plan.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    let plain = try runMentorMatch(["match", "Datasets/sample", "--format", "csv"])
    // The reader, `cat`, copies the FIFO into a file while the plan is written.
    let cat = Process()
    cat.executableURL = URL(fileURLWithPath: "/bin/sh")
    cat.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, folder.path("received.csv")]
    try cat.run()
    let result = try runMentorMatch(["match", "Datasets/sample", "--format", "csv", "--output", fifo])
    cat.waitUntilExit()
    let bytes = try Data(contentsOf: folder.url.appendingPathComponent("received.csv"))
    #expect(result.status == 0)
    #expect(bytes == plain.stdout)
    #expect(fileType(fifo) == S_IFIFO)
  }

  @Test func configurationFromStandardInput() throws {
    let config = try Data(contentsOf: URL(fileURLWithPath: "Datasets/sample/config.yaml"))
    let fromFile = try runMentorMatch(["match", "Datasets/sample", "--config", "Datasets/sample/config.yaml"])
    let fromStdin = try runMentorMatch(["match", "Datasets/sample", "--config", "/dev/stdin"], stdin: config)
    #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
    #expect(fromStdin.stdout == fromFile.stdout)
    // A bad configuration on standard input is still reported at its line.
    let bad = try runMentorMatch(
      ["validate", "Datasets/sample", "--config", "/dev/stdin"], stdin: Data("weights:\n  competency: x\n".utf8))
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("/dev/stdin:2:15:"))
  }

  @Test func processSubstitutionAndFIFOInputsAreRead() throws {
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    bash.arguments = [
      "-c",
      "\"$0\" validate Datasets/sample --config <(cat Datasets/sample/config.yaml)"
        + " --history <(cat Datasets/sample/history.csv)",
      CLIRunner.binary.path,
    ]
    let err = Pipe()
    bash.standardError = err
    bash.standardOutput = FileHandle.nullDevice
    try bash.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    bash.waitUntilExit()
    #expect(bash.terminationStatus == 0, "\(message)")

    let folder = try TemporaryFolder()
    let fifo = folder.path("config.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    let feeder = Process()
    feeder.executableURL = URL(fileURLWithPath: "/bin/sh")
    feeder.arguments = ["-c", "cat Datasets/sample/config.yaml > \"$0\"", fifo]
    try feeder.run()
    let result = try runMentorMatch(["validate", "Datasets/sample", "--config", fifo])
    feeder.waitUntilExit()
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func aFolderAsConfigurationIsStillAClearError() throws {
    let result = try runMentorMatch(["validate", "Datasets/sample", "--config", "Datasets"])
    #expect(result.status == 66)
    #expect(result.stderr.contains("Datasets:1:1: error: cannot read file: it is a folder, not a file"))
  }
}

/// `tune` prints its report on standard output, so `--output -` (which would
/// mix the report and the YAML, or create a file named `-`) is refused.
@Test func tuneRefusesDashAsItsOutput() throws {
  let result = try runMentorMatch([
    "tune", "Datasets/sample", "--outcomes", "Datasets/sample/outcomes-example.csv", "--output", "-",
  ])
  #expect(result.status == 64)
  #expect(result.stderr.contains("name a file for the tuned configuration"))
  #expect(!FileManager.default.fileExists(atPath: "-"))
}
