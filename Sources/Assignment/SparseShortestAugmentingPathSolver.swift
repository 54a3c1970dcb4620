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
/// unassigned.
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

  var distance: [Double]
  var predecessor: [Int]
  var predecessorPair: [Int]
  var settledFlag: [Bool]
  var touched: [Int]
  var settled: [Int]
  var heap: ColumnHeap

  /// The column each row held in a previous solve, or -1: preferred among ties.
  let preferredColumn: [Int]

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
    cost = problem.scores.map { resolution.units($0) }
    u = [Double](repeating: 0, count: n)
    // Hints are rounded to whole units: any hint gives the same optimum.
    v = hint.map { -resolution.units(price: $0) }
    pairOf = [Int](repeating: -1, count: n)
    processed = [Bool](repeating: false, count: n)
    holding = ColumnSlots(rows: n, capacities: problem.capacities)
    distance = [Double](repeating: .infinity, count: m)
    predecessor = [Int](repeating: -1, count: m)
    predecessorPair = [Int](repeating: -1, count: m)
    settledFlag = [Bool](repeating: false, count: m)
    touched = []
    settled = []
    heap = ColumnHeap()
  }

  mutating func run() {
    greedyStart()
    for r in 0..<problem.rows where !processed[r] { augment(from: r) }
    resolveDeficits()
  }
  /// Gives each row a cheapest column (in reduced cost) with room: first the
  /// rows whose preferred column is among their cheapest, then the others.
  /// All columns of the least reduced cost (whole units, compared exactly)
  /// count as equally cheap: at an optimum many rows are indifferent between
  /// columns, and taking one with room spares the augmenting phases that a
  /// blind pick would need. The row's dual is that reduced cost, so its pair
  /// is tight and every other pair's reduced cost is non-negative.
  mutating func greedyStart() {
    let capacity = problem.capacities
    for keepingPreferred in [true, false] {
      for r in 0..<problem.rows where !processed[r] {
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
      }
    }
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

  @inline(__always)
  mutating func relax(row i: Int, at base: Double) {
    let capacity = problem.capacities
    let offset = base - u[i]
    for p in problem.rowStart[i]..<problem.rowStart[i + 1] {
      let k = Int(problem.columnIndex[p])
      if settledFlag[k] { continue }
      let candidate = offset + cost[p] - v[k]
      if candidate < distance[k] {
        if distance[k] == .infinity { touched.append(k) }
        distance[k] = candidate
        predecessor[k] = i
        predecessorPair[k] = p
        heap.push(distance: candidate, full: holding.load[k] >= capacity[k], column: k)
      }
    }
  }

  /// One phase: the shortest augmenting path from free row `r`.
  mutating func augment(from r: Int) {
    processed[r] = true
    let capacity = problem.capacities
    heap.removeAll()
    u[r] = 0
    relax(row: r, at: 0)
    var dummyDistance = unassignedCost
    var dummyRow = r
    var endColumn = -1
    var length = 0.0
    while true {
      guard let top = heap.popMinimum() else {
        length = dummyDistance
        break
      }
      let j = top.column
      if settledFlag[j] || top.distance > distance[j] { continue }
      if top.distance > dummyDistance {
        length = dummyDistance
        break
      }
      if holding.load[j] < capacity[j] {
        endColumn = j
        length = top.distance
        break
      }
      settledFlag[j] = true
      settled.append(j)
      for i in holding.rows(of: j) {
        let viaDummy = top.distance + unassignedCost - u[i]
        if viaDummy < dummyDistance {
          dummyDistance = viaDummy
          dummyRow = i
        }
        relax(row: i, at: top.distance)
      }
    }

    // Dual update over the settled part of the tree.
    for j in settled {
      let delta = length - distance[j]
      v[j] -= delta
      for i in holding.rows(of: j) { u[i] += delta }
    }
    u[r] += length

    var column: Int
    var done = false
    if endColumn >= 0 {
      column = endColumn
    } else if dummyRow == r {
      column = -1
      done = true
    } else {
      column = holding.columnOf[dummyRow]
      detach(row: dummyRow, from: column)
    }
    while !done {
      let i = predecessor[column]
      let pair = predecessorPair[column]
      if i == r {
        attach(row: r, to: column, pair: pair)
        break
      }
      let previous = holding.columnOf[i]
      detach(row: i, from: previous)
      attach(row: i, to: column, pair: pair)
      column = previous
    }
    clearSearch()
  }

  mutating func clearSearch() {
    for k in touched {
      distance[k] = .infinity
      settledFlag[k] = false
    }
    for k in settled { settledFlag[k] = false }
    touched.removeAll(keepingCapacity: true)
    settled.removeAll(keepingCapacity: true)
  }

  /// Runs ``resolveDeficit(at:)`` until no column has both room and a
  /// positive price. Each phase fills the column by one row or brings its
  /// price to zero.
  mutating func resolveDeficits() {
    let capacity = problem.capacities
    var transposed: ColumnPairs?
    for j in 0..<problem.columns {
      while v[j] < 0 && holding.load[j] < capacity[j] {
        if transposed == nil { transposed = ColumnPairs(problem) }
        resolveDeficit(at: j, pairs: transposed!)
      }
    }
  }

  /// One backward phase from column `j`, which has room and a positive price.
  ///
  /// Distances `D[k]` grow from `D[j] = 0`: a row `i` held by column `k`, with
  /// a listed pair `(i, l)` to a settled column `l`, reaches `k` at
  /// `D[l] + reduced(i, l)`, the price cut at `l` beyond which `i` would rather
  /// move to `l`. The phase ends at the least of: a settled column `k` whose
  /// price reaches zero (at `D[k] − v[k]`; for `k == j` nothing moves, else
  /// `k` gives up a row), or an unassigned row reaching a settled column. Every
  /// settled column's price falls by `L − D[k]` and its rows' duals with it, so
  /// reduced costs stay non-negative and the moved pairs are tight.
  mutating func resolveDeficit(at j: Int, pairs: ColumnPairs) {
    enum End {
      case price(Int)
      case row(Int, pair: Int)
    }
    heap.removeAll()
    distance[j] = 0
    touched.append(j)
    heap.push(distance: 0, full: false, column: j)
    var end = End.price(j)
    var length = Double.infinity
    while let top = heap.popMinimum() {
      let k = top.column
      if settledFlag[k] || top.distance > distance[k] { continue }
      if top.distance >= length { break }
      settledFlag[k] = true
      settled.append(k)
      let base = top.distance
      if base - v[k] < length {
        length = base - v[k]
        end = .price(k)
      }
      if length <= base { break }
      for q in pairs.start[k]..<pairs.start[k + 1] {
        let p = pairs.pair[q]
        let i = pairs.row[q]
        let from = holding.columnOf[i]
        if from == k { continue }
        let reach = base + cost[p] - u[i] - v[k]
        if from < 0 {
          if reach < length {
            length = reach
            end = .row(i, pair: p)
          }
          continue
        }
        if settledFlag[from] || reach >= distance[from] { continue }
        if distance[from] == .infinity { touched.append(from) }
        distance[from] = reach
        predecessor[from] = i
        predecessorPair[from] = p
        heap.push(distance: reach, full: false, column: from)
      }
    }

    for k in settled where distance[k] < length {
      let delta = length - distance[k]
      v[k] = min(0, v[k] + delta)
      for i in holding.rows(of: k) { u[i] -= delta }
    }

    // The moves, from the far end of the path toward `j`: row `i` leaves its
    // column for the column of pair `p`.
    var moves: [(row: Int, pair: Int)] = []
    var column: Int
    switch end {
    case .price(let k):
      v[k] = 0
      column = k
    case .row(let i, let p):
      moves.append((i, p))
      column = Int(problem.columnIndex[p])
    }
    while column != j {
      let i = predecessor[column]
      moves.append((i, predecessorPair[column]))
      column = Int(problem.columnIndex[predecessorPair[column]])
    }
    for (i, p) in moves.reversed() {
      let from = holding.columnOf[i]
      if from >= 0 { detach(row: i, from: from) }
      attach(row: i, to: Int(problem.columnIndex[p]), pair: p)
    }
    clearSearch()
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

/// The listed pairs of a ``SparseAssignmentProblem`` grouped by column
/// (compressed sparse columns), for the backward phases.
struct ColumnPairs {
  /// Where each column's entries start.
  let start: [Int]
  /// The listed-pair index of each entry.
  let pair: [Int]
  /// The row of each entry.
  let row: [Int]

  /// - Complexity: O(`rows + columns + pairs`).
  init(_ problem: SparseAssignmentProblem) {
    var start = [Int](repeating: 0, count: problem.columns + 1)
    for k in problem.columnIndex { start[Int(k) + 1] += 1 }
    for j in 0..<problem.columns { start[j + 1] += start[j] }
    var next = start
    var pair = [Int](repeating: 0, count: problem.pairCount)
    var row = [Int](repeating: 0, count: problem.pairCount)
    for i in 0..<problem.rows {
      for p in problem.rowStart[i]..<problem.rowStart[i + 1] {
        let k = Int(problem.columnIndex[p])
        pair[next[k]] = p
        row[next[k]] = i
        next[k] += 1
      }
    }
    self.start = start
    self.pair = pair
    self.row = row
  }
}

/// A binary min-heap of columns keyed by distance, then by whether the column
/// is full (columns with room first, so a path ends as soon as it can), then
/// by index. Stale entries are skipped by the caller.
struct ColumnHeap {
  struct Entry {
    var distance: Double
    var full: Bool
    var column: Int

    @inline(__always)
    static func < (a: Entry, b: Entry) -> Bool {
      if a.distance != b.distance { return a.distance < b.distance }
      if a.full != b.full { return !a.full }
      return a.column < b.column
    }
  }

  var entries: [Entry] = []

  mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

  mutating func push(distance: Double, full: Bool, column: Int) {
    entries.append(Entry(distance: distance, full: full, column: column))
    var k = entries.count - 1
    while k > 0 {
      let parent = (k - 1) / 2
      if entries[k] < entries[parent] {
        entries.swapAt(k, parent)
        k = parent
      } else {
        break
      }
    }
  }

  mutating func popMinimum() -> Entry? {
    guard let first = entries.first else { return nil }
    let last = entries.removeLast()
    if entries.isEmpty { return first }
    entries[0] = last
    var k = 0
    let count = entries.count
    while true {
      let left = 2 * k + 1
      if left >= count { break }
      var child = left
      if left + 1 < count && entries[left + 1] < entries[left] { child = left + 1 }
      if entries[child] < entries[k] {
        entries.swapAt(k, child)
        k = child
      } else {
        break
      }
    }
    return first
  }
}
