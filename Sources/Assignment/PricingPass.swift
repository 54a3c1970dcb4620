import CKernels

/// A pricing pass of ``CertifiedAssignment``: the reduced cost of every
/// allowed pair against a solution's duals, on several threads
/// (``ParallelBlockPass``), with what each row saw for explanations.
///
/// The same pass checks the certificate of the solution, with the bonus it
/// will be returned with, over every eligible pair — candidates included —
/// independently of the solver's units (``CertificateCheck``): what it finds
/// is ``certificateViolations``. The certificate matters only for a pass
/// that finds no pricing violation (any other round is followed by another
/// solve, and no plan is returned from it): a worker stops checking it after
/// the first row with a violation, and the verdict is formed only when the
/// whole pass found none (``certificateChecked``). That keeps the cost of the
/// rounds before the last to the pricing itself. For the same reason a
/// worker's rows after its first violation skip the statistics and the grid
/// flag too: they take a lean loop of reduced costs, violations and
/// additions alone, with the same arithmetic, and a pass that finds a
/// violation reports empty ``statistics`` and ``onGrid`` true (they describe
/// only a pass without violations, the one a plan is returned from).
///
/// A pass may also *carry* what the pass after the next solve needs to be
/// *partial* (``PricingCarry``, ``CarriedCertificate``): then every row takes
/// the full loop until its worker has seen ``carriedViolations(rows:)``
/// violations, and records a lower bound on the reduced cost of every pair
/// outside the next candidates (the least at or above the margin, or the
/// least violated kept addition's when not every pair below the margin was
/// added) and the certificate's least slack outside the next candidates. A
/// partial pass (`previous` given) scores only the rows whose carried floors
/// the re-solve's dual changes do not prove safe, and takes the rest from
/// the carry: its violations, additions, statistics, grid flag and
/// certificate are those a full pass would find (Docs/solver.md, "A partial
/// last pass"). Rows proven free of violations but not of pairs below the
/// margin are skipped too, and scored after all when the pass finds a
/// violation or a row left out (its additions are then used).
///
/// The full loop's walk over a row and the certificate's are C
/// (`mm_price_row`, `mm_certificate_row`: four pairs at a time with AVX2,
/// the same bits as the scalar loops), which list the few pairs below the
/// margin or the certificate's bound for the Swift code; the lean loop and
/// a resolution without fast units keep the Swift loops.
///
/// The result does not depend on the number of threads.
struct PricingPass {
  /// Pairs outside the candidates with a negative reduced cost.
  var violations = 0
  /// Whether every eligible score was a multiple of the quantum (no rounding).
  var onGrid = true
  /// Rows the solution leaves unassigned that have an eligible pair (allowed, in a column with room to give).
  var unassignedRowsWithPairs = 0
  /// Each row's most violated pairs (at most `perRow`), to add to the candidates.
  var additions = CandidateList()
  /// What the pass saw of each row.
  var statistics: CertifiedAssignment.RowStatistics
  /// The independent certificate over every eligible pair (``CertificateCheck``)
  /// of the solution as it would be returned: empty when it holds or when
  /// it was not checked (see ``certificateChecked``).
  var certificateViolations: [CertificateViolation] = []
  /// Whether the certificate was checked over every eligible pair: exactly
  /// when the pass found no pricing violation.
  var certificateChecked = false
  /// What the pass carries to the pass after the next solve: `nil` unless
  /// asked for, and when a worker took the lean loop.
  var carry: PricingCarry?
  /// The rows this pass scored: every row, unless it was partial.
  var rowsPriced = 0
  /// Rows of a partial pass proven free of violations but not of pairs below
  /// the margin (deferred), and whether the pass scored them after all
  /// (it found a violation or a row left out).
  var rowsDeferred = 0
  var deferredRowsScored = false

  /// Violations a worker prices in the full loop before it takes the lean
  /// one, in a pass that carries (a pass with more is rarely the one before
  /// the last, and carries nothing): 64, or one per 256 rows of the problem
  /// when that is more. The limit only weighs the full loop's cost against
  /// the next pass's savings; the results are the same either way. At
  /// 100,000 × 20,000 the first pass found 240 violations, and the pass after
  /// the re-solve was the last (Docs/performance.md).
  ///
  /// - Complexity: O(1).
  static func carriedViolations(rows: Int) -> Int { max(64, rows / 256) }

  private struct State {
    var worst: TopLists
    /// `listed[j] == i` while row `i` is priced and lists column `j`.
    var listed: [Int]
    var violations = 0
    var unassignedRowsWithPairs = 0
    var onGrid = true
    var additions = CandidateList()
    var rows: [Int] = []
    var eligible: [Int] = []
    var better: [Int] = []
    var bestColumn: [Int] = []
    var bestScore: [Double] = []
    var assignedScore: [Double] = []
    var certificate = CertificateCheck.Part()
    /// Carried rows only (``PricingCarry``), in the order of `rows`.
    var floor: [Double] = []
    var certificateFloor: [Double] = []
    var candidateCount: [Int] = []
    /// Rows that took the lean loop.
    var lean = 0
    /// The C walk's list of pairs below the margin (``RowScratch``).
    var scratch: RowScratch
  }

  /// Room for one row's pairs below the margin, as the C walk
  /// (`mm_price_row`) lists them: a column and its slack each. A reference
  /// type owned by one worker, so the walk writes raw storage.
  private final class RowScratch {
    let columns: UnsafeMutablePointer<Int>
    let slacks: UnsafeMutablePointer<Double>

    init(columns count: Int) {
      columns = .allocate(capacity: max(count, 1))
      slacks = .allocate(capacity: max(count, 1))
    }

    deinit {
      columns.deallocate()
      slacks.deallocate()
    }
  }

  /// Runs the pass.
  ///
  /// Reduced costs are computed in the whole units of `resolution`, as the
  /// sparse solver sees them: `c(i, j) − u_i − v_j` with `c` the pair's cost
  /// in units, `u_i = P_s − y_i / q` and `v_j = −p_j / q` (`P_s` the unassigned
  /// cost of the solve, read from its bonus). All are whole numbers below
  /// `2^52`, so the pass is exact: a pair violates when its reduced cost is
  /// negative. Pairs in zero-capacity columns are skipped (never makeable).
  ///
  /// - Parameters:
  ///   - margin: Pairs with a reduced cost below `margin` units are offered
  ///     as additions too.
  ///   - returnedBonus: The cardinality bonus the solution will be returned
  ///     with (its row values raised by the difference, see
  ///     `AssignmentSolution.withCardinalityBonus(_:)`); the certificate is
  ///     checked for that solution. By default the solution's own.
  ///   - carrying: Whether to compute ``carry``.
  ///   - previous: The carry of the pass before the solve of `solution`, with
  ///     the same source, capacities, resolution, margin and returned bonus,
  ///     and `candidates` its candidates plus its additions: the pass is then
  ///     partial (and carries). Rows it cannot use are scored again.
  ///   - leanAfter: Violations per worker after which a carrying pass takes
  ///     the lean loop (and carries nothing); by default
  ///     ``carriedViolations(rows:)``. Tests lower or raise it.
  ///   - scores: The summary of `source`'s eligible scores
  ///     (``CandidatePruning/summary``), when known: the certificate's walk
  ///     then skips the range and the grid (same verdict).
  /// - Complexity: O(`rows · columns`) time besides the scoring; a partial
  ///   pass O(`rows · perRow + columns`) plus O(`columns`) per row scored.
  init(
    _ source: some ScoreBlockSource, solution: AssignmentSolution, candidates: CandidateSet, capacities: [Int],
    resolution: ScoreResolution, perRow k: Int, margin: Double = 0, returnedBonus: Double? = nil,
    workers: Int = ParallelBlockPass.defaultWorkers, carrying: Bool = false, previous: PricingCarry? = nil,
    leanAfter: Int? = nil, scores: EligibleScoreSummary? = nil
  ) {
    let carrying = carrying || previous != nil
    let check = CertificateCheck(
      solution.withCardinalityBonus(returnedBonus ?? solution.cardinalityBonus), capacities: capacities,
      sense: resolution.sense, scores: scores)
    precondition(check.shapeFits(rows: source.rows) && capacities.count == source.columns, "Shape mismatch")
    let m = source.columns
    let sign = resolution.sense == .maximize ? 1.0 : -1.0
    let q = resolution.quantum
    // P_s = (B + A) / q: exact, as B is a whole number of quanta.
    let solveUnits = (solution.cardinalityBonus + resolution.anchor) / q
    let priceUnits = solution.columnPrices.map { $0 / q }
    // The cost in units, inlined for the hot loop: (A − t) · (1/q) rounded by
    // the 2^52 addition (exact for eligible pairs, see ScoreResolution.units).
    let anchor = resolution.anchor
    let inverse = resolution.inverseQuantum
    let fast = inverse.isFinite
    // The lean loop's prices: +∞ in zero-capacity columns, so that their
    // pairs never price below the margin (as the full loop's skip).
    let leanPrices = zip(priceUnits, capacities).map { $1 > 0 ? $0 : .infinity }
    let leanAfter = carrying ? leanAfter ?? Self.carriedViolations(rows: source.rows) : 0
    // The full loop's C walk (fast units only): the prices with NaN in
    // columns without places, which the walk reads as ineligible; a NaN
    // price of a column with places would be read so too, so then the
    // Swift loop runs instead.
    let openPrices = zip(priceUnits, capacities).map { $1 > 0 ? $0 : .nan }
    let walksInC = fast && zip(priceUnits, capacities).allSatisfy { $1 <= 0 || !$0.isNaN }
    let body: @Sendable (inout State, [Int], UnsafeMutableBufferPointer<Double>) -> Void = { state, block, b in
      let worst = state.worst
      var violations = 0
      var onGrid = true
      var listed = state.listed
      state.listed = []
      listed.withUnsafeMutableBufferPointer { listed in
        priceUnits.withUnsafeBufferPointer { prices in
          capacities.withUnsafeBufferPointer { capacities in
            for (r, i) in block.enumerated() {
              let base = r * m
              // Reduced cost of pair (i, j): c(i, j) − u_i − v_j = c(i, j) − (P_s − y_i / q) + p_j / q.
              let offset = solution.rowValues[i] / q - solveUnits
              worst.reset(0)
              for j in candidates.columns[i] { listed[Int(j)] = i }
              if fast && state.violations + violations > leanAfter {
                // This worker saw a violation: the pass is not the last, and
                // neither its statistics, its grid flag nor its certificate
                // are used. Only violations and additions are computed, with
                // the same arithmetic as below, in a loop without per-pair
                // branches but the rare one below the margin (a forbidden
                // pair's slack is NaN, a zero-capacity column's +∞: neither
                // is below it).
                state.lean += 1
                leanPrices.withUnsafeBufferPointer { leanPrices in
                  for j in 0..<m {
                    let x = (anchor - sign * b[base + j]) * inverse
                    let units = x < 0x1p52 ? (x + 0x1p52) - 0x1p52 : x.rounded()
                    let slack = units + offset + leanPrices[j]
                    if slack < margin && listed[j] != i {
                      if slack < 0 { violations += 1 }
                      worst.offer(0, key: -slack, index: TopOrder.spread(j, row: i, columns: m))
                    }
                  }
                }
                if solution.columnOfRow[i] == nil
                  && (0..<m).contains(where: { capacities[$0] > 0 && !b[base + $0].isNaN })
                {
                  state.unassignedRowsWithPairs += 1
                }
                for entry in worst.sorted(0) {
                  let j = TopOrder.unspread(entry.index, row: i, columns: m)
                  state.additions.append(row: i, column: j, score: b[base + j])
                }
                continue
              }
              let assignedScore = solution.columnOfRow[i].map { b[base + $0] } ?? .nan
              var allowed = 0
              var eligible = 0
              var better = 0
              // Better by more than rounding, as the plan's ranks count (ScoreTie).
              let betterThan = ScoreTie.threshold(above: sign * assignedScore)
              var bestColumn = -1
              var bestScore = Double.nan
              var floor = Double.infinity
              var offered = 0
              if walksInC {
                // The same walk in C (vectorised, the same bits): the counts,
                // the best column, the floor and the grid flag, and a list of
                // the pairs below the margin, taken here in column order.
                var terms = mm_price_terms(
                  sign: sign, anchor: anchor, inverse: inverse, quantum: q, offset: offset, margin: margin,
                  better_than: betterThan)
                var found = mm_price_row_result()
                let scratch = state.scratch
                openPrices.withUnsafeBufferPointer { openPrices in
                  mm_price_row(
                    m, b.baseAddress! + base, openPrices.baseAddress, &terms, scratch.columns, scratch.slacks, &found)
                }
                allowed = found.allowed
                eligible = found.eligible
                better = found.better
                bestColumn = found.best_column
                if bestColumn >= 0 { bestScore = b[base + bestColumn] }
                floor = found.floor
                if found.on_grid == 0 { onGrid = false }
                for t in 0..<found.below {
                  let j = scratch.columns[t]
                  let slack = scratch.slacks[t]
                  if listed[j] != i {
                    if slack < 0 { violations += 1 }
                    worst.offer(0, key: -slack, index: TopOrder.spread(j, row: i, columns: m))
                    offered += 1
                  }
                }
              } else {
                for j in 0..<m {
                  let s = b[base + j]
                  if s.isNaN { continue }
                  allowed += 1
                  guard capacities[j] > 0 else { continue }
                  eligible += 1
                  if sign * s > betterThan { better += 1 }
                  if bestColumn < 0 || sign * s > sign * bestScore {
                    bestColumn = j
                    bestScore = s
                  }
                  let units: Double
                  if fast {
                    let x = (anchor - sign * s) * inverse
                    units = x < 0x1p52 ? (x + 0x1p52) - 0x1p52 : x.rounded()
                  } else {
                    units = resolution.units(s)
                  }
                  if onGrid && resolution.anchor - units * q != sign * s { onGrid = false }
                  let slack = units + offset + prices[j]
                  if slack < margin {
                    if listed[j] != i {
                      if slack < 0 { violations += 1 }
                      worst.offer(0, key: -slack, index: TopOrder.spread(j, row: i, columns: m))
                      offered += 1
                    }
                  } else if slack < floor {
                    floor = slack
                  }
                }
              }
              if eligible > 0 && solution.columnOfRow[i] == nil { state.unassignedRowsWithPairs += 1 }
              state.rows.append(i)
              state.eligible.append(eligible)
              state.better.append(better)
              state.bestColumn.append(bestColumn)
              state.bestScore.append(bestScore)
              state.assignedScore.append(assignedScore)
              var added = 0
              var leastViolated = -Double.infinity
              for entry in worst.sorted(0) {
                let j = TopOrder.unspread(entry.index, row: i, columns: m)
                state.additions.append(row: i, column: j, score: b[base + j])
                // The next candidates: the certificate's floor leaves them out.
                listed[j] = i
                added += 1
                leastViolated = max(leastViolated, -entry.key)
              }
              if carrying {
                // Every pair below the margin outside the candidates was
                // offered; those not added are at or above the least
                // violated kept one (the lists keep the most violated).
                state.floor.append(offered == added ? floor : min(floor, leastViolated))
                state.candidateCount.append(candidates.columns[i].count + added)
                var certificateFloor = Double.infinity
                check.check(
                  row: i, scores: UnsafeBufferPointer(rebasing: b[base..<(base + m)]),
                  excluded: UnsafeBufferPointer(listed), floor: &certificateFloor, into: &state.certificate)
                state.certificateFloor.append(certificateFloor)
              } else if state.violations == 0 && violations == 0 {
                // After a violation this pass is not the last: its certificate is never used.
                check.check(
                  row: i, scores: UnsafeBufferPointer(rebasing: b[base..<(base + m)]), into: &state.certificate)
              }
            }
          }
        }
      }
      state.listed = listed
      state.violations += violations
      state.onGrid = state.onGrid && onGrid
    }
    let makeState = {
      State(worst: TopLists(capacities: [k]), listed: [Int](repeating: -1, count: m), scratch: RowScratch(columns: m))
    }
    let n = source.rows
    // A partial pass: the rows the carry does not prove safe are scored again.
    // Rows proven free of violations but not of pairs below the margin are
    // `deferred`: skipped unless the pass turns out to need its additions.
    var skipped = [Bool](repeating: false, count: n)
    var deferred: [Int] = []
    var offsets: [Double] = []
    if carrying {
      offsets = (0..<n).map { solution.rowValues[$0] / q - solveUnits }
    }
    if let previous {
      precondition(
        previous.margin == margin && previous.offsets.count == n && previous.prices.count == m,
        "The carry must come from a pass of the same problem and margin")
      let rise = previous.priceRise(to: priceUnits, capacities: capacities)
      let certificateRise = check.priceRise(from: previous.certificate)
      let magnitude = check.carriedMagnitude(from: previous.certificate)
      for i in 0..<n {
        let column = solution.columnOfRow[i] ?? -1
        guard
          previous.column[i] == column && candidates.columns[i].count == previous.candidateCount[i]
            && (column < 0 || candidates.contains(row: i, column: column))
            && check.carriedSlackBound(
              row: i, from: previous.certificate, priceRise: certificateRise, magnitude: magnitude) > 0
        else { continue }
        // Every pair outside the candidates is at or above the bound: at or
        // above the margin, the row offers nothing; at or above 0, it has no
        // violation but may offer pairs below the margin.
        let bound = previous.bound(row: i, offset: offsets[i], rise: rise)
        if bound >= margin {
          skipped[i] = true
        } else if bound >= 0 {
          skipped[i] = true
          deferred.append(i)
        }
      }
    }
    var states: [State]
    if previous == nil {
      states = ParallelBlockPass.run(
        over: source, workers: workers, makeState: makeState, body: { state, block, b in body(&state, Array(block), b) }
      )
      rowsPriced = n
    } else {
      let rows = (0..<n).filter { !skipped[$0] }
      states = ParallelBlockPass.run(over: source, rows: rows, workers: workers, makeState: makeState, body: body)
      rowsPriced = rows.count
      // The deferred rows' additions are used when the pass has a violation
      // (another solve follows) or a row left out with an eligible pair (a
      // provisional round may solve again): then they are scored after all,
      // so that the additions are exactly a full pass's.
      let found = states.reduce(0) { $0 + $1.violations + $1.unassignedRowsWithPairs }
      let leftOut = (0..<n).contains { i in
        skipped[i] && solution.columnOfRow[i] == nil && previous!.statistics.eligibleColumns[i] > 0
      }
      rowsDeferred = deferred.count
      if !deferred.isEmpty && (found > 0 || leftOut) {
        deferredRowsScored = true
        for i in deferred { skipped[i] = false }
        states += ParallelBlockPass.run(
          over: source, rows: deferred, workers: workers, makeState: makeState, body: body)
        rowsPriced += deferred.count
      }
    }
    statistics = CertifiedAssignment.RowStatistics(rows: source.rows)
    var floor = [Double](repeating: .infinity, count: carrying ? n : 0)
    var certificateFloor = floor
    var candidateCount = [Int](repeating: 0, count: carrying ? n : 0)
    for state in states {
      violations += state.violations
      onGrid = onGrid && state.onGrid
      unassignedRowsWithPairs += state.unassignedRowsWithPairs
      additions.append(contentsOf: state.additions)
      for (k, i) in state.rows.enumerated() {
        statistics.eligibleColumns[i] = state.eligible[k]
        statistics.betterColumns[i] = state.better[k]
        statistics.bestColumn[i] = state.bestColumn[k]
        statistics.bestScore[i] = state.bestScore[k]
        statistics.assignedScore[i] = state.assignedScore[k]
        if carrying {
          floor[i] = state.floor[k]
          certificateFloor[i] = state.certificateFloor[k]
          candidateCount[i] = state.candidateCount[k]
        }
      }
    }
    var parts = states.map(\.certificate)
    if let previous {
      // The skipped rows: statistics as carried (same column, same scores),
      // floors moved by the dual changes (still lower bounds), and their
      // certificate over their candidates, the other pairs proven slack.
      onGrid = onGrid && previous.onGrid
      let rise = previous.priceRise(to: priceUnits, capacities: capacities)
      let certificateRise = check.priceRise(from: previous.certificate)
      let magnitude = check.carriedMagnitude(from: previous.certificate)
      var part = CertificateCheck.Part()
      part.low = previous.certificate.low
      part.high = previous.certificate.high
      part.gridExponent = previous.certificate.gridExponent
      for i in 0..<n where skipped[i] {
        let carriedStatistics = previous.statistics
        statistics.eligibleColumns[i] = carriedStatistics.eligibleColumns[i]
        statistics.betterColumns[i] = carriedStatistics.betterColumns[i]
        statistics.bestColumn[i] = carriedStatistics.bestColumn[i]
        statistics.bestScore[i] = carriedStatistics.bestScore[i]
        statistics.assignedScore[i] = carriedStatistics.assignedScore[i]
        if carriedStatistics.eligibleColumns[i] > 0 && solution.columnOfRow[i] == nil { unassignedRowsWithPairs += 1 }
        floor[i] = previous.bound(row: i, offset: offsets[i], rise: rise)
        certificateFloor[i] = check.carriedSlackBound(
          row: i, from: previous.certificate, priceRise: certificateRise, magnitude: magnitude)
        candidateCount[i] = previous.candidateCount[i]
        check.check(row: i, columns: candidates.columns[i], scores: candidates.scores[i], into: &part)
      }
      parts.append(part)
    }
    if carrying && states.allSatisfy({ $0.lean == 0 }) {
      let summary = check.summary(of: parts)
      carry = PricingCarry(
        margin: margin, offsets: offsets, prices: priceUnits, floor: floor,
        column: solution.columnOfRow.map { $0 ?? -1 }, candidateCount: candidateCount, statistics: statistics,
        onGrid: onGrid,
        certificate: CarriedCertificate(
          values: check.values, prices: check.prices, floor: certificateFloor, low: summary.low,
          high: summary.high, gridExponent: summary.gridExponent))
    }
    if violations > 0 {
      // Rows after a worker's first violation took the lean loop, so the
      // statistics and the grid flag cover the rows before it, which depend
      // on the number of workers. No such pass is the last: report them
      // empty, the same for any number of workers.
      statistics = CertifiedAssignment.RowStatistics(rows: source.rows)
      onGrid = true
    }
    if violations == 0 {
      // No worker saw a violation, so every worker checked every row it
      // priced, and a partial pass checked the others over their candidates.
      certificateViolations = check.verdict(parts, claimsExact: onGrid)
      certificateChecked = true
    }
  }
}
