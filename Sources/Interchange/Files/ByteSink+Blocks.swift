import Foundation

extension ByteSink {
  /// Appends the bytes of `count` items, `block` at a time, in order, as if
  /// the items were written one after the other, with the work spread over
  /// every core and the file's writes overlapped with the formatting.
  ///
  /// One worker per core claims blocks in turn and formats each into its
  /// own buffer; the worker that finishes the block next in order appends
  /// it and every following block already formatted to this sink (for a
  /// file sink: `write(2)` and the start of the disk's writeback) while the
  /// others go on formatting (``BlockPipeline``). No worker waits for a
  /// group of blocks to end, and each block goes to the file as soon as
  /// the blocks before it have. A single block (or a single core) is
  /// written straight into this sink on the calling thread.
  ///
  /// ```swift
  /// sink.appendBlocks(count: rows.count, block: 512) { range, out in
  ///   for row in range { writeRow(rows[row], to: &out) }
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - count: The number of items.
  ///   - block: Items per block (at least 1).
  ///   - write: Writes the items of `range` to the sink it is given.
  /// - Complexity: O(bytes written); at most 8 × cores blocks' bytes in memory
  ///   (4 × cores claimed ahead of the appender, as many being appended).
  mutating func appendBlocks(
    count: Int, block: Int, _ write: @Sendable (_ range: Range<Int>, _ sink: inout ByteSink) -> Void
  ) {
    let block = max(1, block)
    let blocks = (count + block - 1) / block
    let workers = min(blocks, max(1, ProcessInfo.processInfo.activeProcessorCount))
    guard workers > 1 else {
      for first in stride(from: 0, to: count, by: block) { write(first..<min(count, first + block), &self) }
      return
    }
    let pipeline = BlockPipeline(blocks: blocks, window: 4 * workers, expectedBytes: 1 << 16)
    withUnsafeMutablePointer(to: &self) { sink in
      let target = SinkPointer(sink: sink)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let (index, capacity) = pipeline.claim() {
          var out = ByteSink(capacity: capacity)
          let start = index * block
          write(start..<min(count, start + block), &out)
          var due = pipeline.finish(index, out.takeBytes())
          while !due.isEmpty {
            for bytes in due { target.append(bytes) }
            due = pipeline.appended()
          }
        }
      }
    }
  }
}

/// One block's bytes, handed from the thread that wrote them to the one
/// that appends them; freed with the box.
///
/// `@unchecked Sendable` is safe: the bytes are written before the box is
/// shared (through ``BlockPipeline``, under its lock) and only read
/// afterwards.
final class BlockBytes: @unchecked Sendable {
  /// The first byte.
  let start: UnsafeMutablePointer<UInt8>
  /// How many bytes.
  let count: Int

  init(start: UnsafeMutablePointer<UInt8>, count: Int) {
    self.start = start
    self.count = count
  }

  deinit { start.deallocate() }
}

/// The sink of ``ByteSink/appendBlocks(count:block:_:)``, reached from the
/// one work item that appends to it.
///
/// `@unchecked Sendable` is safe: only the worker that is the pipeline's
/// appender uses it (one at a time, handed over under the pipeline's lock),
/// while the caller waits in `concurrentPerform` and touches neither the
/// sink nor the pointer; the pointer does not outlive that call.
private struct SinkPointer: @unchecked Sendable {
  let sink: UnsafeMutablePointer<ByteSink>

  func append(_ bytes: BlockBytes) {
    sink.pointee.append(UnsafeBufferPointer(start: bytes.start, count: bytes.count))
  }
}
