import Foundation
import Testing

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

  static func run(_ arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    // Keep the tests away from the developer's own programme ledger.
    var environment = ProcessInfo.processInfo.environment
    environment["MENTOR_MATCH_LEDGER"] =
      FileManager.default.temporaryDirectory.appendingPathComponent("mentor-match-no-ledger-\(UUID().uuidString)")
      .appendingPathComponent("ledger.sqlite").path
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes fully before waiting, so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
  let url: URL
  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-match-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func write(_ name: String, _ text: String) throws -> String {
    let p = path(name)
    try text.write(toFile: p, atomically: true, encoding: .utf8)
    return p
  }

  func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}
