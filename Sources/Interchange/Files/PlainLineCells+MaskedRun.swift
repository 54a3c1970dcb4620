extension PlainLineCells {
  /// The cells of a level run read from one comma mask per 64 bytes: the
  /// cells that lie whole in the mask's window are found by its bits (a
  /// `tzcnt` per cell, no byte-by-byte search for the comma), the next
  /// window starts at the first cell not read whole.
  ///
  /// Reads cells from `index` (the start of the run's first cell to read)
  /// while each is empty or the one- or three-byte form of a level from 0 to
  /// 5, exactly as the cell-by-cell loop of
  /// ``splitWithRuns(_:line:tenths:)`` reads them, and stops, leaving that
  /// loop to decide, at the first other cell, at the run's end, or where
  /// fewer than 64 bytes of the buffer are left (so the windows never read
  /// past `readable`; bytes past the line's `end` are read but never used).
  ///
  /// - Parameters:
  ///   - base: The buffer's bytes, `readable` of them.
  ///   - end: The end of the line's content.
  ///   - count: The most cells to read.
  ///   - values: Where cell `k`'s level goes (`empty` for an empty cell; a
  ///     one-byte `d` as `tenths[10 * d]`, the same double as `Double(d)`).
  ///   - nextStarts: Where the start of the cell after cell `k` goes, at
  ///     `nextStarts[k]` (not written for a cell that ends the line).
  /// - Returns: The cells read, where the next one starts (or `end`), and
  ///   whether the last cell read ended the line (then no comma after it).
  /// - Complexity: O(bytes read).
  @inline(__always)
  static func maskedRun(
    _ base: UnsafePointer<UInt8>, from index: Int, end: Int, readable: Int, count: Int,
    values: UnsafeMutablePointer<Double>, nextStarts: UnsafeMutablePointer<Int>, empty: Double,
    tenths: UnsafePointer<Double>
  ) -> (read: Int, next: Int, finished: Bool) {
    let raw = UnsafeRawPointer(base)
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
    var k = 0
    var window = index
    while k < count && window &+ 64 <= readable {
      // Bit i of `mask`: byte `window + i` ends a cell (a comma, or the line's end).
      var mask: UInt64 = 0
      for word in 0..<8 {
        let bytes = raw.loadUnaligned(fromByteOffset: window &+ 8 &* word, as: UInt64.self) ^ commas
        // 0x80 in each byte that is a comma (no carries between bytes), then
        // those eight bits gathered into one byte by the multiplication.
        let marks = ~(((bytes & low7) &+ low7) | bytes | low7) >> 7
        mask |= ((marks &* 0x0102_0408_1020_4080) >> 56) << (8 &* UInt64(word))
      }
      let left = end &- window
      if left < 64 { mask = (mask & ((1 &<< UInt64(left)) &- 1)) | (1 &<< UInt64(left)) }
      var start = 0  // the cell's first byte, from `window`
      while mask != 0 {
        let stop = mask.trailingZeroBitCount
        let length = stop &- start
        var value = empty
        if length != 0 {
          let at = window &+ start
          let whole = base[at] &- UInt8(ascii: "0")
          if length == 1 {
            guard whole <= 5 else { return (k, at, false) }
            value = tenths[Int(whole) &* 10]
          } else {
            let tenth = base[at &+ 2] &- UInt8(ascii: "0")
            let slot = Int(whole) &* 10 &+ Int(tenth)
            guard length == 3, base[at &+ 1] == UInt8(ascii: "."), tenth < 10, slot < LevelRuns.tenthsCount else {
              return (k, at, false)
            }
            value = tenths[slot]
          }
        }
        values[k] = value
        let after = window &+ stop
        if after == end { return (k &+ 1, end, true) }
        nextStarts[k] = after &+ 1
        k &+= 1
        start = stop &+ 1
        if k == count { return (k, window &+ start, false) }
        mask &= mask &- 1
      }
      // No cell whole in 64 bytes: not a level; the cell-by-cell loop decides.
      guard start > 0 else { break }
      window &+= start
    }
    return (k, window, false)
  }
}
