/// A request that the cohort read cannot serve: an id it does not hold, a
/// matrix too large to write. Bad data for the request (exit code 65), not a
/// problem of any file, so it has no file:line:column.
public struct CohortCheckError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The message, a whole sentence without the `error:` prefix.
  public var message: String

  /// A check failure with this message.
  ///
  /// - Complexity: O(1).
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
