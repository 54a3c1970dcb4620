import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// ``PlainLineCells`` reading the cells of its ``LevelRuns`` while it splits
/// a line gives what a split without runs gives: the same lines accepted or
/// refused, the same cells (texts, columns, decimals) and, for every run,
/// the same levels read by ``PlainLineCells/quickLevels(from:count:into:empty:)``
/// (bit for bit) and the same count of them, whether the split keeps them in
/// a buffer of its own or writes them where they are then asked for. The
/// split without runs is the plain one the outcomes reader uses.
struct LevelRunsTests {
  /// Mostly levels (empty cells, one- and three-byte forms in and out of
  /// 0–5), with other decimals, text, spaces, a quote, a carriage return and
  /// non-ASCII text now and then.
  private static let levelCells = ["", "", "", "0", "3", "5", "2.5", "0.5", "5.0", "4.5", "1", "0.0"]
  private static let otherCells = [
    "6", "9", "5.5", "9.9", "10", "1.25", "-1", "+4", ".5", "5.", "1e3", "x.y", "1.x", "a.5", "1..", " 3 ", "3 ",
    "\t2.5", "abc", "é", "李雷", "2.5.1", "3,", "\"4\"", "2\r5", "0x1", "nan", "00.5", "1.",
  ]

  private struct Line {
    var text: String
    var fields: Int
    var runs: [LevelRuns.Run]
  }

  private static func randomLines(_ random: inout SplitMix) -> Line {
    let fields = 1 + Int(random.next() % 50)
    var runs: [LevelRuns.Run] = []
    for empty in [0.0, Double.nan] where random.next() % 5 != 0 {
      let first = Int(random.next() % UInt64(fields + 2))
      let count = Int(random.next() % UInt64(fields + 3))
      runs.append(LevelRuns.Run(first: first, count: count, empty: empty))
    }
    // Two runs that overlap are not what a header gives: keep the first only.
    if runs.count == 2 {
      let (a, b) = (runs[0], runs[1])
      if a.first < b.first + b.count && b.first < a.first + a.count { runs.removeLast() }
    }
    var text = ""
    for lineNumber in 0..<(1 + Int(random.next() % 3)) {
      let count = max(1, fields + [0, 0, 0, 0, 0, 0, 0, -1, 1][Int(random.next() % 9)])
      let oddness = random.next() % 4  // how often a cell is not a level
      let line = (0..<count).map { _ -> String in
        if oddness > 0 && random.next() % (8 * oddness) == 0 {
          return otherCells[Int(random.next() % UInt64(otherCells.count))]
        }
        return levelCells[Int(random.next() % UInt64(levelCells.count))]
      }.joined(separator: ",")
      text += (lineNumber > 0 ? ["\n", "\r\n"][Int(random.next() % 2)] : "") + line
    }
    if random.next() % 3 != 0 || text.isEmpty { text += ["\n", "\r\n"][Int(random.next() % 2)] }
    return Line(text: text, fields: fields, runs: runs)
  }

  /// Every row's cells, and the levels of `runs` read from them; `inPlace`:
  /// the split writes the runs' levels where they are then asked for.
  /// `after`: bytes in the buffer past the text, outside the range read
  /// (none: the bytes end where the text ends, so a run at the very end
  /// reads nothing beyond it).
  private static func read(_ line: Line, splitWith runs: LevelRuns?, inPlace: Bool = false, after: String = "")
    -> (lines: Int?, rows: [String])
  {
    var rows: [String] = []
    let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: line.text.utf8.count + after.utf8.count)
    defer { bytes.deallocate() }
    _ = bytes.initialize(from: Array(line.text.utf8) + Array(after.utf8))
    let range = 0..<line.text.utf8.count
    let values = UnsafeMutablePointer<Double>.allocate(capacity: line.fields + 2)
    defer { values.deallocate() }
    let destination = UnsafeMutablePointer<Double>.allocate(capacity: 2 * line.fields + 4)
    defer { destination.deallocate() }
    // Where the split puts each run's levels: the first run's, then the second's.
    let placed = (runs ?? LevelRuns()).within(fields: line.fields)
    func place(_ run: LevelRuns.Run) -> UnsafeMutablePointer<Double> {
      guard inPlace else { return values }
      if placed.first.matches(first: run.first, count: run.count, empty: run.empty) { return destination }
      if placed.second.matches(first: run.first, count: run.count, empty: run.empty) {
        return destination + placed.first.count
      }
      return values
    }
    func nextRow() -> UnsafeMutablePointer<Double>? { inPlace ? destination : nil }
    func visit(_ cells: PlainLineCells) -> Bool {
      var row = "line \(cells.line), \(cells.count) cells:"
      for index in 0..<cells.count {
        row += " [\(cells.value(index))] \(cells.column(index))"
        switch cells.plainDecimal(index) {
        case .empty: row += " empty"
        case .number(let value): row += " \(value.bitPattern)"
        case .other: row += " other"
        }
      }
      for run in line.runs where run.count > 0 && run.first >= 0 && run.first + run.count <= cells.count {
        values.update(repeating: -7, count: line.fields + 2)
        let into = place(run)
        let read = cells.quickLevels(from: run.first, count: run.count, into: into, empty: run.empty)
        row += " | \(run.first)+\(run.count): \(read) read:"
        for k in 0..<read { row += " \(into[k].bitPattern)" }
      }
      rows.append(row)
      return true
    }
    // Without runs: the plain split the other readers use.
    guard let runs else {
      let lines = PlainLineCells.forEachRow(
        UnsafeBufferPointer(bytes), range, fields: line.fields, firstLine: 3, visit)
      return (lines, rows)
    }
    let lines = PlainLineCells.forEachRow(
      UnsafeBufferPointer(bytes), range, fields: line.fields, firstLine: 3, runs: runs,
      runDestination: nextRow, visit)
    return (lines, rows)
  }

  /// The split's runs for a drawn line's (none, one or two) runs.
  static func levelRuns(_ runs: [LevelRuns.Run]) -> LevelRuns {
    switch runs.count {
    case 0: LevelRuns()
    case 1: LevelRuns(runs[0])
    default: LevelRuns(runs[0], runs[1])
    }
  }

  @Test func levelsReadWhileSplittingAreThoseReadAfterwards() {
    var random = SplitMix(seed: 77)
    var runsRead = 0
    for _ in 0..<6000 {
      let line = Self.randomLines(&random)
      let runs = Self.levelRuns(line.runs)
      let plain = Self.read(line, splitWith: nil)
      #expect(Self.read(line, splitWith: LevelRuns()) == plain, "\(line.text.debugDescription)")
      let fused = Self.read(line, splitWith: runs)
      #expect(fused.lines == plain.lines, "\(line.text.debugDescription)")
      #expect(fused.rows == plain.rows, "\(line.text.debugDescription)")
      let inPlace = Self.read(line, splitWith: runs, inPlace: true)
      #expect(inPlace.lines == plain.lines, "\(line.text.debugDescription)")
      #expect(inPlace.rows == plain.rows, "\(line.text.debugDescription)")
      if fused.lines != nil && !line.runs.isEmpty { runsRead += 1 }
    }
    // The draws reach the runs often (not only lines refused before them).
    #expect(runsRead > 1000)
  }

  /// The split reads a run's cells four bytes at a time where the buffer
  /// has them, past the line's end too: whatever lies after the range read
  /// (levels, commas, line ends), and wherever the buffer ends, the lines,
  /// cells and levels are those of the plain split of the text alone.
  @Test func bytesAfterTheRangeAreNeverRead() {
    var random = SplitMix(seed: 0xC0_4E76)
    let tails = ["", ",", "5", ",5", "5,", ".5", "2.5", ",2.5,", "\n", "\r\n", ",,,,", "0.5,1,2", "9.9", "x"]
    var runsRead = 0
    for _ in 0..<4000 {
      let line = Self.randomLines(&random)
      let runs = Self.levelRuns(line.runs)
      let plain = Self.read(line, splitWith: nil)
      let after = tails[Int(random.next() % UInt64(tails.count))] + tails[Int(random.next() % UInt64(tails.count))]
      #expect(Self.read(line, splitWith: nil, after: after) == plain, "\(line.text.debugDescription)")
      let fused = Self.read(line, splitWith: runs, after: after)
      #expect(fused.lines == plain.lines, "\(line.text.debugDescription) + \(after.debugDescription)")
      #expect(fused.rows == plain.rows, "\(line.text.debugDescription) + \(after.debugDescription)")
      let inPlace = Self.read(line, splitWith: runs, inPlace: true, after: after)
      #expect(inPlace.rows == plain.rows, "\(line.text.debugDescription) + \(after.debugDescription)")
      if fused.lines != nil && !line.runs.isEmpty { runsRead += 1 }
    }
    #expect(runsRead > 1000)
  }

  /// Lines shaped like a cohort's goal columns and level columns: streaks
  /// of empty cells (up to 20 long, so the split's eight-at-once step meets
  /// streaks shorter, as long as and longer than eight, and streaks that
  /// reach the line's end), between `d` and `d.d` levels in random order,
  /// with a cell that is not a level now and then (`9.9`, `5.5`, `10`, text,
  /// a quote); empty cells at both ends; `\n` or `\r\n` line ends, the
  /// last line without one at times.
  private static func streakyLines(_ random: inout SplitMix) -> Line {
    let fields = 1 + Int(random.next() % 90)
    var runs: [LevelRuns.Run] = []
    for empty in [0.0, Double.nan] where random.next() % 4 != 0 {
      let first = Int(random.next() % UInt64(fields + 1))
      let count = Int(random.next() % UInt64(fields + 2))
      runs.append(LevelRuns.Run(first: first, count: count, empty: empty))
    }
    if runs.count == 2 {
      let (a, b) = (runs[0], runs[1])
      if a.first < b.first + b.count && b.first < a.first + a.count { runs.removeLast() }
    }
    let levels = ["0", "1", "2", "3", "4", "5", "0.0", "0.5", "1.5", "2.5", "4.5", "5.0"]
    let others = ["9.9", "5.5", "6", "10", "5.1", "x", "\"1\"", "1.x", ".5", "2,5"]
    var text = ""
    for lineNumber in 0..<(1 + Int(random.next() % 3)) {
      let count = max(1, fields + [0, 0, 0, 0, 0, -1, 1, -3][Int(random.next() % 8)])
      var cells: [String] = []
      while cells.count < count {
        let streak = Int(random.next() % 21)
        cells += Array(repeating: "", count: min(streak, count - cells.count))
        guard cells.count < count else { break }
        cells.append(
          random.next() % 40 == 0
            ? others[Int(random.next() % UInt64(others.count))] : levels[Int(random.next() % UInt64(levels.count))])
      }
      text += (lineNumber > 0 ? ["\n", "\r\n"][Int(random.next() % 2)] : "") + cells.joined(separator: ",")
    }
    if random.next() % 3 != 0 { text += ["\n", "\r\n"][Int(random.next() % 2)] }
    return Line(text: text, fields: fields, runs: runs)
  }

  /// On lines with long streaks of empty cells between `d` and `d.d`
  /// levels (``streakyLines(_:)``), with and without bytes after the range
  /// read, the split reading the runs gives the lines, cells, columns,
  /// decimals and levels of the plain split.
  @Test func streaksOfEmptyCellsAndMixedLevelsAreReadAsThePlainSplitReadsThem() {
    var random = SplitMix(seed: 0x57_4EA4)
    let tails = ["", ",", ",,,,,,,,,,", "5,", ",2.5,", "\n", "\r\n", "\n,,,,,,,,,,,,", "x"]
    var longStreaksRead = 0
    for _ in 0..<4000 {
      let line = Self.streakyLines(&random)
      let runs = Self.levelRuns(line.runs)
      let plain = Self.read(line, splitWith: nil)
      let after = tails[Int(random.next() % UInt64(tails.count))]
      for after in ["", after] {
        let fused = Self.read(line, splitWith: runs, after: after)
        #expect(fused.lines == plain.lines, "\(line.text.debugDescription) + \(after.debugDescription)")
        #expect(fused.rows == plain.rows, "\(line.text.debugDescription) + \(after.debugDescription)")
        let inPlace = Self.read(line, splitWith: runs, inPlace: true, after: after)
        #expect(inPlace.lines == plain.lines, "\(line.text.debugDescription) + \(after.debugDescription)")
        #expect(inPlace.rows == plain.rows, "\(line.text.debugDescription) + \(after.debugDescription)")
      }
      if plain.lines != nil && !line.runs.isEmpty && line.text.contains(",,,,,,,,,") { longStreaksRead += 1 }
    }
    // Many lines read have streaks of eight empty cells or more.
    #expect(longStreaksRead > 1000)
  }

  /// Every `d.d` level from 0.0 to 5.0 (the split reads it from
  /// ``LevelRuns/tenths()``) is the double the plain split and the careful
  /// path's ``DecimalParser`` give, and the first `d.d` above 5 ends the run.
  @Test func everyTenthIsReadAsTheCarefulPathReadsIt() {
    let texts = (0..<LevelRuns.tenthsCount).map { "\($0 / 10).\($0 % 10)" }
    for (stop, tail) in [(51, ""), (51, ",5.1"), (51, ",9.9"), (50, "")] {
      let cells = Array(texts.prefix(stop))
      let text = cells.joined(separator: ",") + tail + "\n"
      let fields = cells.count + (tail.isEmpty ? 0 : 1)
      let line = Line(text: text, fields: fields, runs: [LevelRuns.Run(first: 0, count: fields, empty: 0)])
      let plain = Self.read(line, splitWith: nil)
      #expect(Self.read(line, splitWith: LevelRuns(line.runs[0])) == plain)
      #expect(Self.read(line, splitWith: LevelRuns(line.runs[0]), inPlace: true) == plain)
      let expected = cells.map { DecimalParser.parse($0)!.bitPattern.description }.joined(separator: " ")
      #expect(plain.rows.count == 1)
      #expect(plain.rows.first?.hasSuffix("| 0+\(fields): \(cells.count) read: \(expected)") == true)
    }
    let table = LevelRuns.tenths()
    defer { table.deallocate() }
    for dd in 0..<LevelRuns.tenthsCount {
      #expect(table[dd].bitPattern == DecimalParser.parse("\(dd / 10).\(dd % 10)")!.bitPattern)
    }
  }

  @Test func runsAreKeptInOrderAndWithinTheLine() {
    let level = LevelRuns.Run(first: 8, count: 64, empty: 0)
    let goal = LevelRuns.Run(first: 72, count: 64, empty: .nan)
    let runs = LevelRuns(goal, level)
    #expect(runs.first.first == 8 && runs.second.first == 72)
    #expect(runs.first.matches(first: 8, count: 64, empty: 0))
    #expect(!runs.first.matches(first: 8, count: 64, empty: .nan))
    #expect(runs.second.matches(first: 72, count: 64, empty: .nan))
    #expect(!runs.second.matches(first: 72, count: 63, empty: .nan))
    let within = runs.within(fields: 100)
    #expect(within.first.first == 8 && within.second.count == 0)
    #expect(LevelRuns(LevelRuns.Run(first: -1, count: 4, empty: 0)).first.count == 0)
  }
}
