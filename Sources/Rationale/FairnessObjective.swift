import Assignment
import CompetencyModel

/// The bottleneck objective, solved exactly: among plans that match as many
/// mentees as possible, the highest lowest-fit, then the highest total fit.
///
/// The lowest fit of the optimum is one of the cohort's pair scores. A binary
/// search over those scores (from the total-fit plan's lowest, which is
/// attainable) asks, for each threshold, whether the pairs scoring at least
/// that much still match as many mentees; the last threshold that does is the
/// bottleneck, and the certified solve at it maximises the total.
///
/// - Complexity: O(log(distinct scores)) certified solves, each warm-started
///   from the total-fit plan, plus one pass to collect the scores.
enum FairnessObjective {
  /// Beyond this many distinct scores, the search bisects over score values
  /// (64 steps, exact to the last bit) instead of holding every score.
  static let distinctLimit = 4_000_000

  /// The fairness optimum, with its bottleneck (the lowest fit it guarantees),
  /// or `nil` as the bottleneck when the baseline matches nobody.
  static func solve(
    source: some ScoreBlockSource, capacities: [Int], candidatesPerRow: Int?,
    baseline: (
      solution: AssignmentSolution, certificate: CertifiedAssignment.Certificate,
      statistics: CertifiedAssignment.RowStatistics
    ),
    distinctLimit: Int = FairnessObjective.distinctLimit
  ) -> (
    solution: AssignmentSolution, certificate: CertifiedAssignment.Certificate,
    statistics: CertifiedAssignment.RowStatistics, bottleneck: Double?
  ) {
    let assigned = baseline.statistics.assignedScore.filter { !$0.isNaN }
    guard let floor = assigned.min() else {
      return (baseline.solution, baseline.certificate, baseline.statistics, nil)
    }
    // Every score above the total-fit plan's lowest, once, in increasing order;
    // past `distinctLimit` scores, bisection over the values instead.
    var scores = Set<Double>()
    var highest = floor
    var buffer = [Double](repeating: 0, count: source.blockRows * source.columns)
    for block in source.blocks {
      buffer.withUnsafeMutableBufferPointer { b in
        source.fill(rows: block, into: b)
        for k in 0..<(block.count * source.columns) where b[k] > floor {
          highest = max(highest, b[k])
          if scores.count < distinctLimit { scores.insert(b[k]) }
        }
      }
    }
    var best = baseline
    var bestThreshold = floor
    var found = false
    func feasible(_ threshold: Double) -> Bool {
      let attempt = CertifiedAssignment.solveWithStatistics(
        AdjustedScoreSource(base: source, threshold: threshold), capacities: capacities,
        candidatesPerRow: candidatesPerRow, warmStart: baseline.solution)
      guard attempt.solution.assignedCount == baseline.solution.assignedCount else { return false }
      best = attempt
      bestThreshold = attempt.statistics.assignedScore.filter { !$0.isNaN }.min() ?? threshold
      found = true
      return true
    }
    if scores.count < distinctLimit {
      let thresholds = [floor] + scores.sorted()
      var low = 1
      var high = thresholds.count - 1
      while low <= high {
        let middle = (low + high) / 2
        if feasible(thresholds[middle]) { low = middle + 1 } else { high = middle - 1 }
      }
    } else {
      // Feasible at `low`, not at `high`; the bottleneck is a score in between.
      var low = floor
      var high = highest.nextUp
      for _ in 0..<64 where low.nextUp < high {
        let middle = low + (high - low) / 2
        if feasible(middle) { low = max(middle, bestThreshold) } else { high = middle }
      }
    }
    if !found {
      // No threshold above the total-fit plan's lowest fit keeps every mentee
      // matched: that plan is the fairness optimum. Its statistics count every
      // eligible mentor, so solve once at its lowest fit (always feasible) for
      // ranks and eligible counts over the mentors at or above the bottleneck.
      _ = feasible(floor)
    }
    return (best.solution, best.certificate, best.statistics, bestThreshold)
  }
}
