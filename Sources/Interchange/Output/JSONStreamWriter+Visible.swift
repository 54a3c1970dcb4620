extension JSONStreamWriter {
  /// Writes `text` as a JSON string the way the plan's encoder path does:
  /// ``string(_:_:)`` (Foundation's `JSONEncoder` escapes), and DEL and the
  /// C1 controls (U+0080–U+009F) as `\u007f`…`\u009f` escapes, as
  /// `PlanDocument.escapingDeleteAndC1` writes them, so a plan shown in a
  /// terminal cannot drive it. The decoded string is `text`.
  ///
  /// - Complexity: O(length of `text`).
  public static func visibleString(_ text: String, _ sink: inout ByteSink) {
    var text = text
    text.withUTF8 { visibleString(bytes: $0, &sink) }
  }

  /// ``visibleString(_:_:)`` for the UTF-8 bytes of a text: one copy
  /// between quotes when no byte needs care, the careful paths otherwise.
  ///
  /// - Complexity: O(`bytes.count`).
  static func visibleString(bytes: UnsafeBufferPointer<UInt8>, _ sink: inout ByteSink) {
    if JSONEscapes.plain(bytes, visible: true) {
      quoted(bytes, &sink)
      return
    }
    if !bytes.contains(where: { $0 == 0x7F || $0 == 0xC2 }) {
      string(bytes: bytes, &sink)
      return
    }
    // Rare: escape through a scratch sink, then turn DEL and C1 into escapes.
    var scratch = ByteSink()
    string(bytes: bytes, &scratch)
    let escaped = scratch.bytes
    var index = 0
    while index < escaped.count {
      let byte = escaped[index]
      var control: UInt8?
      if byte == 0x7F {
        control = byte
      } else if byte == 0xC2, index + 1 < escaped.count, (0x80...0x9F).contains(escaped[index + 1]) {
        control = escaped[index + 1]
        index += 1
      }
      if let control {
        sink.append("\\u00" as StaticString)
        sink.append(hexDigit(control >> 4))
        sink.append(hexDigit(control & 0xF))
      } else {
        sink.append(byte)
      }
      index += 1
    }
  }

  /// The order of an object's keys under `.sortedKeys`, for the keys the
  /// plan's streamed objects hold (ASCII lower-case words, `_` and
  /// camel-case): byte order of their UTF-8, on which every key order of the
  /// encoder agrees for such keys (tested against the encoder).
  ///
  /// - Complexity: O(length of the shorter key).
  static func keyPrecedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }
}

extension JSONStreamWriter {
  /// A member whose value is a number: ``key(_:_:)`` then ``number(_:_:)``.
  ///
  /// - Complexity: O(depth + length of `name`).
  mutating func member(_ name: String, number value: Double, _ sink: inout ByteSink) {
    key(name, &sink)
    Self.number(value, &sink)
  }

  /// A member with a literal name (``key(plain:_:)``) whose value is a number.
  ///
  /// - Complexity: O(depth + length of `name`).
  @inline(__always)
  mutating func member(plain name: StaticString, number value: Double, _ sink: inout ByteSink) {
    key(plain: name, &sink)
    Self.number(value, &sink)
  }

  /// A member with a literal name whose value is a whole number.
  ///
  /// - Complexity: O(depth + length of `name`).
  @inline(__always)
  mutating func member(plain name: StaticString, integer value: Int, _ sink: inout ByteSink) {
    key(plain: name, &sink)
    Self.integer(value, &sink)
  }

  /// A member with a literal name whose value is a string written by
  /// ``visibleString(_:_:)``; none at all when `value` is `nil`, as the
  /// encoder leaves out absent optionals.
  ///
  /// - Complexity: O(depth + length of `name` and `value`).
  @inline(__always)
  mutating func member(plain name: StaticString, visible value: String?, _ sink: inout ByteSink) {
    guard let value else { return }
    key(plain: name, &sink)
    Self.visibleString(value, &sink)
  }

}
