/// One way a solution fails to be a feasible, provably optimal answer.
public enum CertificateViolation: Sendable, Equatable, CustomStringConvertible {
  /// The solution's shape does not match the problem's.
  case shapeMismatch
  /// A row was assigned to a forbidden column.
  case forbiddenPair(row: Int, column: Int)
  /// A column holds more rows than its capacity.
  case overCapacity(column: Int, load: Int, capacity: Int)
  /// The reported loads or totals disagree with the assignment.
  case inconsistentSummary(String)
  /// A dual value is negative.
  case negativeDual(String, index: Int, value: Double)
  /// The duals bound the best total above the plan's by more than allowed:
  /// the plan may be suboptimal. `gap` is an upper bound of the difference,
  /// `allowed` the certified resolution (see ``ScoreResolution``).
  case gapTooLarge(gap: Double, allowed: Double)
  /// The cardinality bonus is too small to prove that no plan assigns more rows.
  case bonusTooSmall(bonus: Double, needed: Double)
  /// Double precision cannot certify the problem (see ``ScoreResolution/refusal(for:)``).
  case uncertifiable(String)

  public var description: String {
    switch self {
    case .shapeMismatch: return "solution shape does not match the problem"
    case .forbiddenPair(let r, let c): return "row \(r) assigned to forbidden column \(c)"
    case .overCapacity(let c, let l, let k): return "column \(c) holds \(l) rows, capacity \(k)"
    case .inconsistentSummary(let s): return "inconsistent summary: \(s)"
    case .negativeDual(let kind, let i, let v): return "\(kind) \(i) has negative dual \(v)"
    case .gapTooLarge(let gap, let allowed):
      return "the duals allow a total better by up to \(gap), more than the resolution \(allowed)"
    case .bonusTooSmall(let bonus, let needed): return "cardinality bonus \(bonus) is not above \(needed)"
    case .uncertifiable(let reason): return "not certifiable: \(reason)"
    }
  }
}

extension AssignmentSolution {
  /// Checks that this solution is feasible for `problem` and that its duals
  /// prove it optimal, independently of how the solver worked: it uses only
  /// the problem, the plan and the duals, and double-double arithmetic
  /// (``DoubleDouble``) with a proven error bound (``CertificateCheck``; its
  /// rounding bounds are those of ``SolverTolerance``).
  ///
  /// 1. **Feasibility**, exactly: no forbidden pair, no column over capacity,
  ///    loads, count and total consistent with the assignment.
  /// 2. **Gap.** Every dual must be non-negative (else a ``CertificateViolation/negativeDual(_:index:value:)``).
  ///    The duals are then made feasible: negative values become 0
  ///    and each row value is raised by its largest violation
  ///    `a(i, j) − y_i − p_j` over the eligible pairs (allowed, in a column
  ///    with a positive capacity; a zero-capacity column's pairs are fixed at 0
  ///    and its price is free). By LP duality their objective
  ///    `Σ y_i + Σ min(k_j, n) · p_j` bounds every plan's adjusted total from
  ///    above, so the *gap* between it and the plan's adjusted total bounds how
  ///    much better any plan can be. It is summed as
  ///    `Σ_assigned (y_i + p_j − a(i, j)) + Σ_unassigned y_i + Σ_j (k_j − load_j) · p_j`,
  ///    each term small, plus `2^−104` per operation times the magnitudes.
  /// 3. **Verdict.** Let `g` be the largest power of two dividing every
  ///    eligible score (totals of equally many pairs then differ by multiples
  ///    of `g`). The plan is proven exactly optimal when the gap is below `g`;
  ///    otherwise it must be within the problem's resolution `2 · n · q`
  ///    (``ScoreResolution/resolution``), the most by which the solvers'
  ///    rounding of scores to the quantum `q` can cost.
  /// 4. **Cardinality.** A plan with fewer rows than the most possible is
  ///    worse in adjusted total by at least `B + L − (n − 1) · R` (`L` the
  ///    lowest eligible `±score`, `R` the spread); this must exceed the gap.
  ///
  /// ```swift
  /// assert(solution.verify(against: problem).isEmpty)
  /// ```
  ///
  /// - Parameter problem: The problem this solution claims to solve.
  /// - Returns: Every violation found, empty when the certificate holds.
  /// - Complexity: O(`rows · columns`).
  public func verify(against problem: AssignmentProblem) -> [CertificateViolation] {
    verify(against: DenseScoreSource(problem), capacities: problem.capacities, sense: problem.sense)
  }

  /// ``verify(against:)`` for a problem served by blocks of rows, which need
  /// not fit in memory: one pass over every eligible pair, on several threads
  /// (``CertificateCheck``), with the same conditions and the same verdict for
  /// any number of threads and any block size.
  ///
  /// ```swift
  /// let violations = solution.verify(against: source, capacities: capacities)
  /// ```
  ///
  /// - Parameters:
  ///   - source: The scores of the problem this solution claims to solve.
  ///   - capacities: One capacity per column.
  ///   - sense: Maximise (default) or minimise.
  ///   - claimsExact: Require a proof of exact optimality (the gap below the
  ///     score grid), as a certificate reporting `exact` claims; otherwise
  ///     the gap may also be within the resolution.
  /// - Returns: Every violation found, empty when the certificate holds.
  /// - Complexity: O(`rows · columns`) plus the scoring of every block.
  public func verify(
    against source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense = .maximize,
    claimsExact: Bool = false
  ) -> [CertificateViolation] {
    verify(
      against: source, capacities: capacities, sense: sense, claimsExact: claimsExact,
      workers: ParallelBlockPass.defaultWorkers)
  }

  /// ``verify(against:capacities:sense:claimsExact:)`` on at most `workers` threads.
  func verify(
    against source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense = .maximize,
    claimsExact: Bool = false, workers: Int
  ) -> [CertificateViolation] {
    let check = CertificateCheck(self, capacities: capacities, sense: sense)
    guard capacities.count == source.columns, check.shapeFits(rows: source.rows) else { return [.shapeMismatch] }
    let m = source.columns
    let parts = ParallelBlockPass.run(
      over: source, workers: workers, makeState: { CertificateCheck.Part() },
      body: { part, block, scores in
        for (r, i) in block.enumerated() {
          check.check(row: i, scores: UnsafeBufferPointer(rebasing: scores[(r * m)..<((r + 1) * m)]), into: &part)
        }
      })
    return check.verdict(parts, claimsExact: claimsExact)
  }

  /// The exponent of the lowest set bit of a non-zero finite `x`: `x` is an
  /// odd multiple of `2^e`.
  static func lowestBitExponent(_ x: Double) -> Int {
    let bits = x.significandBitPattern
    if x.isSubnormal { return -1074 + bits.trailingZeroBitCount }
    if bits == 0 { return Int(x.exponent) }
    return Int(x.exponent) - Double.significandBitCount + bits.trailingZeroBitCount
  }
}
