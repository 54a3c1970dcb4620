import Assignment
import CompetencyModel

/// A cap on mentees per mentor per department, as a plain capacitated
/// assignment problem, so that the exact certified solver applies unchanged.
///
/// The cap is a two-level flow: mentee → (mentor `j`, department `d`) with
/// capacity `cap` → mentor `j` with capacity `k_j`. Only the levels where the
/// cap can bind become columns of their own:
///
/// - Column `j` (for `j < mentors`) is mentor `j`'s *free* column. It takes
///   mentees without a department and mentees of every department whose
///   places left at `j` (`cap` minus `j`'s required pairs from it) are at
///   least its (unfixed) mentees or `k_j` — there the cap cannot bind. Its
///   capacity is `min(k_j, mentees it can take)`.
/// - Any other department `d` gets a column (`j`, `d`) of capacity `left`;
///   its mentees reach `j` only through it. When nothing is left the pairs
///   are forbidden and no column is made.
///
/// Mentor `j`'s columns may then offer `S_j > k_j` places in all, so
/// `S_j − k_j` *blocker* rows, private to mentor `j`, take the surplus: they
/// may sit in any of `j`'s columns, and their score `H` exceeds anything a
/// swap could gain (`H > (rows + 1) · range`), so every optimum places every
/// blocker. Real mentees then hold at most `k_j` of `j`'s places and at most
/// `cap` per department: the optima correspond one to one. With departments
/// of at most `cap` mentees each, or mentors of at most `cap` places, there
/// are no extra columns and no blockers: the problem is the uncapped one.
///
/// Invariants: `columnMentor[j] == j` for `j < mentors`; each (mentor,
/// department) has at most one column; `blockerMentor` has
/// `Σ_j max(0, S_j − k_j)` entries.
///
/// - Complexity: O(`mentees + mentors · B + required`) time and memory to lay
///   out, where `B` is the number of departments with more than `cap` mentees
///   (counted only at mentors with more than `cap` places).
struct DepartmentCapLayout: Sendable {
  /// The number of mentors (and of free columns).
  let mentors: Int
  /// Each column's mentor.
  let columnMentor: [Int]
  /// Each column's capacity.
  let capacities: [Int]
  /// The department group of each mentee (-1: no department).
  let menteeGroup: [Int]
  /// For each group whose mentees do not all use the free columns: the
  /// mentors where they go elsewhere, with their column (-1: forbidden there).
  let rerouted: [Int: [(mentor: Int, column: Int)]]
  /// The columns of each mentor (its free column first).
  let mentorColumns: [[Int]]
  /// The mentor of each blocker row (blockers follow the mentees).
  let blockerMentor: [Int]
  /// The blockers' score.
  let blockerScore: Double

  /// Lays out `cohort` with `cap` mentees per mentor per department, given
  /// mentor capacities and the required pairs already fixed (`used`), which
  /// count against their department's cap and leave the problem.
  init(
    cohort: Cohort, cap: Int, capacities mentorCapacities: [Int], used: [(Int, Int)],
    scoreRange: ClosedRange<Double>
  ) {
    let m = mentorCapacities.count
    var groupIndex: [String: Int] = [:]
    var menteeGroup: [Int] = []
    menteeGroup.reserveCapacity(cohort.mentees.count)
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
    }
    // Mentees still to place, per group.
    let fixed = Set(used.map(\.0))
    var count = [Int](repeating: 0, count: groupIndex.count)
    var free = 0
    for (i, group) in menteeGroup.enumerated() where !fixed.contains(i) {
      if group >= 0 { count[group] += 1 }
      free += 1
    }
    var usedAt: [Int: [Int: Int]] = [:]
    for (i, j) in used where menteeGroup[i] >= 0 { usedAt[j, default: [:]][menteeGroup[i], default: 0] += 1 }
    for groups in usedAt.values {
      precondition(groups.values.allSatisfy { $0 <= cap }, "Required pairs exceed the department cap at a mentor")
    }
    // Groups that can exceed the cap anywhere, then the mentors where
    // required pairs leave a group fewer places.
    let large = count.indices.filter { count[$0] > cap }
    var columnMentor = Array(0..<m)
    var capacities = [Int](repeating: 0, count: m)
    var rerouted: [Int: [(mentor: Int, column: Int)]] = [:]
    var mentorColumns = (0..<m).map { [$0] }
    var blockers: [Int] = []
    for (j, capacity) in mentorCapacities.enumerated() {
      guard capacity > 0 else { continue }
      let usedHere = usedAt[j] ?? [:]
      // A group's own column only where the cap binds before the capacity does.
      var groups = cap < capacity ? large.filter { usedHere[$0] == nil } : []
      groups += usedHere.keys.sorted().filter {
        let left = cap - usedHere[$0]!
        return count[$0] > left && left < capacity
      }
      var offered = 0
      var elsewhere = 0
      for group in groups {
        elsewhere += count[group]
        let left = max(0, cap - (usedHere[group] ?? 0))
        let groupCapacity = min(left, capacity)
        if groupCapacity == 0 {
          rerouted[group, default: []].append((j, -1))
          continue
        }
        rerouted[group, default: []].append((j, columnMentor.count))
        mentorColumns[j].append(columnMentor.count)
        columnMentor.append(j)
        capacities.append(groupCapacity)
        offered += groupCapacity
      }
      capacities[j] = min(capacity, free - elsewhere)
      offered += capacities[j]
      blockers += [Int](repeating: j, count: max(0, offered - capacity))
    }
    mentors = m
    self.columnMentor = columnMentor
    self.capacities = capacities
    self.menteeGroup = menteeGroup
    self.rerouted = rerouted
    self.mentorColumns = mentorColumns
    blockerMentor = blockers
    let range = max(scoreRange.upperBound - scoreRange.lowerBound, 1)
    blockerScore = scoreRange.upperBound + Double(cohort.mentees.count + 1) * range + 1
  }
}

extension DepartmentCapLayout {
  /// A solve of the laid-out problem in the cohort's terms: mentees only,
  /// each column mapped to its mentor, blockers dropped. Mentor prices are the
  /// highest of their columns' prices (for reference only: trade-off lines are
  /// not drawn from them).
  ///
  /// - Complexity: O(`rows + columns`).
  func mentorLevel(_ solved: CohortMatcher.Solved, mentors m: Int) -> CohortMatcher.Solved {
    let n = solved.solution.columnOfRow.count - blockerMentor.count
    var columnOfRow = [Int?](repeating: nil, count: n)
    var loads = [Int](repeating: 0, count: m)
    var total = 0.0
    var assigned = 0
    for i in 0..<n {
      guard let column = solved.solution.columnOfRow[i] else { continue }
      let mentor = columnMentor[column]
      columnOfRow[i] = mentor
      loads[mentor] += 1
      total += solved.statistics.assignedScore[i]
      assigned += 1
    }
    var prices = [Double](repeating: 0, count: m)
    for (column, mentor) in columnMentor.enumerated() {
      prices[mentor] = max(prices[mentor], solved.solution.columnPrices[column])
    }
    let solution = AssignmentSolution(
      columnOfRow: columnOfRow, totalScore: total, assignedCount: assigned, loads: loads,
      rowValues: Array(solved.solution.rowValues.prefix(n)), columnPrices: prices,
      cardinalityBonus: solved.solution.cardinalityBonus)
    var statistics = solved.statistics
    statistics.eligibleColumns = Array(statistics.eligibleColumns.prefix(n))
    statistics.betterColumns = Array(statistics.betterColumns.prefix(n))
    statistics.bestColumn = statistics.bestColumn.prefix(n).map { $0 < 0 ? -1 : columnMentor[$0] }
    statistics.bestScore = Array(statistics.bestScore.prefix(n))
    statistics.assignedScore = Array(statistics.assignedScore.prefix(n))
    return (solution, solved.certificate, statistics)
  }
}

/// The scores of a ``DepartmentCapLayout``: each mentee's pairs in its
/// mentors' free columns, except where its department has a column of its
/// own (or no place left), then the blockers.
///
/// - Complexity: a fill costs the base fill plus O(`rows · columns`).
struct DepartmentCapSource<Base: ScoreBlockSource>: ScoreBlockSource {
  let base: Base
  let layout: DepartmentCapLayout
  var rows: Int { base.rows + layout.blockerMentor.count }
  var columns: Int { layout.columnMentor.count }
  var blockRows: Int { max(1, base.blockRows * max(base.columns, 1) / max(columns, 1)) }
  func withSingleThreadedFills<T>(_ body: () -> T) -> T { base.withSingleThreadedFills(body) }

  func fill(rows range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    let width = columns
    let m = base.columns
    let real = range.clamped(to: 0..<base.rows)
    if layout.rerouted.isEmpty && layout.blockerMentor.isEmpty {
      // No department needs a column of its own: the uncapped problem.
      base.fill(rows: range, into: buffer)
      return
    }
    for k in 0..<(range.count * width) { buffer[k] = .nan }
    if !real.isEmpty {
      var scratch = [Double](repeating: 0, count: real.count * m)
      scratch.withUnsafeMutableBufferPointer { base.fill(rows: real, into: $0) }
      for i in real {
        let out = (i - range.lowerBound) * width
        let from = (i - real.lowerBound) * m
        for j in 0..<m { buffer[out + j] = scratch[from + j] }
        guard let moves = layout.rerouted[layout.menteeGroup[i]] else { continue }
        for (mentor, column) in moves {
          if column >= 0 { buffer[out + column] = buffer[out + mentor] }
          buffer[out + mentor] = .nan
        }
      }
    }
    for row in range where row >= base.rows {
      let mentor = layout.blockerMentor[row - base.rows]
      let out = (row - range.lowerBound) * width
      for column in layout.mentorColumns[mentor] where layout.capacities[column] > 0 {
        buffer[out + column] = layout.blockerScore
      }
    }
  }
}
