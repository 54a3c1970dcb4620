import Assignment
import Foundation

extension ByteSink {
  /// Appends the bytes of `count` items, `block` at a time: a few blocks
  /// at once are written on every core into their own buffers, which are
  /// then appended in order, so the output is that of writing the items one
  /// after the other while memory holds a few blocks.
  ///
  /// - Parameters:
  ///   - count: The number of items.
  ///   - block: Items per block (at least 1).
  ///   - write: Writes the items of `range` to the sink it is given.
  /// - Complexity: O(bytes written); O(2 × cores × block) items' bytes in memory.
  mutating func appendBlocks(
    count: Int, block: Int, _ write: @Sendable (_ range: Range<Int>, _ sink: inout ByteSink) -> Void
  ) {
    let block = max(1, block)
    let blocks = (count + block - 1) / block
    let parallel = max(1, ProcessInfo.processInfo.activeProcessorCount) * 2
    var first = 0
    while first < blocks {
      let last = min(blocks, first + parallel)
      let slots = ResultSlots<[UInt8]>(count: last - first)
      let base = first
      DispatchQueue.concurrentPerform(iterations: last - first) { b in
        var out = ByteSink()
        let start = (base + b) * block
        write(start..<min(count, start + block), &out)
        slots.put(out.bytes, at: b)
      }
      for bytes in slots.all() { bytes.withUnsafeBufferPointer { append($0) } }
      first = last
    }
  }
}
