import CKernels
import Testing
import _TestSupport

@testable import Interchange

/// `CKernels`' `mm_all_ascii` (the run-time-chosen version, AVX2 on x86-64
/// machines that have it) and `mm_all_ascii_portable` against a Swift byte
/// loop, through `InputFile.isASCII` too, on seeded buffers that end at an
/// unmapped page, with high bytes at every place of the 128-byte steps.
struct ASCIIKernelTests {
  /// Whether every byte is below 0x80, byte by byte.
  private static func byteLoop(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    (0..<count).allSatisfy { base[$0] < 0x80 }
  }

  /// The three answers for `base[0..<count]`, expected equal to the byte loop's.
  private static func check(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let expected = byteLoop(base, count)
    #expect((mm_all_ascii(base, count) != 0) == expected, "count \(count)")
    #expect((mm_all_ascii_portable(base, count) != 0) == expected, "count \(count)")
    #expect(InputFile.isASCII(UnsafeBufferPointer(start: base, count: count)) == expected, "count \(count)")
    return expected
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func theKernelAnswersAsTheByteLoop(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let buffer = LevelRunKernelTests.GuardedBuffer()
    var answers = [0, 0]
    for _ in 0..<20_000 {
      let count = Int(random.next() % 700)
      // The buffer's last byte is the last readable one half the time.
      let origin =
        random.next() % 2 == 0 ? buffer.base + buffer.limit - count : buffer.base + Int(random.next() % 64)
      for k in 0..<count { origin[k] = UInt8(truncatingIfNeeded: random.next() % 0x80) }
      // None, one or two bytes with the high bit, anywhere.
      for _ in 0..<Int(random.next() % 3) where count > 0 {
        origin[Int(random.next() % UInt64(count))] = 0x80 | UInt8(truncatingIfNeeded: random.next())
      }
      answers[Self.check(origin, count) ? 1 : 0] += 1
    }
    #expect(answers[0] > 5_000 && answers[1] > 5_000)
    // The whole readable buffer, one high byte at each of the first and last 300 places.
    let whole = buffer.limit
    buffer.base.update(repeating: 0x41, count: whole)
    #expect(Self.check(buffer.base, whole))
    for place in Array(0..<300) + Array((whole - 300)..<whole) {
      buffer.base[place] = 0xC3
      #expect(!Self.check(buffer.base, whole), "high byte at \(place)")
      buffer.base[place] = 0x41
    }
    #expect(InputFile.isASCII(UnsafeBufferPointer(start: nil, count: 0)))
  }
}
