/// Line counts made sixteen bytes per step (the outcomes reader's chunks
/// are counted before they are read, so each writes its rows at its place):
/// the count ``WellFormedCSV/lineCount(_:_:)`` gives, without a `memchr`
/// call per line.
///
/// Each step compares sixteen bytes with the line feed at once
/// (`SIMD16<UInt8>`, one compare and one subtract per step on x86-64) and
/// adds the matches to sixteen byte-wide counters, which are summed every
/// 255 steps, before any can wrap.
enum LineFeeds {
  /// The number of lines in `bytes[range]`: its line feeds, plus one when
  /// the range does not end with one; 0 for an empty range. The same as
  /// ``WellFormedCSV/lineCount(_:_:)`` (tested).
  ///
  /// - Complexity: O(`range.count`).
  static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    guard !range.isEmpty, let base = bytes.baseAddress else { return 0 }
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "A range of the bytes")
    let count = lineFeeds(base, range.lowerBound, range.upperBound)
    return base[range.upperBound - 1] == CSVTokenizer.lineFeed ? count : count + 1
  }

  /// The line feeds among `base[start..<end]`.
  ///
  /// - Complexity: O(`end - start`).
  private static func lineFeeds(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    let raw = UnsafeRawPointer(base)
    let lineFeed = SIMD16<UInt8>(repeating: CSVTokenizer.lineFeed)
    var total = 0
    var index = start
    while end &- index >= 16 {
      // At most 255 steps, so that no byte-wide counter wraps.
      var steps = min((end &- index) >> 4, 255)
      var counters = SIMD16<UInt8>(repeating: 0)
      repeat {
        let bytes = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        // A match is all ones (−1): subtracting it adds one.
        counters &-= unsafeBitCast(bytes .== lineFeed, to: SIMD16<UInt8>.self)
        index &+= 16
        steps &-= 1
      } while steps > 0
      total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: counters).wrappedSum())
    }
    while index < end {
      if base[index] == CSVTokenizer.lineFeed { total += 1 }
      index += 1
    }
    return total
  }
}
