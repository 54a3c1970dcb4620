/// ``CSVWriter``'s cells written straight to a ``ByteSink``: the same bytes
/// as ``CSVWriter/field(_:)`` (tested), without making a `String` per cell.
enum CSVCellBytes {
  /// A text cell: a leading `'` when it starts like a formula (after any
  /// apostrophes), quoted with inner quotes doubled when it holds a comma,
  /// quote, CR or LF.
  ///
  /// - Complexity: O(length of `value`).
  static func text(_ value: String, _ sink: inout ByteSink) {
    if value.utf8.withContiguousStorageIfAvailable({ text(bytes: $0, &sink) }) == nil {
      var value = value
      value.withUTF8 { text(bytes: $0, &sink) }
    }
  }

  /// ``text(_:_:)`` for the UTF-8 bytes of a text.
  ///
  /// - Complexity: O(`bytes.count`).
  static func text(bytes: UnsafeBufferPointer<UInt8>, _ sink: inout ByteSink) {
    if ByteScan.none(below: 0x20, orEqualTo: (0x2C, 0x22, 0x2C, 0x2C), in: bytes) {
      plain(bytes, &sink)
      return
    }
    let formula = startsLikeFormula(bytes)
    // With no control character at all, the scan above stopped at a comma or a quote.
    var quoted = ByteScan.none(below: 0x20, orEqualTo: (0, 0, 0, 0), in: bytes)
    if !quoted {
      for byte in bytes where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A {
        quoted = true
        break
      }
    }
    if quoted { sink.append(UInt8(ascii: "\"")) }
    if formula { sink.append(UInt8(ascii: "'")) }
    if quoted && ByteScan.none(below: 0, orEqualTo: (0x22, 0x22, 0x22, 0x22), in: bytes) {
      // No quote to double (most quoted cells: a comma): one copy.
      sink.append(bytes)
      sink.append(UInt8(ascii: "\""))
    } else if quoted {
      var start = 0
      for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\"") {
        sink.append(UnsafeBufferPointer(rebasing: bytes[start...index]))
        sink.append(UInt8(ascii: "\""))
        start = index + 1
      }
      sink.append(UnsafeBufferPointer(rebasing: bytes[start...]))
      sink.append(UInt8(ascii: "\""))
    } else {
      sink.append(bytes)
    }
  }

  /// A text cell of the UTF-8 bytes of a text from the input, its control
  /// characters made visible first: the bytes of
  /// `text(DisplayText.visible(String(decoding: bytes, as: UTF8.self)))`,
  /// with no `String` made unless a control character is there.
  ///
  /// - Precondition: `bytes` is valid UTF-8.
  /// - Complexity: O(`bytes.count`).
  static func shown(bytes: UnsafeBufferPointer<UInt8>, _ sink: inout ByteSink) {
    // One scan: most cells hold no control character, and a comma or a quote
    // then only asks for quoting (no control character means no CR or LF).
    let contents = ByteScan.cellContents(bytes)
    if !contents.control {
      if contents.quote {
        text(bytes: bytes, &sink)
      } else if contents.comma {
        quoted(bytes, &sink)
      } else {
        plain(bytes, &sink)
      }
      return
    }
    var previous: UInt8 = 0
    for byte in bytes {
      // C0, DEL, and C1 (encoded C2 80 … C2 9F): the careful path escapes them.
      if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) {
        text(DisplayText.visible(String(decoding: bytes, as: UTF8.self)), &sink)
        return
      }
      previous = byte
    }
    text(bytes: bytes, &sink)
  }

  /// Whether a cell starts like a formula once its leading apostrophes are
  /// skipped (`=`, `+`, `-`, `@`, tab or carriage return), so that it needs
  /// a leading `'` to be shown as text.
  ///
  /// - Complexity: O(leading apostrophes).
  @inline(__always)
  private static func startsLikeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count && bytes[index] == UInt8(ascii: "'") { index += 1 }
    guard index < bytes.count else { return false }
    switch bytes[index] {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
    default: return false
    }
  }

  /// A text cell of bytes with no control character, comma or quote: only
  /// a formula's leading `'` can be needed.
  ///
  /// - Complexity: O(`bytes.count`).
  @inline(__always)
  private static func plain(_ bytes: UnsafeBufferPointer<UInt8>, _ sink: inout ByteSink) {
    let formula = startsLikeFormula(bytes)
    sink.withUnsafeSpace(bytes.count + 1) { out in
      var at = 0
      if formula {
        out[0] = UInt8(ascii: "'")
        at = 1
      }
      if let base = bytes.baseAddress { ByteSink.copy(base, to: out + at, count: bytes.count) }
      return at + bytes.count
    }
  }

  /// A text cell of bytes with a comma but no quote or control character:
  /// the bytes between quotes, after a formula's leading `'`.
  ///
  /// - Complexity: O(`bytes.count`).
  @inline(__always)
  private static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ sink: inout ByteSink) {
    let formula = startsLikeFormula(bytes)
    sink.withUnsafeSpace(bytes.count + 3) { out in
      out[0] = UInt8(ascii: "\"")
      var at = 1
      if formula {
        out[1] = UInt8(ascii: "'")
        at = 2
      }
      if let base = bytes.baseAddress { ByteSink.copy(base, to: out + at, count: bytes.count) }
      out[at + bytes.count] = UInt8(ascii: "\"")
      return at + bytes.count + 1
    }
  }

  /// A whole-number cell: the digits of `String(value)`, written without
  /// making the `String` (``ByteSink/appendDecimal(_:)``).
  ///
  /// - Complexity: O(digits).
  static func integer(_ value: Int, _ sink: inout ByteSink) {
    sink.appendDecimal(value)
  }

  /// A number cell: Swift's shortest round-trip text
  /// (``ByteSink/appendShortest(_:droppingPointZero:)``), `0` for either zero.
  ///
  /// - Complexity: O(1).
  static func number(_ value: Double, _ sink: inout ByteSink) {
    precondition(value.isFinite, "CSVWriter writes only finite numbers, not \(value)")
    if value == 0 { sink.append(UInt8(ascii: "0")) } else { sink.appendShortest(value) }
  }

  /// The cells of one row, with the commas between them.
  struct Row {
    private var started = false

    @inline(__always)
    private mutating func separate(_ sink: inout ByteSink) {
      if started { sink.append(UInt8(ascii: ",")) }
      started = true
    }

    /// A text cell.
    mutating func text(_ value: String, _ sink: inout ByteSink) {
      separate(&sink)
      CSVCellBytes.text(value, &sink)
    }

    /// A text cell from the input, its control characters made visible (``DisplayText/visible(_:keepingLineBreaks:)``).
    mutating func shown(_ value: String, _ sink: inout ByteSink) {
      separate(&sink)
      if value.utf8.withContiguousStorageIfAvailable({ CSVCellBytes.shown(bytes: $0, &sink) }) == nil {
        var value = value
        value.withUTF8 { CSVCellBytes.shown(bytes: $0, &sink) }
      }
    }

    /// A cell of UTF-8 bytes assembled from texts of the input (a summary
    /// line), shown as ``shown(_:_:)`` shows the `String` of those bytes.
    mutating func shown(bytes: [UInt8], _ sink: inout ByteSink) {
      separate(&sink)
      bytes.withUnsafeBufferPointer { CSVCellBytes.shown(bytes: $0, &sink) }
    }

    /// ``shown(bytes:_:)-([UInt8],_)`` for the bytes an in-memory sink holds
    /// (a reused scratch buffer).
    mutating func shown(bytes: borrowing ByteSink, _ sink: inout ByteSink) {
      separate(&sink)
      bytes.withBytes { CSVCellBytes.shown(bytes: $0, &sink) }
    }

    /// An e-mail cell: shown, or empty when there is none.
    mutating func email(_ value: String?, _ sink: inout ByteSink) {
      if let value { shown(value, &sink) } else { empty(1, &sink) }
    }

    /// A number cell.
    mutating func number(_ value: Double, _ sink: inout ByteSink) {
      separate(&sink)
      CSVCellBytes.number(value, &sink)
    }

    /// A whole-number cell.
    mutating func integer(_ value: Int, _ sink: inout ByteSink) {
      separate(&sink)
      CSVCellBytes.integer(value, &sink)
    }

    /// `count` empty cells.
    mutating func empty(_ count: Int, _ sink: inout ByteSink) {
      for _ in 0..<count { separate(&sink) }
    }
  }
}
