import CompetencyModel
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// The growth test decided while a row is read (``RowGrowth``, the rows'
/// `grows` flag) against the test it stands in for, ``CohortPeople/grows(_:_:)``
/// on the row's levels and goals placed in cohort order, on seeded files
/// whose `level:` and `goal:` columns come in any order (interleaved,
/// shuffled, in two runs, aligned or not, goals without levels and levels
/// without goals), with empty goals (NaN), goals equal to, just above and
/// just below their levels; read by the fast and by the careful path.
struct RowGrowthTests {
  /// A seeded cohort file's header and rows, and the competencies it names.
  private struct File {
    var text: String
    var keys: [String]
  }

  /// A mentees (or people) file with `rows` rows over some of `universe`'s
  /// competencies, its columns in a seeded order.
  private static func file(_ random: inout SplitMix, universe: [String], rows: Int, people: Bool) -> File {
    func shuffled(_ keys: [String]) -> [String] {
      var keys = keys
      for i in stride(from: keys.count - 1, to: 0, by: -1) { keys.swapAt(i, Int(random.next() % UInt64(i + 1))) }
      return keys
    }
    func subset(_ keys: [String], atLeastOne: Bool) -> [String] {
      let kept = keys.filter { _ in random.next() % 4 != 0 }
      return kept.isEmpty && atLeastOne ? [keys[0]] : kept
    }
    var levelKeys = subset(universe, atLeastOne: people)
    var goalKeys = subset(universe, atLeastOne: true)
    var columns: [String]
    switch random.next() % 4 {
    case 0:  // aligned runs: the usual header
      goalKeys = levelKeys.isEmpty ? goalKeys : levelKeys
      columns = levelKeys.map { "level:" + $0 } + goalKeys.map { "goal:" + $0 }
    case 1:  // two runs, each shuffled
      levelKeys = shuffled(levelKeys)
      goalKeys = shuffled(goalKeys)
      columns = levelKeys.map { "level:" + $0 } + goalKeys.map { "goal:" + $0 }
    case 2:  // goals first
      columns = goalKeys.map { "goal:" + $0 } + levelKeys.map { "level:" + $0 }
    default:  // interleaved at random
      columns = shuffled(levelKeys.map { "level:" + $0 } + goalKeys.map { "goal:" + $0 })
    }
    let fixed = people ? ["id", "name", "role", "capacity"] : ["id", "name"]
    var lines = [(fixed + columns).joined(separator: ",")]
    let levelTexts = ["", "0", "1", "2", "2.5", "3", "3.0", "4", "4.5", "5", "5.0"]
    for r in 0..<rows {
      // Levels first, so that goals can be set near them.
      var level: [String: Double] = [:]
      var cells: [String: String] = [:]
      for key in levelKeys {
        let text = levelTexts[Int(random.next() % UInt64(levelTexts.count))]
        cells["level:" + key] = text
        level[key] = text.isEmpty ? 0 : Double(text)!
      }
      // Most goals empty; a row without any goal above its levels now and then.
      let sparse = random.next() % 3 == 0
      for key in goalKeys {
        let base = level[key] ?? 0
        var goal: Double?
        switch random.next() % (sparse ? 12 : 6) {
        case 0: goal = base
        case 1: goal = max(0, base - 0.5)
        case 2: goal = min(5, base + 0.5)
        case 3: goal = Double(random.next() % 11) / 2
        default: goal = nil
        }
        cells["goal:" + key] = goal.map { CompetencyScale.format($0) } ?? ""
      }
      let role = ["mentee", "both", "mentor", "mentee"][Int(random.next() % 4)]
      let front = people ? ["p\(r)", "P \(r)", role, "2"] : ["e\(r)", "E \(r)"]
      lines.append((front + columns.map { cells[$0]! }).joined(separator: ","))
    }
    return File(text: lines.joined(separator: "\n") + "\n", keys: levelKeys + goalKeys)
  }

  @Test func theFlagIsTheGrowthTestInCohortOrder() throws {
    var random = SplitMix(seed: 16)
    let universe = (0..<11).map { "c\($0)" }
    var grown = 0
    var notGrown = 0
    var fastFiles = 0
    for trial in 0..<400 {
      let people = trial % 3 == 0
      let competencies = 1 + Int(random.next() % UInt64(universe.count))
      let file = Self.file(
        &random, universe: Array(universe[..<competencies]), rows: 1 + Int(random.next() % 60), people: people)
      // The cohort's competencies: this file's and others', in a seeded order.
      var keys = Array(Set(file.keys + ["zz", "other"])).sorted()
      for i in stride(from: keys.count - 1, to: 0, by: -1) { keys.swapAt(i, Int(random.next() % UInt64(i + 1))) }
      let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
      let side: CohortColumns.Side = people ? .people : .mentees
      var problems: [InputError] = []
      let careful = try #require(
        CohortFileParser.readCarefully(
          file.text, file: "f.csv", side: side, referenceDate: TimeZoneParser.defaultReferenceDate,
          mapping: CohortMapping(), problems: &problems))
      #expect(problems.isEmpty)
      var parsers = [careful]
      if let fast = CohortFileParser.parseWellFormed(
        file.text, file: "f.csv", side: side, referenceDate: TimeZoneParser.defaultReferenceDate,
        mapping: CohortMapping())
      {
        parsers.append(fast)
        fastFiles += 1
      }
      for parser in parsers {
        let slots = parser.slots(competencyIndex: index)
        var arena = LevelArena()
        for row in parser.rows {
          let (levels, goals) = slots.inCohortOrder(row, withGoals: true, arena: &arena)
          let expected = CohortPeople.grows(goals, levels)
          #expect(row.grows == expected, "line \(row.line) of\n\(file.text)")
          if expected { grown += 1 } else { notGrown += 1 }
        }
      }
    }
    // Both answers, on both paths.
    #expect(grown > 5000 && notGrown > 1000)
    #expect(fastFiles == 400)
  }

  @Test func rowGrowthAnswersByCompetency() {
    let goals: [Double] = [.nan, 3, 2, .nan]
    // Aligned: goal k against level k.
    let aligned = RowGrowth(levelKeys: ["a", "b", "c", "d"], goalKeys: ["a", "b", "c", "d"])
    #expect(aligned.aligned)
    #expect(!aligned.grows(levels: [5, 3, 2, 0], goals: goals))
    #expect(aligned.grows(levels: [5, 2.5, 2, 0], goals: goals))
    // Goals in another order, one without a level column (level 0).
    let crossed = RowGrowth(levelKeys: ["b", "a"], goalKeys: ["a", "b", "x", "c"])
    #expect(!crossed.aligned && crossed.levelOfGoal == [1, 0, -1, -1])
    #expect(!crossed.grows(levels: [3, 5], goals: [.nan, 3, .nan, .nan]))
    #expect(crossed.grows(levels: [3, 5], goals: [.nan, 3, 0.5, .nan]))
    #expect(crossed.grows(levels: [2.5, 5], goals: [.nan, 3, .nan, .nan]))
    #expect(!crossed.grows(levels: [3, 5], goals: [0, 0, 0, 0]))
    // No goal columns: no row grows.
    #expect(!RowGrowth().grows(levels: [0], goals: [5]))
    #expect(!RowGrowth(levelKeys: ["a"], goalKeys: []).grows(levels: [0], goals: [5]))
  }

  /// The whole reader's warnings for mentees with nothing to grow toward,
  /// against the mentees it gives: two files and one people file, with
  /// multi-select goal lists (decided on the people, not the flag), the
  /// fast path and the careful one (a quoted name sends a file there).
  @Test func theReaderWarnsTheMenteesWhoseGoalsAreNotAboveTheirLevels() throws {
    var random = SplitMix(seed: 1616)
    var warned = 0
    for trial in 0..<120 {
      let people = trial % 2 == 0
      let lists = trial % 3 == 0
      let careful = trial % 5 < 2
      let universe = (0..<(1 + Int(random.next() % 9))).map { "k\($0)" }
      var file = Self.file(&random, universe: universe, rows: 2 + Int(random.next() % 80), people: people)
      var mapping = CohortMapping()
      if lists {
        // A multi-select column at the end: a few competencies, some not in any column.
        mapping = CohortMapping(columns: ["wants": .goalList(level: 4)])
        var lines = file.text.split(separator: "\n").map(String.init)
        lines[0] += ",wants"
        for i in 1..<lines.count {
          let picks = ["", "", "k0", "k1;new", "k2|k0", "new2"][Int(random.next() % 6)]
          lines[i] += "," + picks
        }
        file.text = lines.joined(separator: "\n") + "\n"
      }
      if careful { file.text = file.text.replacingOccurrences(of: ",E 1,", with: ",\"E, 1\",") }
      if careful { file.text = file.text.replacingOccurrences(of: ",P 1,", with: ",\"P, 1\",") }
      let read =
        people
        ? try CohortReader.parse(people: file.text, file: "f.csv", mapping: mapping)
        : try CohortReader.parse(
          mentors: "id,name,capacity,level:k0\nm1,M,1,5\n", mentees: file.text, menteesFile: "f.csv", mapping: mapping)
      // A mentee grows when some goal is above the level of its competency (none for a missing goal).
      func grows(_ mentee: Mentee) -> Bool {
        zip(mentee.goals, mentee.person.levels).contains { goal, level in goal.map { $0 > level } ?? false }
      }
      let expected = zip(read.cohort.mentees, read.menteeLines).filter { !grows($0.0) }.map(\.1)
      let lines = read.warnings.filter { $0.message.contains("has no goal above") }.map(\.line)
      #expect(lines == expected, "\(file.text)")
      warned += expected.count
    }
    #expect(warned > 100)
  }
}
