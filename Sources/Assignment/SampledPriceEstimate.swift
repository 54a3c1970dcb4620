/// Column prices estimated by solving a sample of the rows, so that the
/// first pass of ``CertifiedAssignment`` keeps each row's best columns by
/// score net of price (reduced score) rather than by raw score.
///
/// A seeded share `f` of the rows, drawn in runs of consecutive rows spread
/// evenly over all of them (``sampleRows(rows:fraction:seed:run:)``), faces
/// every column with its capacity scaled by `f` (rounded so that the places
/// add up to about `f` times the full problem's, ``scaledCapacities(_:share:seed:)``):
/// the sample is a small copy of the market, whose prices approach the full
/// problem's as it grows. The sample is pruned (``CandidatePruning``) and
/// solved (``CapacitatedAssignment``, provisional as a first round) in up
/// to ``rounds(columns:)`` rounds (3 from 10,000 columns on, else 1): each
/// round after the first prunes the sample's rows again, ranked by the previous round's prices and keeping
/// their previous pairs, and solves from those prices and pairs (as the
/// full problem's warm start does), so that the sample's prices settle
/// where its first candidates, chosen by raw score, miss the columns its
/// optimum needs; a round that leaves every price unchanged ends the loop.
/// No pricing pass and no certificate, because the sample only supplies a
/// hint. A column with places in the full problem but none in the sample is
/// priced at the least value at which no assigned sampled row prefers it
/// (`max aᵢⱼ − uᵢ` over its candidate pairs).
///
/// Exactness never depends on these prices: they only choose the first
/// candidates and start the first solve, and the pricing pass over every
/// pair against the final duals decides, as with a cold start.
///
/// Deterministic: the sample depends on the row count, the share and the seed
/// only, and the pruning and the solve do not depend on the number of threads.
///
/// - Complexity: per round, a pruning pass over `f · rows · columns` pairs
///   and one sparse solve of `f · rows` rows (at most ``defaultRounds``
///   rounds by default); memory as ``CandidatePruning`` on the sample.
struct SampledPriceEstimate {
  /// Estimated prices in score units, non-negative, one per column.
  let prices: [Double]
  /// The cardinality bonus the prices carry (the sample's provisional one).
  let bonus: Double
  /// The sampled rows.
  let sampleRows: Int
  /// The candidate pairs of the sample's last solve.
  let samplePairs: Int
  /// The sample's rounds (prunings and solves) run, at least 1.
  let roundsRun: Int

  /// The seed of the sample (fixed: the same problem gets the same sample).
  static let seed: UInt64 = 0x4D65_6E74_6F72_4D61
  /// The least share of rows sampled.
  static let minimumFraction = 0.2
  /// Problems with fewer rows are solved without a sample.
  static let minimumRows = 10_000
  /// The most rounds of the sample's own prune and solve. One round leaves
  /// the sample's prices those of its raw-score candidates, which miss more
  /// of its optimum's columns the more columns there are: at 100,000 ×
  /// 20,000 the first full round then kept 290,129 violations, with two
  /// sample rounds 40,638 and with three 240 (Docs/performance.md).
  static let defaultRounds = 3
  /// Problems with fewer columns run one round of the sample.
  static let minimumColumnsForRounds = 10_000

  /// The most rounds of the sample for a problem of `columns` columns:
  /// ``defaultRounds`` from ``minimumColumnsForRounds`` columns on, else 1.
  ///
  /// The later rounds pay where a sampled price error puts many columns
  /// ahead of a row's optimal one: at 50,000 × 10,000 they took the solve
  /// from two rounds to one, at 100,000 × 20,000 from three to two. At
  /// 20,000 × 4,000 they cost about 0.35 s of a 2.6 s match and saved no
  /// pass (two rounds either way; Docs/performance.md). The threshold is
  /// the one at which ``CertifiedAssignment/defaultCandidatesPerRow(columns:)``
  /// keeps 48 candidates instead of 24, for the same reason.
  ///
  /// - Complexity: O(1).
  static func rounds(columns: Int) -> Int { columns >= minimumColumnsForRounds ? defaultRounds : 1 }

  /// The share of rows to sample for these capacities, or `nil` when a
  /// sample would not pay: fewer than ``minimumRows`` rows, or a share above
  /// one half.
  ///
  /// The share is at least ``minimumFraction`` and at least one over the
  /// median positive capacity, so that a typical column keeps a place in
  /// the sample.
  ///
  /// - Complexity: O(`columns · log columns`).
  static func fraction(rows: Int, capacities: [Int]) -> Double? {
    guard rows >= minimumRows else { return nil }
    let positive = capacities.filter { $0 > 0 }.map { min($0, rows) }.sorted()
    guard !positive.isEmpty else { return nil }
    let share = max(minimumFraction, 1 / Double(positive[positive.count / 2]))
    return share <= 0.5 ? share : nil
  }

  /// The rows of a seeded sample of about `fraction · rows` rows: runs of
  /// `run` consecutive rows, one run in about `1 / fraction`, chosen
  /// systematically from a seeded phase (so the runs spread evenly over the
  /// rows, whatever order they come in). Possibly empty for few rows.
  ///
  /// - Complexity: O(`rows`).
  static func sampleRows(rows n: Int, fraction: Double, seed: UInt64 = seed, run: Int = 16) -> [Int] {
    precondition(fraction >= 0 && fraction <= 1 && run >= 1, "A share in 0...1 and runs of at least one row")
    let phase = unitInterval(seed)
    var result: [Int] = []
    let runs = (n + run - 1) / run
    for r in 0..<runs {
      let before = (Double(r) * fraction + phase).rounded(.down)
      guard (Double(r + 1) * fraction + phase).rounded(.down) > before else { continue }
      result.append(contentsOf: (r * run)..<min(n, (r + 1) * run))
    }
    return result
  }

  /// `capacities` scaled by `share`, rounded systematically (cumulative sums
  /// from a seeded phase): each column gets `⌊c · share⌋` or one more, and
  /// the total is within one of `share · Σ c`. Capacities above `rows`
  /// count as `rows`.
  ///
  /// - Complexity: O(`columns`).
  static func scaledCapacities(_ capacities: [Int], share: Double, rows: Int = .max, seed: UInt64 = seed) -> [Int] {
    var total = unitInterval(seed &+ 1)
    return capacities.map { c in
      let before = total.rounded(.down)
      total += Double(min(max(c, 0), rows)) * share
      return Int(total.rounded(.down) - before)
    }
  }

  /// Samples, prunes and solves; `nil` when the sample is empty or holds no
  /// eligible pair.
  ///
  /// - Parameters:
  ///   - perRow: Candidates per row in the sample's pruning (as the full solve's).
  ///   - fraction: The share of rows to sample.
  ///   - rounds: The most rounds of the sample's prune and solve (at least 1).
  /// - Complexity: See ``SampledPriceEstimate``.
  init?(
    _ source: some ScoreBlockSource, capacities: [Int], sense: AssignmentProblem.Sense, perRow k: Int,
    fraction: Double, rounds: Int = Self.defaultRounds, seed: UInt64 = Self.seed,
    workers: Int = ParallelBlockPass.defaultWorkers
  ) {
    precondition(rounds >= 1, "At least one round of the sample")
    let n = source.rows
    let m = source.columns
    let rows = Self.sampleRows(rows: n, fraction: fraction, seed: seed)
    guard !rows.isEmpty else { return nil }
    let share = Double(rows.count) / Double(n)
    let sampleCapacities = Self.scaledCapacities(capacities, share: share, rows: rows.count, seed: seed)
    // Columns that keep no place in the sample still get candidates, to be priced.
    let listed = capacities.indices.map { capacities[$0] > 0 ? max(1, sampleCapacities[$0]) : 0 }
    let sample = RowSampleSource(source, rows: rows)
    var prices = [Double](repeating: 0, count: m)
    var hint: [Double]?
    var previous: [Int?]?
    var pairs = 0
    var bonus = 0.0
    var run = 0
    while run < rounds {
      run += 1
      // Ranked by the previous round's prices (none at first), keeping its pairs.
      let pruning = CandidatePruning(
        sample, capacities: listed, sense: sense, perRow: min(k, max(m, 1)), entryPrices: prices,
        previous: previous, workers: workers)
      guard pruning.low <= pruning.high else { return nil }
      let candidates = pruning.candidates
      let sparse = candidates.problem(
        columns: m, capacities: sampleCapacities, sense: sense, bounds: pruning.low...pruning.high)
      let solution = CapacitatedAssignment.solve(
        sparse, priceHint: hint ?? AuctionPriceEstimate.hint(sparse), previous: previous, provisional: true)
      var next = solution.columnPrices.map { max(0, $0) }
      hint = next
      for i in candidates.columns.indices where solution.columnOfRow[i] != nil {
        for (j, s) in zip(candidates.columns[i], candidates.scores[i]) {
          let j = Int(j)
          guard sampleCapacities[j] == 0 && capacities[j] > 0 else { continue }
          next[j] = max(next[j], solution.adjustedScore(s, sense: sense) - solution.rowValues[i])
        }
      }
      previous = solution.columnOfRow
      pairs = sparse.pairCount
      bonus = solution.cardinalityBonus
      // Settled: another round would rank and solve the same.
      let settled = run > 1 && next == prices
      prices = next
      if settled { break }
    }
    self.prices = prices
    self.bonus = bonus
    sampleRows = rows.count
    samplePairs = pairs
    roundsRun = run
  }

  /// A number in `0..<1` from `seed` (the SplitMix64 finaliser).
  private static func unitInterval(_ seed: UInt64) -> Double {
    var z = seed &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Double(z >> 11) * 0x1p-53
  }
}
