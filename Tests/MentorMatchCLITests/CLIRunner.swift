import Foundation
import Testing
import _TestSupport

/// Runs the built `mentor-match` binary and captures what it prints.
struct CLIRunner {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `mentor-match` binary beside the test bundle.
  static var binary: URL {
    var directory = Bundle.main.bundleURL
    // On Linux the bundle is the test binary's folder; on macOS it is inside the .xctest.
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("mentor-match")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("mentor-match")
  }

  static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Outcome {
    try start(arguments, environment: extra).finish()
  }

  /// A started `mentor-match` process whose output is being collected.
  struct Running {
    var process: Process
    var out: Pipe
    var err: Pipe

    /// Waits for the process and returns what it printed.
    func finish() -> Outcome {
      // Read both pipes fully before waiting, so a large output cannot block the child.
      let outData = out.fileHandleForReading.readDataToEndOfFile()
      let errData = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Outcome(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
    }
  }

  /// Starts the binary without waiting for it, so tests can run several at once.
  ///
  /// - Parameter launcher: a command that runs the binary (e.g. `setpriv` to
  ///   drop privileges); the binary's path and the arguments follow it.
  static func start(_ arguments: [String], environment extra: [String: String] = [:], launcher: [String] = [])
    throws -> Running
  {
    let process = Process()
    if let first = launcher.first {
      process.executableURL = URL(fileURLWithPath: first)
      process.arguments = Array(launcher.dropFirst()) + [binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    // Keep the tests away from the developer's own programme ledger.
    var environment = ProcessInfo.processInfo.environment
    environment["MENTOR_MATCH_LEDGER"] = TemporaryFolder.unusedPath("mentor-match-no-ledger") + "/ledger.sqlite"
    environment.merge(extra) { $1 }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return Running(process: process, out: out, err: err)
  }
}
