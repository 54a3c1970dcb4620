import Assignment
import CKernels
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
    guard let (descriptor, size) = openRegular(path) else { return nil }
    defer { close(descriptor) }
    var ascii = false
    let text = String(unsafeUninitializedCapacity: size) { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      ascii = readAllASCII(descriptor, size: size, into: base)
      return ascii ? size : 0
    }
    return ascii ? text : nil
  }

  /// The bytes of the regular file at `path` when every one of them is
  /// ASCII (so they are valid UTF-8: no `String` is made, and none checks
  /// them again), read as ``readASCIIText(_:)`` reads them; `nil` when
  /// that gives `nil`.
  ///
  /// - Complexity: O(size of the file).
  static func readASCIIBytes(_ path: String) -> [UInt8]? {
    guard let (descriptor, size) = openRegular(path) else { return nil }
    defer { close(descriptor) }
    var ascii = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      initialized = 0
      guard let base = buffer.baseAddress else { return }
      ascii = readAllASCII(descriptor, size: size, into: base)
      if ascii { initialized = size }
    }
    return ascii ? bytes : nil
  }

  /// The file at `path` opened for reading, with its size, when it is a
  /// regular file of 1 to `Int32.max - 1` bytes; else `nil` (nothing left
  /// open). The caller closes the descriptor.
  ///
  /// - Complexity: O(1).
  private static func openRegular(_ path: String) -> (descriptor: Int32, size: Int)? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0,
      info.st_size < Int(Int32.max)
    else {
      close(descriptor)
      return nil
    }
    return (descriptor, Int(info.st_size))
  }

  /// Reads the `size` bytes of the file open at `descriptor` to `base`;
  /// whether all were read, all are ASCII and the file has no more.
  ///
  /// - Complexity: O(`size`).
  private static func readAllASCII(_ descriptor: Int32, size: Int, into base: UnsafeMutablePointer<UInt8>) -> Bool {
    // A file of a megabyte or more is read in one part per core (up to 8),
    // each part checked while it is still in the core's cache.
    let parts = size >= 1 << 20 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    let target = Target(base: base, descriptor: descriptor)
    var ascii = false
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
    return ascii && pread(descriptor, &extra, 1, off_t(size)) == 0
  }

  /// Where one read of ``readASCIIText(_:)`` or ``readASCIIBytes(_:)`` goes: the parts write
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

  /// Whether every byte of `bytes` is below 0x80, checked in one part per
  /// core (up to 8) from a megabyte on, as ``readASCIIBytes(_:)`` checks the
  /// parts it reads.
  ///
  /// - Complexity: O(`bytes.count`), over the available cores.
  static func isASCIIOnEveryCore(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let size = bytes.count
    let parts = size >= 1 << 20 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    if parts == 1 { return isASCII(bytes) }
    return WellFormedCSV.map(bytes, chunks: (0...parts).map { size * $0 / parts }) { bytes, range in
      InputFile.isASCII(UnsafeBufferPointer(rebasing: bytes[range]))
    }.allSatisfy { $0 }
  }

  /// Whether every byte of `bytes` is below 0x80 (`mm_all_ascii`, in
  /// `CKernels`).
  ///
  /// - Complexity: O(`bytes.count`), 128 bytes at a time with AVX2, else
  ///   eight.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    return mm_all_ascii(base, bytes.count) != 0
  }
}
