import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A large regular input file mapped read-only into memory for one parse,
/// instead of being copied into a buffer: no copy of its bytes, no zeroed
/// pages to fault in (the mapping is populated from the page cache at once).
///
/// A mapping can fault (`SIGBUS`) when another process truncates the file
/// while it is read. While ``withBytes(ofRegularFile:minimumSize:_:)`` runs,
/// a `SIGBUS` handler turns such a fault into a read of zeros (it maps
/// anonymous zero pages over the whole mapping) and marks the read as
/// spoiled; the result is then discarded and the caller reads the file the
/// ordinary way (``InputFile/read(_:)``). A file whose size changed while
/// mapped is discarded the same way. Faults at any other address go to the
/// handler that was installed before (the Swift runtime's crash report).
/// One mapping is guarded at a time: a second caller meanwhile waits.
enum MappedFile {
  /// Runs `body` on the bytes of the regular file at `path`, mapped
  /// read-only, and returns its result; or `nil` (without running `body`, or
  /// discarding what it returned) when `path` is not a regular file of at
  /// least `minimumSize` bytes, cannot be opened or mapped, or the file was
  /// truncated or changed size meanwhile.
  ///
  /// `body` must not keep the pointer: the mapping is removed when it returns.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - minimumSize: Smaller files are left to an ordinary read.
  ///   - body: Reads the bytes; returns `nil` to decline them.
  /// - Returns: `body`'s result, or `nil`.
  /// - Complexity: O(1) system calls plus the page tables of the file's
  ///   pages (populated at once), then `body`.
  static func withBytes<Result>(
    ofRegularFile path: String, minimumSize: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result?
  ) -> Result? {
    #if os(Linux)
      lock.lock()
      defer { lock.unlock() }
      let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
      guard descriptor >= 0 else { return nil }
      defer { close(descriptor) }
      var before = stat()
      guard fstat(descriptor, &before) == 0, before.st_mode & S_IFMT == S_IFREG, before.st_size >= minimumSize,
        before.st_size > 0, let size = Int(exactly: before.st_size)
      else { return nil }
      let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0)
      guard let mapped, mapped != MAP_FAILED else { return nil }
      defer { munmap(mapped, size) }
      // The guard: a fault inside the mapping reads zeros and spoils the read.
      guardStart = UInt(bitPattern: mapped)
      guardLength = UInt(size)
      spoiled = 0
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = busHandler
      action.sa_flags = SA_SIGINFO
      sigemptyset(&action.sa_mask)
      guard sigaction(SIGBUS, &action, &previousAction) == 0 else { return nil }
      let result = body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size))
      sigaction(SIGBUS, &previousAction, nil)
      var after = stat()
      guard spoiled == 0, fstat(descriptor, &after) == 0, after.st_size == before.st_size else { return nil }
      return result
    #else
      return nil
    #endif
  }

  /// Whether `path` names a regular file (after symbolic links) of at
  /// least `minimumSize` bytes, by `stat` alone: nothing is opened.
  ///
  /// - Complexity: O(1).
  static func isRegularFile(_ path: String, minimumSize: Int) -> Bool {
    #if os(Linux)
      var info = stat()
      guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let size = Int(exactly: info.st_size) else {
        return false
      }
      return size >= minimumSize
    #else
      return false
    #endif
  }

  /// Runs `body` while no other thread can map a file through
  /// ``withBytes(ofRegularFile:minimumSize:_:)``; calls made by `body` itself
  /// (on the same thread) go ahead. Lets a caller see the `SIGBUS` handler
  /// as it is between guarded mappings, which another thread's mapping would
  /// otherwise replace for a moment.
  ///
  /// - Complexity: O(1) plus `body`.
  static func exclusively<Result>(_ body: () throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// One guarded mapping at a time (the handler's state is global);
  /// recursive, so ``exclusively(_:)`` can hold it around a mapping.
  private static let lock = NSRecursiveLock()
}

// The handler's state: plain integers, written before the handler is
// installed and read (or set) only by it while installed.
nonisolated(unsafe) private var guardStart: UInt = 0
nonisolated(unsafe) private var guardLength: UInt = 0
nonisolated(unsafe) private var spoiled: Int32 = 0
nonisolated(unsafe) private var previousAction = sigaction()

#if os(Linux)
  /// The `SIGBUS` handler of ``MappedFile``: a fault inside the guarded
  /// mapping (the file was truncated under it) maps zero pages over the whole
  /// mapping, so the faulting read and every later one sees zeros, and marks
  /// the read spoiled; any other fault restores the previous handler, so the
  /// faulting instruction, run again, reaches it.
  private let busHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    _, info, _ in
    let address = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
    if guardLength > 0 && address >= guardStart && address - guardStart < guardLength,
      let start = UnsafeMutableRawPointer(bitPattern: guardStart),
      mmap(start, Int(guardLength), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED
    {
      spoiled = 1
      return
    }
    sigaction(SIGBUS, &previousAction, nil)
  }
#endif
