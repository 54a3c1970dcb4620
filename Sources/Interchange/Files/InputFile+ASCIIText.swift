import Assignment
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension InputFile {
  /// The text of the regular file at `path` when every byte of it is
  /// ASCII, read straight into the string's own storage (no second buffer,
  /// no copy); `nil` for anything else (a stream, an empty or non-ASCII
  /// file, a file that grows while read, any failure), which the caller
  /// then reads through ``read(_:)`` and reports as before.
  ///
  /// - Complexity: O(size of the file).
  static func readASCIIText(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0,
      info.st_size < Int(Int32.max)
    else { return nil }
    let size = Int(info.st_size)
    // A file of a megabyte or more is read in one part per core (up to 8),
    // each part checked while it is still in the core's cache.
    let parts = size >= 1 << 20 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    var ascii = false
    let text = String(unsafeUninitializedCapacity: size) { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      let target = Target(base: base, descriptor: descriptor)
      if parts == 1 {
        ascii = target.readASCII(0..<size)
      } else {
        let answers = ResultSlots<Bool>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          answers.put(target.readASCII(size * part / parts..<size * (part + 1) / parts), at: part)
        }
        ascii = (0..<parts).allSatisfy { answers.take($0) }
      }
      // A file that grew meanwhile is read by the general path.
      var extra: UInt8 = 0
      guard ascii, pread(descriptor, &extra, 1, off_t(size)) == 0 else {
        ascii = false
        return 0
      }
      return size
    }
    return ascii ? text : nil
  }

  /// Where one read of ``readASCIIText(_:)`` goes: the parts write
  /// disjoint ranges of the text's storage (`concurrentPerform` returns
  /// when all are done).
  private struct Target: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let descriptor: Int32

    /// Reads the file's bytes `range` to the same offsets of `base`;
    /// whether all were read and all are ASCII.
    ///
    /// - Complexity: O(`range.count`).
    func readASCII(_ range: Range<Int>) -> Bool {
      var filled = range.lowerBound
      while filled < range.upperBound {
        let count = pread(descriptor, base + filled, range.upperBound - filled, off_t(filled))
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return false }
        filled += count
      }
      return InputFile.isASCII(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(start: base, count: filled)[range]))
    }
  }

  /// Whether every byte of `bytes` is below 0x80.
  ///
  /// - Complexity: O(`bytes.count`), eight bytes at a time.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var seen: UInt64 = 0
    var index = 0
    while index + 32 <= bytes.count {
      seen |=
        raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
        | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
        | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
      index += 32
    }
    while index < bytes.count {
      seen |= UInt64(base[index])
      index += 1
    }
    return seen & 0x8080_8080_8080_8080 == 0
  }
}
