import Foundation
import Testing

@testable import Interchange

/// ``BlockPipeline``'s hand-over of formatted blocks, step by step, and
/// ``ByteSink/appendBlocks(count:block:_:)`` against writing the items in
/// order when blocks finish out of order and when the file's writes fail.
@Suite struct BlockPipelineTests {
  private static func block(_ index: Int) -> BlockBytes {
    let start = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    start.initialize(to: UInt8(index))
    return BlockBytes(start: start, count: 1)
  }

  private static func indices(_ blocks: [BlockBytes]) -> [Int] { blocks.map { Int($0.start.pointee) } }

  @Test func blocksAreHandedOverInOrderOnceEach() {
    let pipeline = BlockPipeline(blocks: 5, window: 3, expectedBytes: 100)
    // Three blocks may be claimed ahead of the appender, in order.
    #expect(pipeline.claim()?.block == 0)
    #expect(pipeline.claim()?.block == 1)
    #expect(pipeline.claim()?.block == 2)
    // Blocks 2 and 1 finish before block 0: nothing is due yet.
    #expect(Self.indices(pipeline.finish(2, Self.block(2))).isEmpty)
    #expect(Self.indices(pipeline.finish(1, Self.block(1))).isEmpty)
    // Block 0 makes its worker the appender of 0, 1 and 2.
    #expect(Self.indices(pipeline.finish(0, Self.block(0))) == [0, 1, 2])
    // The window moved: blocks 3 and 4 can be claimed, and then none.
    #expect(pipeline.claim()?.block == 3)
    #expect(pipeline.claim()?.block == 4)
    #expect(pipeline.claim() == nil)
    // Block 3 finishes while the appender is still at work: the appender takes it.
    #expect(Self.indices(pipeline.finish(3, Self.block(3))).isEmpty)
    #expect(Self.indices(pipeline.appended()) == [3])
    #expect(Self.indices(pipeline.appended()).isEmpty)
    // Nobody appends now: the worker of block 4 becomes the appender.
    #expect(Self.indices(pipeline.finish(4, Self.block(4))) == [4])
    #expect(Self.indices(pipeline.appended()).isEmpty)
    #expect(pipeline.claim() == nil)
  }

  @Test func buffersStartAtTheLargestBlockSeenPlusAnEighth() {
    let pipeline = BlockPipeline(blocks: 3, window: 3, expectedBytes: 16)
    #expect(pipeline.claim()?.capacity == 16)
    let large = UnsafeMutablePointer<UInt8>.allocate(capacity: 800)
    _ = pipeline.finish(0, BlockBytes(start: large, count: 800))
    #expect(pipeline.claim()?.capacity == 900)
    _ = pipeline.appended()
  }

  @Test(arguments: [1, 2, 3, 40, 300])
  func blocksFinishingOutOfOrderComeOutInOrder(blocks: Int) {
    // Blocks of 1 to 3 items that take from 0 to 2 ms, so that later blocks often finish first.
    @Sendable func item(_ index: Int, _ sink: inout ByteSink) {
      if index % 5 == 0 { usleep(UInt32((index * 7919) % 2000)) }
      sink.appendDecimal(index)
      sink.append(UInt8(ascii: index % 11 == 0 ? "\n" : ","))
    }
    for perBlock in [1, 3] {
      let count = blocks * perBlock - (perBlock > 1 ? 1 : 0)
      var expected = ByteSink()
      for index in 0..<count { item(index, &expected) }
      var blocked = ByteSink()
      blocked.appendBlocks(count: count, block: perBlock) { range, out in for index in range { item(index, &out) } }
      #expect(blocked.bytes == expected.bytes, "\(count) items, \(perBlock) per block")
    }
  }

  @Test func aFailingWriteIsReportedAfterAllBlocks() throws {
    // /dev/full refuses every write with ENOSPC (here from the first of about two megabytes' drains):
    // the blocks are still formatted, and the error is reported once, naming the file.
    let written = Counter()
    #expect {
      try AtomicFile.write(to: "/dev/full") { sink in
        sink.appendBlocks(count: 5_000, block: 7) { range, out in
          written.add(range.count)
          for index in range {
            out.appendDecimal(index)
            out.withUnsafeSpace(300) { bytes in
              bytes.update(repeating: UInt8(ascii: "x"), count: 300)
              return 300
            }
          }
        }
      }
    } throws: { error in
      (error as? OutputError) == OutputError(path: "/dev/full", reason: "No space left on device")
    }
    #expect(written.value == 5_000)
  }
}

/// A count shared by the block writers of one test.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.withLock { count } }
  func add(_ n: Int) { lock.withLock { count += n } }
}
