import CompetencyModel
import Foundation
import Testing
import _TestSupport

@testable import Interchange

/// The outcomes fast path's one-pass loop for files of three columns
/// (``OutcomesReader/readThreeCellRows(_:_:layout:rows:hashes:firstLine:lines:)``)
/// against the general loop it stands in for: on plain chunks it answers,
/// with the very rows (ids, values bit for bit, lines, columns) and pair
/// hashes of the general loop; on anything unusual it steps aside, and the
/// whole read still gives the careful path's result.
@Suite struct OutcomesThreeCellTests {
  /// Ids, plain and not: short, long (past the small-string 15 bytes),
  /// with spaces, DEL, apostrophes, non-ASCII bytes.
  private static let odd: [String] = [
    "a-very-long-mentee-identifier", "E 7", " E7", "E7 ", "\u{7F}E7", "E7\u{7F}", "E\u{7F}7", "'E7", "É7", "E7é",
    "", "\"E7\"", "E7\t", "+E7", "E(7)", "E#7", "E.7", "E-7", "0123456789abcdef",
  ]
  /// Outcome cells, plain and not.
  private static let values: [String] = [
    "4.5", "3", "0.75", "-1", "2.25", "5", "1e3", "-0", "1000000", "-1000000", "1000001", " 3", "3 ", "abc", "",
    "+4", ".5", "5.", "0.30000000000000004", "12.5", "1,5", "nan", "٣",
  ]

  /// A three-column file in one of the column orders, plain or with odd
  /// cells, lines and line ends.
  private func text(seed: UInt64, odd: Bool, rows: Int) -> String {
    var random = SplitMix(seed: seed)
    let orders = [
      ["mentee", "mentor", "outcome"], ["outcome", "mentee", "mentor"], ["mentor", "outcome", "mentee"],
      ["Mentor", "Mentee", "Outcome"],
    ]
    let order = orders[Int(random.next() % UInt64(orders.count))]
    var lines = [order.joined(separator: ",")]
    for row in 0..<rows {
      // Five mentors per mentee: every pair once (but the repeats below).
      var mentee = "E\(100_000 + row / 5)"
      var mentor = "M\(10_000 + (row * 7 + Int(random.next() % 3) * 5) % 40)"
      var value = Self.values[Int(random.next() % 6)]
      if odd && random.next() % 50 == 0 { mentee = Self.odd[Int(random.next() % UInt64(Self.odd.count))] }
      if odd && random.next() % 50 == 0 { mentor = Self.odd[Int(random.next() % UInt64(Self.odd.count))] }
      if odd && random.next() % 50 == 0 { value = Self.values[Int(random.next() % UInt64(Self.values.count))] }
      if random.next() % 7 == 0 { mentee = "long-mentee-\(mentee)-of-the-programme" }
      // Repeated pairs with their value (dropped) as a file pasted twice has them.
      if row > 0 && random.next() % 10 == 0 {
        lines.append(lines[1 + Int(random.next() % UInt64(lines.count - 1))])
        continue
      }
      let cells = order.map { key -> String in
        switch key.lowercased() {
        case "mentee": mentee
        case "mentor": mentor
        default: value
        }
      }
      lines.append(cells.joined(separator: ","))
      if odd && random.next() % 60 == 0 { lines.append(["", ",,", ",", "x,y", "a,b,c,d"][Int(random.next() % 5)]) }
    }
    let end = odd && random.next() % 4 == 0 ? "\r\n" : "\n"
    let last = random.next() % 3 == 0 ? "" : end
    return lines.joined(separator: end) + last
  }

  /// The rows and pair hashes of one chunk by each loop (the general one,
  /// and the one-pass one or `nil`), with one seed.
  private func bothLoops(
    _ text: String
  ) -> (general: ([OutcomesReader.Row], [UInt64], Bool), threeCells: ([OutcomesReader.Row], [UInt64])?) {
    var text = text
    return text.withUTF8 { bytes in
      let headerEnd = WellFormedCSV.lineEnd(bytes, from: 0, limit: bytes.count)!
      let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<headerEnd.contentEnd]), as: UTF8.self)
        .lowercased().split(separator: ",").map(String.init)
      let layout = OutcomesReader.Layout(
        fields: 3, mentee: header.firstIndex(of: "mentee")!, mentor: header.firstIndex(of: "mentor")!,
        outcome: header.firstIndex(of: "outcome")!, hash: ByteHash(seed: 0x5EED), threeCells: false)
      let range = headerEnd.next..<bytes.count
      let lines = WellFormedCSV.lineCount(bytes, range)
      let rows = UnsafeMutableBufferPointer<OutcomesReader.Row>.allocate(capacity: max(1, lines))
      let hashes = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, lines))
      defer {
        rows.deallocate()
        hashes.deallocate()
      }
      let general = OutcomesReader.parseRows(
        bytes, range, layout: layout, into: OutcomesReader.Output(rows: rows, hashes: hashes), at: 0, lines: lines)
      let generalRows = Array(rows[..<general.rows])
      let generalHashes = Array(hashes[..<general.rows])
      rows.baseAddress!.deinitialize(count: general.rows)
      guard
        let count = OutcomesReader.readThreeCellRows(
          bytes, range, layout: layout, rows: rows.baseAddress!, hashes: hashes.baseAddress!, firstLine: 2,
          lines: lines)
      else { return ((generalRows, generalHashes, general.plain), nil) }
      defer { rows.baseAddress!.deinitialize(count: count) }
      return ((generalRows, generalHashes, general.plain), (Array(rows[..<count]), Array(hashes[..<count])))
    }
  }

  @Test func plainChunksAreReadInOnePassWithTheGeneralLoopsRows() {
    var smallRows = 0
    for seed in UInt64(1)...200 {
      let text = text(seed: seed, odd: false, rows: 1 + Int(seed % 97))
      let (general, threeCells) = bothLoops(text)
      #expect(general.2, "seed \(seed): the general loop reads a plain file")
      guard let threeCells else {
        Issue.record("seed \(seed): the one-pass loop stepped aside on a plain file")
        continue
      }
      #expect(threeCells.0 == general.0, "seed \(seed)")
      #expect(threeCells.0.map(\.value.bitPattern) == general.0.map(\.value.bitPattern), "seed \(seed)")
      #expect(threeCells.1 == general.1, "seed \(seed): the same pair hashes")
      // Rows of two small-string ids, stored in place, are the general loop's bit for bit
      // (a longer id's storage is each loop's own).
      let small = general.0.indices.filter {
        general.0[$0].pair.menteeID.utf8.count <= 15 && general.0[$0].pair.mentorID.utf8.count <= 15
      }
      smallRows += small.count
      #expect(
        small.map { Self.bytes(of: threeCells.0[$0]) } == small.map { Self.bytes(of: general.0[$0]) },
        "seed \(seed): rows stored in place are the general loop's bit for bit")
    }
    #expect(smallRows > 2_000, "\(smallRows) rows of small ids compared bit for bit")
  }

  /// The bytes of a row's memory (its ids' `String` values included).
  private static func bytes(of row: OutcomesReader.Row) -> [UInt8] {
    withUnsafeBytes(of: row) { Array($0) }
  }

  @Test func rowsStoredInPlaceAreTheRowsInitMakes() throws {
    // The one-pass loop needs the fields' places on this platform.
    let fields = try #require(OutcomesReader.RowFields.checked)
    var random = SplitMix(seed: 0x0F1E1D5)
    let row = UnsafeMutablePointer<OutcomesReader.Row>.allocate(capacity: 1)
    defer { row.deallocate() }
    for _ in 0..<5_000 {
      // Ids of 1 to 15 printable ASCII bytes (the small strings the loop stores).
      let ids = (0..<2).map { _ in (0..<1 + Int(random.next() % 15)).map { _ in UInt8(0x21 + random.next() % 94) } }
      let value = Double(bitPattern: random.next() >> 2)
      let line = Int(truncatingIfNeeded: random.next() >> 1)
      let column = Int(random.next() % 1_000_000)
      let words = try ids.map { id in try #require(ShortASCIIText.words(id, 0, id.count, layoutHolds: true)) }
      fields.initialize(
        row, mentee: (words[0], ids[0].count), mentor: (words[1], ids[1].count), value: value, line: line,
        column: column)
      let expected = OutcomesReader.Row(
        pair: PersonPair(
          menteeID: String(decoding: ids[0], as: UTF8.self), mentorID: String(decoding: ids[1], as: UTF8.self)),
        value: value, line: line, column: column)
      #expect(row.pointee == expected)
      #expect(Self.bytes(of: row.pointee) == Self.bytes(of: expected))
      #expect(
        row.pointee.pair.menteeID.utf8.elementsEqual(ids[0]) && row.pointee.pair.mentorID.utf8.elementsEqual(ids[1]))
      row.deinitialize(count: 1)
    }
  }

  @Test func oddChunksAreReadTheSameOrLeftToTheGeneralLoop() {
    var answered = 0
    var declined = 0
    for seed in UInt64(1)...400 {
      let text = text(seed: 10_000 + seed, odd: true, rows: 1 + Int(seed % 120))
      let (general, threeCells) = bothLoops(text)
      guard let threeCells else {
        declined += 1
        continue
      }
      answered += 1
      #expect(general.2, "seed \(seed): the one-pass loop answered where the general loop steps aside")
      #expect(threeCells.0 == general.0, "seed \(seed)")
      #expect(threeCells.0.map(\.value.bitPattern) == general.0.map(\.value.bitPattern), "seed \(seed)")
      #expect(threeCells.1 == general.1, "seed \(seed)")
    }
    #expect(answered >= 20 && declined >= 100, "\(answered) answered, \(declined) declined")
  }

  @Test func wholeReadsMatchTheGeneralLoopAndTheCarefulPath() {
    for seed in UInt64(1)...150 {
      for odd in [false, true] {
        let text = text(seed: 20_000 + seed, odd: odd, rows: 1 + Int(seed % 60))
        let fast = OutcomesReader.parseWellFormed(text, file: "o.csv")
        let general = OutcomesReader.parseWellFormed(text, file: "o.csv", threeCells: false)
        #expect(fast == general, "seed \(seed)")
        #expect(fast?.map(\.value.bitPattern) == general?.map(\.value.bitPattern), "seed \(seed)")
        let careful = Result { () throws(InputErrors) in try OutcomesReader.parseCarefully(text, file: "o.csv") }
        if let fast { #expect((try? careful.get()) == fast, "seed \(seed)") }
        if !odd { #expect(fast != nil, "seed \(seed): a plain file takes the fast path") }
      }
    }
  }

  @Test func shortOutcomesAreTheParsersValuesBitForBit() {
    // Every `-d` and `d.dd`, and near misses, against DecimalParser's fast parse.
    var texts = (0...9).map { "-\($0)" }
    for value in 0..<1000 { texts.append("\(value / 100).\(value / 10 % 10)\(value % 10)") }
    for text in texts {
      let bytes = Array(text.utf8)
      let short = bytes.withUnsafeBufferPointer { OutcomesReader.shortOutcome($0.baseAddress!, 0, $0.count) }
      let parsed = bytes.withUnsafeBufferPointer { DecimalParser.parseFast(bytes: $0) }
      #expect(short != nil && short?.bitPattern == parsed?.bitPattern, "\(text)")
    }
    for text in ["+1", "--", "-a", "1.2", "12.3", "1,25", "1.2a", "a.25", "-1.5", "10", "1e10"] {
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBufferPointer { OutcomesReader.shortOutcome($0.baseAddress!, 0, $0.count) } == nil)
    }
  }

  @Test func chunksOfBothLoopsFindTheirRepeatedPairs() throws {
    // Over a megabyte, so the file is cut into chunks; the last chunk has a
    // padded id (left to the general loop), the others are read in one pass.
    var text = "mentee,mentor,outcome\n"
    for row in 0..<64_000 { text += "E\(100_000 + row / 5),M\(10_000 + row * 7919 % 20_000),\(row % 6)\n" }
    #expect(text.utf8.count >= 1 << 20)
    // The first pair again, padded (the careful path cleans the id), same value: dropped.
    let repeated = text + " E100000 ,M10000,0\n"
    let fast = try #require(OutcomesReader.parseWellFormed(repeated, file: "o.csv"))
    #expect(fast.count == 64_000)
    #expect(fast == (try OutcomesReader.parseCarefully(repeated, file: "o.csv")))
    // With another value: the careful path reports it.
    let clash = text + " E100000 ,M10000,5\n"
    #expect(OutcomesReader.parseWellFormed(clash, file: "o.csv") == nil)
    #expect(throws: InputErrors.self) { try OutcomesReader.parse(clash, file: "o.csv") }
  }
}
