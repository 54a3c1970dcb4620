/// The capacitated shortest-augmenting-path method of ``CapacitatedAssignment``
/// on a ``SparseAssignmentProblem``: Dijkstra with a binary heap over columns,
/// visiting only listed pairs.
///
/// Invariants between phases (reduced cost `c(i, j) − u[i] − v[j]` with
/// non-negative costs `c`): every listed pair of a processed row has reduced
/// cost `>= 0`, assigned pairs `== 0`; `v[j] <= 0`, and `v[j] == 0` when column
/// `j` has room; `u[i] <= P` for every row.
struct SparseShortestAugmentingPathSolver {
  let problem: SparseAssignmentProblem
  /// Costs per listed pair.
  var cost: [Double]
  let unassignedCost: Double
  let shift: Double

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
  /// The price hint each column's costs were raised by (see ``init(_:priceHint:)``).
  let hint: [Double]

  /// Prepares a solve. With a price hint `p̂ >= 0`, every cost of column `j`
  /// is raised by `p̂[j]`: the optimum is unchanged whenever every column with
  /// a positive hint ends full (the shift then adds the same constant to every
  /// such assignment), and good hints make the greedy start and the paths
  /// much shorter. ``hintHolds`` tells whether the condition held.
  init(_ problem: SparseAssignmentProblem, priceHint: [Double]? = nil, preferred: [Int?]? = nil) {
    self.problem = problem
    preferredColumn = preferred.map { $0.map { $0 ?? -1 } } ?? [Int](repeating: -1, count: problem.rows)
    precondition(preferredColumn.count == problem.rows, "One preferred column per row")
    let hint = priceHint ?? [Double](repeating: 0, count: problem.columns)
    precondition(hint.count == problem.columns && hint.allSatisfy { $0 >= 0 && $0.isFinite }, "Invalid price hint")
    self.hint = hint
    let n = problem.rows
    let m = problem.columns
    let bounds = problem.scoreBounds
    let range = bounds.upperBound - bounds.lowerBound
    let shift = problem.sense == .maximize ? bounds.upperBound : bounds.lowerBound
    self.shift = shift
    unassignedCost = Double(n + 1) * range + 1
    var cost = problem.sense == .maximize ? problem.scores.map { shift - $0 } : problem.scores.map { $0 - shift }
    if priceHint != nil {
      for i in 0..<n {
        for p in problem.rowStart[i]..<problem.rowStart[i + 1] { cost[p] += hint[Int(problem.columnIndex[p])] }
      }
    }
    self.cost = cost
    u = [Double](repeating: 0, count: n)
    v = [Double](repeating: 0, count: m)
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
  }

  /// Gives each row a cheapest column with room. Columns within a hair of
  /// the cheapest (`nearTie`, far below any meaningful score difference) count
  /// as equally cheap: at an optimum many rows are indifferent between
  /// columns, and taking one with room, the row's previous column first,
  /// spares the augmenting phases that a blind pick would need. The row's
  /// dual is the chosen cost, so its pair is tight and every other pair's
  /// reduced cost is at least `-nearTie`.
  mutating func greedyStart() {
    let capacity = problem.capacities
    let range = problem.scoreBounds.upperBound - problem.scoreBounds.lowerBound
    let nearTie = 1e-12 * (range + 1)
    for r in 0..<problem.rows {
      let pairs = problem.rowStart[r]..<problem.rowStart[r + 1]
      var best = Double.infinity
      for p in pairs where cost[p] < best { best = cost[p] }
      guard best <= unassignedCost else { continue }
      var chosen = -1
      for p in pairs where cost[p] <= best + nearTie {
        let j = Int(problem.columnIndex[p])
        guard holding.load[j] < capacity[j] else { continue }
        if chosen < 0 || j == preferredColumn[r] { chosen = p }
        if j == preferredColumn[r] { break }
      }
      guard chosen >= 0 else { continue }
      u[r] = cost[chosen]
      attach(row: r, to: Int(problem.columnIndex[chosen]), pair: chosen)
      processed[r] = true
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
    relax(row: r, at: u[r])
    var dummyDistance = unassignedCost - u[r]
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
    for k in touched {
      distance[k] = .infinity
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
    let bonus = problem.sense == .maximize ? unassignedCost - shift : unassignedCost + shift
    return AssignmentSolution(
      columnOfRow: columnOfRow, totalScore: total, assignedCount: assigned, loads: holding.load,
      rowValues: u.map { unassignedCost - $0 }, columnPrices: zip(v, hint).map { $1 - $0 }, cardinalityBonus: bonus)
  }

  /// Whether every column with a positive price hint ended full, so that the
  /// hinted optimum is the true optimum (and the duals a valid certificate).
  var hintHolds: Bool {
    (0..<problem.columns).allSatisfy { hint[$0] == 0 || holding.load[$0] >= problem.capacities[$0] }
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
