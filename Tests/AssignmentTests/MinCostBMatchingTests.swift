import Assignment
import Testing
import _TestSupport

/// The b-matching solver against exhaustive enumeration, its certificate, and
/// the exact cost of forcing a pair against re-solving with the pair forced.
@Suite struct MinCostBMatchingTests {
  /// A random problem: demands 0...3, capacities 0...2, some pairs forbidden,
  /// continuous or tied scores, priority rows half of the time.
  static func randomProblem(_ generator: inout SplitMix, tied: Bool) -> BMatchingProblem {
    let rows = Int.random(in: 1...4, using: &generator)
    let columns = Int.random(in: 1...4, using: &generator)
    let scores = (0..<(rows * columns)).map { _ -> Double in
      if Double.random(in: 0..<1, using: &generator) < 0.2 { return .nan }
      return tied ? Double(Int.random(in: 0...2, using: &generator)) : Double.random(in: -1...1, using: &generator)
    }
    let demands = (0..<rows).map { _ in Int.random(in: 0...3, using: &generator) }
    let capacities = (0..<columns).map { _ in Int.random(in: 0...2, using: &generator) }
    let priority =
      Bool.random(using: &generator) ? (0..<rows).map { _ in Bool.random(using: &generator) } : []
    return BMatchingProblem(
      rows: rows, columns: columns, scores: scores, demands: demands, capacities: capacities, priorityRows: priority)
  }

  static func same(_ a: BruteForceBMatching.Optimum, _ b: BruteForceBMatching.Optimum) -> Bool {
    a.priorityPairs == b.priorityPairs && a.mentees == b.mentees && a.otherPairs == b.otherPairs
      && abs(a.score - b.score) < 1e-9
  }

  @Test(arguments: [false, true])
  func matchesBruteForceAndCertifies(tied: Bool) {
    var generator = SplitMix(seed: tied ? 11 : 7)
    for _ in 0..<300 {
      let problem = Self.randomProblem(&generator, tied: tied)
      let solution = MinCostBMatching.solve(problem)
      #expect(solution.verify(against: problem).isEmpty, "\(problem)")
      let best = BruteForceBMatching.solve(problem)!
      let found = BruteForceBMatching.value(of: solution.columnsOfRow, in: problem)
      #expect(Self.same(found, best), "\(problem): solver \(found), brute force \(best)")
      #expect(solution.pairCount == found.pairs)
    }
  }

  @Test func aRowTakesDifferentColumns() {
    // One row wanting three mentors, two allowed: it gets both, each once.
    let problem = BMatchingProblem(
      rows: 2, columns: 3, scores: [0.9, .nan, 0.1, 0.8, 0.7, 0.6], demands: [3, 1], capacities: [1, 1, 1])
    let solution = MinCostBMatching.solve(problem)
    #expect(solution.columnsOfRow == [[0, 2], [1]])
    #expect(solution.verify(against: problem).isEmpty)
  }

  @Test func certificateRejectsAWorsePlan() {
    let problem = BMatchingProblem(rows: 2, columns: 2, scores: [1, 0, 0, 1], demands: [1, 1], capacities: [1, 1])
    var solution = MinCostBMatching.solve(problem)
    #expect(solution.columnsOfRow == [[0], [1]])
    // Swap to the worse plan, keeping the duals: the certificate must fail.
    solution.columnsOfRow = [[1], [0]]
    solution.totalScore = 0
    #expect(!solution.verify(against: problem).isEmpty)
    // An infeasible plan (a column over capacity) fails too.
    var crowded = MinCostBMatching.solve(problem)
    crowded.columnsOfRow = [[0], [0]]
    crowded.loads = [2, 0]
    #expect(crowded.verify(against: problem).contains(.infeasibleColumn(column: 0)))
  }

  @Test(arguments: [false, true])
  func forcedCostEqualsResolveDifference(tied: Bool) {
    var generator = SplitMix(seed: tied ? 23 : 19)
    var checked = 0
    for _ in 0..<250 {
      let problem = Self.randomProblem(&generator, tied: tied)
      let solution = MinCostBMatching.solve(problem)
      guard let forcing = ForcedPairCosts(problem, columnsOfRow: solution.columnsOfRow) else {
        Issue.record("an optimal plan was refused: \(problem)")
        continue
      }
      let base = BruteForceBMatching.value(of: solution.columnsOfRow, in: problem)
      for i in 0..<problem.rows {
        let costs = forcing.costs(row: i)
        for j in 0..<problem.columns
        where problem.score(row: i, column: j) != nil && problem.capacities[j] > 0
          && !solution.columnsOfRow[i].contains(j)
        {
          let forced = BruteForceBMatching.solve(problem, forced: [(i, j)])
          let cost = costs.first { $0.column == j }
          #expect((forced == nil) == (cost == nil), "\(problem) (\(i), \(j))")
          guard let forced, let cost else { continue }
          #expect(cost.pairChange == forced.pairs - base.pairs, "\(problem) (\(i), \(j))")
          #expect(cost.menteeChange == forced.mentees - base.mentees, "\(problem) (\(i), \(j))")
          #expect(abs(cost.scoreChange - (forced.score - base.score)) < 1e-9, "\(problem) (\(i), \(j))")
          #expect(cost.weightChange <= 1e-9)
          // The re-optimised plan the path describes is itself a plan of that value.
          var columns = solution.columnsOfRow
          for (r, c) in cost.removed { columns[r].removeAll { $0 == c } }
          for (r, c) in cost.added { columns[r].append(c) }
          #expect(Self.same(BruteForceBMatching.value(of: columns, in: problem), forced))
          checked += 1
        }
      }
    }
    #expect(checked > 100)
  }

  @Test func aSuboptimalPlanIsRefused() {
    let problem = BMatchingProblem(rows: 2, columns: 2, scores: [1, 0, 0, 1], demands: [1, 1], capacities: [1, 1])
    #expect(ForcedPairCosts(problem, columnsOfRow: [[1], [0]]) == nil)
    #expect(ForcedPairCosts(problem, columnsOfRow: [[0], [0]]) == nil)
    #expect(ForcedPairCosts(problem, columnsOfRow: [[0], [1]]) != nil)
  }
}
