import Foundation

/// Where a streaming writer puts its bytes: a buffer of about a megabyte
/// that is written to a file descriptor whenever it fills, or kept whole in
/// memory.
///
/// A write error is remembered and later bytes are dropped; the owner asks
/// ``finish()`` for the outcome. Writers never see the error: the document
/// is produced to its end and the output is then discarded (see
/// ``AtomicFile/write(to:streaming:)``).
///
/// The bytes live in one manually managed allocation (freed by `deinit`;
/// the sink is `~Copyable`, so it has one owner), so an append is a
/// capacity check and a copy, and writers that know a bound on what they
/// append reserve it once (``withUnsafeSpace(_:_:)``) and store bytes
/// without further checks.
public struct ByteSink: ~Copyable {
  /// The bytes not yet written: `storage[0..<count]`.
  private var storage: UnsafeMutablePointer<UInt8>
  /// How many bytes `storage` holds.
  private var count = 0
  /// How many bytes `storage` has room for.
  private var capacity: Int
  /// The descriptor the buffer drains to, or `nil` to keep everything.
  private let descriptor: Int32?
  /// Bytes already written to the descriptor (the file offset of `storage[0]`).
  private var drained = 0
  /// The first write error.
  private var failure: String?
  /// How full the buffer may get before it drains.
  static let drainSize = 1 << 20

  /// A sink that drains to `descriptor` (which it does not close). After
  /// each drain it asks the kernel to start writing those bytes to the disk
  /// (``Writeback``), so the `fsync` that ends an atomic write has little
  /// left to wait for.
  ///
  /// - Complexity: O(1).
  init(descriptor: Int32) {
    self.descriptor = descriptor
    capacity = Self.drainSize + 4096
    storage = .allocate(capacity: capacity)
  }

  /// A sink that keeps every byte in memory (``bytes``).
  ///
  /// - Complexity: O(1).
  public init() { self.init(capacity: 256) }

  /// An in-memory sink with room for `capacity` bytes before it grows.
  ///
  /// - Complexity: O(1).
  init(capacity: Int) {
    descriptor = nil
    self.capacity = max(capacity, 16)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  /// Hands the bytes of an in-memory sink over without a copy, leaving the
  /// sink empty.
  ///
  /// - Complexity: O(1).
  mutating func takeBytes() -> BlockBytes {
    let taken = BlockBytes(start: storage, count: count)
    capacity = 16
    storage = .allocate(capacity: capacity)
    count = 0
    return taken
  }

  /// Everything written to an in-memory sink.
  ///
  /// - Complexity: O(bytes held): a copy.
  public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

  /// How many bytes the sink holds (for an in-memory sink, everything appended).
  public var byteCount: Int { count }

  /// Calls `body` with the bytes the sink holds.
  ///
  /// - Complexity: O(1) besides `body`.
  public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: storage, count: count))
  }

  /// Forgets the bytes an in-memory sink holds, keeping its room (a
  /// reused scratch buffer).
  ///
  /// - Precondition: The sink keeps its bytes in memory (no descriptor).
  /// - Complexity: O(1).
  mutating func removeAll() {
    precondition(descriptor == nil, "ByteSink.removeAll is for in-memory sinks")
    count = 0
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  @inline(never)
  private mutating func grow(to needed: Int) {
    var newCapacity = max(capacity, 256)
    while newCapacity < needed { newCapacity *= 2 }
    let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newStorage.update(from: storage, count: count)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
  }

  /// Drains when a file sink's buffer is full.
  @inline(__always)
  private mutating func drainIfFull() {
    if count >= Self.drainSize && descriptor != nil { drain() }
  }

  /// Appends one byte.
  ///
  /// - Complexity: Amortised O(1).
  @inline(__always)
  public mutating func append(_ byte: UInt8) {
    reserve(1)
    storage[count] = byte
    count += 1
    drainIfFull()
  }

  /// Appends bytes.
  ///
  /// - Complexity: O(`bytes.count`) amortised.
  @inline(__always)
  public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    if descriptor != nil && bytes.count >= Self.drainSize {
      // A large piece (a block of rows) goes to the file without a copy into the buffer.
      drain()
      write(UnsafeRawBufferPointer(bytes))
      return
    }
    reserve(bytes.count)
    Self.copy(base, to: storage + count, count: bytes.count)
    count += bytes.count
    drainIfFull()
  }

  /// Copies `count` bytes from `source` to `target` (which do not
  /// overlap): up to 16 bytes — most of a row's cells and separators — by
  /// two unaligned 8-byte moves or a short loop, without a call to
  /// `memcpy`; more by `memcpy`.
  ///
  /// - Complexity: O(`count`).
  @inline(__always)
  static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
    if count > 16 {
      target.update(from: source, count: count)
    } else if count >= 8 {
      // Two words that overlap in the middle cover 8 to 16 bytes.
      let head = UnsafeRawPointer(source).loadUnaligned(as: UInt64.self)
      let tail = UnsafeRawPointer(source + count - 8).loadUnaligned(as: UInt64.self)
      UnsafeMutableRawPointer(target).storeBytes(of: head, as: UInt64.self)
      UnsafeMutableRawPointer(target + count - 8).storeBytes(of: tail, as: UInt64.self)
    } else {
      for index in 0..<count { target[index] = source[index] }
    }
  }

  /// Appends a string's UTF-8 bytes as they are.
  ///
  /// - Complexity: O(length of `text`) amortised.
  @inline(__always)
  public mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends a string's UTF-8 bytes as they are, copied from the string's
  /// own storage when it has one (native and small strings) without a copy
  /// of the `String` itself; any other string through ``append(_:)-(String)``.
  ///
  /// - Complexity: O(length of `text`) amortised.
  @inline(__always)
  public mutating func appendUTF8(_ text: String) {
    if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil { append(text) }
  }

  /// Appends a literal's bytes.
  ///
  /// - Complexity: O(length of `text`) amortised.
  @inline(__always)
  public mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Appends what `body` stores at the pointer it is given: at most
  /// `maximum` bytes, and returns how many it stored. One capacity check
  /// for many small stores.
  ///
  /// - Precondition: `body` stores at most `maximum` bytes and returns that count.
  /// - Complexity: O(`maximum`) amortised besides `body`.
  @inline(__always)
  public mutating func withUnsafeSpace(_ maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
    reserve(maximum)
    let written = body(storage + count)
    precondition(written >= 0 && written <= maximum, "ByteSink.withUnsafeSpace: \(written) bytes stored in \(maximum)")
    count += written
    drainIfFull()
  }

  /// Writes the buffer to the descriptor (no-op in memory).
  private mutating func drain() {
    guard descriptor != nil, count > 0 else { return }
    write(UnsafeRawBufferPointer(start: storage, count: count))
    count = 0
  }

  /// Writes `bytes` to the descriptor unless a write failed before, and
  /// starts their writeback.
  private mutating func write(_ bytes: UnsafeRawBufferPointer) {
    guard let descriptor, failure == nil else { return }
    failure = AtomicFile.writeAll(descriptor, bytes)
    if failure == nil {
      Writeback.start(descriptor, offset: drained, count: bytes.count)
      drained += bytes.count
    }
  }

  /// Writes what is left and returns the first write error, or `nil`.
  ///
  /// - Complexity: O(bytes still buffered).
  mutating func finish() -> String? {
    drain()
    return failure
  }
}
