import Dispatch
import Foundation

/// One pass over the score blocks of a source, on several threads.
///
/// Worker `w` of `W` takes blocks `w, w + W, w + 2W, …` in order, with its own
/// block buffer and its own state; the states come back in worker order for
/// the caller to merge. Callers merge in ways that do not depend on which
/// worker saw which block (per-row results, totals, top-k under a total
/// order), so the result is the same for any number of workers. The source's
/// own threads (BLAS) are off meanwhile, so that each worker uses one core
/// (``ScoreBlockSource/withSingleThreadedFills(_:)``).
enum ParallelBlockPass {
  /// One worker per active processor, at most 8: each worker holds a block
  /// buffer and its own top-k lists (tens of megabytes at 20,000 columns).
  static var defaultWorkers: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

  /// Runs `body` on every block of `source`.
  ///
  /// - Parameters:
  ///   - workers: At most this many threads (never more than there are blocks).
  ///   - makeState: A fresh state for one worker.
  ///   - body: Handles one block: its row range and its scores (row-major).
  /// - Returns: One state per worker that ran, in worker order.
  /// - Complexity: one `source.fill` per block; memory one block buffer per worker.
  static func run<Source: ScoreBlockSource, State>(
    over source: Source, workers: Int = defaultWorkers, makeState: () -> State,
    body: @escaping @Sendable (inout State, Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
  ) -> [State] {
    let blocks = source.blocks
    let count = max(1, min(workers, blocks.count))
    let progress = ProgressReporter.current
    let done = progress.isSilent ? nil : BlockCounter()
    return perWorker(count, over: source, makeState: makeState) { w, state, b in
      for index in stride(from: w, to: blocks.count, by: count) {
        let block = blocks[index]
        let scores = UnsafeMutableBufferPointer(rebasing: b[0..<(block.count * source.columns)])
        source.fill(rows: block, into: scores)
        body(&state, block, scores)
        if let done { progress.step(done.increment(), of: blocks.count) }
      }
    }
  }

  /// Runs `work` once for each of `count` workers (on this thread when
  /// `count` is 1), each with its own state and its own buffer of
  /// `source.blockRows` rows of scores; the source's own threads (BLAS) are
  /// off meanwhile (``ScoreBlockSource/withSingleThreadedFills(_:)``). What
  /// every pass over blocks or chosen rows shares; `work(w, &state, buffer)`
  /// does worker `w`'s share of the pass.
  ///
  /// - Returns: The states, in worker order.
  /// - Complexity: that of the `work` calls; memory one block buffer per worker.
  static func perWorker<Source: ScoreBlockSource, State>(
    _ count: Int, over source: Source, makeState: () -> State,
    work: @escaping @Sendable (Int, inout State, UnsafeMutableBufferPointer<Double>) -> Void
  ) -> [State] {
    // Per-worker states, each touched by one worker at a time.
    let slots = ResultSlots((0..<count).map { _ in makeState() })
    let one = { @Sendable (w: Int) in
      var buffer = [Double](repeating: 0, count: max(1, source.blockRows) * source.columns)
      var state = slots.take(w)
      buffer.withUnsafeMutableBufferPointer { work(w, &state, $0) }
      slots.put(state, at: w)
    }
    if count == 1 {
      one(0)
    } else {
      source.withSingleThreadedFills { DispatchQueue.concurrentPerform(iterations: count, execute: one) }
    }
    return slots.all()
  }

  /// The number of blocks done, across workers (for progress reports only).
  ///
  /// `@unchecked Sendable`: `count` is read and written only under `lock`.
  private final class BlockCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
      lock.lock()
      defer { lock.unlock() }
      count += 1
      return count
    }
  }
}
