import Assignment
import CompetencyModel

/// A cap on mentees per mentor per department, as a plain capacitated
/// assignment problem, so that the exact certified solver applies unchanged.
///
/// Each mentor `j` becomes one column per mentee department `d` (a
/// "department slot group") with capacity `min(cap, k_j)`; mentees without a
/// department share an uncapped group. Those groups can hold more than `k_j`
/// in all, so `S_j − k_j` *blocker* rows, private to mentor `j`, take the
/// surplus: they may sit in any of `j`'s groups, and their score `H` exceeds
/// anything a swap could gain (`H > (rows + 1) · range`), so every optimum
/// places every blocker. Real mentees then hold at most `k_j` of `j`'s places
/// and at most `cap` per department: the optima correspond one to one.
///
/// Invariants: `columns` lists each (mentor, group) once; `blockerMentor`
/// has `Σ_j max(0, S_j − k_j)` entries.
struct DepartmentCapLayout: Sendable {
  /// Each column's mentor and group (-1: mentees without a department).
  let columns: [(mentor: Int, group: Int)]
  /// Each column's capacity.
  let capacities: [Int]
  /// The column of (mentor, group).
  let columnOf: [Int: [Int: Int]]
  /// The group of each mentee.
  let menteeGroup: [Int]
  /// The mentor of each blocker row (blockers follow the mentees).
  let blockerMentor: [Int]
  /// The blockers' score.
  let blockerScore: Double

  /// Lays out `cohort` with `cap` mentees per mentor per department, given
  /// mentor capacities and the required pairs already fixed (`used`), which
  /// count against their department's cap.
  init(
    cohort: Cohort, cap: Int, capacities mentorCapacities: [Int], used: [(Int, Int)],
    scoreRange: ClosedRange<Double>
  ) {
    var groupIndex: [String: Int] = [:]
    var menteeGroup: [Int] = []
    var groupSize: [Int: Int] = [:]
    for mentee in cohort.mentees {
      var group = -1
      if let department = mentee.person.department?.lowercased() {
        if let known = groupIndex[department] {
          group = known
        } else {
          group = groupIndex.count
          groupIndex[department] = group
        }
      }
      menteeGroup.append(group)
      groupSize[group, default: 0] += 1
    }
    let groups = groupSize.keys.sorted()
    var usedByGroup: [Int: [Int: Int]] = [:]
    for (i, j) in used { usedByGroup[j, default: [:]][menteeGroup[i], default: 0] += 1 }
    var columns: [(mentor: Int, group: Int)] = []
    var capacities: [Int] = []
    var columnOf: [Int: [Int: Int]] = [:]
    var blockers: [Int] = []
    for (j, capacity) in mentorCapacities.enumerated() {
      var total = 0
      for group in groups {
        let left = max(0, cap - (usedByGroup[j]?[group] ?? 0))
        let groupCapacity = min(group < 0 ? capacity : min(left, capacity), groupSize[group]!)
        columnOf[j, default: [:]][group] = columns.count
        columns.append((j, group))
        capacities.append(groupCapacity)
        total += groupCapacity
      }
      blockers += [Int](repeating: j, count: max(0, total - capacity))
    }
    self.columns = columns
    self.capacities = capacities
    self.columnOf = columnOf
    self.menteeGroup = menteeGroup
    blockerMentor = blockers
    let range = max(scoreRange.upperBound - scoreRange.lowerBound, 1)
    blockerScore = scoreRange.upperBound + Double(cohort.mentees.count + 1) * range + 1
  }
}

extension DepartmentCapLayout {
  /// A solve of the laid-out problem in the cohort's terms: mentees only,
  /// each column mapped to its mentor, blockers dropped. Mentor prices are the
  /// highest of their groups' prices (for reference only: trade-off lines are
  /// not drawn from them).
  func mentorLevel(_ solved: CohortMatcher.Solved, mentors m: Int) -> CohortMatcher.Solved {
    let n = solved.solution.columnOfRow.count - blockerMentor.count
    var columnOfRow = [Int?](repeating: nil, count: n)
    var loads = [Int](repeating: 0, count: m)
    var total = 0.0
    var assigned = 0
    for i in 0..<n {
      guard let column = solved.solution.columnOfRow[i] else { continue }
      let mentor = columns[column].mentor
      columnOfRow[i] = mentor
      loads[mentor] += 1
      total += solved.statistics.assignedScore[i]
      assigned += 1
    }
    var prices = [Double](repeating: 0, count: m)
    for (column, entry) in columns.enumerated() {
      prices[entry.mentor] = max(prices[entry.mentor], solved.solution.columnPrices[column])
    }
    let solution = AssignmentSolution(
      columnOfRow: columnOfRow, totalScore: total, assignedCount: assigned, loads: loads,
      rowValues: Array(solved.solution.rowValues.prefix(n)), columnPrices: prices,
      cardinalityBonus: solved.solution.cardinalityBonus)
    var statistics = solved.statistics
    statistics.eligibleColumns = Array(statistics.eligibleColumns.prefix(n))
    statistics.betterColumns = Array(statistics.betterColumns.prefix(n))
    statistics.bestColumn = statistics.bestColumn.prefix(n).map { $0 < 0 ? -1 : columns[$0].mentor }
    statistics.bestScore = Array(statistics.bestScore.prefix(n))
    statistics.assignedScore = Array(statistics.assignedScore.prefix(n))
    return (solution, solved.certificate, statistics)
  }
}

/// The scores of a ``DepartmentCapLayout``: each mentee's pairs moved to its
/// department's column of each mentor, then the blockers.
struct DepartmentCapSource<Base: ScoreBlockSource>: ScoreBlockSource {
  let base: Base
  let layout: DepartmentCapLayout
  var rows: Int { base.rows + layout.blockerMentor.count }
  var columns: Int { layout.columns.count }
  var blockRows: Int { max(1, base.blockRows * max(base.columns, 1) / max(columns, 1)) }
  func withSingleThreadedFills<T>(_ body: () -> T) -> T { base.withSingleThreadedFills(body) }

  func fill(rows range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    let width = columns
    for k in 0..<(range.count * width) { buffer[k] = .nan }
    let real = range.clamped(to: 0..<base.rows)
    if !real.isEmpty {
      var scratch = [Double](repeating: 0, count: real.count * base.columns)
      scratch.withUnsafeMutableBufferPointer { base.fill(rows: real, into: $0) }
      for i in real {
        let group = layout.menteeGroup[i]
        let out = (i - range.lowerBound) * width
        let from = (i - real.lowerBound) * base.columns
        for j in 0..<base.columns { buffer[out + layout.columnOf[j]![group]!] = scratch[from + j] }
      }
    }
    for row in range where row >= base.rows {
      let mentor = layout.blockerMentor[row - base.rows]
      let out = (row - range.lowerBound) * width
      for column in layout.columnOf[mentor]!.values { buffer[out + column] = layout.blockerScore }
    }
  }
}
