extension ParallelBlockPass {
  /// The chunks of `rows` (ascending, distinct) a pass over chosen rows
  /// scores at a time: at most `blockRows` rows each, in order.
  ///
  /// - Complexity: O(`rows.count`).
  static func chunks(of rows: [Int], blockRows: Int) -> [[Int]] {
    let size = max(1, blockRows)
    return stride(from: 0, to: rows.count, by: size).map { Array(rows[$0..<min($0 + size, rows.count)]) }
  }

  /// Runs `body` on the chosen `rows` of `source` only: a pass that has to
  /// look at a few rows again scores those rows and no others.
  ///
  /// The rows are cut into chunks of at most `source.blockRows` rows
  /// (``chunks(of:blockRows:)``); worker `w` of `W` takes chunks
  /// `w, w + W, …` in order, as ``run(over:workers:slice:makeState:body:)`` takes
  /// blocks, and scores each chunk in slices of at most
  /// ``sliceRows(of:)`` chosen rows, in order, filling each maximal run of
  /// consecutive rows of a slice with one `source.fill`. The body receives
  /// each slice's rows and their scores right after they are scored, row
  /// `r` of the slice at `r · columns` (row-major).
  ///
  /// - Parameter slice: Chosen rows per slice (at least 1); by default
  ///   ``sliceRows(of:)``.
  /// - Precondition: `rows` ascending, distinct, within `0..<source.rows`.
  /// - Returns: One state per worker that ran, in worker order.
  /// - Complexity: one `source.fill` per run of consecutive chosen rows
  ///   within a slice; memory one slice buffer per worker.
  static func run<Source: ScoreBlockSource, State>(
    over source: Source, rows: [Int], workers: Int = defaultWorkers, slice: Int? = nil, makeState: () -> State,
    body: @escaping @Sendable (inout State, [Int], UnsafeMutableBufferPointer<Double>) -> Void
  ) -> [State] {
    precondition(
      zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 } && (rows.first ?? 0) >= 0
        && (rows.last ?? -1) < source.rows,
      "Rows must be ascending, distinct and in range")
    let chunks = chunks(of: rows, blockRows: source.blockRows)
    let count = max(1, min(workers, chunks.count))
    let m = source.columns
    let slice = max(1, slice ?? sliceRows(of: source))
    return perWorker(count, over: source, bufferRows: slice, makeState: makeState) { w, state, b in
      for index in stride(from: w, to: chunks.count, by: count) {
        let chunk = chunks[index]
        var low = 0
        while low < chunk.count {
          let high = min(low + slice, chunk.count)
          var start = low
          while start < high {
            var end = start + 1
            while end < high && chunk[end] == chunk[end - 1] + 1 { end += 1 }
            source.fill(
              rows: chunk[start]..<(chunk[end - 1] + 1),
              into: UnsafeMutableBufferPointer(rebasing: b[((start - low) * m)..<((end - low) * m)]))
            start = end
          }
          body(&state, Array(chunk[low..<high]), UnsafeMutableBufferPointer(rebasing: b[0..<((high - low) * m)]))
          low = high
        }
      }
    }
  }
}
