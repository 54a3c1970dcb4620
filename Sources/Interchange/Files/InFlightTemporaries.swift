import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files and folders being written right now, removed when
/// SIGINT, SIGTERM or SIGHUP ends the process mid-write.
///
/// The paths live in one preallocated C buffer of ``slotCount`` slots of
/// `PATH_MAX` bytes, so the signal handler only reads memory and calls the
/// async-signal-safe `unlink`, `rmdir` and `_exit`: it removes the registered
/// files, then the registered folders (emptied by then), and exits
/// with status 128 + the signal, as a shell reports a process killed by it.
/// The handlers are installed while at least one path is registered and the
/// previous actions restored after; a signal the process ignores (`nohup`)
/// stays ignored.
enum InFlightTemporaries {
  /// How many paths can be registered at once.
  static let slotCount = 8
  /// The bytes of one slot: a path and its terminating NUL.
  static let slotSize = Int(PATH_MAX)
  /// The signals that remove the registered paths.
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// The slots; a slot whose first byte is NUL is free. Written only under
  /// `lock`, read by the signal handler.
  nonisolated(unsafe) static let slots: UnsafeMutablePointer<CChar> = {
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
    buffer.initialize(repeating: 0, count: slotCount * slotSize)
    return buffer
  }()

  private static let lock = NSLock()
  nonisolated(unsafe) private static var registered = 0
  nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

  /// Registers `path` for removal on a signal.
  ///
  /// - Returns: The slot to pass to ``unregister(_:)``, or `nil` when the
  ///   path is too long or every slot is taken (the write still happens,
  ///   without the clean-up on a signal).
  /// - Complexity: O(length of `path`).
  static func register(_ path: String) -> Int? {
    let bytes = Array(path.utf8)
    guard !bytes.isEmpty, bytes.count < slotSize, !bytes.contains(0) else { return nil }
    _ = slots  // initialised before any handler can run
    lock.lock()
    defer { lock.unlock() }
    guard let slot = (0..<slotCount).first(where: { slots[$0 * slotSize] == 0 }) else { return nil }
    let base = slots + slot * slotSize
    for (offset, byte) in bytes.enumerated().dropFirst() { base[offset] = CChar(bitPattern: byte) }
    base[bytes.count] = 0
    base[0] = CChar(bitPattern: bytes[0])  // last: the slot is complete once it is non-empty
    registered += 1
    if registered == 1 { install() }
    return slot
  }

  /// Frees a slot from ``register(_:)`` (the path itself is not touched).
  ///
  /// - Complexity: O(1).
  static func unregister(_ slot: Int?) {
    guard let slot else { return }
    lock.lock()
    defer { lock.unlock() }
    slots[slot * slotSize] = 0
    registered -= 1
    if registered == 0 { restore() }
  }

  private static func install() {
    for signal in signals {
      var old = sigaction()
      guard sigaction(signal, nil, &old) == 0 else { continue }
      // SIG_IGN is the handler address 1 on Linux and Darwin.
      #if canImport(Glibc)
        let ignored = unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == 1
      #else
        let ignored = unsafeBitCast(old.__sigaction_u.__sa_handler, to: Int.self) == 1
      #endif
      if ignored { continue }
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = removeInFlightTemporariesAndExit
      #else
        action.__sigaction_u.__sa_handler = removeInFlightTemporariesAndExit
      #endif
      sigemptyset(&action.sa_mask)
      for other in signals { sigaddset(&action.sa_mask, other) }
      action.sa_flags = 0
      if sigaction(signal, &action, nil) == 0 { previous[signal] = old }
    }
  }

  private static func restore() {
    for (signal, old) in previous {
      var old = old
      sigaction(signal, &old, nil)
    }
    previous = [:]
  }
}

/// The signal handler: async-signal-safe calls only. Files go first, then
/// the folders (now empty) that held them.
private func removeInFlightTemporariesAndExit(_ signal: Int32) {
  let slots = InFlightTemporaries.slots
  for pass in 0..<2 {
    var slot = 0
    while slot < InFlightTemporaries.slotCount {
      let path = slots + slot * InFlightTemporaries.slotSize
      if path[0] != 0 {
        if pass == 0 { unlink(path) } else { rmdir(path) }
      }
      slot += 1
    }
  }
  _exit(128 + signal)
}
