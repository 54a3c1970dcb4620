import CKernels
import CohortGenerator
import Testing

@testable import Assignment

/// The level passes' row walks in C (`mm_level_histogram`,
/// `mm_level_regrets`, `mm_level_picks`, `mm_level_offers` and
/// `mm_level_price_row`, both the
/// run-time-chosen version and the portable one) against the Swift loops
/// they replaced, written out here, and ``LevelCounting`` against counting
/// pair by pair: the same counts, counters and lists on seeded rows with
/// ties, forbidden bytes, ineligible or closed columns, and lengths around
/// the vector width.
@Suite struct LevelRowWalkTests {
  /// A row of ranks below `levels`, forbidden with probability `forbidden`,
  /// drawn from a few ranks when `fewRanks` (long runs of ties).
  static func row(
    count: Int, levels: Int, forbidden: Double, fewRanks: Bool, using g: inout SeededRandomNumberGenerator
  ) -> [UInt8] {
    let choices = fewRanks ? [0, levels - 1, levels / 2].map { UInt8($0) } : (0..<levels).map { UInt8($0) }
    return (0..<count).map { _ in
      Double.random(in: 0..<1, using: &g) < forbidden ? LevelScores.forbidden : choices.randomElement(using: &g)!
    }
  }

  /// Lengths around multiples of 32, and one past 255 chunks of 32.
  static let lengths = Array(0...70) + [95, 96, 97, 127, 128, 129, 1000, 1023, 8160, 8191, 8200]

  /// Column `j` shut (0xFF) with probability `share`, else 0.
  static func shut(count: Int, share: Double, using g: inout SeededRandomNumberGenerator) -> [UInt8] {
    (0..<count).map { _ in Double.random(in: 0..<1, using: &g) < share ? 0xFF : 0 }
  }

  @Test func histogramsCountEveryRank() {
    var g = SeededRandomNumberGenerator(seed: 7100)
    var checked = 0
    for n in Self.lengths {
      for levels in [1, 2, 3, 5, 10, 31, 32, 33, 64] {
        let row = Self.row(
          count: n, levels: levels, forbidden: [0, 0.1, 0.9][n % 3], fewRanks: levels % 2 == 0, using: &g)
        var expected = [UInt32](repeating: 0, count: levels)
        for byte in row where Int(byte) < levels { expected[Int(byte)] += 1 }
        for portable in [false, true] {
          var counts = [UInt32](repeating: 7, count: levels)
          let counted = row.withUnsafeBufferPointer { r in
            counts.withUnsafeMutableBufferPointer { c in
              portable
                ? mm_level_histogram_portable(n, r.baseAddress, levels, c.baseAddress!)
                : mm_level_histogram(n, r.baseAddress, levels, c.baseAddress!)
            }
          }
          #expect(counts == expected, "n \(n), levels \(levels), portable \(portable)")
          #expect(counted == row.filter { Int($0) < levels }.count)
          checked += 1
        }
      }
    }
    #expect(checked == 2 * 9 * Self.lengths.count)
  }

  @Test func regretsAddToTheRightCounters() {
    var g = SeededRandomNumberGenerator(seed: 7101)
    for n in Self.lengths where n <= 1100 {
      for best in [0, 1, 9, 15, 16, 40, 63] {
        let levels = best + 1 + n % 3
        let row = Self.row(count: n, levels: min(levels, 64), forbidden: 0.15, fewRanks: n % 2 == 0, using: &g)
        let stride = n + n % 5
        // Counters start anywhere, so a wrap past 255 would show.
        let start = (0..<((best + 1) * max(stride, 1))).map { _ in UInt8.random(in: 0...255, using: &g) }
        var expected = start
        for j in 0..<n where Int(row[j]) <= best { expected[(best - Int(row[j])) * stride + j] &+= 1 }
        for portable in [false, true] {
          var acc = start
          row.withUnsafeBufferPointer { r in
            acc.withUnsafeMutableBufferPointer { a in
              if portable {
                mm_level_regrets_portable(n, r.baseAddress, best, a.baseAddress!, stride)
              } else {
                mm_level_regrets(n, r.baseAddress, best, a.baseAddress!, stride)
              }
            }
          }
          #expect(acc == expected, "n \(n), best \(best), portable \(portable)")
        }
      }
    }
  }

  /// The Swift pick loop ``LevelPruning`` had: the cyclic walk from `first`,
  /// ranks above the threshold and the first `need` at it, until `wanted`.
  static func picksReference(
    _ row: [UInt8], shut: [UInt8], first: Int, threshold: Int, need: Int, wanted: Int
  ) -> (columns: [Int32], positions: [Int32]) {
    var columns: [Int32] = []
    var positions: [Int32] = []
    var taken = 0
    guard wanted > 0 else { return ([], []) }
    let n = row.count
    var j = first
    for position in 0..<n {
      let rank = row[j]
      if rank != LevelScores.forbidden && shut[j] == 0 {
        let level = Int(rank)
        if level > threshold || (level == threshold && taken < need) {
          if level == threshold { taken += 1 }
          columns.append(Int32(j))
          positions.append(Int32(position))
          if columns.count == wanted { break }
        }
      }
      j += 1
      if j == n { j = 0 }
    }
    return (columns, positions)
  }

  @Test func picksFollowTheCyclicOrder() {
    var g = SeededRandomNumberGenerator(seed: 7102)
    var stoppedEarly = 0
    var ranOut = 0
    for n in Self.lengths where n >= 1 && n <= 1100 {
      for trial in 0..<6 {
        let levels = [10, 2, 64, 5, 10, 33][trial]
        let row = Self.row(
          count: n, levels: levels, forbidden: [0, 0.05, 0.3][trial % 3], fewRanks: trial % 2 == 1, using: &g)
        let shut = Self.shut(count: n, share: [0, 0.1, 0.5][(trial + n) % 3], using: &g)
        let first = Int.random(in: 0..<n, using: &g)
        let threshold = Int.random(in: -1..<levels, using: &g)
        let need = Int.random(in: 0...max(1, n / 4), using: &g)
        let wanted = Int.random(in: 0...max(1, n / 3), using: &g)
        let expected = Self.picksReference(
          row, shut: shut, first: first, threshold: threshold, need: need, wanted: wanted)
        if expected.columns.count == wanted { stoppedEarly += 1 } else { ranOut += 1 }
        for portable in [false, true] {
          var columns = [Int32](repeating: -1, count: max(wanted, 1))
          var positions = [Int32](repeating: -1, count: max(wanted, 1))
          let count = row.withUnsafeBufferPointer { r in
            shut.withUnsafeBufferPointer { s in
              columns.withUnsafeMutableBufferPointer { c in
                positions.withUnsafeMutableBufferPointer { p in
                  (portable ? mm_level_picks_portable : mm_level_picks)(
                    n, r.baseAddress, s.baseAddress, first, threshold, need, wanted, c.baseAddress, p.baseAddress)
                }
              }
            }
          }
          #expect(Array(columns.prefix(count)) == expected.columns, "n \(n), trial \(trial), portable \(portable)")
          #expect(Array(positions.prefix(count)) == expected.positions)
        }
      }
    }
    // Both ends of the walk occur: stopped at `wanted`, and the row exhausted.
    #expect(stoppedEarly > 50)
    #expect(ranOut > 50)
  }

  @Test func offersListTheOpenRanksFromTheFloor() {
    var g = SeededRandomNumberGenerator(seed: 7103)
    for n in Self.lengths where n <= 1100 {
      for floor in [-3, 0, 1, 5, 9, 10, 63, 64, 200] {
        let row = Self.row(count: n, levels: floor > 10 ? 64 : 10, forbidden: 0.1, fewRanks: n % 2 == 1, using: &g)
        let shut = Self.shut(count: n, share: [0, 0.2, 0.7][n % 3], using: &g)
        let expected = (0..<n).filter {
          row[$0] != LevelScores.forbidden && shut[$0] == 0 && Int(row[$0]) >= floor
        }.map { Int32($0) }
        for portable in [false, true] {
          var columns = [Int32](repeating: -1, count: max(n, 1))
          let count = row.withUnsafeBufferPointer { r in
            shut.withUnsafeBufferPointer { s in
              columns.withUnsafeMutableBufferPointer { c in
                (portable ? mm_level_offers_portable : mm_level_offers)(
                  n, r.baseAddress, s.baseAddress, floor, c.baseAddress)
              }
            }
          }
          #expect(Array(columns.prefix(count)) == expected, "n \(n), floor \(floor), portable \(portable)")
        }
      }
    }
  }

  /// ``LevelCounting`` over 600 rows (its byte counters emptied twice on the
  /// way) against counting pair by pair: each row's eligible count per rank,
  /// best rank and allowed pairs, and each eligible column's rows per regret.
  @Test(arguments: [1, 10, 64])
  func countingEqualsPairByPair(levels: Int) {
    var g = SeededRandomNumberGenerator(seed: 7104 + UInt64(levels))
    let n = 600
    let m = 77
    let ineligible = (0..<m).filter { $0 % 9 == 4 }
    let ranks = (0..<n).flatMap { i in
      Self.row(count: m, levels: levels, forbidden: i % 50 == 0 ? 1 : 0.1, fewRanks: i % 3 == 0, using: &g)
    }
    var counting = LevelCounting(levels: levels, columns: m)
    var columnCounts = [UInt32](repeating: 0, count: levels * m)
    var expectedColumns = [UInt32](repeating: 0, count: levels * m)
    var allowed = 0
    var expectedAllowed = 0
    var rowsWithoutBest = 0
    for i in 0..<n {
      let row = Array(ranks[(i * m)..<(i * m + m)])
      var expected = [Int32](repeating: 0, count: levels)
      for j in 0..<m where row[j] != LevelScores.forbidden {
        expectedAllowed += 1
        if !ineligible.contains(j) { expected[Int(row[j])] += 1 }
      }
      let expectedBest = expected.lastIndex { $0 > 0 } ?? -1
      if expectedBest >= 0 {
        for j in 0..<m where row[j] != LevelScores.forbidden && Int(row[j]) <= expectedBest {
          expectedColumns[(expectedBest - Int(row[j])) * m + j] += 1
        }
      } else {
        rowsWithoutBest += 1
      }
      var counts = [Int32](repeating: -5, count: levels)
      let best = row.withUnsafeBufferPointer { r in
        counts.withUnsafeMutableBufferPointer { c in
          columnCounts.withUnsafeMutableBufferPointer { cc in
            counting.countRow(r, into: c, ineligible: ineligible, columnCounts: cc.baseAddress!, allowed: &allowed)
          }
        }
      }
      #expect(counts == expected, "row \(i)")
      #expect(best == expectedBest, "row \(i)")
    }
    columnCounts.withUnsafeMutableBufferPointer { counting.flush(into: $0.baseAddress!) }
    #expect(allowed == expectedAllowed)
    #expect(rowsWithoutBest >= 12)
    for j in 0..<m where !ineligible.contains(j) {
      for d in 0..<levels {
        #expect(columnCounts[d * m + j] == expectedColumns[d * m + j], "column \(j), regret \(d)")
      }
    }
  }

  /// The level pricing's walk against its Swift loop: the same pairs below
  /// the margin, not listed for the row, with the same slacks bit for bit,
  /// on rows with forbidden pairs, columns of price `+∞`, slacks at the
  /// margin and negative margins.
  @Test func priceRowsListTheSameSlacks() {
    var g = SeededRandomNumberGenerator(seed: 7105)
    var listedTotal = 0
    for n in Self.lengths where n <= 1100 {
      for trial in 0..<3 {
        let levels = [10, 2, 64][trial]
        let row = Self.row(count: n, levels: levels, forbidden: 0.1, fewRanks: trial == 0, using: &g)
        var units = [Double](repeating: .infinity, count: 256)
        for rank in 0..<levels { units[rank] = (Double(levels - rank) + [0, 0.25, -7.5][trial]).rounded(.down) }
        let prices = (0..<n).map { _ -> Double in
          let u = Double.random(in: 0..<1, using: &g)
          return u < 0.05 ? .infinity : (u < 0.3 ? 0 : Double(Int.random(in: -12...12, using: &g)) * 0.5)
        }
        let rowID = 3
        let listed = (0..<n).map { _ in Int.random(in: 0..<4, using: &g) == 0 ? rowID : -1 }
        let margin = [2.0, 0, -1.5][(n + trial) % 3]
        var expectedColumns: [Int] = []
        var expectedSlacks: [UInt64] = []
        for j in 0..<n {
          let slack = units[Int(row[j])] + prices[j]
          if slack < margin && listed[j] != rowID {
            expectedColumns.append(j)
            expectedSlacks.append(slack.bitPattern)
          }
        }
        listedTotal += expectedColumns.count
        for portable in [false, true] {
          var columns = [Int](repeating: -1, count: max(n, 1))
          var slacks = [Double](repeating: .nan, count: max(n, 1))
          let count = row.withUnsafeBufferPointer { r in
            columns.withUnsafeMutableBufferPointer { c in
              slacks.withUnsafeMutableBufferPointer { s in
                (portable ? mm_level_price_row_portable : mm_level_price_row)(
                  n, r.baseAddress, units, prices, listed, rowID, margin, c.baseAddress, s.baseAddress)
              }
            }
          }
          #expect(Array(columns.prefix(count)) == expectedColumns, "n \(n), trial \(trial), portable \(portable)")
          #expect(slacks.prefix(count).map(\.bitPattern) == expectedSlacks)
        }
      }
    }
    #expect(listedTotal > 1000)
  }
}
