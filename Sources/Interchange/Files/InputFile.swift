import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads an input file whole, whatever it is: a regular file, a symbolic
/// link to one, or a stream such as `/dev/stdin`, a FIFO or a shell's
/// process substitution (`<(…)`), which is read until its end.
enum InputFile {
  /// The bytes of the file at `path`.
  ///
  /// - Parameter path: The file.
  /// - Returns: The bytes, or the reason they cannot be read in plain words
  ///   (`no such file`, `it is a folder, not a file`, the system's message).
  /// - Complexity: O(size of the file).
  static func read(_ path: String) -> Result<Data, Failure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else {
      return .failure(Failure(reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
    if info.st_mode & S_IFMT == S_IFDIR { return .failure(Failure(reason: "it is a folder, not a file")) }
    var data = Data()
    if info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 {
      // A regular file is read straight into a buffer of its size; what it
      // grew by meanwhile, if anything, through the loop below.
      data = Data(count: Int(info.st_size))
      var filled = 0
      while filled < data.count {
        let count = data.withUnsafeMutableBytes {
          Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled)
        }
        if count < 0 {
          if errno == EINTR { continue }
          return .failure(Failure(reason: String(cString: strerror(errno))))
        }
        if count == 0 { break }
        filled += count
      }
      if filled < data.count {
        data.count = filled
        return .success(data)
      }
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(Failure(reason: String(cString: strerror(errno))))
      }
      if count == 0 { break }
      data.append(contentsOf: chunk[0..<count])
    }
    return .success(data)
  }

  /// Why a file could not be read.
  struct Failure: Error {
    /// The reason in plain words.
    var reason: String
  }
}
