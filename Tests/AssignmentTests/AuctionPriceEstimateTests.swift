import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The auction's price estimate with each column's cheapest slot kept up to
/// date, against the direct form that looks the cheapest slot up at every
/// pair, and the certified solve started from it against the dense solver on
/// covered-growth-like plateaus.
@Suite struct AuctionPriceEstimateTests {
  /// The auction as first written: the cheapest slot of every column searched
  /// at every pair a bidder looks at (ties to the lowest slot).
  static func directPrices(_ problem: SparseAssignmentProblem, bidsPerRow: Int) -> [Double] {
    let n = problem.rows
    let m = problem.columns
    let sign = problem.sense == .maximize ? 1.0 : -1.0
    let range = problem.scoreBounds.upperBound - problem.scoreBounds.lowerBound
    guard n > 0, m > 0, range > 0 else { return [Double](repeating: 0, count: m) }
    var slotStart = [Int](repeating: 0, count: m + 1)
    for j in 0..<m { slotStart[j + 1] = slotStart[j] + min(problem.capacities[j], n) }
    var slotPrice = [Double](repeating: 0, count: slotStart[m])
    var slotHolder = [Int](repeating: -1, count: slotStart[m])
    for epsilon in SolverTolerance.auctionEpsilons(range: range) {
      for k in slotHolder.indices { slotHolder[k] = -1 }
      var queue = Array(0..<n)
      var head = 0
      var budget = bidsPerRow * n
      while head < queue.count && budget > 0 {
        let i = queue[head]
        head += 1
        budget -= 1
        var best = -Double.infinity
        var second = -Double.infinity
        var bestSlot = -1
        for p in problem.rowStart[i]..<problem.rowStart[i + 1] {
          let j = Int(problem.columnIndex[p])
          guard slotStart[j] < slotStart[j + 1] else { continue }
          let cheapest = (slotStart[j]..<slotStart[j + 1]).min { slotPrice[$0] < slotPrice[$1] }!
          let value = sign * problem.scores[p] - slotPrice[cheapest]
          if value > best {
            second = best
            best = value
            bestSlot = cheapest
          } else if value > second {
            second = value
          }
        }
        guard bestSlot >= 0 else { continue }
        slotPrice[bestSlot] += (second == -.infinity ? range : best - second) + epsilon
        if slotHolder[bestSlot] >= 0 { queue.append(slotHolder[bestSlot]) }
        slotHolder[bestSlot] = i
      }
    }
    return (0..<m).map { j in
      let slots = slotStart[j]..<slotStart[j + 1]
      guard !slots.isEmpty, slots.allSatisfy({ slotHolder[$0] >= 0 }) else { return 0 }
      return slots.map { slotPrice[$0] }.min()!
    }
  }

  /// Covered-growth-like scores: a share of each row's columns tied at the
  /// top competency term (1), the rest below it, plus side terms on a few
  /// levels, so wide plateaus of exactly equal scores; a share of pairs
  /// forbidden and some rows with no allowed pair at all.
  static func plateau(
    rows: Int, columns: Int, capacities: ClosedRange<Int>, forbiddenShare: Double,
    using generator: inout SeededRandomNumberGenerator
  ) -> AssignmentProblem {
    var scores = [Double](repeating: 0, count: rows * columns)
    for i in 0..<rows {
      let covered = Double.random(in: 0.05...0.6, using: &generator)
      let infeasible = Int.random(in: 0..<25, using: &generator) == 0
      for j in 0..<columns {
        if infeasible || Double.random(in: 0..<1, using: &generator) < forbiddenShare {
          scores[i * columns + j] = AssignmentProblem.forbidden
          continue
        }
        let competency =
          Double.random(in: 0..<1, using: &generator) < covered
          ? 1 : Double(Int.random(in: 0...19, using: &generator)) / 20
        let side = Double(Int.random(in: 0...3, using: &generator)) * 0.05
        scores[i * columns + j] = 0.8 * competency + side
      }
    }
    let caps = (0..<columns).map { _ in Int.random(in: capacities, using: &generator) }
    return AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: caps)
  }

  @Test func cheapestSlotKeptUpToDateGivesTheDirectPrices() {
    var generator = SeededRandomNumberGenerator(seed: 9_505)
    for trial in 0..<12 {
      let rows = 60 + 23 * trial
      let columns = 7 + 3 * trial
      let problem = Self.plateau(
        rows: rows, columns: columns, capacities: 1...5, forbiddenShare: [0, 0.3, 0.8][trial % 3],
        using: &generator)
      for sense in [AssignmentProblem.Sense.maximize, .minimize] {
        let sparse = SparseAssignmentProblem(
          AssignmentProblem(
            rows: rows, columns: columns, scores: problem.scores, capacities: problem.capacities, sense: sense))
        for bids in [1, 6, 12] {
          #expect(
            AuctionPriceEstimate.prices(sparse, bidsPerRow: bids) == Self.directPrices(sparse, bidsPerRow: bids),
            "trial \(trial), \(sense), \(bids) bids per row")
        }
      }
    }
  }

  /// Plateaus, capacities 1–5, forbidden pairs, rows with no pair, more and
  /// fewer rows than places: the certified solve (the auction's start in its
  /// first round) reaches the dense solver's optimum, its plan passes the
  /// solver-independent check, and the sparse solver on all pairs from the
  /// auction's prices agrees too, every row handled by exactly one phase.
  @Test(arguments: [1...1, 1...5, 5...5])
  func plateausReachTheDenseOptimum(capacities: ClosedRange<Int>) {
    var generator = SeededRandomNumberGenerator(seed: 9_600 + UInt64(capacities.upperBound))
    for trial in 0..<8 {
      let rows = 80 + 35 * trial
      let columns = capacities.upperBound == 1 ? rows + 10 - 20 * (trial % 2) : 12 + 4 * trial
      let problem = Self.plateau(
        rows: rows, columns: columns, capacities: capacities, forbiddenShare: [0, 0.25, 0.7, 0.9][trial % 4],
        using: &generator)
      let dense = CapacitatedAssignment.solve(problem)
      let (solution, certificate) = CertifiedAssignment.solve(
        DenseScoreSource(problem, blockRows: 40), capacities: problem.capacities, candidatesPerRow: 4)
      #expect(solution.assignedCount == dense.assignedCount, "trial \(trial)")
      #expect(abs(solution.totalScore - dense.totalScore) < 1e-9, "trial \(trial)")
      #expect(solution.verify(against: problem).isEmpty, "trial \(trial)")
      #expect(certificate.violationsPerRound.last == 0, "trial \(trial)")

      let sparse = SparseAssignmentProblem(problem)
      var solver = SparseShortestAugmentingPathSolver(sparse, priceHint: AuctionPriceEstimate.prices(sparse))
      solver.run()
      let counters = solver.counters
      #expect(
        counters.auctionPlaced + counters.greedyPlaced + counters.blockingPlaced + counters.singlePhases == rows,
        "trial \(trial)")
      let direct = solver.solution()
      #expect(direct.assignedCount == dense.assignedCount, "trial \(trial)")
      #expect(abs(direct.totalScore - dense.totalScore) < 1e-9, "trial \(trial)")
      #expect(direct.verify(against: problem).isEmpty, "trial \(trial)")
    }
  }
}
