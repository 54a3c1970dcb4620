/// The working state of ``CapacitatedAssignment``: costs, duals, the current
/// assignment and the Dijkstra buffers, reused across phases.
///
/// Costs, duals and distances are whole numbers of units below `2^52`
/// (``ScoreResolution``), so every comparison is exact.
///
/// Invariants between phases: for every allowed pair `c(i, j) − u[i] − v[j] >= 0`,
/// with equality when `i` is assigned to `j`; `v[j] <= 0`, and `v[j] == 0`
/// whenever column `j` has room; `u[i] <= P` for every row.
struct ShortestAugmentingPathSolver {
  let rows: Int
  let columns: Int
  let sense: AssignmentProblem.Sense
  /// Non-negative whole-number costs in units of the resolution's quantum,
  /// row-major; `+∞` marks a forbidden pair or a pair in a zero-capacity column.
  var cost: [Double]
  let capacity: [Int]
  /// The units the costs are in (see ``ScoreResolution``).
  let resolution: ScoreResolution
  /// The cost of leaving a row unassigned, in units.
  let unassignedCost: Double
  let scores: [Double]

  var u: [Double]
  var v: [Double]
  var processed: [Bool]
  /// Which rows each column holds.
  var holding: ColumnSlots

  // Dijkstra buffers.
  var distance: [Double]
  var predecessor: [Int]
  var unsettled: [Int]
  var settled: [Int]

  init(_ problem: AssignmentProblem) {
    rows = problem.rows
    columns = problem.columns
    sense = problem.sense
    scores = problem.scores
    capacity = problem.capacities
    let resolution = ScoreResolution(problem)
    precondition(
      resolution.isFinite, "The scores' spread overflows double precision; check ScoreResolution.refusal(for:) first")
    self.resolution = resolution
    unassignedCost = resolution.unassignedUnits
    var cost = [Double](repeating: .infinity, count: problem.scores.count)
    let columns = problem.columns
    cost.withUnsafeMutableBufferPointer { c in
      problem.scores.withUnsafeBufferPointer { s in
        for k in 0..<s.count where !s[k].isNaN && problem.capacities[k % columns] > 0 {
          c[k] = resolution.units(s[k])
        }
      }
    }
    self.cost = cost
    u = [Double](repeating: 0, count: rows)
    v = [Double](repeating: 0, count: columns)
    processed = [Bool](repeating: false, count: rows)
    holding = ColumnSlots(rows: rows, capacities: problem.capacities)
    distance = [Double](repeating: .infinity, count: columns)
    predecessor = [Int](repeating: -1, count: columns)
    unsettled = []
    settled = []
    unsettled.reserveCapacity(columns)
    settled.reserveCapacity(columns)
  }

  mutating func run() {
    greedyStart()
    for r in 0..<rows where !processed[r] {
      augment(from: r)
    }
  }

  /// Gives each row its cheapest column while that column has room.
  mutating func greedyStart() {
    for r in 0..<rows {
      var best = Double.infinity
      var bestColumn = -1
      let base = r * columns
      for j in 0..<columns where cost[base + j] < best {
        best = cost[base + j]
        bestColumn = j
      }
      guard bestColumn >= 0, holding.load[bestColumn] < capacity[bestColumn] else { continue }
      u[r] = best
      attach(row: r, to: bestColumn)
      processed[r] = true
    }
  }

  @inline(__always)
  mutating func attach(row: Int, to column: Int) { holding.attach(row: row, to: column) }

  @inline(__always)
  mutating func detach(row: Int, from column: Int) { holding.detach(row: row, from: column) }

  /// One phase: grows the shortest-path tree from free row `r` and augments.
  mutating func augment(from r: Int) {
    processed[r] = true
    let m = columns
    unsettled.removeAll(keepingCapacity: true)
    settled.removeAll(keepingCapacity: true)
    let base = r * m
    for j in 0..<m {
      distance[j] = cost[base + j] - v[j]
      predecessor[j] = r
      unsettled.append(j)
    }
    // The best "leave this row unassigned" end point found so far.
    var dummyDistance = unassignedCost
    var dummyRow = r
    var endColumn = -1
    var endDistance = 0.0

    while true {
      // The nearest unsettled column. Among equally near ones a column with
      // room wins (the path can end there), then the earliest in the list.
      var bestIndex = -1
      var best = Double.infinity
      var bestHasRoom = false
      for k in 0..<unsettled.count {
        let col = unsettled[k]
        let d = distance[col]
        if d < best || (d == best && !bestHasRoom && bestIndex >= 0 && holding.load[col] < capacity[col]) {
          best = d
          bestIndex = k
          bestHasRoom = holding.load[col] < capacity[col]
        }
      }
      if bestIndex < 0 || best > dummyDistance {
        endDistance = dummyDistance
        break
      }
      let j = unsettled[bestIndex]
      if holding.load[j] < capacity[j] {
        endColumn = j
        endDistance = best
        break
      }
      unsettled[bestIndex] = unsettled[unsettled.count - 1]
      unsettled.removeLast()
      settled.append(j)
      // Continue through every row column j holds (reduced cost 0 back to it).
      for i in holding.rows(of: j) {
        let ui = u[i]
        let viaDummy = best + unassignedCost - ui
        if viaDummy < dummyDistance {
          dummyDistance = viaDummy
          dummyRow = i
        }
        let offset = best - ui
        let rowBase = i * m
        for k in 0..<unsettled.count {
          let col = unsettled[k]
          let candidate = offset + cost[rowBase + col] - v[col]
          if candidate < distance[col] {
            distance[col] = candidate
            predecessor[col] = i
          }
        }
      }
    }

    // Shift the duals of the tree so that reduced costs stay non-negative.
    let length = endDistance
    for j in settled {
      let delta = length - distance[j]
      v[j] -= delta
      for i in holding.rows(of: j) { u[i] += delta }
    }
    u[r] += length

    // Augment along the predecessor chain.
    var column: Int
    if endColumn >= 0 {
      column = endColumn
    } else {
      if dummyRow == r { return }
      column = holding.columnOf[dummyRow]
      detach(row: dummyRow, from: column)
    }
    while true {
      let i = predecessor[column]
      if i == r {
        attach(row: r, to: column)
        return
      }
      let previous = holding.columnOf[i]
      detach(row: i, from: previous)
      attach(row: i, to: column)
      column = previous
    }
  }

  /// The solution in the public, score-unit form.
  func solution() -> AssignmentSolution {
    var total = 0.0
    var assigned = 0
    var columnOfRow = [Int?](repeating: nil, count: rows)
    for i in 0..<rows where holding.columnOf[i] >= 0 {
      columnOfRow[i] = holding.columnOf[i]
      total += scores[i * columns + holding.columnOf[i]]
      assigned += 1
    }
    // Adjusted score a = (P − c) · q; row value (P − u) · q; column price −v · q:
    // whole numbers of quanta, exact in score units.
    let q = resolution.quantum
    let rowValues = u.map { (unassignedCost - $0) * q }
    let prices = v.map { (0 - $0) * q }
    let bonus = resolution.cardinalityBonus
    return AssignmentSolution(
      columnOfRow: columnOfRow, totalScore: total, assignedCount: assigned, loads: holding.load,
      rowValues: rowValues, columnPrices: prices, cardinalityBonus: bonus)
  }
}
