/// The growth test of a cohort file's rows, decided as they are read (the
/// fast path's `parseChunk` right after each row, the careful path in one
/// pass after the file):
/// whether some `goal:` cell's value is above the level of the same
/// competency in that row (its `level:` cell, or 0 when the file has no
/// `level:` column of it; a missing goal, NaN, is above none).
///
/// It is the answer ``CohortPeople/grows(_:_:)`` gives on the row's levels
/// and goals placed in cohort order (``CohortFileParser/Slots/inCohortOrder(of:withGoals:arena:)``)
/// whenever the row lists no goals in multi-select columns: that placing
/// puts each column's value at its competency's slot, a level 0 where the
/// file has no `level:` column and NaN where it has no `goal:` column, and
/// competencies of other files get level 0 and no goal; so the test per
/// competency is the same, whatever the order of either file's columns.
/// On the fast path it reads the values just written into the row's arena
/// place (still in the cache), and spares the build of the people a second
/// pass over every mentee's row in the arena (`RowGrowthTests` compares the
/// two tests).
struct RowGrowth: Sendable {
  /// For each `goal:` column, in header order, the index among the `level:`
  /// columns of the same competency, or −1 when there is none.
  private(set) var levelOfGoal: [Int] = []
  /// Whether `goal:` column `k` and `level:` column `k` are of the same
  /// competency for every `goal:` column (the usual header: then the test
  /// compares the two runs of values pairwise, in vector registers).
  private(set) var aligned = true
  /// The number of `goal:` columns (`levelOfGoal.count`, kept apart so
  /// that the test of an aligned row never reads the array).
  private(set) var count = 0

  /// No `goal:` columns: no row grows.
  init() {}

  /// The test of a file whose `level:` and `goal:` columns are of the
  /// competencies `levelKeys` and `goalKeys`, in header order (each key at
  /// most once in each list).
  ///
  /// - Complexity: O(`levelKeys.count + goalKeys.count`).
  init(levelKeys: [String], goalKeys: [String]) {
    var levelIndex: [String: Int] = [:]
    for (index, key) in levelKeys.enumerated() where levelIndex[key] == nil { levelIndex[key] = index }
    levelOfGoal = goalKeys.map { levelIndex[$0] ?? -1 }
    aligned = levelOfGoal.enumerated().allSatisfy { $0.offset == $0.element }
    count = goalKeys.count
  }

  /// The test of the file whose header gave `columns`.
  ///
  /// - Complexity: O(`level:` and `goal:` columns).
  init(_ columns: CohortColumns) {
    self.init(levelKeys: columns.levels.map(\.key), goalKeys: columns.goals.map(\.key))
  }

  /// Whether some goal of the row is above its competency's level: `goals`
  /// holds one value per `goal:` column (NaN: none), `levels` one per
  /// `level:` column, in header order.
  ///
  /// - Complexity: O(`goal:` columns).
  @inline(__always)
  func grows(levels: UnsafePointer<Double>, goals: UnsafePointer<Double>) -> Bool {
    let count = self.count
    if count == 0 { return false }
    if aligned { return CohortPeople.isAnyAbove(goals, levels, count: count) }
    return levelOfGoal.withUnsafeBufferPointer { levelOfGoal in
      for k in 0..<count {
        let level = levelOfGoal[k] >= 0 ? levels[levelOfGoal[k]] : 0
        if goals[k] > level { return true }
      }
      return false
    }
  }
}

extension CohortFileParser {
  /// Sets every row's `grows` (``RowGrowth``) from its levels and goals:
  /// the careful path's rows, once the whole file is read (the fast path
  /// decides each row as it reads it).
  ///
  /// - Complexity: O(rows × `goal:` columns).
  mutating func decideGrowth() {
    let growth = RowGrowth(columns)
    guard growth.count > 0 else { return }
    for index in rows.indices {
      // (A row's levels are its person's until the build takes the person.)
      guard let levels = rows[index].person?.levels else { continue }
      let grows = levels.withUnsafeBufferPointer { levels in
        rows[index].goals.withUnsafeStoredValues { goals in
          growth.grows(levels: levels.baseAddress ?? UnsafePointer(goals.baseAddress!), goals: goals.baseAddress!)
        }
      }
      rows[index].grows = grows
    }
  }
}
