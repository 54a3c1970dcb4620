/// Estimates column prices for a capacitated assignment by a short forward
/// auction with ε-scaling (Bertsekas, *The auction algorithm for assignment
/// and other network flow problems*, 1988; Bertsekas and Castañon 1989 for
/// similar objects), to warm-start the exact solver.
///
/// Each column is `capacity` slots, each with its own price. A free row bids
/// for the cheapest slot of its best column, raising that slot's price by the
/// row's margin over its second-best column plus ε, and displaces the slot's
/// holder. Rounds use ε = range/8, range/64 and range/512, keeping prices.
/// Columns the last round leaves with a free slot are estimated at 0.
/// The bid budget is bounded, so the estimate is cheap even when capacity is
/// short. Only a hint: ``CapacitatedAssignment/solve(_:priceHint:)`` is exact
/// whatever the prices.
///
/// Each column's cheapest slot is kept up to date after every bid, so a bid
/// costs O(`pairs of the row + capacity`), not O(`pairs · capacity`).
///
/// - Complexity: O(`bidsPerRow · rows · (pairs per row + capacity)`).
enum AuctionPriceEstimate {
  /// The first round's price hint: the auction's estimate when it is
  /// useful (``isUseful(for:)``), else `nil` (zero prices).
  ///
  /// - Complexity: that of ``prices(_:bidsPerRow:)``, or O(`pairs`).
  static func hint(_ problem: SparseAssignmentProblem) -> [Double]? {
    isUseful(for: problem) ? prices(problem) : nil
  }

  /// Whether the listed scores take more than `levels` distinct values.
  ///
  /// On a few levels (whole-number ratings, say) the auction's prices set
  /// tied columns apart by arbitrary amounts: the greedy start then finds few
  /// rows a cheapest column with room, and each shortest path is a separate
  /// search. At zero prices the ties stay exact, the greedy start places
  /// most rows, and the blocking phases of the solver place the rest level by
  /// level. Measured on the peer benchmark's tie instance (5000 × 1000,
  /// scores 0–9, capacity 5): with the auction the greedy start placed 647
  /// rows, at zero prices 4,972 (Docs/performance.md). With many levels
  /// (covered growth with side terms) the auction's estimate saves work.
  ///
  /// - Complexity: O(`pairs`), stopping at the first `levels + 1` distinct scores.
  static func isUseful(for problem: SparseAssignmentProblem, levels: Int = 64) -> Bool {
    var seen = DistinctValueCount(limit: levels)
    for s in problem.scores where seen.insertExceedsLimit(s) { return true }
    return false
  }

  /// The estimated prices, in score units, one per column.
  ///
  /// - Parameters:
  ///   - bidsPerRow: The bid budget of each ε round, per row. Twelve: on the
  ///     covered-growth cohorts of `Benchmarks/scale` (20,000 × 4,000 and
  ///     50,000 × 10,000) the first solve then relaxes 20 % and 31 % fewer
  ///     pairs than with 6 (Docs/performance.md, branch `plateau`).
  /// - Complexity: O(`rounds · bidsPerRow · rows · (pairs per row + capacity)`).
  static func prices(_ problem: SparseAssignmentProblem, bidsPerRow: Int = 12) -> [Double] {
    let n = problem.rows
    let m = problem.columns
    let sign = problem.sense == .maximize ? 1.0 : -1.0
    let range = problem.scoreBounds.upperBound - problem.scoreBounds.lowerBound
    guard n > 0, m > 0, range > 0 else { return [Double](repeating: 0, count: m) }
    var slotStart = [Int](repeating: 0, count: m + 1)
    for j in 0..<m { slotStart[j + 1] = slotStart[j] + min(problem.capacities[j], n) }
    var slotPrice = [Double](repeating: 0, count: slotStart[m])
    var slotHolder = [Int](repeating: -1, count: slotStart[m])
    // Each column's cheapest slot and its price, kept up to date after every
    // bid (O(capacity) per bid rather than per pair visited).
    var cheapestSlot = (0..<m).map { slotStart[$0] }
    var cheapestPrice = [Double](repeating: 0, count: m)
    var queue: [Int] = []
    queue.reserveCapacity(n)
    for epsilon in SolverTolerance.auctionEpsilons(range: range) {
      for k in slotHolder.indices { slotHolder[k] = -1 }
      queue.removeAll(keepingCapacity: true)
      queue.append(contentsOf: 0..<n)
      var head = 0
      var budget = bidsPerRow * n
      while head < queue.count && budget > 0 {
        let i = queue[head]
        head += 1
        budget -= 1
        // The best and second-best values of row i at the columns' entry prices.
        var best = -Double.infinity
        var second = -Double.infinity
        var bestColumn = -1
        for p in problem.rowStart[i]..<problem.rowStart[i + 1] {
          let j = Int(problem.columnIndex[p])
          if slotStart[j] == slotStart[j + 1] { continue }
          let value = sign * problem.scores[p] - cheapestPrice[j]
          if value > best {
            second = best
            best = value
            bestColumn = j
          } else if value > second {
            second = value
          }
        }
        guard bestColumn >= 0 else { continue }
        let bestSlot = cheapestSlot[bestColumn]
        let margin = second == -.infinity ? range : best - second
        slotPrice[bestSlot] += margin + epsilon
        let previous = slotHolder[bestSlot]
        slotHolder[bestSlot] = i
        if previous >= 0 { queue.append(previous) }
        var cheapest = slotStart[bestColumn]
        for k in (cheapest + 1)..<slotStart[bestColumn + 1] where slotPrice[k] < slotPrice[cheapest] { cheapest = k }
        cheapestSlot[bestColumn] = cheapest
        cheapestPrice[bestColumn] = slotPrice[cheapest]
      }
    }
    // Only columns the auction filled keep a price: a column left with room
    // is priced 0 at the optimum, and a positive hint there would be wasted.
    return (0..<m).map { j in
      let start = slotStart[j]
      let end = slotStart[j + 1]
      guard start < end, slotHolder[start..<end].allSatisfy({ $0 >= 0 }) else { return 0.0 }
      return cheapestPrice[j]
    }
  }
}
