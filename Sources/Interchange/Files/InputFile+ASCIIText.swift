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
    var ascii = false
    let text = String(unsafeUninitializedCapacity: size) { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      var filled = 0
      while filled < size {
        let count = Foundation.read(descriptor, base + filled, size - filled)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return 0 }
        filled += count
      }
      // A file that grew meanwhile is read by the general path.
      var extra: UInt8 = 0
      guard Foundation.read(descriptor, &extra, 1) == 0 else { return 0 }
      ascii = isASCII(UnsafeBufferPointer(start: base, count: size))
      return ascii ? size : 0
    }
    return ascii ? text : nil
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
