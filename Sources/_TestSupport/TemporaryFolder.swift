import Foundation

/// A fresh folder under the system's temporary folder, removed when the
/// value goes away: the one temporary-file helper of every test target.
///
/// ```swift
/// let folder = try TemporaryFolder()
/// let path = try folder.write("config.yaml", "minimum_score: 0.5\n")
/// ```
public final class TemporaryFolder {
  /// The folder.
  public let url: URL

  /// Creates a new, empty folder whose name starts with `prefix`.
  ///
  /// - Complexity: O(1) file-system calls.
  public init(prefix: String = "mentor-match-tests") throws {
    url = URL(fileURLWithPath: Self.unusedPath(prefix))
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The folder's path.
  public var folder: String { url.path }

  /// The path of `name` inside the folder (the file need not exist).
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `text` as UTF-8 to `name` inside the folder and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    let p = path(name)
    try text.write(toFile: p, atomically: true, encoding: .utf8)
    return p
  }

  /// The UTF-8 text of `name` inside the folder.
  public func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

  /// A path under the system's temporary folder that nothing uses yet (a
  /// unique name starting with `prefix`); nothing is created, nothing removed.
  ///
  /// - Complexity: O(1).
  public static func unusedPath(_ prefix: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
  }

  /// Runs `body` with the path of a fresh folder, removed afterwards.
  public static func with<T>(prefix: String = "mentor-match-tests", _ body: (String) throws -> T) throws -> T {
    let folder = try TemporaryFolder(prefix: prefix)
    return try withExtendedLifetime(folder) { try body(folder.folder) }
  }
}
