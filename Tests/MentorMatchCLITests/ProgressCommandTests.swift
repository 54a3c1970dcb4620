import Foundation
import Testing
import _TestSupport

#if os(Linux)
  /// Progress on standard error: shown only when it is a terminal and
  /// `--quiet` is not given; outputs byte-identical either way.
  @Suite struct ProgressCommandTests {
    /// A pseudo-terminal: the master from /dev/ptmx, unlocked, and the path of its slave.
    final class PseudoTerminal: @unchecked Sendable {
      let master: Int32
      let slave: String

      init() throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        // TIOCSPTLCK and TIOCGPTN (Linux's _IOW/_IOR values; the macros are not imported).
        try #require(ioctl(master, UInt(0x4004_5431), &unlock) == 0)
        try #require(ioctl(master, UInt(0x8004_5430), &number) == 0)
        slave = "/dev/pts/\(number)"
      }

      deinit { close(master) }

      /// Reads the master on another thread until every slave is closed (the
      /// read fails), so that a writer never blocks on a full buffer; `wait`
      /// returns what was read.
      func startReading() -> () -> String {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var bytes: [UInt8] = []
        let fd = master
        Thread.detachNewThread {
          var buffer = [UInt8](repeating: 0, count: 4096)
          while true {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[0..<count]
          }
          done.signal()
        }
        return {
          done.wait()
          return String(decoding: bytes, as: UTF8.self)
        }
      }
    }

    /// Runs the binary with standard error on `terminal` (or a pipe), standard
    /// output on a pipe; returns the status, standard output and what the
    /// terminal (or pipe) received.
    func run(_ arguments: [String], terminal: PseudoTerminal?) throws -> (status: Int32, stdout: Data, stderr: String) {
      let process = Process()
      process.executableURL = CLIRunner.binary
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["MENTOR_MATCH_LEDGER"] = "/nonexistent/mentor-match-no-ledger/ledger.sqlite"
      process.environment = environment
      let out = Pipe()
      let err = Pipe()
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = out
      let slave = try terminal.map { try #require(FileHandle(forWritingAtPath: $0.slave)) }
      let received = terminal?.startReading()
      process.standardError = slave ?? err
      try process.run()
      let outData = out.fileHandleForReading.readDataToEndOfFile()
      let errData = slave == nil ? err.fileHandleForReading.readDataToEndOfFile() : Data()
      process.waitUntilExit()
      try slave?.close()
      return (process.terminationStatus, outData, received?() ?? String(decoding: errData, as: UTF8.self))
    }

    @Test func matchShowsPhasesOnATerminalOnlyAndWritesTheSameFile() throws {
      let folder = try TemporaryFolder()
      let terminal = try PseudoTerminal()
      let shown = try run(
        ["match", "Datasets/sample", "--format", "json", "--output", folder.path("a.json")], terminal: terminal)
      let piped = try run(
        ["match", "Datasets/sample", "--format", "json", "--output", folder.path("b.json")], terminal: nil)
      let quiet = try run(
        ["match", "Datasets/sample", "--format", "json", "--output", folder.path("c.json"), "--quiet"],
        terminal: terminal)
      #expect(shown.status == 0 && piped.status == 0 && quiet.status == 0)
      #expect(shown.stderr.contains("scoring all pairs, pass 1"), "\(shown.stderr.debugDescription)")
      #expect(shown.stderr.contains("solving round 1"))
      #expect(shown.stderr.contains("writing"))
      // The line is cleared at the end.
      #expect(shown.stderr.hasSuffix("\r\u{1B}[K"))
      #expect(piped.stderr.isEmpty, "\(piped.stderr)")
      #expect(quiet.stderr.isEmpty, "\(quiet.stderr.debugDescription)")
      let a = try Data(contentsOf: folder.url.appendingPathComponent("a.json"))
      #expect(a == (try Data(contentsOf: folder.url.appendingPathComponent("b.json"))))
      #expect(a == (try Data(contentsOf: folder.url.appendingPathComponent("c.json"))))
    }

    @Test func sensitivityCountsItsRunsOnATerminalAndPrintsTheSameReport() throws {
      let terminal = try PseudoTerminal()
      let arguments = ["sensitivity", "Datasets/sample", "--runs", "3"]
      let shown = try run(arguments, terminal: terminal)
      let piped = try run(arguments, terminal: nil)
      #expect(shown.status == 0 && piped.status == 0)
      #expect(shown.stderr.contains("re-matching under perturbed weights"), "\(shown.stderr.debugDescription)")
      // 3 runs and two re-matches per weight: the last step is always drawn.
      #expect(shown.stderr.range(of: #"of \d+"#, options: .regularExpression) != nil)
      #expect(piped.stderr.isEmpty)
      #expect(shown.stdout == piped.stdout)
      #expect(!shown.stdout.isEmpty)
    }

    @Test func generateAndCirclesStayQuietWhenAsked() throws {
      let folder = try TemporaryFolder()
      let terminal = try PseudoTerminal()
      let generated = try run(
        ["generate", "--mentees", "30", "--mentors", "10", "--output", folder.path("g"), "--quiet"], terminal: terminal)
      #expect(generated.status == 0)
      #expect(generated.stderr.hasPrefix("wrote "), "\(generated.stderr.debugDescription)")
      let config = try folder.write("config.yaml", "rules:\n  require_shared_language: false\n")
      let circles = ["circles", "Datasets/sample", "--config", config, "--rounds", "1", "--format", "json"]
      let shown = try run(circles, terminal: terminal)
      let piped = try run(circles, terminal: nil)
      #expect(shown.status == 0 && piped.status == 0)
      #expect(shown.stderr.contains("forming circles"), "\(shown.stderr.debugDescription)")
      #expect(shown.stdout == piped.stdout)
    }
  }
#endif
