import CompetencyModel

extension OutcomesReader {
  /// Reads the rows of `bytes[range]` (whole lines, `lines` of them) in
  /// one pass when the file has three columns and every line is a plain
  /// row of short ASCII cells: the rows ``parseRows(_:_:layout:into:at:lines:)``
  /// would write, with the same pair hashes, at `rows` and `hashes`; or
  /// `nil`, with nothing written, as soon as anything is unusual (that
  /// loop then reads the chunk, and steps aside in turn where it must).
  ///
  /// The bytes are read eight at a time, once: ``LowBytes`` hands over,
  /// in order, every byte below `-` (0x2D), which in such a file are the
  /// two commas and the line feed of each line; each line's two ids are
  /// loaded as their small strings' words and hashed on them
  /// (``ShortASCIIText``, ``ByteHash/hash(words:count:state:)``) and, when
  /// both are, stored in the row as they are with its other fields
  /// (``RowFields``: no `String` made, so no retain and no call); a line
  /// with an id over 15 bytes is written out of the loop, its ids made as
  /// ``RecentIDs`` makes them and hashed on their bytes. Its outcome is read in place
  /// (``PlainLineCells/shortDecimal(_:_:_:)``, else
  /// ``WellFormedCSV/plainDecimal(_:_:_:)``). Any other low byte (a space,
  /// a quote, a carriage return, an apostrophe…), a line with other than
  /// three cells but an empty line, an empty id or one starting or ending
  /// with DEL, an outcome not a plain decimal in ``valueRange``, or a byte
  /// outside ASCII anywhere in the chunk (or a platform where
  /// ``RowFields/checked`` does not hold): `nil`.
  ///
  /// - Parameters:
  ///   - firstLine: The file line number of the chunk's first line.
  /// - Returns: The number of rows written (one per non-empty line).
  /// - Complexity: O(`range.count`).
  static func readThreeCellRows(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, layout: Layout, rows: UnsafeMutablePointer<Row>,
    hashes: UnsafeMutablePointer<UInt64>, firstLine: Int, lines: Int
  ) -> Int? {
    guard layout.fields == 3, let fields = RowFields.checked, !range.isEmpty else { return nil }
    let base = bytes.baseAddress!
    let hash = layout.hash
    let limit = range.upperBound
    var low = LowBytes(UnsafeRawPointer(base), from: range.lowerBound, limit: limit)
    var recent = RecentIDs(base: base)
    var count = 0
    var line = 0
    var lineStart = range.lowerBound
    var plain = true
    rowLoop: while lineStart < limit {
      let first = low.next()
      line += 1
      if first < limit && first == lineStart && base[first] == CSVTokenizer.lineFeed {
        // An empty line: blank, skipped as the careful path skips it.
        lineStart = first + 1
        continue
      }
      let second = low.next()
      let end = low.next()
      guard first < limit, base[first] == CSVTokenizer.comma, second < limit, base[second] == CSVTokenizer.comma,
        end == limit || base[end] == CSVTokenizer.lineFeed
      else {
        plain = false
        break rowLoop
      }
      let starts = (lineStart, first + 1, second + 1)
      let ends = (first, second, end)
      let valueStart = pick(starts, layout.outcome)
      let valueEnd = pick(ends, layout.outcome)
      var value = 0.0
      if let short = PlainLineCells.shortDecimal(base, valueStart, valueEnd - valueStart) {
        value = short
      } else if let short = Self.shortOutcome(base, valueStart, valueEnd - valueStart) {
        value = short
      } else if valueStart < valueEnd,
        case .number(let number) = WellFormedCSV.plainDecimal(base, valueStart, valueEnd)
      {
        value = number
      } else {
        plain = false
        break rowLoop
      }
      let mentee = pick(starts, layout.mentee)..<pick(ends, layout.mentee)
      let mentor = pick(starts, layout.mentor)..<pick(ends, layout.mentor)
      guard valueRange.contains(value), count < lines, plainID(base, mentee), plainID(base, mentor) else {
        plain = false
        break rowLoop
      }
      let row = rows + count
      let lineNumber = firstLine + line - 1
      let column = mentee.lowerBound - lineStart + 1
      if let menteeWords = ShortASCIIText.words(base, mentee.lowerBound, mentee.count, layoutHolds: true),
        let mentorWords = ShortASCIIText.words(base, mentor.lowerBound, mentor.count, layoutHolds: true)
      {
        // Both ids short: their small strings' words stored in the row as they are hashed.
        let state = hash.hash(words: menteeWords, count: mentee.count, state: hash.seed)
        hashes[count] = ByteHash.finish(hash.hash(words: mentorWords, count: mentor.count, state: state))
        fields.initialize(
          row, mentee: (menteeWords, mentee.count), mentor: (mentorWords, mentor.count), value: value,
          line: lineNumber, column: column)
      } else {
        hashes[count] = initializeRow(
          row, base, mentee: mentee, mentor: mentor, value: value, line: lineNumber, column: column, hash: hash,
          recent: &recent)
      }
      count += 1
      lineStart = end + 1
    }
    guard plain, line == lines, low.ascii else {
      rows.deinitialize(count: count)
      return nil
    }
    return count
  }

  /// Whether `base[range]` is an id the one-pass loop reads: not empty, not
  /// starting or ending with DEL (which the careful path trims).
  ///
  /// - Complexity: O(1).
  @inline(__always)
  private static func plainID(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
    !range.isEmpty && base[range.lowerBound] != 0x7F && base[range.upperBound - 1] != 0x7F
  }

  /// Initializes `row` when an id is longer than a small string (or not
  /// ASCII): the ids' texts made as ``RecentIDs`` makes them, hashed on
  /// their bytes; returns the pair's hash. Out of the hot loop, with
  /// `recent` passed, not captured.
  ///
  /// - Complexity: O(length of the ids).
  @inline(never)
  private static func initializeRow(
    _ row: UnsafeMutablePointer<Row>, _ base: UnsafePointer<UInt8>, mentee: Range<Int>, mentor: Range<Int>,
    value: Double, line: Int, column: Int, hash: ByteHash, recent: inout RecentIDs
  ) -> UInt64 {
    let menteeID = recent.text(mentee)
    let state = hash.hash(base, mentee.lowerBound, mentee.upperBound, state: hash.seed)
    let mentorID = recent.text(mentor)
    let final = hash.hash(base, mentor.lowerBound, mentor.upperBound, state: state)
    row.initialize(
      to: Row(pair: PersonPair(menteeID: menteeID, mentorID: mentorID), value: value, line: line, column: column))
    return ByteHash.finish(final)
  }

  /// The value of the outcome forms `-d` and `d.dd` at `base[start...]`
  /// (`-d`, or `ddd / 100`: one correctly rounded operation on exact
  /// integers, so the value ``DecimalParser/parseFast(bytes:)`` gives), or
  /// `nil` for any other cell of `length` bytes.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func shortOutcome(_ base: UnsafePointer<UInt8>, _ start: Int, _ length: Int) -> Double? {
    switch length {
    case 2:
      let digit = base[start + 1] &- UInt8(ascii: "0")
      guard base[start] == UInt8(ascii: "-"), digit < 10 else { return nil }
      return -Double(digit)
    case 4:
      let whole = base[start] &- UInt8(ascii: "0")
      let tenth = base[start + 2] &- UInt8(ascii: "0")
      let hundredth = base[start + 3] &- UInt8(ascii: "0")
      guard whole < 10, tenth < 10, hundredth < 10, base[start + 1] == UInt8(ascii: ".") else { return nil }
      return Double(Int(whole) * 100 + Int(tenth) * 10 + Int(hundredth)) / 100
    default: return nil
    }
  }

  /// Cell `index` (0, 1 or 2) of three.
  @inline(__always)
  private static func pick(_ cells: (Int, Int, Int), _ index: Int) -> Int {
    index == 0 ? cells.0 : index == 1 ? cells.1 : cells.2
  }
}

/// The bytes of a range below `-` (0x2D), in order, found eight at a time:
/// in a plain file of ids and decimals, its commas and line feeds, and any
/// byte that makes a line unusual (space, tab, quote, apostrophe, carriage
/// return…). Reads no byte outside the range; remembers whether every byte
/// it read is ASCII.
struct LowBytes {
  private let raw: UnsafeRawPointer
  private let limit: Int
  /// The offset of the word `mask` marks.
  private var word: Int
  /// The high bit of each byte of the word still to hand over.
  private var mask: UInt64 = 0
  /// The bits of every byte read.
  private var seen: UInt64 = 0

  /// The low bytes of `raw[start..<limit]`.
  ///
  /// - Complexity: O(1).
  init(_ raw: UnsafeRawPointer, from start: Int, limit: Int) {
    self.raw = raw
    self.limit = limit
    word = start - 8
  }

  /// Whether every byte read so far is ASCII.
  var ascii: Bool { seen & 0x8080_8080_8080_8080 == 0 }

  /// The offset of the next byte below 0x2D, or the range's end when none
  /// is left.
  ///
  /// - Complexity: O(1) amortized: each word of the range is read once.
  @inline(__always)
  mutating func next() -> Int {
    let high: UInt64 = 0x8080_8080_8080_8080
    while mask == 0 {
      word += 8
      guard word < limit else {
        word = limit
        return limit
      }
      let bits: UInt64
      var keep = UInt64.max
      if word + 8 <= limit {
        bits = raw.loadUnaligned(fromByteOffset: word, as: UInt64.self)
      } else {
        let count = limit - word
        bits = ByteHash.shortWord(raw + word, count)
        keep = (1 << UInt64(truncatingIfNeeded: count * 8)) &- 1
      }
      seen |= bits
      // An ASCII byte `b` is below 0x2D exactly when `(b | 0x80) - 0x2D`
      // clears the high bit (no borrow crosses a byte: each is at least 0x80).
      mask = ~((bits | high) &- 0x2D2D_2D2D_2D2D_2D2D) & high & keep
    }
    let at = word + mask.trailingZeroBitCount >> 3
    mask &= mask &- 1
    return at
  }
}
