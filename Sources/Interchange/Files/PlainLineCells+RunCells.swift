import CKernels

extension PlainLineCells {
  /// What ``readRun(_:from:end:count:into:empty:tenths:starts:)`` read: where
  /// it stopped, how many cells it read, and whether the line ended in the run.
  struct RunRead {
    /// The offset after the last cell read (the line's end when `finished`),
    /// else the first byte of the cell it stopped at.
    var index: Int
    /// The cells read as levels.
    var read: Int
    /// Whether the last cell read ends the line.
    var finished: Bool
  }

  /// The cells of one level run read from `base[start..<end]` (a line's
  /// content from the run's first cell on), at most `count` of them, while
  /// each is empty (`empty` is written) or the one- or three-byte form of a
  /// level from 0 to 5 (`d` as `tenths[10 d]`, the same double as
  /// `Double(d)`; `d.d` as `tenths[dd]`): the values go to `values`, and the
  /// offset of the cell after each cell read to `starts` (one after the
  /// other from `starts[0]`; `end + 1` after a cell that ends the line).
  ///
  /// `CKernels`' `mm_level_run`: with AVX2 (chosen at run time) it
  /// classifies the cells starting at 32 offsets at once and writes them
  /// from the mask of their commas, copying the line's last bytes to a
  /// padded buffer so that it never reads past `end`; else a portable loop
  /// from cell to cell. Both give the cells, values, starts and stopping
  /// cell of the Swift loop this replaced (`LevelRunKernelTests` compares
  /// them with a copy of it on seeded runs; `LevelRunsTests` compares the
  /// split with the plain one). Writes nothing past the cells read.
  ///
  /// - Precondition: `starts` and `values` have room for `count` entries;
  ///   `tenths` holds ``LevelRuns/tenthsCount`` values.
  /// - Complexity: O(`count`).
  @inline(__always)
  static func readRun(
    _ base: UnsafePointer<UInt8>, from start: Int, end: Int, count: Int, into values: UnsafeMutablePointer<Double>,
    empty: Double, tenths: UnsafePointer<Double>, starts: UnsafeMutablePointer<Int>
  ) -> RunRead {
    let read = mm_level_run(base, start, end, count, values, empty, tenths, starts)
    return RunRead(index: read.index, read: read.read, finished: read.finished != 0)
  }
}
