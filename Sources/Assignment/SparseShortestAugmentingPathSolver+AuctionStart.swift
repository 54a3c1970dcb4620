/// The auction start of ``SparseShortestAugmentingPathSolver``: a cold solve
/// on many score levels begins with a ``ScalingAuction`` and keeps what of its
/// assignment already satisfies the solver's invariants exactly.
///
/// The auction's column prices (each column's cheapest slot, whole units)
/// become the column duals. A row the auction assigned keeps its pair when the
/// pair is exactly tight — its reduced cost `c − v` is the least over the
/// row's listed pairs — and that least is at most `P`; its dual is that least.
/// A row the auction left unassigned is settled unassigned (dual `P`) when no
/// listed pair costs less than `P`. Every other row stays free for the greedy
/// start and the shortest-path phases, which keep the invariants (reduced
/// costs non-negative, assigned pairs tight, `u ≤ P`) and so reach the exact
/// optimum whatever the auction did; the backward phases then lower the
/// prices of columns the auction left with room.
extension SparseShortestAugmentingPathSolver {
  /// Runs the auction from the current column duals and keeps its tight rows.
  ///
  /// - Complexity: that of ``ScalingAuction/run(_:cost:startPrices:unassignedCost:spread:)``,
  ///   plus O(`pairs`).
  mutating func auctionStart(_ auction: ScalingAuction = ScalingAuction()) {
    let result = auction.run(
      problem, cost: cost, startPrices: v.map { -$0 }, unassignedCost: unassignedCost,
      spread: resolution.spreadUnits)
    counters.auctionBids += result.bids
    counters.auctionPhases += result.phases
    for j in 0..<problem.columns { v[j] = -result.prices[j] }
    let capacity = problem.capacities
    for i in 0..<problem.rows {
      var least = Double.infinity
      for p in problem.rowStart[i]..<problem.rowStart[i + 1] {
        least = min(least, cost[p] - v[Int(problem.columnIndex[p])])
      }
      let pair = result.pairOf[i]
      if pair >= 0 {
        let j = Int(problem.columnIndex[pair])
        guard cost[pair] - v[j] == least && least <= unassignedCost && holding.load[j] < capacity[j] else { continue }
        u[i] = least
        attach(row: i, to: j, pair: pair)
        processed[i] = true
        counters.auctionPlaced += 1
      } else if least >= unassignedCost {
        u[i] = unassignedCost
        processed[i] = true
        counters.auctionPlaced += 1
      }
    }
    #if MENTORMATCH_INVARIANTS
      requireInvariants(invariantViolations(), after: "the auction start")
    #endif
  }
}
