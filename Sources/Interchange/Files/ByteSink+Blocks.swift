import Assignment
import Foundation

extension ByteSink {
  /// Appends the bytes of `count` items, `block` at a time, in order, as if
  /// the items were written one after the other, with the work spread over
  /// every core and the file's writes overlapped with the formatting.
  ///
  /// The blocks go in batches of four per core. While the cores write batch
  /// *k* into their own buffers, one more work item appends batch *k* − 1
  /// to this sink in order (for a file sink: `write(2)` and the start of
  /// the disk's writeback), so no core waits for the copies and system
  /// calls. Memory holds at most two batches of blocks.
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
  /// - Complexity: O(bytes written); O(8 × cores × block) items' bytes in memory.
  mutating func appendBlocks(
    count: Int, block: Int, _ write: @Sendable (_ range: Range<Int>, _ sink: inout ByteSink) -> Void
  ) {
    let block = max(1, block)
    let blocks = (count + block - 1) / block
    let perBatch = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
    var pending: [BlockBytes] = []
    var expectedBlockBytes = 1 << 16
    var first = 0
    while first < blocks || !pending.isEmpty {
      let last = min(blocks, first + perBatch)
      let produced = ResultSlots<BlockBytes>(count: last - first)
      let base = first
      let capacity = expectedBlockBytes
      let previous = pending
      withUnsafeMutablePointer(to: &self) { sink in
        let target = SinkPointer(sink: sink)
        // Item 0 appends the previous batch while the others write this one.
        DispatchQueue.concurrentPerform(iterations: last - first + 1) { item in
          if item == 0 {
            for bytes in previous { target.append(bytes) }
            return
          }
          var out = ByteSink(capacity: capacity)
          let start = (base + item - 1) * block
          write(start..<min(count, start + block), &out)
          produced.put(out.takeBytes(), at: item - 1)
        }
      }
      pending = last > first ? produced.all() : []
      // The next blocks' buffers start at the largest block seen, plus an eighth.
      if let largest = pending.map(\.count).max() { expectedBlockBytes = max(256, largest + largest / 8) }
      first = last
    }
  }
}

/// One block's bytes, handed from the thread that wrote them to the one
/// that appends them; freed with the box.
///
/// `@unchecked Sendable` is safe: the bytes are written before the box is
/// shared (through ``ResultSlots``, after `concurrentPerform` joins) and
/// only read afterwards.
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
/// `@unchecked Sendable` is safe: only work item 0 of each batch uses it,
/// while the caller waits in `concurrentPerform` and touches neither the
/// sink nor the pointer; the pointer does not outlive that call.
private struct SinkPointer: @unchecked Sendable {
  let sink: UnsafeMutablePointer<ByteSink>

  func append(_ bytes: BlockBytes) {
    sink.pointee.append(UnsafeBufferPointer(start: bytes.start, count: bytes.count))
  }
}
