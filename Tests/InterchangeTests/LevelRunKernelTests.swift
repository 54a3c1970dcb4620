import CKernels
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// `CKernels`' `mm_level_run` (the run-time-chosen version, AVX2 on x86-64
/// machines that have it, and the portable one) against the Swift loop it
/// replaced in ``PlainLineCells/readRun(_:from:end:count:into:empty:tenths:starts:)``,
/// written out here: the same stopping offset, count of cells, `finished`,
/// values (bit for bit) and starts, on seeded runs of empty, `d` and `d.d`
/// cells with cells that end a run (`5.1`, `9.9`, `10`, text, a quote, a
/// carriage return), runs that end the line or stop inside it, runs
/// shorter and longer than a 32-byte window; nothing written past the
/// cells read, and no byte read past the line's end (the line's last byte
/// is the last readable byte before an unmapped page, at times).
struct LevelRunKernelTests {
  /// The Swift loop of `PlainLineCells.readRun` before `mm_level_run`
  /// (the fifteenth session's, at 5c3b30b), unchanged but for its name. It
  /// writes values and starts past the cells read at times (eight at once),
  /// and no start for a cell that ends the line.
  static func swiftReadRun(
    _ base: UnsafePointer<UInt8>, from start: Int, end: Int, count: Int, into values: UnsafeMutablePointer<Double>,
    empty: Double, tenths: UnsafePointer<Double>, starts: UnsafeMutablePointer<Int>
  ) -> (index: Int, read: Int, finished: Bool) {
    let comma = CSVTokenizer.comma
    let zero = UInt8(ascii: "0")
    let dot = UInt8(ascii: ".")
    let raw = UnsafeRawPointer(base)
    var index = start
    var k = 0
    while true {
      let limit = min(count, k &+ (end &- index) &>> 2)
      guard k < limit else { break }
      repeat {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt32.self)
        if UInt8(truncatingIfNeeded: word) == comma {
          if k &+ 8 <= count && index &+ 8 <= end {
            let others = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x2C2C_2C2C_2C2C_2C2C
            let empties = others.trailingZeroBitCount &>> 3
            for i in 0..<8 {
              values[k &+ i] = empty
              starts[k &+ i] = index &+ i &+ 1
            }
            k &+= empties
            index &+= empties
          } else {
            values[k] = empty
            index &+= 1
            starts[k] = index
            k &+= 1
          }
          continue
        }
        let long = (word &>> 9) & 1
        let shape = 0x2C00 &+ long &* 0x2C00_0200
        let mask = 0xFF00 | long &* 0xFF00_0000
        let whole = Int(UInt8(truncatingIfNeeded: word) &- zero)
        let tenth = Int(UInt8(truncatingIfNeeded: word &>> 16) &- zero) & (0 &- Int(long))
        let dd = whole &* 10 &+ tenth
        guard word & mask == shape, tenth < 10, dd < LevelRuns.tenthsCount else {
          return (index, k, false)
        }
        values[k] = tenths[dd]
        index &+= 2 &+ Int(long &<< 1)
        starts[k] = index
        k &+= 1
      } while k < limit
    }
    while k < count {
      var length = 0
      if index < end && base[index] != comma {
        let whole = base[index] &- zero
        if index &+ 1 == end || base[index &+ 1] == comma {
          guard whole <= 5 else { break }
          values[k] = tenths[Int(whole) &* 10]
          length = 1
        } else {
          guard whole < 10, index &+ 3 <= end, base[index &+ 1] == dot,
            index &+ 3 == end || base[index &+ 3] == comma
          else { break }
          let tenth = base[index &+ 2] &- zero
          let dd = Int(whole) &* 10 &+ Int(tenth)
          guard tenth < 10, dd < LevelRuns.tenthsCount else { break }
          values[k] = tenths[dd]
          length = 3
        }
      } else {
        values[k] = empty
      }
      k &+= 1
      if index &+ length == end { return (end, k, true) }
      index &+= length &+ 1
      starts[k &- 1] = index
    }
    return (index, k, false)
  }

  /// Pages of which the last is unmapped: bytes placed to end at `limit`
  /// are followed by no readable byte.
  final class GuardedBuffer {
    let base: UnsafeMutablePointer<UInt8>
    let size: Int
    let limit: Int
    init() {
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      size = 3 * page
      let memory = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)!
      precondition(memory != MAP_FAILED)
      base = memory.assumingMemoryBound(to: UInt8.self)
      limit = 2 * page
      precondition(mprotect(base + limit, page, PROT_NONE) == 0)
    }
    deinit { munmap(base, size) }
  }

  /// A line of a run's cells (streaks of empty cells, `d` and `d.d` levels,
  /// now and then a cell that is not a level), its cells' starts, and the
  /// bytes that may follow it in a buffer.
  static func line(_ random: inout SplitMix) -> (text: [UInt8], cellStarts: [Int], after: [UInt8]) {
    let levels = ["0", "1", "2", "3", "4", "5", "0.0", "0.5", "1.5", "2.5", "4.5", "5.0", "3.0"]
    let others = [
      "9.9", "5.1", "5.5", "6", "9", "10", "x", "\"1\"", "1.x", ".5", "5.", "2\r", "\r", " 3", "1..", "a.5", "0.55",
      "é",
    ]
    let cellCount = Int(random.next() % 140)
    let oddness = random.next() % 4  // 0: no cell that is not a level
    let emptiness = random.next() % 4  // how long the streaks of empty cells are
    var cells: [String] = []
    while cells.count <= cellCount {
      if emptiness > 0 && random.next() % 3 == 0 {
        let streak = Int(random.next() % (12 * emptiness))
        cells += Array(repeating: "", count: streak)
        continue
      }
      if oddness > 0 && random.next() % (16 * oddness) == 0 {
        cells.append(others[Int(random.next() % UInt64(others.count))])
      } else {
        cells.append(levels[Int(random.next() % UInt64(levels.count))])
      }
    }
    var text: [UInt8] = []
    var starts: [Int] = []
    for (n, cell) in cells.enumerated() {
      if n > 0 { text.append(UInt8(ascii: ",")) }
      starts.append(text.count)
      text += Array(cell.utf8)
    }
    let tails = [
      "", "\n", "\r\n", "\n5,5,5,5", "\r\n,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,", ",2.5", "5", ".5,", ",,,,",
    ]
    return (text, starts, Array(tails[Int(random.next() % UInt64(tails.count))].utf8))
  }

  /// A run reader: base, start, end, count, values, empty, tenths, starts.
  typealias Reader = (
    UnsafePointer<UInt8>, Int, Int, Int, UnsafeMutablePointer<Double>, Double, UnsafePointer<Double>,
    UnsafeMutablePointer<Int>
  ) -> (index: Int, read: Int, finished: Bool)

  struct Found: Equatable {
    var index: Int
    var read: Int
    var finished: Bool
    var values: [UInt64]
    var starts: [Int]
  }

  /// Runs `read` on `text` placed in `buffer` (at its unmapped page when
  /// `atEnd`, else followed by `after`), from cell `first` for `count` cells.
  static func run(
    _ buffer: GuardedBuffer, _ text: [UInt8], after: [UInt8], atEnd: Bool, start: Int, count: Int, empty: Double,
    tenths: UnsafePointer<Double>,
    _ read: Reader
  ) -> (found: Found, untouchedAfter: Bool) {
    let bytes = atEnd ? text : text + after
    let origin = buffer.base + (buffer.limit - bytes.count)
    origin.update(from: bytes, count: bytes.count)
    let room = count + 16
    let values = UnsafeMutablePointer<Double>.allocate(capacity: room)
    defer { values.deallocate() }
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: room)
    defer { starts.deallocate() }
    values.initialize(repeating: -7, count: room)
    starts.initialize(repeating: -7, count: room)
    let result = read(origin, start, text.count, count, values, empty, tenths, starts)
    // Starts compared but for a cell that ends the line (the Swift loop wrote none).
    let compared = result.finished ? result.read - 1 : result.read
    let found = Found(
      index: result.index, read: result.read, finished: result.finished,
      values: (0..<result.read).map { values[$0].bitPattern }, starts: (0..<compared).map { starts[$0] })
    let untouched =
      (result.read..<room).allSatisfy { values[$0] == -7 && starts[$0] == -7 }
      && (!result.finished || starts[result.read - 1] == text.count + 1)
    return (found, untouched)
  }

  @Test func theKernelReadsRunsAsTheSwiftLoopDid() {
    var random = SplitMix(seed: 0x1E7E_1C0E)
    let buffer = GuardedBuffer()
    let tenths = LevelRuns.tenths()
    defer { tenths.deallocate() }
    var finished = 0
    var stopped = 0
    var long = 0
    var atTheGuard = 0
    let dispatched: Reader = {
      let r = mm_level_run($0, $1, $2, $3, $4, $5, $6, $7)
      return (r.index, r.read, r.finished != 0)
    }
    let portable: Reader = {
      let r = mm_level_run_portable($0, $1, $2, $3, $4, $5, $6, $7)
      return (r.index, r.read, r.finished != 0)
    }
    for _ in 0..<20_000 {
      let (text, cellStarts, after) = Self.line(&random)
      let first = Int(random.next() % UInt64(cellStarts.count))
      // Runs shorter than the line, as long, and longer (the line ends in the run).
      let count = Int(random.next() % UInt64(cellStarts.count - first + 6))
      let empty = random.next() % 2 == 0 ? 0.0 : Double.nan
      let atEnd = random.next() % 2 == 0
      let start = cellStarts[first]
      let swift = Self.run(
        buffer, text, after: after, atEnd: false, start: start, count: count, empty: empty, tenths: tenths,
        Self.swiftReadRun)
      for read in [dispatched, portable] {
        let c = Self.run(
          buffer, text, after: after, atEnd: atEnd, start: start, count: count, empty: empty, tenths: tenths, read)
        #expect(
          c.found == swift.found, "\(String(decoding: text, as: UTF8.self).debugDescription) from \(start), \(count)")
        #expect(c.untouchedAfter, "\(String(decoding: text, as: UTF8.self).debugDescription) from \(start), \(count)")
      }
      if swift.found.finished { finished += 1 }
      if !swift.found.finished && swift.found.read < count { stopped += 1 }
      if swift.found.read >= 40 { long += 1 }
      if atEnd && swift.found.finished { atTheGuard += 1 }
    }
    // The draws reach every way a run ends, and long runs.
    #expect(
      finished > 3000 && stopped > 2000 && long > 2000 && atTheGuard > 1500,
      "finished \(finished), stopped \(stopped), long \(long), at the guard \(atTheGuard)")
  }

  /// Every level from `0.0` to `5.0` and every `d` from 0 to 5 read as the
  /// table's doubles, at every offset of a window; `5.1`, `6`, `9.9`, `10`
  /// end the run there, and so do `2.` and `0.x`; without them the run ends the line.
  @Test func everyLevelAndEveryRefusalAtEveryOffset() {
    let buffer = GuardedBuffer()
    let tenths = LevelRuns.tenths()
    defer { tenths.deallocate() }
    let texts = (0..<LevelRuns.tenthsCount).map { "\($0 / 10).\($0 % 10)" } + (0...5).map { "\($0)" }
    for lead in 0..<40 {
      for (n, level) in texts.enumerated() {
        for stop in ["5.1", "6", "9.9", "10", "2.", "", "0.x"] {
          let cells = Array(repeating: "", count: lead) + [level] + (stop.isEmpty ? [] : [stop, "1"])
          let text = Array(cells.joined(separator: ",").utf8)
          for read in [0, 1] {
            let values = UnsafeMutablePointer<Double>.allocate(capacity: 64)
            defer { values.deallocate() }
            let starts = UnsafeMutablePointer<Int>.allocate(capacity: 64)
            defer { starts.deallocate() }
            let origin = buffer.base + (buffer.limit - text.count)
            origin.update(from: text, count: text.count)
            let r =
              read == 0
              ? mm_level_run(origin, 0, text.count, 60, values, .nan, tenths, starts)
              : mm_level_run_portable(origin, 0, text.count, 60, values, .nan, tenths, starts)
            let expected = n < LevelRuns.tenthsCount ? tenths[n] : Double(n - LevelRuns.tenthsCount)
            #expect(r.read == lead + 1)
            #expect(values[lead].bitPattern == expected.bitPattern)
            #expect((0..<lead).allSatisfy { values[$0].isNaN })
            #expect((r.finished != 0) == stop.isEmpty)
            #expect(r.index == (stop.isEmpty ? text.count : text.count - stop.utf8.count - 2))
          }
        }
      }
    }
  }
}
