import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

/// Writes files all at once: a reader (or a crash) sees either the old
/// content or the new, never a partial file.
///
/// The content goes to a temporary file in the target's folder, named
/// `.<name>.tmp-<pid>-<random>`, which is flushed to disk and then renamed
/// over the target with `rename(2)` (atomic within one file system). On any
/// failure the temporary file is removed and the target is left untouched.
/// An existing target's permission bits are kept.
public enum AtomicFile {
  /// Writes `data` to `path`, replacing any existing file atomically.
  ///
  /// - Parameters:
  ///   - data: The complete new content.
  ///   - path: The target file; its folder must exist.
  /// - Throws: ``OutputError`` naming `path` and the reason.
  /// - Complexity: O(`data.count`).
  public static func write(_ data: Data, to path: String) throws(OutputError) {
    let (directory, name) = split(path)
    guard !name.isEmpty, name != ".", name != ".." else {
      throw OutputError(path: path, reason: "the path does not name a file")
    }
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    let temporary = directory + "." + name + ".tmp-\(getpid())-" + random

    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw OutputError(path: path, reason: lastError()) }
    var failure: String?
    var target = stat()
    if stat(path, &target) == 0 && fchmod(descriptor, target.st_mode & 0o7777) != 0 {
      failure = lastError()
    }
    if failure == nil {
      failure = data.withUnsafeBytes { raw in writeAll(descriptor, raw) }
    }
    if failure == nil && fsync(descriptor) != 0 { failure = lastError() }
    if close(descriptor) != 0 && failure == nil { failure = lastError() }
    if failure == nil && rename(temporary, path) != 0 { failure = lastError() }
    if let failure {
      unlink(temporary)
      throw OutputError(path: path, reason: failure)
    }
  }

  /// Writes `text` as UTF-8 to `path`, replacing any existing file atomically.
  ///
  /// - Parameters:
  ///   - text: The complete new content.
  ///   - path: The target file; its folder must exist.
  /// - Throws: ``OutputError`` naming `path` and the reason.
  /// - Complexity: O(length of `text`).
  public static func write(_ text: String, to path: String) throws(OutputError) {
    try write(Data(text.utf8), to: path)
  }

  /// Splits a path into its folder (with a trailing `/`, or empty for the
  /// current folder) and its last component.
  private static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }

  /// Writes every byte, retrying after interrupts and short writes.
  ///
  /// - Returns: `nil`, or the reason of the failure.
  private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
    var offset = 0
    while offset < bytes.count {
      #if canImport(Glibc)
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      #else
        let written = Darwin.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      #endif
      if written < 0 {
        if errno == EINTR { continue }
        return lastError()
      }
      offset += written
    }
    return nil
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}
