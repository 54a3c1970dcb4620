import Testing
import _TestSupport

@testable import CompetencyModel

/// ``CompetencyLevels`` and ``CompetencyGoals`` against `[Double]` and
/// `[Double?]`: the same elements, equality and hashing, and copy on write
/// when many rows share one storage, as the cohort reader makes them.
@Suite struct CompetencyLevelsTests {
  /// Seeded rows of levels and goals laid out in one storage, as the
  /// reader lays them out (levels then goals per row, NaN for no goal).
  func sharedRows(seed: UInt64, rows: Int, width: Int) -> (
    storage: LevelStorage, levels: [[Double]], goals: [[Double?]]
  ) {
    var rng = SplitMix(seed: seed)
    let storage = LevelStorage(count: rows * 2 * width)
    var levels: [[Double]] = []
    var goals: [[Double?]] = []
    for r in 0..<rows {
      let row = (0..<width).map { _ in Double(Int(rng.next(upTo: 11))) / 2 }
      let goal: [Double?] = (0..<width).map { _ in rng.next(upTo: 1) < 0.3 ? nil : Double(Int(rng.next(upTo: 11))) / 2 }
      for c in 0..<width {
        storage.base[r * 2 * width + c] = row[c]
        storage.base[r * 2 * width + width + c] = goal[c] ?? .nan
      }
      levels.append(row)
      goals.append(goal)
    }
    return (storage, levels, goals)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func viewsOfSharedStorageReadAndWriteLikeArrays(seed: UInt64) {
    let width = 1 + Int(seed) * 3
    let (storage, levels, goals) = sharedRows(seed: seed, rows: 40, width: width)
    var viewsOfLevels = (0..<40).map { CompetencyLevels(storage: storage, offset: $0 * 2 * width, count: width) }
    var viewsOfGoals = (0..<40).map { CompetencyGoals(storage: storage, offset: $0 * 2 * width + width, count: width) }
    #expect(viewsOfLevels.map(Array.init) == levels)
    #expect(viewsOfGoals.map(Array.init) == goals)
    for r in 0..<40 {
      #expect(viewsOfLevels[r] == CompetencyLevels(levels[r]))
      #expect(viewsOfLevels[r].hashValue == CompetencyLevels(levels[r]).hashValue)
      #expect(viewsOfGoals[r] == CompetencyGoals(goals[r]))
      #expect(viewsOfGoals[r].hashValue == CompetencyGoals(goals[r]).hashValue)
    }
    // Writes through one view copy its row out; the storage and the other views keep their values.
    var rng = SplitMix(seed: seed &+ 100)
    var expectedLevels = levels
    var expectedGoals = goals
    for _ in 0..<200 {
      let r = Int(rng.next(upTo: 40))
      let c = Int(rng.next(upTo: Double(width)))
      let value = Double(Int(rng.next(upTo: 11))) / 2
      if rng.next(upTo: 1) < 0.5 {
        viewsOfLevels[r][c] = value
        expectedLevels[r][c] = value
      } else {
        let goal: Double? = rng.next(upTo: 1) < 0.3 ? nil : value
        viewsOfGoals[r][c] = goal
        expectedGoals[r][c] = goal
      }
    }
    #expect(viewsOfLevels.map(Array.init) == expectedLevels)
    #expect(viewsOfGoals.map(Array.init) == expectedGoals)
    let untouched = (0..<40).map { CompetencyLevels(storage: storage, offset: $0 * 2 * width, count: width) }
    #expect(untouched.map(Array.init) == levels)
    let untouchedGoals = (0..<40).map {
      CompetencyGoals(storage: storage, offset: $0 * 2 * width + width, count: width)
    }
    #expect(untouchedGoals.map(Array.init) == goals)
  }

  @Test func aCopyOfAPersonKeepsItsLevelsWhenTheOtherChanges() {
    var a = Person(id: "a", name: "A", levels: [1, 2, 3])
    let b = a
    a.levels[1] = 5
    #expect(Array(a.levels) == [1, 5, 3])
    #expect(Array(b.levels) == [1, 2, 3])
    #expect(a != b)
    var e = Mentee(person: b, goals: [4, nil, 2])
    let f = e
    e.goals[1] = 3
    e.goals[0] = nil
    #expect(Array(e.goals) == [nil, 3, 2])
    #expect(Array(f.goals) == [4, nil, 2])
    #expect(f.gap(0) == 3 && f.gap(1) == 0 && f.gap(2) == 0)
    #expect(e.gap(1) == 1)
  }

  @Test func emptyViewsAreEqualAndLiteralsMatchArrays() {
    #expect(CompetencyLevels() == [])
    #expect(CompetencyGoals() == [])
    #expect(CompetencyLevels([]).isEmpty)
    let levels: CompetencyLevels = [0.5, 4]
    #expect(levels.description == [0.5, 4.0].description)
    let goals: CompetencyGoals = [nil, 4]
    #expect(goals.description == ([nil, 4.0] as [Double?]).description)
    #expect(Set([levels, [0.5, 4], [4, 0.5]]).count == 2)
  }
}
