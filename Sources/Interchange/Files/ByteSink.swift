import Foundation

/// Where a streaming writer puts its bytes: a buffer of about a megabyte
/// that is written to a file descriptor whenever it fills, or kept whole in
/// memory.
///
/// A write error is remembered and later bytes are dropped; the owner asks
/// ``finish()`` for the outcome. Writers never see the error: the document
/// is produced to its end and the output is then discarded (see
/// ``AtomicFile/write(to:streaming:)``).
public struct ByteSink: ~Copyable {
  /// The bytes not yet written.
  private(set) var buffer: [UInt8] = []
  /// The descriptor the buffer drains to, or `nil` to keep everything.
  private let descriptor: Int32?
  /// The first write error.
  private var failure: String?
  /// How full the buffer may get before it drains.
  private static let capacity = 1 << 20

  /// A sink that drains to `descriptor` (which it does not close).
  ///
  /// - Complexity: O(1).
  init(descriptor: Int32) {
    self.descriptor = descriptor
    buffer.reserveCapacity(Self.capacity + 4096)
  }

  /// A sink that keeps every byte in memory (``bytes``).
  ///
  /// - Complexity: O(1).
  public init() { descriptor = nil }

  /// Everything written to an in-memory sink.
  public var bytes: [UInt8] { buffer }

  /// Appends one byte.
  ///
  /// - Complexity: Amortised O(1).
  @inline(__always)
  public mutating func append(_ byte: UInt8) {
    buffer.append(byte)
    if buffer.count >= Self.capacity { drain() }
  }

  /// Appends bytes.
  ///
  /// - Complexity: O(`bytes.count`) amortised.
  @inline(__always)
  public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.capacity { drain() }
  }

  /// Appends a string's UTF-8 bytes as they are.
  ///
  /// - Complexity: O(length of `text`) amortised.
  @inline(__always)
  public mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends a literal's bytes.
  ///
  /// - Complexity: O(length of `text`) amortised.
  @inline(__always)
  public mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Writes the buffer to the descriptor (no-op in memory).
  private mutating func drain() {
    guard let descriptor else { return }
    if failure == nil {
      failure = buffer.withUnsafeBytes { AtomicFile.writeAll(descriptor, $0) }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is left and returns the first write error, or `nil`.
  ///
  /// - Complexity: O(bytes still buffered).
  mutating func finish() -> String? {
    drain()
    return failure
  }
}
