/// Writes JSON straight to a ``ByteSink`` in the layout of Foundation's
/// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// byte for byte (tested against the encoder): two-space indentation,
/// `"key" : value`, empty containers as `[\n\n<indent>]`, strings escaped as
/// the encoder escapes them, and numbers as the encoder prints them.
///
/// The caller gives the keys of each object in sorted order; the writer
/// keeps only the nesting, so documents of any size stream in O(depth)
/// memory.
///
/// ```swift
/// var json = JSONStreamWriter()
/// json.beginObject(&sink)
/// json.key("objective", &sink); JSONStreamWriter.number(1.5, &sink)
/// json.end(&sink)  // {\n  "objective" : 1.5\n}
/// ```
public struct JSONStreamWriter: Sendable {
  /// Whether each open container is still empty, innermost last.
  private var empty: [Bool] = []
  /// The closing bracket of each open container.
  private var closers: [UInt8] = []

  /// A writer at the top level.
  public init() {}

  /// Opens an object (`{`).
  ///
  /// - Complexity: O(1).
  public mutating func beginObject(_ sink: inout ByteSink) {
    sink.append(UInt8(ascii: "{"))
    empty.append(true)
    closers.append(UInt8(ascii: "}"))
  }

  /// Opens an array (`[`).
  ///
  /// - Complexity: O(1).
  public mutating func beginArray(_ sink: inout ByteSink) {
    sink.append(UInt8(ascii: "["))
    empty.append(true)
    closers.append(UInt8(ascii: "]"))
  }

  /// Starts the next member of the open object: `,`, a line break, the
  /// indentation and `"name" : `. Members must come in sorted order.
  ///
  /// - Complexity: O(depth + length of `name`).
  public mutating func key(_ name: String, _ sink: inout ByteSink) {
    next(&sink)
    Self.string(name, &sink)
    sink.append(" : " as StaticString)
  }

  /// Starts the next element of the open array.
  ///
  /// - Complexity: O(depth).
  public mutating func element(_ sink: inout ByteSink) { next(&sink) }

  /// Closes the innermost container.
  ///
  /// - Complexity: O(depth).
  public mutating func end(_ sink: inout ByteSink) {
    precondition(!empty.isEmpty, "JSONStreamWriter.end without an open container")
    let wasEmpty = empty.removeLast()
    sink.append(0x0A)
    if wasEmpty { sink.append(0x0A) }
    indent(&sink)
    sink.append(closers.removeLast())
  }

  private mutating func next(_ sink: inout ByteSink) {
    precondition(!empty.isEmpty, "JSONStreamWriter: a member or element outside a container")
    if empty[empty.count - 1] {
      empty[empty.count - 1] = false
    } else {
      sink.append(UInt8(ascii: ","))
    }
    sink.append(0x0A)
    indent(&sink)
  }

  private func indent(_ sink: inout ByteSink) {
    for _ in 0..<empty.count { sink.append("  " as StaticString) }
  }

  /// Writes `text` as a JSON string the way `JSONEncoder` does (with
  /// `.withoutEscapingSlashes`): `"` and `\` escaped, `\b \f \n \r \t`, the
  /// other C0 controls as `\u00xx`, everything else (DEL and non-ASCII
  /// included) as it is.
  ///
  /// - Complexity: O(length of `text`).
  public static func string(_ text: String, _ sink: inout ByteSink) {
    sink.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        if start < index { sink.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
        start = index + 1
        sink.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): sink.append(byte)
        case 0x08: sink.append(UInt8(ascii: "b"))
        case 0x0C: sink.append(UInt8(ascii: "f"))
        case 0x0A: sink.append(UInt8(ascii: "n"))
        case 0x0D: sink.append(UInt8(ascii: "r"))
        case 0x09: sink.append(UInt8(ascii: "t"))
        default:
          sink.append("u00" as StaticString)
          sink.append(hexDigit(byte >> 4))
          sink.append(hexDigit(byte & 0xF))
        }
      }
      if start < bytes.count { sink.append(UnsafeBufferPointer(rebasing: bytes[start...])) }
    }
    sink.append(UInt8(ascii: "\""))
  }

  @inline(__always)
  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }

  /// Writes a finite `Double` as `JSONEncoder` does: its shortest
  /// round-trip `description`, without a trailing `.0` (`1`, `-0`, `0.5`,
  /// `1e-05`, `1e+20`).
  ///
  /// - Complexity: O(1).
  public static func number(_ value: Double, _ sink: inout ByteSink) {
    precondition(value.isFinite, "JSON has no non-finite numbers")
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    sink.append(text)
  }

  /// Writes an integer.
  ///
  /// - Complexity: O(digits).
  public static func integer(_ value: Int, _ sink: inout ByteSink) {
    sink.append(String(value))
  }

  /// Writes `true` or `false`.
  ///
  /// - Complexity: O(1).
  public static func bool(_ value: Bool, _ sink: inout ByteSink) {
    if value { sink.append("true" as StaticString) } else { sink.append("false" as StaticString) }
  }
}
