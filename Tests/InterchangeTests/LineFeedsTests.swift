import Testing
import _TestSupport

@testable import Interchange

/// ``LineFeeds/lineCount(_:_:)`` (sixteen bytes per step) against
/// ``WellFormedCSV/lineCount(_:_:)`` (one `memchr` per line), which the
/// outcomes reader's chunks were counted with before.
@Suite struct LineFeedsTests {
  @Test func linesAreCountedAsTheMemchrCountCountsThem() {
    var random = SplitMix(seed: 0x11FE)
    for trial in 0..<3_000 {
      // Few, some or mostly line feeds, around the 16-byte steps and the 255-step sums.
      let size = trial < 100 ? trial : Int(random.next() % (trial % 10 == 0 ? 20_000 : 600))
      let density = [0, 2, 20, 100, 255][Int(random.next() % 5)]
      let bytes = (0..<size).map { _ in
        random.next() % 256 < UInt64(density) ? CSVTokenizer.lineFeed : UInt8(truncatingIfNeeded: random.next())
      }
      let lower = size == 0 ? 0 : Int(random.next() % UInt64(size / 4 + 1))
      let upper = lower + Int(random.next() % UInt64(size - lower + 1))
      bytes.withUnsafeBufferPointer { buffer in
        for range in [0..<size, lower..<upper] {
          #expect(
            LineFeeds.lineCount(buffer, range) == WellFormedCSV.lineCount(buffer, range),
            "trial \(trial), \(range) of \(size)")
        }
      }
    }
  }

  @Test func runsOfLineFeedsLongerThanTheCountersHoldAreCounted() {
    // 255 steps of sixteen line feeds fill every byte-wide counter.
    for size in [255 * 16 - 1, 255 * 16, 255 * 16 + 1, 256 * 16, 70_001] {
      let bytes = [UInt8](repeating: CSVTokenizer.lineFeed, count: size)
      bytes.withUnsafeBufferPointer { buffer in
        #expect(LineFeeds.lineCount(buffer, 0..<size) == size)
        #expect(LineFeeds.lineCount(buffer, 1..<size) == size - 1)
      }
    }
    let text = Array("a,b,1\nc,d,2".utf8)
    text.withUnsafeBufferPointer { #expect(LineFeeds.lineCount($0, 0..<text.count) == 2) }
  }
}
