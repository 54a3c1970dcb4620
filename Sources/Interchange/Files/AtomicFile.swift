import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes output files so that a reader (or a crash) sees either the old
/// content or the new, never a partial file, and never replaces what the
/// path points at with something else.
///
/// What happens depends on what `path` is:
/// - a **regular file or a new path**: the content goes to a temporary file
///   in the same folder, named `.<name>.tmp-<pid>-<random>`, which is flushed
///   to disk and then renamed over the target with `rename(2)` (atomic within
///   one file system). An existing target's permission bits (and, when the
///   process may, its owner) are kept. On any failure the temporary file is
///   removed and the target is left untouched;
/// - a **symbolic link**: it is followed (up to 40 links, relative links from
///   the link's folder) and its final target is written as above, so the link
///   stays a link; a dangling link creates its target;
/// - a **FIFO, character or block device or socket**: it is opened and
///   written directly (no temporary file, no rename): `/dev/null` stays a
///   device and a FIFO's reader receives the bytes;
/// - a **folder**: an error.
///
/// Before writing, stale temporary files of the same target (our pattern,
/// whose process id is no longer alive) are removed. While a temporary file
/// exists, SIGINT, SIGTERM and SIGHUP remove it and end the process with
/// status 128 + the signal (see ``InFlightTemporaries``).
public enum AtomicFile {
  /// Writes `data` to `path` as described in ``AtomicFile``.
  ///
  /// - Parameters:
  ///   - data: The complete new content.
  ///   - path: The target; its folder must exist.
  /// - Throws: ``OutputError`` naming `path` and the reason.
  /// - Complexity: O(`data.count`) plus O(entries of the target's folder)
  ///   for the sweep of stale temporary files.
  public static func write(_ data: Data, to path: String) throws(OutputError) {
    try write(to: path) { descriptor in data.withUnsafeBytes { writeAll(descriptor, $0) } }
  }

  /// Writes to `path` as described in ``AtomicFile`` whatever `content`
  /// writes to the descriptor it is given.
  ///
  /// - Parameters:
  ///   - path: The target; its folder must exist.
  ///   - content: Writes the complete new content to the descriptor and
  ///     returns `nil`, or the reason it failed.
  /// - Throws: ``OutputError`` naming `path` and the reason.
  static func write(to path: String, content: (Int32) -> String?) throws(OutputError) {
    let name = split(path).name
    guard !name.isEmpty, name != ".", name != ".." else {
      throw OutputError(path: path, reason: "the path does not name a file")
    }
    let target = try resolvingLinks(path)
    var info = stat()
    let exists = stat(target, &info) == 0
    if exists {
      switch info.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFDIR: throw OutputError(path: path, reason: "it is a folder, not a file")
      default:
        try writeDirectly(content, to: target, reportedAs: path)
        return
      }
    }
    try replace(target, with: content, keeping: exists ? info : nil, reportedAs: path)
  }

  /// Writes `text` as UTF-8 to `path` as described in ``AtomicFile``.
  ///
  /// - Parameters:
  ///   - text: The complete new content.
  ///   - path: The target; its folder must exist.
  /// - Throws: ``OutputError`` naming `path` and the reason.
  /// - Complexity: O(length of `text`).
  public static func write(_ text: String, to path: String) throws(OutputError) {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to standard output (file descriptor 1), retrying short
  /// writes.
  ///
  /// - Parameter data: The bytes.
  /// - Throws: ``OutputError`` for the path `standard output`.
  /// - Complexity: O(`data.count`).
  public static func writeStandardOutput(_ data: Data) throws(OutputError) {
    if let failure = data.withUnsafeBytes({ writeAll(1, $0) }) {
      throw OutputError(path: "standard output", reason: failure)
    }
  }

  /// The name of a temporary file for `name` made by process `pid`.
  static func temporaryName(for name: String, pid: Int32 = getpid()) -> String {
    "." + name + ".tmp-\(pid)-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
  }

  /// Follows symbolic links from `path` to the path that is not a link.
  static func resolvingLinks(_ path: String) throws(OutputError) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count >= 0 else { throw OutputError(path: path, reason: lastError()) }
      let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : split(current).directory + link
    }
    throw OutputError(path: path, reason: "too many levels of symbolic links")
  }

  /// Opens an existing non-regular file (FIFO, device) and writes to it.
  private static func writeDirectly(
    _ content: (Int32) -> String?, to target: String, reportedAs path: String
  ) throws(OutputError) {
    let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { throw OutputError(path: path, reason: lastError()) }
    var failure = content(descriptor)
    if close(descriptor) != 0 && failure == nil && errno != EINTR { failure = lastError() }
    if let failure { throw OutputError(path: path, reason: failure) }
  }

  /// Writes a temporary file beside `target` and renames it over `target`.
  private static func replace(
    _ target: String, with content: (Int32) -> String?, keeping existing: stat?, reportedAs path: String
  ) throws(OutputError) {
    let (directory, name) = split(target)
    guard !name.isEmpty, name != ".", name != ".." else {
      throw OutputError(path: path, reason: "the path does not name a file")
    }
    sweepStaleTemporaries(of: name, in: directory)
    let temporary = directory + temporaryName(for: name)
    let slot = InFlightTemporaries.register(temporary)
    defer { InFlightTemporaries.unregister(slot) }

    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw OutputError(path: path, reason: lastError()) }
    var failure: String?
    if let existing {
      if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { failure = lastError() }
      // Keeps the owner when the process may (root); otherwise the owner is us anyway.
      _ = fchown(descriptor, existing.st_uid, existing.st_gid)
    }
    if failure == nil {
      failure = content(descriptor)
    }
    if failure == nil && fsync(descriptor) != 0 { failure = lastError() }
    if close(descriptor) != 0 && failure == nil { failure = lastError() }
    if failure == nil && rename(temporary, target) != 0 { failure = lastError() }
    if let failure {
      unlink(temporary)
      throw OutputError(path: path, reason: failure)
    }
  }

  /// Removes `.<name>.tmp-<pid>-<hex>` files in `directory` (with its
  /// trailing `/`, or empty for the current folder) whose process no longer
  /// runs. Files of live processes, of this process and of other names stay.
  ///
  /// - Complexity: O(entries of the folder).
  static func sweepStaleTemporaries(of name: String, in directory: String) {
    let prefix = "." + name + ".tmp-"
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)
    else { return }
    for entry in entries where entry.hasPrefix(prefix) {
      let parts = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, pid != getpid(), !parts[1].isEmpty,
        parts[1].allSatisfy(\.isHexDigit)
      else { continue }
      guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
      var info = stat()
      let path = directory + entry
      if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { unlink(path) }
    }
  }

  /// Splits a path into its folder (with a trailing `/`, or empty for the
  /// current folder) and its last component.
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }

  /// Writes every byte, retrying after interrupts and short writes.
  ///
  /// - Returns: `nil`, or the reason of the failure.
  static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
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

  static func lastError() -> String { String(cString: strerror(errno)) }
}
