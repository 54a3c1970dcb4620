/// Some rows of a score source, as a source of their own: row `r` of the
/// sample is row `rows[r]` of the base.
///
/// Fills go to the base in runs of consecutive rows, so a sample drawn in
/// runs (``SampledPriceEstimate/sampleRows(rows:fraction:seed:run:)``)
/// costs the base's block scoring (one BLAS product per run) and nothing per
/// row.
///
/// Invariant: `rows` is strictly increasing and inside `0..<base.rows`.
struct RowSampleSource<Base: ScoreBlockSource>: ScoreBlockSource {
  /// The full source.
  let base: Base
  /// The base's rows, in increasing order.
  let sampled: [Int]

  /// The rows `sampled` (strictly increasing, inside the base) of `base`.
  init(_ base: Base, rows sampled: [Int]) {
    precondition(zip(sampled, sampled.dropFirst()).allSatisfy { $0 < $1 }, "Sampled rows must increase")
    precondition(sampled.allSatisfy { $0 >= 0 && $0 < base.rows }, "Sampled rows must be rows of the source")
    self.base = base
    self.sampled = sampled
  }

  var rows: Int { sampled.count }
  var columns: Int { base.columns }
  var blockRows: Int { base.blockRows }

  /// - Complexity: one base fill per run of consecutive base rows in `range`.
  func fill(rows range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    let m = base.columns
    var r = range.lowerBound
    while r < range.upperBound {
      var end = r + 1
      while end < range.upperBound && sampled[end] == sampled[end - 1] + 1 { end += 1 }
      let offset = (r - range.lowerBound) * m
      let part = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + (end - r) * m)])
      base.fill(rows: sampled[r]..<(sampled[end - 1] + 1), into: part)
      r = end
    }
  }

  func withSingleThreadedFills<T>(_ body: () -> T) -> T { base.withSingleThreadedFills(body) }
}
