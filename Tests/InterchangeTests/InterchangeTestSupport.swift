import Foundation
import Interchange
import Testing
import _TestSupport

/// A fresh folder under the system's temporary folder, removed after `body`.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) rethrows -> T {
  let folder = try! TemporaryFolder(prefix: "InterchangeTests")
  return try withExtendedLifetime(folder) { try body(folder.folder) }
}

/// The problems `body` throws as ``InputErrors``; records an issue when it
/// does not throw.
func problems<T>(
  sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(InputErrors) -> T
) -> [InputError] {
  do {
    _ = try body()
    Issue.record("expected InputErrors, but the read succeeded", sourceLocation: sourceLocation)
    return []
  } catch {
    return error.errors
  }
}

/// `file:line:column` of each problem, for exact position checks.
func positions(_ problems: [InputError]) -> [String] {
  problems.map { "\($0.file):\($0.line):\($0.column)" }
}

/// Writes `text` to `name` inside `folder` and returns the path.
@discardableResult
func writeFile(_ text: String, _ name: String, in folder: String) -> String {
  let path = folder + "/" + name
  try! text.write(toFile: path, atomically: false, encoding: .utf8)
  return path
}
