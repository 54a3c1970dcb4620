import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The ε-scaling auction start of the sparse solver (``ScalingAuction``,
/// `SparseShortestAugmentingPathSolver+AuctionStart.swift`): the auction's
/// own result keeps capacities and ε-complementary slackness, and the solver
/// started from it reaches the dense solver's optimum on plateaus, integer
/// ties, capacities 0–5, forbidden pairs, rows with no pair, more and fewer
/// rows than places and both senses, whatever the auction's ε schedule or
/// bid limit.
@Suite struct ScalingAuctionTests {
  /// Scores on ten whole-number levels (many exact ties), a share forbidden.
  static func integerTies(
    rows: Int, columns: Int, capacities: ClosedRange<Int>, forbiddenShare: Double, sense: AssignmentProblem.Sense,
    using generator: inout SeededRandomNumberGenerator
  ) -> AssignmentProblem {
    var scores = [Double](repeating: 0, count: rows * columns)
    for k in scores.indices {
      scores[k] =
        Double.random(in: 0..<1, using: &generator) < forbiddenShare
        ? AssignmentProblem.forbidden : Double(Int.random(in: 0...9, using: &generator))
    }
    let caps = (0..<columns).map { _ in Int.random(in: capacities, using: &generator) }
    return AssignmentProblem(rows: rows, columns: columns, scores: scores, capacities: caps, sense: sense)
  }

  /// Tiny ``integerTies(rows:columns:capacities:forbiddenShare:sense:using:)``
  /// shapes for trial `trial` (1–6 rows, 1–4 columns, the sense alternating),
  /// with row 1 allowed no pair where there are more than two rows: the
  /// brute-force cases of the sparse solver's row-order tests.
  static func tinyIntegerTies(trial: Int, using generator: inout SeededRandomNumberGenerator) -> AssignmentProblem {
    let rows = 1 + trial % 6
    let columns = 1 + (trial / 6) % 4
    let problem = integerTies(
      rows: rows, columns: columns, capacities: 1...3, forbiddenShare: 0.35,
      sense: trial % 2 == 0 ? .maximize : .minimize, using: &generator)
    guard rows > 2 else { return problem }
    var scores = problem.scores
    for j in 0..<columns { scores[columns + j] = AssignmentProblem.forbidden }
    return AssignmentProblem(
      rows: rows, columns: columns, scores: scores, capacities: problem.capacities, sense: problem.sense)
  }

  /// The medium cases of the sparse solver's row-order tests for trial
  /// `trial` (0 to 11): a plateau and an integer-tie problem of 30 + 13·trial
  /// rows, with more rows than places in even trials and fewer in odd ones,
  /// capacities and forbidden shares by trial, each with no price hint
  /// (`cold`) and with a far-off one.
  static func orderTrialCases(
    trial: Int, sense: AssignmentProblem.Sense, using generator: inout SeededRandomNumberGenerator
  ) -> [(label: String, problem: AssignmentProblem, hint: [Double]?)] {
    let capacities = [1...1, 1...5, 5...5, 2...3][trial % 4]
    let rows = 30 + 13 * trial
    let columns = trial % 2 == 0 ? 5 + trial : rows / 2 + 4
    let forbidden = [0, 0.3, 0.7, 0.9][trial % 4]
    let plateau = plateau(
      rows: rows, columns: columns, capacities: capacities, forbiddenShare: forbidden, sense: sense,
      using: &generator)
    let ties = integerTies(
      rows: rows, columns: columns, capacities: capacities, forbiddenShare: forbidden, sense: sense,
      using: &generator)
    var cases: [(label: String, problem: AssignmentProblem, hint: [Double]?)] = []
    for (name, problem) in [("plateau", plateau), ("ties", ties)] {
      let finite = problem.scores.filter(\.isFinite)
      let spread = finite.max().map { $0 - (finite.min() ?? 0) }
      let far = BlockingPhaseTests.hint(columns: columns, spread: max(spread ?? 1, 1), using: &generator)
      cases.append(("\(name), trial \(trial), \(sense), cold", problem, nil))
      cases.append(("\(name), trial \(trial), \(sense), far hint", problem, far))
    }
    return cases
  }

  /// The plateau cohorts of ``AuctionPriceEstimateTests`` in either sense.
  static func plateau(
    rows: Int, columns: Int, capacities: ClosedRange<Int>, forbiddenShare: Double, sense: AssignmentProblem.Sense,
    using generator: inout SeededRandomNumberGenerator
  ) -> AssignmentProblem {
    let p = AuctionPriceEstimateTests.plateau(
      rows: rows, columns: columns, capacities: capacities, forbiddenShare: forbiddenShare, using: &generator)
    return AssignmentProblem(rows: rows, columns: columns, scores: p.scores, capacities: p.capacities, sense: sense)
  }

  /// The auctions tried: the default, other factors, an early stop at a
  /// large ε, and a bid limit so small that the auction stops with rows free.
  static let auctions: [ScalingAuction] = [
    ScalingAuction(),
    ScalingAuction(factor: 4),
    ScalingAuction(factor: 10),
    ScalingAuction(factor: 8, finalEpsilon: 4096),
    ScalingAuction(factor: 8, finalEpsilon: 1, bidsPerRowLimit: 1),
  ]

  /// Solves `problem` with the sparse solver started by `auction` and checks
  /// it against the dense solver and the solver-independent check.
  static func expectOptimal(
    _ problem: AssignmentProblem, auction: ScalingAuction, provisional: Bool = false, _ label: String
  ) {
    let dense = CapacitatedAssignment.solve(problem)
    let sparse = SparseAssignmentProblem(problem)
    var solver = SparseShortestAugmentingPathSolver(sparse)
    solver.startingAuction = auction
    solver.run()
    let counters = solver.counters
    #expect(counters.auctionPhases >= 1, "\(label): the auction ran")
    #expect(
      counters.auctionPlaced + counters.greedyPlaced + counters.blockingPlaced + counters.singlePhases
        == problem.rows, "\(label): every row handled by exactly one phase")
    let solution = solver.solution()
    #expect(solution.assignedCount == dense.assignedCount, "\(label)")
    #expect(abs(solution.totalScore - dense.totalScore) < 1e-9, "\(label)")
    #expect(solution.verify(against: problem).isEmpty, "\(label)")
    #expect(solver.invariantViolations(resolvedColumns: problem.columns).isEmpty, "\(label)")
  }

  @Test(arguments: [AssignmentProblem.Sense.maximize, .minimize])
  func plateausReachTheDenseOptimum(sense: AssignmentProblem.Sense) {
    var generator = SeededRandomNumberGenerator(seed: 9_700 + (sense == .maximize ? 0 : 1))
    for trial in 0..<10 {
      let capacities = [0...5, 1...1, 1...5, 5...5, 0...2][trial % 5]
      let rows = 40 + 17 * trial
      // More rows than places in some trials, fewer in others.
      let columns = trial % 2 == 0 ? 6 + 2 * trial : rows / 2 + 3
      let problem = Self.plateau(
        rows: rows, columns: columns, capacities: capacities, forbiddenShare: [0, 0.3, 0.7, 0.9][trial % 4],
        sense: sense, using: &generator)
      for (k, auction) in Self.auctions.enumerated() {
        Self.expectOptimal(problem, auction: auction, "\(sense) trial \(trial) auction \(k)")
      }
    }
  }

  @Test(arguments: [AssignmentProblem.Sense.maximize, .minimize])
  func integerTiesReachTheDenseOptimum(sense: AssignmentProblem.Sense) {
    var generator = SeededRandomNumberGenerator(seed: 9_710 + (sense == .maximize ? 0 : 1))
    for trial in 0..<10 {
      let rows = 30 + 11 * trial
      let columns = trial % 3 == 0 ? 4 + trial : rows + 5 - 10 * (trial % 2)
      let problem = Self.integerTies(
        rows: rows, columns: columns, capacities: [0...5, 1...1, 2...4][trial % 3],
        forbiddenShare: [0, 0.5, 0.85][trial % 3], sense: sense, using: &generator)
      for (k, auction) in Self.auctions.enumerated() {
        Self.expectOptimal(problem, auction: auction, "\(sense) trial \(trial) auction \(k)")
      }
    }
  }

  /// The auction alone: no column holds more rows than its capacity, every
  /// row holds one of its own pairs, and (when no phase stopped at the bid
  /// limit) every assigned row's pair costs at most ε more than its cheapest
  /// option at the returned prices, and a row left unassigned has no option
  /// cheaper than `P − ε`.
  @Test func auctionKeepsCapacitiesAndEpsilonSlackness() {
    var generator = SeededRandomNumberGenerator(seed: 9_720)
    for trial in 0..<12 {
      let rows = 50 + 13 * trial
      let columns = trial % 2 == 0 ? 8 + trial : rows
      let problem = SparseAssignmentProblem(
        Self.plateau(
          rows: rows, columns: columns, capacities: 0...5, forbiddenShare: [0, 0.4, 0.8][trial % 3],
          sense: .maximize, using: &generator))
      let resolution = ScoreResolution(rows: rows, sense: .maximize, bounds: problem.scoreBounds)
      let cost = problem.scores.map { resolution.units($0) }
      let unassigned = resolution.provisionalUnassignedUnits
      for epsilon in [1.0, 512] {
        let result = ScalingAuction(finalEpsilon: epsilon).run(
          problem, cost: cost, startPrices: [Double](repeating: 0, count: columns), unassignedCost: unassigned,
          spread: resolution.spreadUnits)
        #expect(!result.stoppedAtLimit, "trial \(trial)")
        #expect(result.prices.allSatisfy { $0 >= 0 && $0 == $0.rounded() }, "trial \(trial)")
        var load = [Int](repeating: 0, count: columns)
        for i in 0..<rows {
          let pairs = problem.rowStart[i]..<problem.rowStart[i + 1]
          let cheapest = pairs.map { cost[$0] + result.prices[Int(problem.columnIndex[$0])] }.min() ?? .infinity
          let option = min(cheapest, unassigned)
          let pair = result.pairOf[i]
          if pair >= 0 {
            #expect(pairs.contains(pair), "trial \(trial), row \(i)")
            let j = Int(problem.columnIndex[pair])
            load[j] += 1
            #expect(cost[pair] + result.prices[j] <= option + epsilon, "trial \(trial), row \(i)")
          } else {
            #expect(unassigned <= option + epsilon, "trial \(trial), row \(i)")
          }
        }
        for j in 0..<columns { #expect(load[j] <= problem.capacities[j], "trial \(trial), column \(j)") }
      }
    }
  }
}
