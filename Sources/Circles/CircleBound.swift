/// An upper bound on the objective of any grouping that keeps the pairwise
/// rules, so a formation can report how far from optimal it can at most be.
///
/// For each participant `i`, with `E(i)` the peers `i` may share a circle
/// with (``CircleProblem/compatible(_:_:)``; every circle-mate must be one):
///
/// - coverage: `min(1, Σ_goals max_{j∈E(i)} contribution, sum of the
///   maximumSize − 1 largest pair coverages over E(i))` — a circle's best peer
///   per goal is one of `E(i)`, and the per-goal maxima of at most
///   `maximumSize − 1` peers sum to no more than those peers' pair coverages;
/// - mix: 1 when some peer in `E(i)` is from another known department, else 0;
/// - hours: 0 with an unknown zone; else 1 when `E(i)` holds at least
///   `minimumSize − 1` peers with unknown zones, else the best pair overlap
///   with a peer of known zone (a circle's shared hours never exceed the
///   overlap of any two of its members).
///
/// The bound is the sum of these, weighted as the objective. It is never
/// below the objective of a grouping that keeps the rules.
public struct CircleBound: Sendable {
  /// The bound on the whole objective.
  public let total: Double
  /// The bound on each participant's coverage.
  public let coverage: [Double]

  /// Computes the bound.
  ///
  /// - Complexity: O(`n² · goals`) for `n` participants.
  public init(_ problem: CircleProblem) {
    let n = problem.count
    let settings = problem.settings
    let peersInCircle = settings.maximumSize - 1
    var coverage = [Double](repeating: 0, count: n)
    var total = 0.0
    for i in 0..<n {
      let goals = problem.goalStart[i]..<problem.goalStart[i + 1]
      var bestPerGoal = [Double](repeating: 0, count: goals.count)
      var top: [Double] = []  // the largest pair coverages, ascending
      var otherDepartment = false
      var unknownZones = 0
      var bestOverlap = 0.0
      for j in 0..<n where problem.compatible(i, j) {
        var pair = 0.0
        for (t, g) in goals.enumerated() {
          let value = problem.contribution(goal: g, peer: j)
          pair += value
          if value > bestPerGoal[t] { bestPerGoal[t] = value }
        }
        if top.count < peersInCircle {
          top.append(pair)
          top.sort()
        } else if let low = top.first, pair > low {
          top[0] = pair
          top.sort()
        }
        let d = problem.department
        if d[i] >= 0 && d[j] >= 0 && d[i] != d[j] { otherDepartment = true }
        if problem.offset[i] != nil {
          if problem.offset[j] != nil {
            bestOverlap = max(bestOverlap, problem.sharedHoursShare([i, j]))
          } else {
            unknownZones += 1
          }
        }
      }
      let c = min(1, bestPerGoal.reduce(0, +), top.reduce(0, +))
      coverage[i] = c
      total += c
      if otherDepartment { total += settings.crossDepartment }
      if problem.offset[i] != nil {
        total += settings.sharedHours * (unknownZones >= settings.minimumSize - 1 ? 1 : bestOverlap)
      }
    }
    self.total = total
    self.coverage = coverage
  }
}
