import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes several files into one folder as a unit: either all of them
/// appear, or none does.
///
/// Every file is first written (and flushed) into a fresh temporary folder
/// named `.<name>.tmp-<pid>-<random>`: beside the target folder when that
/// does not exist yet, inside it when it does, so the final renames never
/// cross file systems. A new target folder is then the temporary folder
/// renamed in one `rename(2)`; into an existing one each file is renamed in
/// turn, after checking that none of the names is taken by a folder. On any
/// failure (a full disk, a name that cannot be replaced) the temporary
/// folder and everything in it is removed and the target is untouched. A
/// signal during the write removes them too (``InFlightTemporaries``), and
/// temporary folders of our pattern left by processes that no longer run
/// are removed on the next write.
public enum AtomicFolder {
  /// Writes `files` into `folder` as a unit.
  ///
  /// - Parameters:
  ///   - files: File names (no `/`) and their complete contents.
  ///   - folder: The target folder; created, with its parents, if missing.
  /// - Throws: ``OutputError`` naming the path that failed and why.
  /// - Complexity: O(total size of the files).
  public static func write(_ files: [(name: String, data: Data)], into folder: String) throws(OutputError) {
    precondition(files.allSatisfy { !$0.name.isEmpty && !$0.name.contains("/") }, "File names have no '/'")
    var trimmed = folder
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    let (parent, base) = AtomicFile.split(trimmed)
    guard !base.isEmpty, base != ".", base != ".." else {
      throw OutputError(path: folder, reason: "name a new or existing folder such as out/cohort")
    }
    var info = stat()
    let exists = stat(trimmed, &info) == 0
    if exists && info.st_mode & S_IFMT != S_IFDIR {
      throw OutputError(path: folder, reason: "it exists and is not a folder")
    }
    let inside = trimmed + "/"
    if exists {
      for file in files {
        var target = stat()
        if lstat(inside + file.name, &target) == 0 && target.st_mode & S_IFMT == S_IFDIR {
          throw OutputError(path: inside + file.name, reason: "it is a folder, not a file")
        }
      }
    } else if !parent.isEmpty {
      do {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
      } catch {
        throw OutputError(path: parent, reason: "cannot create the folder")
      }
    }
    // The temporary folder's own name and the folder that holds it.
    let (home, name) = exists ? (inside, "generate") : (parent, base)
    sweepStaleFolders(of: name, in: home)
    let temporary = home + AtomicFile.temporaryName(for: name)
    let folderSlot = InFlightTemporaries.register(temporary)
    var fileSlots: [Int?] = []
    defer {
      for slot in fileSlots { InFlightTemporaries.unregister(slot) }
      InFlightTemporaries.unregister(folderSlot)
    }
    guard mkdir(temporary, 0o777) == 0 else { throw OutputError(path: folder, reason: AtomicFile.lastError()) }
    var written: [String] = []
    func removeTemporary() {
      for path in written { unlink(path) }
      rmdir(temporary)
    }
    for file in files {
      let path = temporary + "/" + file.name
      fileSlots.append(InFlightTemporaries.register(path))
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else {
        let reason = AtomicFile.lastError()
        removeTemporary()
        throw OutputError(path: inside + file.name, reason: reason)
      }
      written.append(path)
      var failure = file.data.withUnsafeBytes { AtomicFile.writeAll(descriptor, $0) }
      if failure == nil && fsync(descriptor) != 0 { failure = AtomicFile.lastError() }
      if close(descriptor) != 0 && failure == nil { failure = AtomicFile.lastError() }
      if let failure {
        removeTemporary()
        throw OutputError(path: inside + file.name, reason: failure)
      }
    }
    if !exists {
      guard rename(temporary, trimmed) == 0 else {
        let reason = AtomicFile.lastError()
        removeTemporary()
        throw OutputError(path: folder, reason: reason)
      }
      return
    }
    for (index, file) in files.enumerated() {
      guard rename(written[index], inside + file.name) == 0 else {
        let reason = AtomicFile.lastError()
        removeTemporary()
        throw OutputError(path: inside + file.name, reason: reason)
      }
    }
    rmdir(temporary)
  }

  /// Removes temporary folders `.<name>.tmp-<pid>-<hex>` in `directory` whose
  /// process no longer runs, with the regular files in them.
  ///
  /// - Complexity: O(entries of the folder and of the stale folders).
  static func sweepStaleFolders(of name: String, in directory: String) {
    let prefix = "." + name + ".tmp-"
    let manager = FileManager.default
    guard let entries = try? manager.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return }
    for entry in entries where entry.hasPrefix(prefix) {
      let parts = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, pid != getpid(), !parts[1].isEmpty,
        parts[1].allSatisfy(\.isHexDigit), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      let path = directory + entry
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
      for inner in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
        var innerInfo = stat()
        if lstat(path + "/" + inner, &innerInfo) == 0, innerInfo.st_mode & S_IFMT == S_IFREG {
          unlink(path + "/" + inner)
        }
      }
      rmdir(path)
    }
  }
}
