import CompetencyModel

extension OutcomesReader {
  /// Where a ``OutcomesReader/Row``'s fields lie in its memory, so that the
  /// one-pass loop (``readThreeCellRows(_:_:layout:rows:hashes:firstLine:lines:)``)
  /// initializes a row whose two ids are short ASCII texts with plain
  /// stores: each id's small-string words (``ShortASCIIText``), the value,
  /// the line and the column. No `String` value is made, so no retain is
  /// made of it and no call to `PersonPair.init` (the ids are non-empty, its
  /// invariant, because the loop checks them).
  ///
  /// Used only when ``checked`` holds: the fields' offsets are known, they
  /// tile the row's memory exactly, and a probe row so written equals, bit
  /// for bit, the one `Row.init` makes of the same ids and numbers.
  struct RowFields: Sendable {
    let mentee: Int
    let mentor: Int
    let value: Int
    let line: Int
    let column: Int

    /// The offsets of this platform's ``OutcomesReader/Row``, when plain
    /// stores make the very row `Row.init` makes (checked once per process),
    /// else `nil` (the one-pass loop then steps aside).
    static let checked: RowFields? = {
      typealias Layout = MemoryLayout<Row>
      guard ShortASCIIText.layoutHolds, let mentee = Layout.offset(of: \Row.pair.menteeID),
        let mentor = Layout.offset(of: \Row.pair.mentorID), let value = Layout.offset(of: \Row.value),
        let line = Layout.offset(of: \Row.line), let column = Layout.offset(of: \Row.column)
      else { return nil }
      // The five fields cover the row's bytes, each once.
      let extents = [
        (mentee, MemoryLayout<String>.size), (mentor, MemoryLayout<String>.size), (value, MemoryLayout<Double>.size),
        (line, MemoryLayout<Int>.size), (column, MemoryLayout<Int>.size),
      ].sorted { $0.0 < $1.0 }
      var next = 0
      for (offset, size) in extents {
        guard offset == next else { return nil }
        next += size
      }
      guard next == Layout.size else { return nil }
      let fields = RowFields(mentee: mentee, mentor: mentor, value: value, line: line, column: column)
      return fields.probeHolds ? fields : nil
    }()

    /// Whether a row written by ``initialize(_:mentee:mentor:value:line:column:)``
    /// equals, bit for bit, the row `Row.init` makes (ids of 7 and 15 bytes).
    private var probeHolds: Bool {
      let menteeBytes = Array("E100042".utf8)
      let mentorBytes = Array("M-20000-x_y.z:w".utf8)
      guard
        let menteeWords = ShortASCIIText.words(menteeBytes, 0, menteeBytes.count, layoutHolds: true),
        let mentorWords = ShortASCIIText.words(mentorBytes, 0, mentorBytes.count, layoutHolds: true)
      else { return false }
      let expected = Row(
        pair: PersonPair(
          menteeID: String(decoding: menteeBytes, as: UTF8.self), mentorID: String(decoding: mentorBytes, as: UTF8.self)
        ),
        value: -2.25, line: 123_456, column: 17)
      let row = UnsafeMutablePointer<Row>.allocate(capacity: 1)
      defer { row.deallocate() }
      initialize(
        row, mentee: (menteeWords, menteeBytes.count), mentor: (mentorWords, mentorBytes.count), value: -2.25,
        line: 123_456, column: 17)
      defer { row.deinitialize(count: 1) }
      let sameBits = withUnsafeBytes(of: expected) { expectedBytes in
        expectedBytes.elementsEqual(UnsafeRawBufferPointer(start: row, count: MemoryLayout<Row>.size))
      }
      return sameBits && row.pointee == expected
    }

    /// Initializes `row` with ids given as ``ShortASCIIText`` words and
    /// counts (from ``ShortASCIIText/words(_:_:_:layoutHolds:)``, non-empty),
    /// and the value, line and column.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func initialize(
      _ row: UnsafeMutablePointer<Row>, mentee: ((low: UInt64, high: UInt64), Int),
      mentor: ((low: UInt64, high: UInt64), Int), value: Double, line: Int, column: Int
    ) {
      let raw = UnsafeMutableRawPointer(row)
      let menteeBits = ShortASCIIText.valueBits(mentee.0, count: mentee.1)
      let mentorBits = ShortASCIIText.valueBits(mentor.0, count: mentor.1)
      raw.storeBytes(of: menteeBits.0, toByteOffset: self.mentee, as: UInt64.self)
      raw.storeBytes(of: menteeBits.1, toByteOffset: self.mentee + 8, as: UInt64.self)
      raw.storeBytes(of: mentorBits.0, toByteOffset: self.mentor, as: UInt64.self)
      raw.storeBytes(of: mentorBits.1, toByteOffset: self.mentor + 8, as: UInt64.self)
      raw.storeBytes(of: value, toByteOffset: self.value, as: Double.self)
      raw.storeBytes(of: line, toByteOffset: self.line, as: Int.self)
      raw.storeBytes(of: column, toByteOffset: self.column, as: Int.self)
    }
  }
}
