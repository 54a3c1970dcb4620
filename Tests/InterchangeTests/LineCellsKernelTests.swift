import CKernels
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// `CKernels`' `mm_line_cells` (the run-time-chosen version, AVX2 on x86-64
/// machines that have it, and the portable one) against a Swift byte loop of
/// its contract, and against the word loop of `PlainLineCells.splitWithRuns`
/// it replaced, on seeded lines that end at an unmapped page.
struct LineCellsKernelTests {
  typealias Found = (index: Int, cells: Int, stop: Int, ascii: Bool)

  /// The contract, byte by byte.
  static func byteLoop(
    _ base: UnsafePointer<UInt8>, _ index: Int, _ end: Int, _ starts: UnsafeMutablePointer<Int>, _ cells: Int,
    _ last: Int, _ target: Int
  ) -> Found {
    var index = index
    var cells = cells
    var seen: UInt8 = 0
    while index < end {
      let byte = base[index]
      seen |= byte
      if byte == UInt8(ascii: ",") {
        if cells < last { starts[cells] = index + 1 }
        cells += 1
        if cells - 1 == target { return (index + 1, cells, 1, seen & 0x80 == 0) }
      } else if byte == UInt8(ascii: "\"") || byte == 0x0D {
        return (index, cells, -1, seen & 0x80 == 0)
      }
      index += 1
    }
    return (end, cells, 0, seen & 0x80 == 0)
  }

  /// The word loop `splitWithRuns` ran before (a copy): `nil` for a refused
  /// line; `seen` is the bytes' high bits it looked at.
  static func wordLoop(
    _ base: UnsafePointer<UInt8>, _ index: Int, _ end: Int, _ starts: UnsafeMutablePointer<Int>, _ cells: Int,
    _ last: Int, _ target: Int
  ) -> (index: Int, cells: Int, reached: Bool, ascii: Bool)? {
    var index = index
    var cells = cells
    var seen: UInt64 = 0
    func comma(_ at: Int) {
      if cells < last { starts[cells] = at + 1 }
      cells += 1
    }
    let raw = UnsafeRawPointer(base)
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    func zero(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
    while index + 8 <= end {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      seen |= word
      if zero(word ^ 0x2222_2222_2222_2222) | zero(word ^ 0x0D0D_0D0D_0D0D_0D0D) != 0 { return nil }
      var mask = zero(word ^ 0x2C2C_2C2C_2C2C_2C2C)
      while mask != 0 {
        let at = index + mask.trailingZeroBitCount >> 3
        comma(at)
        if cells - 1 == target { return (at + 1, cells, true, seen & 0x8080_8080_8080_8080 == 0) }
        mask &= mask &- 1
      }
      index += 8
    }
    while index < end {
      let byte = base[index]
      seen |= UInt64(byte)
      if byte == UInt8(ascii: ",") {
        comma(index)
        if cells - 1 == target { return (index + 1, cells, true, seen & 0x8080_8080_8080_8080 == 0) }
      } else if byte == UInt8(ascii: "\"") || byte == 0x0D {
        return nil
      }
      index += 1
    }
    return (end, cells, false, seen & 0x8080_8080_8080_8080 == 0)
  }

  /// A random line: commas, letters, digits, now and then a quote, a
  /// carriage return or a byte that is not ASCII.
  static func line(_ random: inout SplitMix) -> [UInt8] {
    let common: [UInt8] = Array("a1.,,,, ,x9-".utf8)
    let rare: [UInt8] = [UInt8(ascii: "\""), 0x0D, 0xC3, 0xA9, 0x80, 0xFF]
    let length = Int(random.next() % 130)
    let rareChance = [0, 40, 400][Int(random.next() % 3)]
    return (0..<length).map { _ in
      rareChance > 0 && random.next() % UInt64(rareChance) == 0
        ? rare[Int(random.next() % UInt64(rare.count))] : common[Int(random.next() % UInt64(common.count))]
    }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func theKernelFindsTheCellsAsTheByteLoopAndTheWordLoop(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let buffer = LevelRunKernelTests.GuardedBuffer()
    let slots = 64
    let expectedStarts = UnsafeMutablePointer<Int>.allocate(capacity: slots)
    let madeStarts = UnsafeMutablePointer<Int>.allocate(capacity: slots)
    defer {
      expectedStarts.deallocate()
      madeStarts.deallocate()
    }
    var stops = [0, 0, 0]
    var wordLoopRefusedLater = 0
    for _ in 0..<20_000 {
      let text = Self.line(&random)
      // The line's last byte is the last readable one half the time.
      let origin =
        random.next() % 2 == 0 ? buffer.base + buffer.limit - text.count : buffer.base + Int(random.next() % 64)
      origin.update(from: text, count: text.count)
      let index = Int(random.next() % UInt64(text.count + 1))
      let cells = 1 + Int(random.next() % 12)
      let last = Int(random.next() % 48)
      let target = random.next() % 4 == 0 ? Int.max : cells - 1 + 1 + Int(random.next() % 16)
      expectedStarts.update(repeating: -7, count: slots)
      let expected = Self.byteLoop(origin, index, text.count, expectedStarts, cells, last, target)
      stops[expected.stop + 1] += 1
      for portable in [false, true] {
        madeStarts.update(repeating: -7, count: slots)
        let made =
          portable
          ? mm_line_cells_portable(origin, index, text.count, madeStarts, cells, last, target)
          : mm_line_cells(origin, index, text.count, madeStarts, cells, last, target)
        let context =
          "line \(text), from \(index), cells \(cells), last \(last), target \(target), portable \(portable)"
        #expect(made.index == expected.index && made.cells == expected.cells, "\(context)")
        #expect(Int(made.stop) == expected.stop && (made.ascii != 0) == expected.ascii, "\(context)")
        #expect((0..<slots).allSatisfy { madeStarts[$0] == expectedStarts[$0] }, "\(context)")
      }
      // The word loop: the same cells wherever it does not refuse the line;
      // where only it refuses, a quote or carriage return follows the
      // comma that starts the target cell, in that comma's word.
      madeStarts.update(repeating: -7, count: slots)
      let old = Self.wordLoop(origin, index, text.count, madeStarts, cells, last, target)
      if let old {
        #expect(expected.stop >= 0)
        #expect(old.index == expected.index && old.cells == expected.cells && old.reached == (expected.stop == 1))
        #expect((0..<slots).allSatisfy { madeStarts[$0] == expectedStarts[$0] })
        if expected.stop == 0 { #expect(old.ascii == expected.ascii) }
      } else if expected.stop != -1 {
        #expect(expected.stop == 1)
        let after = text[expected.index..<min(text.count, expected.index + 8)]
        #expect(after.contains(UInt8(ascii: "\"")) || after.contains(0x0D))
        wordLoopRefusedLater += 1
      }
    }
    // Every way of stopping was tried.
    #expect(stops.allSatisfy { $0 > 500 }, "\(stops)")
    #expect(wordLoopRefusedLater > 0)
  }
}
