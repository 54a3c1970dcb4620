/// A file could not be written.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path that was to be written.
  public var path: String
  /// Why it failed, such as `"No such file or directory"`.
  public var reason: String

  /// Creates an output error.
  ///
  /// - Parameters:
  ///   - path: The path that was to be written.
  ///   - reason: Why it failed.
  /// - Complexity: O(1).
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `cannot write <path>: <reason>`.
  ///
  /// - Complexity: O(length of the path and reason).
  public var description: String { "cannot write \(path): \(reason)" }
}
