import CKernels
import CohortGenerator
import Testing
import _TestSupport

@testable import Assignment

/// The passes' row walks in C (`mm_price_row`, `mm_certificate_row`,
/// `mm_prune_row`, both the run-time-chosen version and the portable one)
/// against the Swift loops they replaced, written out here: the same counts, best column,
/// floors, grid flag and listed pairs, bit for bit, on seeded rows with
/// ties, signed zeros, forbidden pairs, closed columns, extreme magnitudes
/// and lengths around the vector width.
@Suite struct PassRowWalkTests {
  /// A row of scores of one of several kinds, NaN (forbidden) now and then.
  static func row(count: Int, kind: Int, using g: inout SplitMix) -> [Double] {
    (0..<count).map { _ in
      if g.next(upTo: 1) < 0.12 { return .nan }
      switch kind {
      case 0: return g.next(upTo: 5).rounded(.down)  // many ties
      case 1: return g.next(upTo: 10)
      case 2: return g.next(upTo: 1) < 0.5 ? 0.0 : -0.0
      case 3:
        return [Double.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0x1p-1074, 1e300, -1e-300][
          Int(g.next(upTo: 5))]
      default: return (g.next(upTo: 64).rounded(.down) - 32) * 0.125
      }
    }
  }

  struct PriceFound: Equatable {
    var allowed = 0
    var eligible = 0
    var better = 0
    var bestColumn = -1
    var floor = UInt64(0)
    var onGrid = true
    var below: [Int] = []
    var belowSlack: [UInt64] = []
  }

  /// The full loop of the pricing pass with fast units, as it was in Swift.
  static func priceReference(_ s: [Double], open: [Double], terms t: mm_price_terms) -> PriceFound {
    var found = PriceFound()
    var bestScore = Double.nan
    var floor = Double.infinity
    for j in s.indices {
      let s = s[j]
      if s.isNaN { continue }
      found.allowed += 1
      guard !open[j].isNaN else { continue }
      found.eligible += 1
      if t.sign * s > t.better_than { found.better += 1 }
      if found.bestColumn < 0 || t.sign * s > t.sign * bestScore {
        found.bestColumn = j
        bestScore = s
      }
      let x = (t.anchor - t.sign * s) * t.inverse
      let units = x < 0x1p52 ? (x + 0x1p52) - 0x1p52 : x.rounded()
      if found.onGrid && t.anchor - units * t.quantum != t.sign * s { found.onGrid = false }
      let slack = units + t.offset + open[j]
      if slack < t.margin {
        found.below.append(j)
        found.belowSlack.append(slack.bitPattern)
      } else if slack < floor {
        floor = slack
      }
    }
    found.floor = floor.bitPattern
    return found
  }

  static func price(_ s: [Double], open: [Double], terms: mm_price_terms, portable: Bool) -> PriceFound {
    var t = terms
    var result = mm_price_row_result()
    var columns = [Int](repeating: -1, count: max(s.count, 1))
    var slacks = [Double](repeating: .nan, count: max(s.count, 1))
    s.withUnsafeBufferPointer { s in
      open.withUnsafeBufferPointer { open in
        columns.withUnsafeMutableBufferPointer { columns in
          slacks.withUnsafeMutableBufferPointer { slacks in
            if portable {
              mm_price_row_portable(
                s.count, s.baseAddress, open.baseAddress, &t, columns.baseAddress, slacks.baseAddress, &result)
            } else {
              mm_price_row(
                s.count, s.baseAddress, open.baseAddress, &t, columns.baseAddress, slacks.baseAddress, &result)
            }
          }
        }
      }
    }
    return PriceFound(
      allowed: result.allowed, eligible: result.eligible, better: result.better, bestColumn: result.best_column,
      floor: result.floor.bitPattern, onGrid: result.on_grid != 0, below: Array(columns[0..<result.below]),
      belowSlack: slacks[0..<result.below].map(\.bitPattern))
  }

  @Test func thePriceWalkEqualsTheSwiftLoopBitForBit() {
    var g = SplitMix(seed: 91)
    var listedSome = 0
    var offGrid = 0
    for trial in 0..<3_000 {
      let count = trial < 42 ? trial : Int(g.next(upTo: 70))
      let kind = trial % 5
      let s = Self.row(count: count, kind: kind, using: &g)
      let open = (0..<count).map { _ in g.next(upTo: 1) < 0.15 ? Double.nan : g.next(upTo: 40).rounded(.down) }
      let sign = trial % 2 == 0 ? 1.0 : -1.0
      let quantum = [1.0, 0.125, 0.3, 0x1p-20][trial % 4]
      let terms = mm_price_terms(
        sign: sign, anchor: kind == 3 ? 0 : 12, inverse: 1 / quantum, quantum: quantum,
        offset: g.next(upTo: 60).rounded(.down) - 50, margin: g.next(upTo: 8).rounded(.down),
        better_than: g.next(upTo: 6) - 1)
      let expected = Self.priceReference(s, open: open, terms: terms)
      #expect(Self.price(s, open: open, terms: terms, portable: false) == expected, "trial \(trial)")
      #expect(Self.price(s, open: open, terms: terms, portable: true) == expected, "trial \(trial)")
      if !expected.below.isEmpty { listedSome += 1 }
      if !expected.onGrid { offGrid += 1 }
    }
    // The sweep reaches both sides of the margin and of the grid.
    #expect(listedSome > 500 && offGrid > 500)
  }

  struct CertificateFound: Equatable {
    var floor = UInt64(0)
    var listed: [Int] = []
  }

  /// The certificate walk with a summary, as it was in Swift: the least slack
  /// outside the excluded columns, and the pairs that went past the bound's test.
  static func certificateReference(
    _ s: [Double], filterPrices: [Double], terms t: mm_certificate_terms, excluded: [Int]?, row: Int
  ) -> CertificateFound {
    var found = CertificateFound()
    var least = Double.infinity
    for j in s.indices {
      let a = t.sign * s[j] + t.bonus
      let slack = (t.value + filterPrices[j]) - a
      if let excluded, excluded[j] != row { least = min(least, slack) }
      if slack > t.bound { continue }
      guard !s[j].isNaN else { continue }
      found.listed.append(j)
    }
    found.floor = (excluded == nil ? 7.0 : least).bitPattern
    return found
  }

  static func certificate(
    _ s: [Double], filterPrices: [Double], terms: mm_certificate_terms, excluded: [Int]?, row: Int, portable: Bool
  ) -> CertificateFound {
    var t = terms
    var floor = 7.0
    var listed = [Int](repeating: -1, count: max(s.count, 1))
    let walk = portable ? mm_certificate_row_portable : mm_certificate_row
    // One entry more, so that the buffer has an address even for an empty row.
    let excludedCopy = (excluded ?? []) + [-1]
    let count = s.withUnsafeBufferPointer { s in
      filterPrices.withUnsafeBufferPointer { filterPrices in
        excludedCopy.withUnsafeBufferPointer { excludedColumns in
          listed.withUnsafeMutableBufferPointer { listed in
            walk(
              s.count, s.baseAddress, filterPrices.baseAddress, &t, excluded == nil ? nil : excludedColumns.baseAddress,
              row, &floor, listed.baseAddress)
          }
        }
      }
    }
    return CertificateFound(floor: floor.bitPattern, listed: Array(listed[0..<count]))
  }

  @Test func theCertificateWalkEqualsTheSwiftLoopBitForBit() {
    var g = SplitMix(seed: 92)
    var negativeZeroFloors = 0
    var listedSome = 0
    for trial in 0..<3_000 {
      let count = trial < 42 ? trial : Int(g.next(upTo: 70))
      let kind = trial % 5
      let s = Self.row(count: count, kind: kind, using: &g)
      // +∞ for a column without places; −0 and +0 prices with a row value of
      // −0 reach a slack of −0 (y + p = −0, a = +0 when the bonus is 0).
      let filterPrices = (0..<count).map { _ in
        g.next(upTo: 1) < 0.1 ? Double.infinity : g.next(upTo: 1) < 0.3 ? -0.0 : g.next(upTo: 4).rounded(.down)
      }
      let value = [0.0, -0.0, 2, 5.5][trial % 4]
      let terms = mm_certificate_terms(
        sign: trial % 2 == 0 ? 1 : -1, bonus: trial % 3 == 0 ? 0 : 3, value: value,
        bound: trial % 7 == 0 ? .infinity : g.next(upTo: 3))
      let row = Int(g.next(upTo: 3))
      let excluded = trial % 5 == 4 ? nil : (0..<count).map { _ in Int(g.next(upTo: 3)) }
      let expected = Self.certificateReference(
        s, filterPrices: filterPrices, terms: terms, excluded: excluded, row: row)
      for portable in [false, true] {
        #expect(
          Self.certificate(
            s, filterPrices: filterPrices, terms: terms, excluded: excluded, row: row, portable: portable)
            == expected, "trial \(trial)")
      }
      if expected.floor == (-0.0).bitPattern { negativeZeroFloors += 1 }
      if !expected.listed.isEmpty { listedSome += 1 }
    }
    #expect(negativeZeroFloors > 0 && listedSome > 500)
  }

  struct PruneFound: Equatable {
    var best = UInt64(0)
    var low = UInt64(0)
    var high = UInt64(0)
    var allowed = 0
    var grid = Int.max
    var kept: [Int] = []
    var keptKeys: [UInt64] = []
    /// The screened columns that pass the test against the row's final best.
    var offers: [Int] = []
  }

  /// The pruning pass's walk over a row as it was in Swift: both segments,
  /// the range as two maxima, the running best, the screen, the grid and the
  /// selection; then the offers' test against the final best.
  static func pruneReference(
    _ row: [Double], prices: [Double], floorKey: [Double], first: Int, k: Int, sign: Double, gridExponent: Int
  ) -> PruneFound {
    let m = row.count
    let selection = RowSelection(k: k, rowLength: m)
    var found = PruneFound()
    var negatedLow = -Double.infinity
    var high = -Double.infinity
    var grid = gridExponent
    var gridThreshold = EligibleScoreSummary.gridThreshold(grid)
    var best = -Double.greatestFiniteMagnitude
    var screened: [Int] = []
    selection.reset()
    var threshold = selection.threshold
    for segment in 0..<2 {
      var j = segment == 0 ? first : 0
      let end = segment == 0 ? m : first
      while j < end {
        let s = row[j]
        found.allowed += s.isNaN ? 0 : 1
        let value = sign * s - prices[j]
        let eligible = s - (prices[j] - prices[j])
        negatedLow = -eligible > negatedLow ? -eligible : negatedLow
        high = eligible > high ? eligible : high
        if abs(eligible) < gridThreshold && eligible != 0 {
          grid = min(grid, AssignmentSolution.lowestBitExponent(eligible))
          gridThreshold = EligibleScoreSummary.gridThreshold(grid)
        }
        best = value > best ? value : best
        if value - best >= floorKey[j] { screened.append(j) }
        if value > threshold { threshold = selection.append(key: value, column: j) }
        j += 1
      }
    }
    selection.finish()
    found.best = best.bitPattern
    found.low = (-negatedLow).bitPattern
    found.high = high.bitPattern
    found.grid = grid
    found.kept = (0..<selection.count).map { selection.columns[$0] }
    found.keptKeys = (0..<selection.count).map { selection.keys[$0].bitPattern }
    found.offers = screened.filter { (sign * row[$0] - prices[$0]) - best >= floorKey[$0] }.sorted()
    return found
  }

  /// The same row through `mm_prune_row` (or its portable version), driven
  /// as ``CandidatePruning`` drives it.
  static func prune(
    _ row: [Double], prices: [Double], floorKey: [Double], first: Int, k: Int, sign: Double, gridExponent: Int,
    portable: Bool
  ) -> (found: PruneFound, screened: Int) {
    let m = row.count
    let selection = RowSelection(k: k, rowLength: m)
    var found = PruneFound()
    var grid = gridExponent
    var walk = mm_prune_state()
    walk.sign = sign
    walk.negated_low = -Double.infinity
    walk.high = -Double.infinity
    walk.grid_threshold = EligibleScoreSummary.gridThreshold(grid)
    walk.capacity = selection.bufferCapacity
    walk.best = -Double.greatestFiniteMagnitude
    selection.reset()
    walk.threshold = selection.threshold
    row.withUnsafeBufferPointer { row in
      prices.withUnsafeBufferPointer { prices in
        floorKey.withUnsafeBufferPointer { floorKey in
          for segment in 0..<2 {
            var j = segment == 0 ? first : 0
            let end = segment == 0 ? m : first
            walk.pending_end = 0
            while j < end {
              j =
                portable
                ? mm_prune_row_portable(
                  j, end, row.baseAddress, prices.baseAddress, floorKey.baseAddress, selection.keys,
                  selection.columns, selection.columnScratch, &walk)
                : mm_prune_row(
                  j, end, row.baseAddress, prices.baseAddress, floorKey.baseAddress, selection.keys,
                  selection.columns, selection.columnScratch, &walk)
              walk.threshold = selection.appended(count: walk.count)
              walk.count = selection.count
              if walk.stop & MM_PRUNE_GRID != 0 {
                grid = min(grid, AssignmentSolution.lowestBitExponent(walk.grid_value))
                walk.grid_threshold = EligibleScoreSummary.gridThreshold(grid)
              }
            }
          }
        }
      }
    }
    selection.finish()
    let best = walk.best
    found.best = best.bitPattern
    found.low = (-walk.negated_low).bitPattern
    found.high = walk.high.bitPattern
    found.allowed = walk.allowed
    found.grid = grid
    found.kept = (0..<selection.count).map { selection.columns[$0] }
    found.keptKeys = (0..<selection.count).map { selection.keys[$0].bitPattern }
    let screened = (0..<walk.offers).map { selection.columnScratch[$0] }
    found.offers = screened.filter { (sign * row[$0] - prices[$0]) - best >= floorKey[$0] }.sorted()
    return (found, screened.count)
  }

  @Test func thePruningWalkEqualsTheSwiftLoopBitForBit() {
    var g = SplitMix(seed: 93)
    var zeroBests = 0
    var offered = 0
    for trial in 0..<3_000 {
      let count = trial < 42 ? trial : Int(g.next(upTo: 300))
      let kind = trial % 5
      let row = Self.row(count: count, kind: kind, using: &g)
      // NaN for a column without places; signed zero prices with zero scores.
      let prices = (0..<count).map { _ in
        g.next(upTo: 1) < 0.1 ? Double.nan : kind == 2 ? (g.next(upTo: 1) < 0.5 ? 0.0 : -0.0) : g.next(upTo: 3)
      }
      let floorKey = (0..<count).map { _ in g.next(upTo: 1) < 0.3 ? -Double.infinity : -g.next(upTo: 2) }
      let first = count == 0 ? 0 : Int(g.next(upTo: Double(count)))
      let k = [0, 1, 3, 8][trial % 4]
      let sign = trial % 2 == 0 ? 1.0 : -1.0
      // A grid already found, or none yet (every nonzero score then tests it).
      let gridExponent = trial % 3 == 0 ? Int.max : -3
      let expected = Self.pruneReference(
        row, prices: prices, floorKey: floorKey, first: first, k: k, sign: sign, gridExponent: gridExponent)
      for portable in [false, true] {
        let walked = Self.prune(
          row, prices: prices, floorKey: floorKey, first: first, k: k, sign: sign, gridExponent: gridExponent,
          portable: portable)
        #expect(walked.found == expected, "trial \(trial)")
      }
      if expected.best == (0.0).bitPattern || expected.best == (-0.0).bitPattern { zeroBests += 1 }
      offered += expected.offers.count
    }
    #expect(zeroBests > 100 && offered > 1_000)
  }
}
