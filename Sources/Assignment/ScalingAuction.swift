/// A forward auction with ε-scaling for similar objects (Bertsekas, *The
/// auction algorithm for assignment and other network flow problems*, 1988;
/// Bertsekas and Castañon, *The auction algorithm for the transportation
/// problem*, 1989), run on the whole-number costs of
/// ``SparseShortestAugmentingPathSolver`` to give its first, cold solve an
/// assignment and column prices that are nearly optimal.
///
/// Each column is `capacity` slots (at most `rows`), each with its own price
/// `π ≥ 0` in units; a row's cost of a slot is `c(i, j) + π`, and leaving the
/// row unassigned costs `P` (the solver's unassigned cost, a price-free
/// option of unlimited room). A free row finds its cheapest option `b1` (the
/// cheapest slot of its best column) and the next cheapest `b2` (any other
/// column's cheapest slot, its best column's second slot, or `P`):
///
/// - `P < b1`: the row stays unassigned;
/// - the cheapest slot is free: the row takes it at its price (no one is
///   displaced, so no raise is needed, and the row's pair is exactly tight);
/// - otherwise the row bids: the slot's price rises by `max(b2 − b1, ε)` and
///   its holder is freed. When `b2 − b1 ≥ ε` the bidder is exactly tied with
///   its second-best option (tight), else it is within `ε` of it.
///
/// Every assigned row keeps ε-complementary slackness: its slot costs at most
/// `ε` more than its cheapest option. Each ε phase keeps the prices and the
/// rows that still satisfy it for the new ε; the others bid again. ε falls by
/// ``factor`` from `max(1, spread / factor)` to ``finalEpsilon`` units.
///
/// The result is only a start: ``SparseShortestAugmentingPathSolver`` keeps
/// the rows whose pair is exactly tight at the prices handed over (each
/// column's cheapest slot price) and solves the rest by shortest paths, so the
/// answer is exact whatever the auction reached, and a bid limit bounds its
/// cost on problems where prices climb slowly (rows competing for too few
/// places).
///
/// - Complexity: O(`bids · (pairs per row + capacity)`) plus O(`pairs`) per
///   phase for the ε check; at most `bidLimit` bids per phase.
struct ScalingAuction {
  /// What an auction reached, in the solver's whole units.
  struct Result {
    /// Each column's price: its cheapest slot's (0 for a column without slots).
    var prices: [Double]
    /// Each row's listed pair, or -1 (unassigned by choice or still free).
    var pairOf: [Int]
    /// Bids made (raises and free slots taken), over all phases.
    var bids = 0
    /// ε phases run.
    var phases = 0
    /// Whether a phase stopped at the bid limit (rows are left free).
    var stoppedAtLimit = false
  }

  /// The ratio between successive ε (4–10 is the usual range).
  var factor = 8.0
  /// The last phase's ε, in units (1: the least, as the costs are whole units).
  var finalEpsilon = 1.0
  /// The most bids a phase may make, per row.
  var bidsPerRowLimit = 64

  /// The best auction measured for a cold solve: ε from `spread / 8` down by
  /// 8 per phase to `spread / 4096` (four phases), at most 64 bids per row
  /// and phase. Not switched on: on the first solve of `Benchmarks/scale`'s
  /// 50,000 × 10,000 cohort it keeps 37,214 rows but takes 3.7 M bids and
  /// leaves 404 M relaxations (474 M without it), so more work in all; at
  /// 20,000 × 4,000, 1.3 M bids and 23.5 M relaxations (44.1 M). Running on
  /// to ε = 1 unit keeps 18,338 of 20,000 rows for 7.5 M bids
  /// (Docs/performance.md, branch `auction`).
  static func start(spread: Double) -> ScalingAuction {
    ScalingAuction(factor: 8, finalEpsilon: max(1, (spread / 4096).rounded(.down)), bidsPerRowLimit: 64)
  }

  /// Runs the auction.
  ///
  /// - Parameters:
  ///   - problem: The listed pairs and capacities.
  ///   - cost: Whole-number cost per listed pair, in units.
  ///   - startPrices: Non-negative whole-number starting prices per column.
  ///   - unassignedCost: The cost `P` of leaving a row unassigned.
  ///   - spread: The costs' spread in units (sets the first ε).
  /// - Complexity: See ``ScalingAuction``.
  func run(
    _ problem: SparseAssignmentProblem, cost: [Double], startPrices: [Double], unassignedCost: Double,
    spread: Double
  ) -> Result {
    let n = problem.rows
    let m = problem.columns
    var slotStart = [Int](repeating: 0, count: m + 1)
    for j in 0..<m { slotStart[j + 1] = slotStart[j] + min(problem.capacities[j], n) }
    var slotPrice = [Double](repeating: 0, count: slotStart[m])
    for j in 0..<m {
      for s in slotStart[j]..<slotStart[j + 1] { slotPrice[s] = startPrices[j] }
    }
    var slotHolder = [Int](repeating: -1, count: slotStart[m])
    // Each column's cheapest slot (a free one among equals) and its price;
    // +∞ for a column without slots, so no row ever picks it.
    var cheapestSlot = [Int](repeating: -1, count: m)
    var cheapestPrice = [Double](repeating: .infinity, count: m)
    for j in 0..<m where slotStart[j] < slotStart[j + 1] {
      cheapestSlot[j] = slotStart[j]
      cheapestPrice[j] = startPrices[j]
    }
    // Each row's slot, -1 when free, -2 when unassigned by choice.
    var slotOf = [Int](repeating: -1, count: n)
    var pairOf = [Int](repeating: -1, count: n)
    var result = Result(prices: [], pairOf: [])
    var queue: [Int] = []
    queue.reserveCapacity(n)

    var epsilons: [Double] = []
    var epsilon = max(finalEpsilon, (spread / factor).rounded(.down))
    while true {
      epsilons.append(epsilon)
      if epsilon <= finalEpsilon { break }
      epsilon = max(finalEpsilon, (epsilon / factor).rounded(.down))
    }

    cost.withUnsafeBufferPointer { cost in
      problem.columnIndex.withUnsafeBufferPointer { columnIndex in
        let rowStart = problem.rowStart
        /// The cheapest option of row `i` at the columns' cheapest prices.
        func cheapest(_ i: Int) -> Double {
          var best = unassignedCost
          for p in rowStart[i]..<rowStart[i + 1] {
            let value = cost[p] + cheapestPrice[Int(columnIndex[p])]
            if value < best { best = value }
          }
          return best
        }
        func updateCheapest(of j: Int) {
          var best = slotStart[j]
          for s in (best + 1)..<slotStart[j + 1] {
            let freeAmongEquals = slotPrice[s] == slotPrice[best] && slotHolder[best] >= 0 && slotHolder[s] < 0
            if slotPrice[s] < slotPrice[best] || freeAmongEquals { best = s }
          }
          cheapestSlot[j] = best
          cheapestPrice[j] = slotPrice[best]
        }

        for epsilon in epsilons {
          result.phases += 1
          // Rows whose choice breaks ε-complementary slackness for this ε bid again.
          queue.removeAll(keepingCapacity: true)
          for i in 0..<n {
            let s = slotOf[i]
            let own = s >= 0 ? cost[pairOf[i]] + slotPrice[s] : (s == -2 ? unassignedCost : .infinity)
            if own.isFinite && own <= cheapest(i) + epsilon { continue }
            if s >= 0 {
              slotHolder[s] = -1
              let j = Int(columnIndex[pairOf[i]])
              if slotPrice[s] <= cheapestPrice[j] { updateCheapest(of: j) }
            }
            slotOf[i] = -1
            pairOf[i] = -1
            queue.append(i)
          }
          var head = 0
          var budget = bidsPerRowLimit * max(n, 1)
          while head < queue.count {
            guard budget > 0 else {
              result.stoppedAtLimit = true
              break
            }
            budget -= 1
            let i = queue[head]
            head += 1
            var b1 = Double.infinity
            var b2 = Double.infinity
            var bestPair = -1
            var bestFree = false
            for p in rowStart[i]..<rowStart[i + 1] {
              let j = Int(columnIndex[p])
              let value = cost[p] + cheapestPrice[j]
              if value < b1 {
                b2 = b1
                b1 = value
                bestPair = p
                bestFree = slotHolder[cheapestSlot[j]] < 0
              } else if value == b1 && !bestFree && slotHolder[cheapestSlot[j]] < 0 {
                // Among equals, a free slot: taken without displacing anyone.
                b2 = b1
                bestPair = p
                bestFree = true
              } else if value < b2 {
                b2 = value
              }
            }
            if bestPair < 0 || unassignedCost < b1 {
              slotOf[i] = -2
              continue
            }
            result.bids += 1
            let j = Int(columnIndex[bestPair])
            let s = cheapestSlot[j]
            if !bestFree {
              // The column's next slot is an option too (similar objects).
              for t in slotStart[j]..<slotStart[j + 1] where t != s {
                b2 = min(b2, cost[bestPair] + slotPrice[t])
              }
              b2 = min(b2, unassignedCost)
              slotPrice[s] += max(b2 - b1, epsilon)
              let previous = slotHolder[s]
              slotOf[previous] = -1
              pairOf[previous] = -1
              queue.append(previous)
            }
            slotHolder[s] = i
            slotOf[i] = s
            pairOf[i] = bestPair
            updateCheapest(of: j)
          }
          if result.stoppedAtLimit { break }
        }
      }
    }
    result.prices = (0..<m).map { cheapestPrice[$0].isFinite ? cheapestPrice[$0] : 0 }
    result.pairOf = pairOf
    return result
  }
}
