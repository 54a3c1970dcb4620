import Dispatch
import Foundation

/// One pass over the score blocks of a source, on several threads.
///
/// Worker `w` of `W` takes blocks `w, w + W, w + 2W, …` in order, scored a
/// slice of rows at a time into its own buffer, with its own state; the
/// states come back in worker order for the caller to merge. Callers merge in ways that do not depend on which
/// worker saw which block (per-row results, totals, top-k under a total
/// order), so the result is the same for any number of workers. The source's
/// own threads (BLAS) are off meanwhile, so that each worker uses one core
/// (``ScoreBlockSource/withSingleThreadedFills(_:)``).
enum ParallelBlockPass {
  /// One worker per active processor, at most 8: each worker holds a slice
  /// buffer and its own top-k lists (tens of megabytes at 20,000 columns).
  static var defaultWorkers: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

  /// The pairs a worker scores at a time before its pass walks them: 2¹⁵
  /// (256 KiB of scores), so that a slice's scores are still in the core's
  /// cache (512 KiB of L2 on the measured AMD EPYC) when the pass reads them,
  /// rather than a whole block's 8 MiB read back from memory
  /// (Docs/performance.md, `kernel2`). At least one row.
  static let slicePairs = 1 << 15

  /// The rows of `source` a worker scores and walks at a time:
  /// ``slicePairs`` pairs' worth, at least one row, at most a block.
  ///
  /// - Complexity: O(1).
  static func sliceRows(of source: some ScoreBlockSource) -> Int {
    max(1, min(max(1, source.blockRows), slicePairs / max(1, source.columns)))
  }

  /// Runs `body` on every block of `source`, a slice of rows at a time.
  ///
  /// Worker `w` of `W` takes blocks `w, w + W, …`; it scores each block in
  /// slices of ``sliceRows(of:)`` consecutive rows, in order, and hands each
  /// slice to `body` right after its `fill`, while its scores are in cache.
  /// A body that handles its rows in order, one after another, sees the same
  /// rows in the same order on the same worker as with whole blocks.
  ///
  /// - Parameters:
  ///   - workers: At most this many threads (never more than there are blocks).
  ///   - slice: Rows per slice (at least 1); by default ``sliceRows(of:)``.
  ///     Tests choose it; the passes take the default.
  ///   - makeState: A fresh state for one worker.
  ///   - body: Handles one slice: its row range and its scores (row-major).
  /// - Returns: One state per worker that ran, in worker order.
  /// - Complexity: one `source.fill` per slice; memory one slice buffer per worker.
  static func run<Source: ScoreBlockSource, State>(
    over source: Source, workers: Int = defaultWorkers, slice: Int? = nil, makeState: () -> State,
    body: @escaping @Sendable (inout State, Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
  ) -> [State] {
    let blocks = source.blocks
    let count = max(1, min(workers, blocks.count))
    let progress = ProgressReporter.current
    let done = progress.isSilent ? nil : BlockCounter()
    let m = source.columns
    let slice = max(1, slice ?? sliceRows(of: source))
    return perWorker(count, over: source, bufferRows: slice, makeState: makeState) { w, state, b in
      for index in stride(from: w, to: blocks.count, by: count) {
        let block = blocks[index]
        var start = block.lowerBound
        while start < block.upperBound {
          let rows = start..<min(start + slice, block.upperBound)
          let scores = UnsafeMutableBufferPointer(rebasing: b[0..<(rows.count * m)])
          source.fill(rows: rows, into: scores)
          body(&state, rows, scores)
          start = rows.upperBound
        }
        if let done { progress.step(done.increment(), of: blocks.count) }
      }
    }
  }

  /// Runs `work` once for each of `count` workers (on this thread when
  /// `count` is 1), each with its own state and its own buffer of
  /// `bufferRows` rows of scores; the source's own threads (BLAS) are
  /// off meanwhile (``ScoreBlockSource/withSingleThreadedFills(_:)``). What
  /// every pass over blocks or chosen rows shares; `work(w, &state, buffer)`
  /// does worker `w`'s share of the pass.
  ///
  /// - Returns: The states, in worker order.
  /// - Complexity: that of the `work` calls; memory `bufferRows · columns`
  ///   scores per worker.
  static func perWorker<Source: ScoreBlockSource, State>(
    _ count: Int, over source: Source, bufferRows: Int, makeState: () -> State,
    work: @escaping @Sendable (Int, inout State, UnsafeMutableBufferPointer<Double>) -> Void
  ) -> [State] {
    // Per-worker states, each touched by one worker at a time.
    let slots = ResultSlots((0..<count).map { _ in makeState() })
    let one = { @Sendable (w: Int) in
      var buffer = [Double](repeating: 0, count: max(1, bufferRows * source.columns))
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
