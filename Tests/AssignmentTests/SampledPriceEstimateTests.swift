import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The sampled price estimate and the candidates it ranks: the sample's rows
/// and capacities against their definitions, the sample source against the
/// base, the estimate independent of the thread count, and certified solves
/// whose first candidates are ranked by the sample's prices against the dense
/// solver (plateaus, integer ties, forbidden pairs, capacities 1–5, rows with
/// no eligible pair, non-square, both senses, samples of no row or one).
@Suite struct SampledPriceEstimateTests {
  @Test func sampleRowsAreSeededRunsOfTheRightShare() {
    for n in [0, 1, 5, 15, 16, 17, 100, 1_000, 12_345] {
      for fraction in [0.0, 0.1, 0.2, 0.5, 1.0] {
        let rows = SampledPriceEstimate.sampleRows(rows: n, fraction: fraction)
        #expect(rows == SampledPriceEstimate.sampleRows(rows: n, fraction: fraction), "deterministic")
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 }, "n \(n), share \(fraction)")
        #expect(rows.allSatisfy { $0 >= 0 && $0 < n }, "n \(n), share \(fraction)")
        // Runs of 16 consecutive rows (the last may be shorter), one run in about 1 / fraction.
        let runs = Set(rows.map { $0 / 16 })
        for r in runs { #expect(rows.filter { $0 / 16 == r }.count == min(16, n - 16 * r)) }
        let allRuns = (n + 15) / 16
        #expect(abs(Double(runs.count) - fraction * Double(allRuns)) <= 1, "n \(n), share \(fraction)")
        if fraction == 1 { #expect(rows == Array(0..<n)) }
        if fraction == 0 { #expect(rows.isEmpty) }
      }
    }
    let samples = Set((1...20).map { SampledPriceEstimate.sampleRows(rows: 10_000, fraction: 0.2, seed: $0) })
    #expect(samples.count > 1, "the seed moves the sample")
  }

  @Test func scaledCapacitiesRoundEachColumnAndKeepTheTotal() {
    var generator = SeededRandomNumberGenerator(seed: 4_401)
    for trial in 0..<20 {
      let capacities = (0..<(1 + 37 * trial)).map { _ in Int.random(in: 0...7, using: &generator) }
      let share = Double.random(in: 0...1, using: &generator)
      let scaled = SampledPriceEstimate.scaledCapacities(capacities, share: share)
      for (c, s) in zip(capacities, scaled) {
        let exact = Double(c) * share
        #expect(Double(s) >= exact.rounded(.down) && Double(s) <= exact.rounded(.up), "trial \(trial)")
      }
      let total = Double(capacities.reduce(0, +)) * share
      #expect(abs(Double(scaled.reduce(0, +)) - total) < 1 + 1e-9, "trial \(trial)")
    }
    #expect(SampledPriceEstimate.scaledCapacities([9, 9], share: 1, rows: 4) == [4, 4], "clamped to the rows")
  }

  @Test func shareFollowsTheCapacities() {
    let n = SampledPriceEstimate.minimumRows
    #expect(SampledPriceEstimate.fraction(rows: n - 1, capacities: [5, 5]) == nil, "too few rows")
    #expect(SampledPriceEstimate.fraction(rows: n, capacities: [5, 5, 5]) == 0.2)
    #expect(SampledPriceEstimate.fraction(rows: n, capacities: [10, 10, 0]) == 0.2)
    #expect(SampledPriceEstimate.fraction(rows: n, capacities: [2, 2, 3]) == 0.5)
    #expect(SampledPriceEstimate.fraction(rows: n, capacities: [1, 1, 5]) == nil, "a sample of every row")
    #expect(SampledPriceEstimate.fraction(rows: n, capacities: [0, 0]) == nil, "no place")
  }

  @Test func sampleSourceServesTheBaseRows() {
    var generator = SeededRandomNumberGenerator(seed: 4_402)
    let problem = AuctionPriceEstimateTests.plateau(
      rows: 90, columns: 11, capacities: 1...3, forbiddenShare: 0.3, using: &generator)
    let base = DenseScoreSource(problem, blockRows: 7)
    let rows = [0, 1, 2, 5, 6, 40, 41, 42, 43, 89]
    let sample = RowSampleSource(base, rows: rows)
    var buffer = [Double](repeating: 0, count: rows.count * 11)
    buffer.withUnsafeMutableBufferPointer { sample.fill(rows: 0..<rows.count, into: $0) }
    for (r, i) in rows.enumerated() {
      for j in 0..<11 {
        let expected = problem.scores[i * 11 + j]
        let got = buffer[r * 11 + j]
        #expect(got == expected || (got.isNaN && expected.isNaN), "row \(i), column \(j)")
      }
    }
    // Through the blocks of the sample (block size 7), as the passes read it.
    var blocks: [Double] = []
    for block in sample.blocks {
      var part = [Double](repeating: 0, count: block.count * 11)
      part.withUnsafeMutableBufferPointer { sample.fill(rows: block, into: $0) }
      blocks += part
    }
    #expect(blocks.count == buffer.count)
    #expect(zip(blocks, buffer).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
  }

  @Test func estimateDoesNotDependOnTheThreads() {
    var generator = SeededRandomNumberGenerator(seed: 4_403)
    let problem = AuctionPriceEstimateTests.plateau(
      rows: 400, columns: 30, capacities: 1...5, forbiddenShare: 0.2, using: &generator)
    let source = DenseScoreSource(problem, blockRows: 13)
    let estimates = [1, 2, 5].map {
      SampledPriceEstimate(
        source, capacities: problem.capacities, sense: .maximize, perRow: 4, fraction: 0.3, workers: $0)
    }
    #expect(estimates[0] != nil)
    for e in estimates.dropFirst() {
      #expect(e?.prices == estimates[0]?.prices)
      #expect(e?.bonus == estimates[0]?.bonus)
      #expect(e?.samplePairs == estimates[0]?.samplePairs)
    }
    #expect(estimates[0]?.prices.allSatisfy { $0 >= 0 && $0.isFinite } == true)
  }

  /// The certified solve with a sampled first ranking reaches the dense
  /// solver's optimum (count and total), its plan passes the
  /// solver-independent check, and its last round prices clean.
  static func checkAgainstDense(
    _ problem: AssignmentProblem, fraction: Double, k: Int, rounds: Int = SampledPriceEstimate.defaultRounds,
    _ label: String
  ) {
    let dense = CapacitatedAssignment.solve(problem)
    let result = CertifiedAssignment.solveWithStatistics(
      DenseScoreSource(problem, blockRows: 17), capacities: problem.capacities, sense: problem.sense,
      candidatesPerRow: k, warmStart: nil, sampleFraction: fraction, sampleRounds: rounds)
    #expect(result.solution.assignedCount == dense.assignedCount, "\(label)")
    #expect(abs(result.solution.totalScore - dense.totalScore) < 1e-9, "\(label)")
    #expect(result.solution.verify(against: problem).isEmpty, "\(label)")
    #expect(result.certificate.violationsPerRound.last == 0, "\(label)")
  }

  @Test(arguments: [1...1, 1...5, 5...5])
  func sampledCandidatesReachTheDenseOptimum(capacities: ClosedRange<Int>) {
    var generator = SeededRandomNumberGenerator(seed: 4_500 + UInt64(capacities.upperBound))
    for trial in 0..<8 {
      let rows = 90 + 41 * trial
      // Non-square both ways: fewer places than rows, and more.
      let columns = capacities.upperBound == 1 ? rows + 12 - 24 * (trial % 2) : 10 + 5 * trial
      let forbidden = [0, 0.25, 0.7, 0.9][trial % 4]
      for sense in [AssignmentProblem.Sense.maximize, .minimize] {
        let plateau = AuctionPriceEstimateTests.plateau(
          rows: rows, columns: columns, capacities: capacities, forbiddenShare: forbidden, using: &generator)
        let tie = BlockingPhaseTests.integers(
          rows: rows, columns: columns, capacities: capacities, forbiddenShare: forbidden, using: &generator)
        for (name, p) in [("plateau", plateau), ("ties", tie)] {
          let problem = AssignmentProblem(
            rows: p.rows, columns: p.columns, scores: p.scores, capacities: p.capacities, sense: sense)
          for fraction in [0.2, 0.5] {
            for rounds in [1, SampledPriceEstimate.defaultRounds] {
              Self.checkAgainstDense(
                problem, fraction: fraction, k: 3, rounds: rounds,
                "\(name), trial \(trial), \(sense), share \(fraction), \(rounds) sample rounds")
            }
          }
        }
      }
    }
  }

  /// The number of sample rounds by columns: one below
  /// ``SampledPriceEstimate/minimumColumnsForRounds`` columns, three from it
  /// on; a certified solve left to choose (`sampleRounds: nil`) gives the
  /// same plan, duals and rounds as one told that number, on both sides of
  /// the threshold.
  @Test func sampleRoundsByColumns() {
    let threshold = SampledPriceEstimate.minimumColumnsForRounds
    #expect(SampledPriceEstimate.rounds(columns: 1) == 1)
    #expect(SampledPriceEstimate.rounds(columns: threshold - 1) == 1)
    #expect(SampledPriceEstimate.rounds(columns: threshold) == SampledPriceEstimate.defaultRounds)
    #expect(SampledPriceEstimate.rounds(columns: 20_000) == SampledPriceEstimate.defaultRounds)
    var generator = SeededRandomNumberGenerator(seed: 4_650)
    for columns in [37, threshold - 1, threshold] {
      let problem = AuctionPriceEstimateTests.plateau(
        rows: 48, columns: columns, capacities: 1...2, forbiddenShare: 0.2, using: &generator)
      let source = DenseScoreSource(problem, blockRows: 16)
      let solve = { (rounds: Int?) in
        CertifiedAssignment.solveWithStatistics(
          source, capacities: problem.capacities, sense: problem.sense, candidatesPerRow: 2, warmStart: nil,
          sampleFraction: 0.5, sampleRounds: rounds)
      }
      let chosen = solve(nil)
      let told = solve(SampledPriceEstimate.rounds(columns: columns))
      #expect(chosen.solution.columnOfRow == told.solution.columnOfRow, "\(columns) columns")
      #expect(chosen.solution.columnPrices == told.solution.columnPrices, "\(columns) columns")
      #expect(chosen.certificate.violationsPerRound == told.certificate.violationsPerRound, "\(columns) columns")
      Self.checkAgainstDense(problem, fraction: 0.5, k: 2, rounds: 1, "\(columns) columns")
    }
  }

  /// Cohorts so small that the sample holds no row, one run of a few rows or
  /// every row; a problem whose sampled rows have no eligible pair.
  @Test func tinyAndEmptySamples() {
    var generator = SeededRandomNumberGenerator(seed: 4_600)
    for rows in [1, 2, 3, 16, 17] {
      for columns in [1, 2, 4] {
        let problem = AuctionPriceEstimateTests.plateau(
          rows: rows, columns: columns, capacities: 1...2, forbiddenShare: 0.3, using: &generator)
        for fraction in [0.0, 0.05, 0.2, 1.0] {
          for rounds in [1, 2, 4] {
            Self.checkAgainstDense(
              problem, fraction: fraction, k: 2, rounds: rounds, "\(rows) × \(columns), share \(fraction), \(rounds)")
          }
        }
      }
    }
    // The first run of rows (the whole sample at share 1/4 of 2 runs) has no allowed pair.
    var scores = [Double](repeating: AssignmentProblem.forbidden, count: 32 * 3)
    for i in 16..<32 { for j in 0..<3 { scores[i * 3 + j] = Double((i * 7 + j * 3) % 5) } }
    let problem = AssignmentProblem(rows: 32, columns: 3, scores: scores, capacities: [2, 3, 4])
    for fraction in [0.25, 0.5, 1.0] {
      for rounds in [1, 3] {
        Self.checkAgainstDense(
          problem, fraction: fraction, k: 1, rounds: rounds, "no eligible pair in the sample, share \(fraction)")
      }
    }
  }

  /// The sample's later rounds: deterministic and independent of the thread
  /// count; they stop early once the prices settle; with every row sampled
  /// and room for the sample's optimum in its candidates, the settled prices
  /// make every sampled row's pair one of its best by score net of price
  /// (the dense optimum's reduced costs, checked pair by pair), which one
  /// round with few candidates need not.
  @Test(arguments: [1, 2, 5])
  func laterRoundsSettleTheSamplesPrices(capacity: Int) {
    var generator = SeededRandomNumberGenerator(seed: 4_700 + UInt64(capacity))
    for trial in 0..<4 {
      let rows = 160 + 48 * trial
      let columns = max(4, rows / capacity - 8 + 16 * (trial % 2))
      let forbidden = [0, 0.3][trial % 2]
      let plateau = AuctionPriceEstimateTests.plateau(
        rows: rows, columns: columns, capacities: capacity...capacity, forbiddenShare: forbidden, using: &generator)
      let tie = BlockingPhaseTests.integers(
        rows: rows, columns: columns, capacities: capacity...capacity, forbiddenShare: forbidden, using: &generator)
      for (name, problem) in [("plateau", plateau), ("ties", tie)] {
        let source = DenseScoreSource(problem, blockRows: 11)
        let label = "\(name), capacity \(capacity), trial \(trial)"
        let byWorkers = [1, 2, 5].map {
          SampledPriceEstimate(
            source, capacities: problem.capacities, sense: .maximize, perRow: 3, fraction: 0.3, rounds: 6,
            workers: $0)
        }
        #expect(byWorkers[0] != nil, "\(label)")
        for e in byWorkers.dropFirst() {
          #expect(e?.prices == byWorkers[0]?.prices, "\(label)")
          #expect(e?.roundsRun == byWorkers[0]?.roundsRun, "\(label)")
        }
        let one = SampledPriceEstimate(
          source, capacities: problem.capacities, sense: .maximize, perRow: 3, fraction: 0.3, rounds: 1)
        #expect(one?.roundsRun == 1, "\(label)")
        if let e = byWorkers[0] {
          #expect(e.roundsRun >= 1 && e.roundsRun <= 6, "\(label)")
          #expect(e.prices.allSatisfy { $0 >= 0 && $0.isFinite }, "\(label)")
          // A round that stopped early left the prices as the round before.
          if e.roundsRun > 1 && e.roundsRun < 6 {
            let again = SampledPriceEstimate(
              source, capacities: problem.capacities, sense: .maximize, perRow: 3, fraction: 0.3,
              rounds: e.roundsRun - 1)
            #expect(again?.prices == e.prices, "\(label)")
          }
        }
        // The whole problem as the sample (share 1, every row, its own capacities).
        let all = SampledPriceEstimate(
          source, capacities: problem.capacities, sense: .maximize, perRow: columns, fraction: 1, rounds: 2)
        let dense = CapacitatedAssignment.solve(problem)
        if let all {
          // With every column a candidate the sample's solve is the dense
          // problem's: no row prefers another column by more than a rounding.
          let span = problem.scores.filter { !$0.isNaN }.reduce(0) { max($0, abs($1)) } + 1
          var worst = 0.0
          for i in 0..<rows {
            guard let c = dense.columnOfRow[i] else { continue }
            let own = problem.scores[i * columns + c] - all.prices[c]
            for j in 0..<columns where !problem.scores[i * columns + j].isNaN {
              worst = max(worst, problem.scores[i * columns + j] - all.prices[j] - own)
            }
          }
          // Prices are the sample's own duals, so the dense plan (optimal,
          // perhaps another among ties) may differ only within ties.
          #expect(worst <= 1e-9 * span || dense.assignedCount < rows, "\(label): \(worst)")
        }
      }
    }
  }
}
