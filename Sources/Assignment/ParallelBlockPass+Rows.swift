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
  /// `w, w + W, …` in order, as ``run(over:workers:makeState:body:)`` takes
  /// blocks, and fills each maximal run of consecutive rows of its chunk with
  /// one `source.fill`. The body receives the chunk's rows and their scores,
  /// row `r` of the chunk at `r · columns` (row-major).
  ///
  /// - Precondition: `rows` ascending, distinct, within `0..<source.rows`.
  /// - Returns: One state per worker that ran, in worker order.
  /// - Complexity: one `source.fill` per run of consecutive chosen rows;
  ///   memory one block buffer per worker.
  static func run<Source: ScoreBlockSource, State>(
    over source: Source, rows: [Int], workers: Int = defaultWorkers, makeState: () -> State,
    body: @escaping @Sendable (inout State, [Int], UnsafeMutableBufferPointer<Double>) -> Void
  ) -> [State] {
    precondition(
      zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 } && (rows.first ?? 0) >= 0
        && (rows.last ?? -1) < source.rows,
      "Rows must be ascending, distinct and in range")
    let chunks = chunks(of: rows, blockRows: source.blockRows)
    let count = max(1, min(workers, chunks.count))
    let m = source.columns
    return perWorker(count, over: source, makeState: makeState) { w, state, b in
      for index in stride(from: w, to: chunks.count, by: count) {
        let chunk = chunks[index]
        var start = 0
        while start < chunk.count {
          var end = start + 1
          while end < chunk.count && chunk[end] == chunk[end - 1] + 1 { end += 1 }
          source.fill(
            rows: chunk[start]..<(chunk[end - 1] + 1),
            into: UnsafeMutableBufferPointer(rebasing: b[(start * m)..<(end * m)]))
          start = end
        }
        body(&state, chunk, UnsafeMutableBufferPointer(rebasing: b[0..<(chunk.count * m)]))
      }
    }
  }
}
