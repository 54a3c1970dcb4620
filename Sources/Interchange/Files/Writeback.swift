#if canImport(Glibc)
  import Glibc
#endif

/// Starts writing a file's freshly written bytes to the disk without
/// waiting for it (Linux's `sync_file_range(2)` with
/// `SYNC_FILE_RANGE_WRITE`), so that the disk works while the writer
/// formats the next megabyte and the `fsync` that ends an atomic write
/// (``AtomicFile``) has little left to flush.
///
/// Advisory only: it changes neither the bytes nor what `fsync` guarantees,
/// and any failure (a pipe, a terminal, another system) is ignored. Elsewhere
/// than Linux it does nothing.
enum Writeback {
  #if os(Linux)
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// glibc's `sync_file_range`, which the `Glibc` module does not declare
    /// (it needs `_GNU_SOURCE`), looked up once.
    private static let syncFileRange: SyncFileRange? = {
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
      return unsafeBitCast(symbol, to: SyncFileRange.self)
    }()

    /// `SYNC_FILE_RANGE_WRITE`.
    private static let write: UInt32 = 2
  #endif

  /// Asks the kernel to start writing `count` bytes at `offset` of `descriptor`.
  ///
  /// - Complexity: O(1) for the caller; the kernel queues the pages.
  static func start(_ descriptor: Int32, offset: Int, count: Int) {
    #if os(Linux)
      _ = syncFileRange?(descriptor, Int64(offset), Int64(count), write)
    #endif
  }
}
