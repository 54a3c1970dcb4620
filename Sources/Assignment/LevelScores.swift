import Dispatch

/// A dense score matrix whose allowed scores are few whole numbers, held as
/// one byte per pair: the *rank* of the pair's score among the levels, best
/// last, so that the certified solve's passes over all pairs
/// (``LevelPruning``, ``LevelPricing``) read 1 byte per pair instead of 8 and
/// bucket each row by level instead of keeping heaps.
///
/// With `t = ±score` (`+` when maximising), a pair's rank is `t − lowest`,
/// a whole number below ``levels``; `rank(i, j) = forbidden` (255) marks a
/// forbidden pair. Higher ranks are better pairs whatever the sense.
///
/// Invariants: `ranks.count == rows · columns`; every allowed score is a whole
/// number of magnitude below `2^52`, not `−0.0`, and equals
/// ``score(rank:)`` of its rank exactly (bit for bit); `levels <= maximumLevels`.
/// So the passes never need the scores as doubles: a pair's score is that of
/// its rank.
struct LevelScores: Sendable {
  /// At most this many levels: above it the generic passes are as fast.
  static let maximumLevels = 64
  /// The rank of a forbidden pair.
  static let forbidden: UInt8 = 255

  let rows: Int
  let columns: Int
  let sense: AssignmentProblem.Sense
  /// `+1` when maximising, `−1` when minimising.
  let sign: Double
  /// The least `±score` of an allowed pair (rank 0).
  let lowest: Double
  /// The number of ranks, `highest − lowest + 1` (0 when nothing is allowed).
  let levels: Int
  /// Row-major ranks, ``forbidden`` for a forbidden pair.
  let ranks: [UInt8]

  /// The ranks of `problem`'s scores, or `nil` when an allowed score is not a
  /// whole number (or is `−0.0`, or `2^52` or more in magnitude) or the
  /// scores span more than ``maximumLevels`` levels.
  ///
  /// - Complexity: O(`rows · columns`): one pass over the scores, on
  ///   `workers` threads, and one over the bytes.
  init?(_ problem: AssignmentProblem, workers: Int = ParallelBlockPass.defaultWorkers) {
    let sign = problem.sense == .maximize ? 1.0 : -1.0
    let count = problem.scores.count
    // Provisional codes: 128 + t − t0, with t0 the first allowed ±score; any
    // code outside 1...254 means a span of more than 64 levels.
    guard let first = problem.scores.first(where: { !$0.isNaN }) else {
      self.init(problem, lowest: 0, levels: 0, ranks: [UInt8](repeating: Self.forbidden, count: count))
      return
    }
    let origin = sign * first
    let parts = max(1, min(workers, count / (1 << 16) + 1))
    let slots = ResultSlots<(low: Double, high: Double, whole: Bool)>(count: parts)
    var ranks = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      let out = SharedPointer(buffer.baseAddress!)
      problem.scores.withUnsafeBufferPointer { s in
        let scores = SharedPointer(s.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: parts) { w in
          var low = Double.infinity
          var high = -Double.infinity
          var whole = true
          for k in (count * w / parts)..<(count * (w + 1) / parts) {
            let x = scores.base[k]
            if x.isNaN {
              out.base[k] = Self.forbidden
              continue
            }
            let t = sign * x
            let code = t - origin + 128
            guard t.rounded(.towardZero) == t, code >= 1, code <= 254, !(x == 0 && x.sign == .minus) else {
              whole = false
              break
            }
            if t < low { low = t }
            if t > high { high = t }
            out.base[k] = UInt8(code)
          }
          slots.put((low, high, whole), at: w)
        }
      }
      initialized = count
    }
    var low = Double.infinity
    var high = -Double.infinity
    for part in slots.all() {
      guard part.whole else { return nil }
      low = min(low, part.low)
      high = max(high, part.high)
    }
    let levels = Int(high - low) + 1
    guard levels <= Self.maximumLevels else { return nil }
    // Rank = code − (128 + low − t0).
    let shift = UInt8(low - origin + 128)
    ranks.withUnsafeMutableBufferPointer { ranks in
      for k in 0..<count where ranks[k] != Self.forbidden { ranks[k] &-= shift }
    }
    self.init(problem, lowest: low, levels: levels, ranks: ranks)
  }

  private init(_ problem: AssignmentProblem, lowest: Double, levels: Int, ranks: [UInt8]) {
    self.rows = problem.rows
    self.columns = problem.columns
    self.sense = problem.sense
    self.sign = problem.sense == .maximize ? 1 : -1
    self.lowest = lowest
    self.levels = levels
    self.ranks = ranks
  }

  /// The ranks of `matrix`'s scores for `sense`, or `nil` when they span
  /// more than ``maximumLevels`` levels. The matrix's scores are whole
  /// numbers, never `−0.0`, so only the span can rule them out.
  ///
  /// - Complexity: O(1) when maximising codes from 0 (the ranks are the
  ///   codes, shared); else O(`rows · columns`): one pass over the codes,
  ///   on `workers` threads.
  init?(_ matrix: WholeScoreMatrix, sense: AssignmentProblem.Sense, workers: Int = ParallelBlockPass.defaultWorkers) {
    rows = matrix.rows
    columns = matrix.columns
    self.sense = sense
    sign = sense == .maximize ? 1 : -1
    guard let codes = matrix.codeRange else {
      lowest = 0
      levels = 0
      ranks = [UInt8](repeating: Self.forbidden, count: matrix.codes.count)
      return
    }
    levels = Int(codes.upperBound) - Int(codes.lowerBound) + 1
    guard levels <= Self.maximumLevels else { return nil }
    // Maximising, rank = code − low; minimising, rank = high − code.
    let maximize = sense == .maximize
    lowest = maximize ? Double(matrix.offset + Int(codes.lowerBound)) : -Double(matrix.offset + Int(codes.upperBound))
    // Codes from 0, maximising, are the ranks themselves: shared, not copied.
    if maximize && codes.lowerBound == 0 {
      ranks = matrix.codes
      return
    }
    let count = matrix.codes.count
    let parts = max(1, min(workers, count / (1 << 18) + 1))
    ranks = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      let out = SharedPointer(buffer.baseAddress!)
      matrix.codes.withUnsafeBufferPointer { c in
        let input = SharedPointer(c.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: parts) { w in
          let low = codes.lowerBound
          let high = codes.upperBound
          for k in (count * w / parts)..<(count * (w + 1) / parts) {
            let code = input.base[k]
            out.base[k] = code == Self.forbidden ? Self.forbidden : (maximize ? code &- low : high &- code)
          }
        }
      }
      initialized = count
    }
  }

  /// The score of a pair of rank `rank` (`sign · (lowest + rank)`), exactly,
  /// bit for bit: adding `+0.0` turns the `−0.0` that minimising a score of 0
  /// would give back into `+0.0` and changes nothing else (no score is `−0.0`).
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func score(rank: Int) -> Double { sign * (lowest + Double(rank)) + 0.0 }

  /// The score of pair `(row, column)`, which must be allowed.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func score(row: Int, column: Int) -> Double { score(rank: Int(ranks[row * columns + column])) }

  /// The rows `0..<rows` cut into `parts` contiguous ranges, in order (some
  /// empty when there are fewer rows than parts).
  ///
  /// - Complexity: O(`parts`).
  func rowRanges(_ parts: Int) -> [Range<Int>] {
    let p = max(1, parts)
    return (0..<p).map { (rows * $0 / p)..<(rows * ($0 + 1) / p) }
  }
}
