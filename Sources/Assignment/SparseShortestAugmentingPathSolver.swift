/// The capacitated shortest-augmenting-path method of ``CapacitatedAssignment``
/// on a ``SparseAssignmentProblem``: Dijkstra with a binary heap over columns,
/// visiting only listed pairs, started from any non-negative column prices.
///
/// Reduced cost of a listed pair: `c(i, j) − u[i] − v[j]`, with non-negative
/// whole-number costs `c` in units of the quantum of ``ScoreResolution`` and
/// column duals `v[j] <= 0` (the price of column `j` is `−v[j]` units), all
/// below `2^52`, so every comparison is exact.
/// Invariants between phases: every listed pair of a processed row has reduced
/// cost `>= 0`, assigned pairs
/// `== 0`, `u[i] <= P` for every row and `u[i] == P` for a processed row left
/// unassigned (checked after every phase in debug builds, see
/// `SparseShortestAugmentingPathSolver+Invariants.swift`).
///
/// A price hint starts `v` at `−hint`. Forward phases (``augment(from:)``)
/// place every row; a column can then end with room and a positive price (a
/// *deficit*, impossible at an optimum). Backward phases
/// (``resolveDeficit(at:)``) remove them: the mirror image of a forward
/// phase, a Dijkstra search from the deficit column over the rows that could
/// move into it, ending where the column's price reaches zero, where a column
/// whose price reaches zero gives up a row, or at an unassigned row. So the
/// result is exact whatever the hint, and a good hint (the prices of a
/// previous, similar solve) leaves little for either kind of phase to do.
struct SparseShortestAugmentingPathSolver {
  let problem: SparseAssignmentProblem
  /// Whole-number costs per listed pair, in units of the resolution's quantum.
  var cost: [Double]
  /// The units the costs and duals are in (see ``ScoreResolution``).
  let resolution: ScoreResolution
  /// The cost of leaving a row unassigned, in units.
  let unassignedCost: Double
  /// Whether this is a provisional solve (smaller unassigned cost).
  let provisional: Bool

  var u: [Double]
  var v: [Double]
  /// The listed-pair index of each assigned row's pair, or -1.
  var pairOf: [Int]
  var processed: [Bool]
  /// Which rows each column holds.
  var holding: ColumnSlots

  // The searches' per-column scratch, cleared after every search: in
  // ``SearchBuffer``s, written without uniqueness checks (copies share them).
  var distance: SearchBuffer<Double>
  /// `distance[k] + v[k]` for the columns a forward search reached, else +∞:
  /// the one value a relaxation reads (see ``relax(row:at:limit:)``).
  var searchKey: SearchBuffer<Double>
  var predecessor: SearchBuffer<Int>
  var predecessorPair: SearchBuffer<Int>
  var settledFlag: SearchBuffer<Bool>
  var touched: [Int]
  var settled: [Int]
  var heap: ColumnHeap

  /// The column each row held in a previous solve, or -1: preferred among ties.
  let preferredColumn: [Int]
  /// Work done so far (deterministic).
  var counters = SparseSolveCounters()
  /// The auction that starts ``run()``, or `nil` (the default; see
  /// ``auctionStart(_:)`` and ``ScalingAuction/start(spread:)`` for why it is
  /// not used by the certified solve yet).
  var startingAuction: ScalingAuction?
  /// Each row's pairs by a lower bound on their reduced cost, during the
  /// single-row phases (``SparseRowOrder``), or `nil` to read every pair.
  var rowOrder: SparseRowOrder?
  /// Whether ``run()`` orders the rows' pairs before the single-row phases.
  var ordersRows = true
  /// Whether the greedy start and the single-row phases take the rows by
  /// falling regret (``rowsInOrder()``) rather than by index. Either way the
  /// result is optimal; the order decides which of tied optima, and the work.
  /// Off by default: it changes the sample's plan to another tied one (the
  /// pairs `Datasets/sample/outcomes-example.csv` records), for 4–5 % less
  /// work at 100,000 × 20,000 (Docs/performance.md, branch `sparse2`).
  var takesRowsByRegret = false
  /// Start a new epoch of ``SparseRowOrder`` (rows reached again are ordered
  /// again, as rising prices loosen the keys) once the single-row phases have
  /// read this many pairs since the last; `nil`: eight times the listed
  /// pairs (0: before every phase). Re-ordering is dear: in the first solve
  /// at 20,000 × 4,000 an epoch every `pairs` reads ordered 128,711 rows to
  /// read 4.35 M pairs, this default 39,219 rows for 4.88 M
  /// (Docs/performance.md, branch `sparse1`).
  var reorderAfterReads: Int?

  /// Prepares a solve.
  ///
  /// - Parameters:
  ///   - priceHint: Estimated non-negative column prices in score units (for
  ///     example a previous solve's ``AssignmentSolution/columnPrices``); the
  ///     solve starts from them. Any hint gives the same, exact, optimum.
  ///   - preferred: Each row's column in a previous solve, kept when it is
  ///     among the row's cheapest under the hinted prices.
  ///   - provisional: Leave a row unassigned when placing it would cost more
  ///     than `4 · R_u + 1` units (four score spreads) rather than any amount: the result then
  ///     maximises `Σ (score + bonus)` for that smaller bonus. Searches end
  ///     sooner, and prices stay within a few score ranges; for the rounds of
  ///     ``CertifiedAssignment`` before the last.
  init(
    _ problem: SparseAssignmentProblem, priceHint: [Double]? = nil, preferred: [Int?]? = nil,
    provisional: Bool = false
  ) {
    self.problem = problem
    preferredColumn = preferred.map { $0.map { $0 ?? -1 } } ?? [Int](repeating: -1, count: problem.rows)
    precondition(preferredColumn.count == problem.rows, "One preferred column per row")
    let hint = priceHint ?? [Double](repeating: 0, count: problem.columns)
    precondition(hint.count == problem.columns && hint.allSatisfy { $0 >= 0 && $0.isFinite }, "Invalid price hint")
    let n = problem.rows
    let m = problem.columns
    let resolution = ScoreResolution(rows: n, sense: problem.sense, bounds: problem.scoreBounds)
    precondition(
      resolution.isFinite, "The scores' spread overflows double precision; check ScoreResolution.refusal(for:) first")
    self.resolution = resolution
    self.provisional = provisional
    unassignedCost = provisional ? resolution.provisionalUnassignedUnits : resolution.unassignedUnits
    // Read at random by the searches: huge pages (see Array+HugePages.swift).
    cost = [Double](hugePagesCount: problem.pairCount) { out in
      problem.scores.withUnsafeBufferPointer { scores in
        for p in scores.indices { out.initializeElement(at: p, to: resolution.units(scores[p])) }
      }
    }
    u = [Double](repeating: 0, count: n)
    // Hints are rounded to whole units: any hint gives the same optimum.
    v = hint.map { -resolution.units(price: $0) }
    pairOf = [Int](repeating: -1, count: n)
    processed = [Bool](repeating: false, count: n)
    holding = ColumnSlots(rows: n, capacities: problem.capacities)
    distance = SearchBuffer(repeating: .infinity, count: m)
    searchKey = SearchBuffer(repeating: .infinity, count: m)
    predecessor = SearchBuffer(repeating: -1, count: m)
    predecessorPair = SearchBuffer(repeating: -1, count: m)
    settledFlag = SearchBuffer(repeating: false, count: m)
    touched = []
    settled = []
    heap = ColumnHeap()
  }

  mutating func run() {
    if let startingAuction { auctionStart(startingAuction) }
    greedyStart()
    blockingPhases()
    // Column duals only fall from here to the backward phases, so the order's
    // keys stay lower bounds on the reduced costs (SparseRowOrder).
    if ordersRows { rowOrder = SparseRowOrder(problem) }
    let threshold = reorderAfterReads ?? 8 * problem.pairCount
    var readsAtEpoch = counters.relaxations
    for r in rowsInOrder() where !processed[r] {
      if rowOrder != nil && counters.relaxations - readsAtEpoch >= threshold {
        rowOrder!.epoch += 1
        readsAtEpoch = counters.relaxations
      }
      augment(from: r)
    }
    rowOrder = nil
    #if MENTORMATCH_INVARIANTS
      requireInvariants(invariantViolations(), after: "the forward phases")
    #endif
    resolveDeficits()
  }
  /// Gives each row a cheapest column (in reduced cost) with room: first the
  /// rows whose preferred column is among their cheapest, then the others,
  /// each pass in the order of ``rowsInOrder()``.
  /// All columns of the least reduced cost (whole units, compared exactly)
  /// count as equally cheap: at an optimum many rows are indifferent between
  /// columns, and taking one with room spares the augmenting phases that a
  /// blind pick would need. The row's dual is that reduced cost, so its pair
  /// is tight and every other pair's reduced cost is non-negative.
  mutating func greedyStart() {
    let capacity = problem.capacities
    let order = rowsInOrder()
    for keepingPreferred in [true, false] {
      for r in order where !processed[r] {
        let preferred = preferredColumn[r]
        if keepingPreferred && preferred < 0 { continue }
        let pairs = problem.rowStart[r]..<problem.rowStart[r + 1]
        var best = Double.infinity
        for p in pairs {
          let reduced = cost[p] - v[Int(problem.columnIndex[p])]
          if reduced < best { best = reduced }
        }
        guard best <= unassignedCost else { continue }
        var chosen = -1
        for p in pairs where cost[p] - v[Int(problem.columnIndex[p])] <= best {
          let j = Int(problem.columnIndex[p])
          guard holding.load[j] < capacity[j] else { continue }
          if j == preferred {
            chosen = p
            break
          }
          if chosen < 0 && !keepingPreferred { chosen = p }
        }
        guard chosen >= 0 else { continue }
        let j = Int(problem.columnIndex[chosen])
        u[r] = cost[chosen] - v[j]
        attach(row: r, to: j, pair: chosen)
        processed[r] = true
        counters.greedyPlaced += 1
      }
    }
    #if MENTORMATCH_INVARIANTS
      requireInvariants(invariantViolations(), after: "the greedy start")
    #endif
  }

  @inline(__always)
  mutating func attach(row: Int, to column: Int, pair: Int) {
    holding.attach(row: row, to: column)
    pairOf[row] = pair
  }

  @inline(__always)
  mutating func detach(row: Int, from column: Int) {
    holding.detach(row: row, from: column)
    pairOf[row] = -1
  }

  mutating func clearSearch() {
    counters.settledColumns += settled.count
    for k in touched {
      distance[k] = .infinity
      searchKey[k] = .infinity
      settledFlag[k] = false
    }
    for k in settled { settledFlag[k] = false }
    touched.removeAll(keepingCapacity: true)
    settled.removeAll(keepingCapacity: true)
  }

  /// The solution in the public, score-unit form.
  func solution() -> AssignmentSolution {
    var total = 0.0
    var assigned = 0
    var columnOfRow = [Int?](repeating: nil, count: problem.rows)
    for i in 0..<problem.rows where holding.columnOf[i] >= 0 {
      columnOfRow[i] = holding.columnOf[i]
      total += problem.scores[pairOf[i]]
      assigned += 1
    }
    // Whole numbers of quanta: exact in score units.
    let q = resolution.quantum
    let bonus = provisional ? resolution.provisionalCardinalityBonus : resolution.cardinalityBonus
    return AssignmentSolution(
      columnOfRow: columnOfRow, totalScore: total, assignedCount: assigned, loads: holding.load,
      rowValues: u.map { (unassignedCost - $0) * q }, columnPrices: v.map { -$0 * q }, cardinalityBonus: bonus)
  }
}
