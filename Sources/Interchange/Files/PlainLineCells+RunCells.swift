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
  /// offset of the cell after each cell read, but the one that ends the
  /// line, to `starts` (one after the other from `starts[0]`).
  ///
  /// The cells, values and the cell it stops at are those of the byte-by-byte
  /// loop ``splitWithRuns(_:line:tenths:)`` ran before (tested by
  /// `LevelRunsTests` against the plain split). A function of its own, not
  /// inlined, so that its state stays in registers: while four bytes or
  /// more are left in the line, each cell is one unaligned 32-bit load
  /// (those bytes all lie in the line); a `d` or `d.d` cell is read without
  /// a branch between the two forms (arithmetic on the second byte's bit 1;
  /// one branch, almost never taken, for any other cell), and empty cells
  /// as many at once as lead eight bytes of the line (one 64-bit load);
  /// the last cells of the line are read byte by byte, never past `end`.
  ///
  /// - Precondition: `starts` has room for `count` offsets; `tenths` holds
  ///   ``LevelRuns/tenthsCount`` values.
  /// - Complexity: O(`count`).
  @inline(never)
  static func readRun(
    _ base: UnsafePointer<UInt8>, from start: Int, end: Int, count: Int, into values: UnsafeMutablePointer<Double>,
    empty: Double, tenths: UnsafePointer<Double>, starts: UnsafeMutablePointer<Int>
  ) -> RunRead {
    let comma = CSVTokenizer.comma
    let zero = UInt8(ascii: "0")
    let dot = UInt8(ascii: ".")
    let raw = UnsafeRawPointer(base)
    var index = start
    var k = 0
    // While each cell left to read (four bytes at most with its comma) has
    // four bytes of the line to load: `limit` is recounted when reached.
    while true {
      let limit = min(count, k &+ (end &- index) &>> 2)
      guard k < limit else { break }
      repeat {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt32.self)
        if UInt8(truncatingIfNeeded: word) == comma {
          // Empty cells: as many as lead eight bytes of the line at once, when
          // the run has eight cells left (all eight values and starts are
          // written; those past the empty cells are written again later).
          if k &+ 8 <= count && index &+ 8 <= end {
            let others = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x2C2C_2C2C_2C2C_2C2C
            let empties = others.trailingZeroBitCount &>> 3  // 1...8: the first byte is a comma
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
        // `d,` or `d.d,`, told apart by arithmetic, not a branch (they
        // alternate at random): the second byte of either is ',' (0x2C) or
        // '.' (0x2E), and its bit 1 says which. `shape` and `mask` ask for
        // ',' second, or '.' second and ',' fourth; `tenth` is 0 for `d`.
        let long = (word &>> 9) & 1
        let shape = 0x2C00 &+ long &* 0x2C00_0200
        let mask = 0xFF00 | long &* 0xFF00_0000
        let whole = Int(UInt8(truncatingIfNeeded: word) &- zero)
        let tenth = Int(UInt8(truncatingIfNeeded: word &>> 16) &- zero) & (0 &- Int(long))
        let dd = whole &* 10 &+ tenth  // (`whole` < 10 when `dd` < 51)
        guard word & mask == shape, tenth < 10, dd < LevelRuns.tenthsCount else {
          return RunRead(index: index, read: k, finished: false)
        }
        values[k] = tenths[dd]
        index &+= 2 &+ Int(long &<< 1)
        starts[k] = index
        k &+= 1
      } while k < limit
    }
    // The last cells of the line, byte by byte.
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
      if index &+ length == end { return RunRead(index: end, read: k, finished: true) }
      index &+= length &+ 1
      starts[k &- 1] = index
    }
    return RunRead(index: index, read: k, finished: false)
  }
}
