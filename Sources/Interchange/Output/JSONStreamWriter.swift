/// Writes JSON straight to a ``ByteSink`` in the layout of Foundation's
/// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// byte for byte (tested against the encoder): two-space indentation,
/// `"key" : value`, empty containers as `[\n\n<indent>]`, strings escaped as
/// the encoder escapes them, and numbers as the encoder prints them.
///
/// The caller gives the keys of each object in sorted order; the writer
/// keeps only the nesting (up to ``maximumDepth`` containers, as bits), so
/// documents of any size stream in O(1) memory.
///
/// ```swift
/// var json = JSONStreamWriter()
/// json.beginObject(&sink)
/// json.key("objective", &sink); JSONStreamWriter.number(1.5, &sink)
/// json.end(&sink)  // {\n  "objective" : 1.5\n}
/// ```
public struct JSONStreamWriter: Sendable {
  /// How many containers are open.
  private var depth = 0
  /// Bit `d` is set while the container at depth `d` (0 the outermost) is still empty.
  private var emptyBits: UInt64 = 0
  /// Bit `d` is set when the container at depth `d` is an array (closed by `]`).
  private var arrayBits: UInt64 = 0
  /// The deepest nesting the writer keeps track of.
  public static let maximumDepth = 63

  /// A writer at the top level.
  public init() {}

  /// A writer inside an array, as if it had opened `depth - 1` objects (each
  /// holding a member already) and then that array, which holds elements
  /// already when `holdingElements`: for writing a block of a large array's
  /// elements apart from the rest of the document (on another core, into
  /// another sink). Its next ``element(_:)`` writes the separator, line
  /// break and indentation of that array's elements: a comma first when
  /// `holdingElements`. Once the blocks are written, the writer that opened
  /// the array learns that it holds elements with
  /// ``noteElementsWrittenElsewhere()``.
  ///
  /// ```swift
  /// var block = JSONStreamWriter.resumingArray(atDepth: 2, holdingElements: range.lowerBound > 0)
  /// for index in range { block.element(&out); JSONStreamWriter.integer(values[index], &out) }
  /// ```
  ///
  /// - Parameters:
  ///   - depth: The array's nesting, 1 for a top-level array.
  ///   - holdingElements: Whether elements came before this writer's.
  /// - Precondition: 1 ≤ `depth` ≤ ``maximumDepth``.
  /// - Complexity: O(1).
  public static func resumingArray(atDepth depth: Int, holdingElements: Bool) -> JSONStreamWriter {
    precondition(depth >= 1 && depth <= maximumDepth, "JSONStreamWriter: an array at depth \(depth)")
    var writer = JSONStreamWriter()
    let bit: UInt64 = 1 << UInt64(depth - 1)
    writer.depth = depth
    writer.arrayBits = bit
    writer.emptyBits = holdingElements ? 0 : bit
    return writer
  }

  /// Marks the innermost open container as holding something written by
  /// other writers (``resumingArray(atDepth:holdingElements:)``), so that
  /// ``end(_:)`` closes it as non-empty and a next element or member takes
  /// a comma. Writes nothing.
  ///
  /// - Precondition: a container is open.
  /// - Complexity: O(1).
  public mutating func noteElementsWrittenElsewhere() {
    _ = separate()
  }

  /// Opens an object (`{`).
  ///
  /// - Precondition: fewer than ``maximumDepth`` containers are open.
  /// - Complexity: O(1).
  public mutating func beginObject(_ sink: inout ByteSink) {
    open(array: false)
    sink.append(UInt8(ascii: "{"))
  }

  /// Opens an array (`[`).
  ///
  /// - Precondition: fewer than ``maximumDepth`` containers are open.
  /// - Complexity: O(1).
  public mutating func beginArray(_ sink: inout ByteSink) {
    open(array: true)
    sink.append(UInt8(ascii: "["))
  }

  @inline(__always)
  private mutating func open(array: Bool) {
    precondition(depth < Self.maximumDepth, "JSONStreamWriter: more than \(Self.maximumDepth) nested containers")
    let bit: UInt64 = 1 << UInt64(depth)
    emptyBits |= bit
    if array { arrayBits |= bit } else { arrayBits &= ~bit }
    depth += 1
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

  /// ``key(_:_:)`` for a name that JSON needs no escape for (a literal of
  /// the program's own, such as `"score"`): the separator, indentation and
  /// `"name" : ` stored with one capacity check.
  ///
  /// - Precondition: `name` holds no `"`, `\` or control character.
  /// - Complexity: O(depth + length of `name`).
  @inline(__always)
  mutating func key(plain name: StaticString, _ sink: inout ByteSink) {
    let length = name.utf8CodeUnitCount
    let separated = separate()
    let indentation = 2 * depth
    sink.withUnsafeSpace(length + indentation + 7) { out in
      var at = Self.lineBreak(separated: separated, indentation: indentation, into: out)
      out[at] = UInt8(ascii: "\"")
      (out + at + 1).update(from: name.utf8Start, count: length)
      at += 1 + length
      out[at] = UInt8(ascii: "\"")
      out[at + 1] = UInt8(ascii: " ")
      out[at + 2] = UInt8(ascii: ":")
      out[at + 3] = UInt8(ascii: " ")
      return at + 4
    }
  }

  /// Starts the next element of the open array.
  ///
  /// - Complexity: O(depth).
  public mutating func element(_ sink: inout ByteSink) { next(&sink) }

  /// Closes the innermost container.
  ///
  /// - Complexity: O(depth).
  public mutating func end(_ sink: inout ByteSink) {
    precondition(depth > 0, "JSONStreamWriter.end without an open container")
    depth -= 1
    let bit: UInt64 = 1 << UInt64(depth)
    let wasEmpty = emptyBits & bit != 0
    let closer = arrayBits & bit != 0 ? UInt8(ascii: "]") : UInt8(ascii: "}")
    let indentation = 2 * depth
    sink.withUnsafeSpace(indentation + 3) { out in
      out[0] = 0x0A
      var at = 1
      if wasEmpty {
        out[1] = 0x0A
        at = 2
      }
      (out + at).update(repeating: UInt8(ascii: " "), count: indentation)
      out[at + indentation] = closer
      return at + indentation + 1
    }
  }

  /// Marks the open container as not empty; returns whether it held
  /// something already (so a comma is due).
  @inline(__always)
  private mutating func separate() -> Bool {
    precondition(depth > 0, "JSONStreamWriter: a member or element outside a container")
    let bit: UInt64 = 1 << UInt64(depth - 1)
    let wasEmpty = emptyBits & bit != 0
    emptyBits &= ~bit
    return !wasEmpty
  }

  /// `,` when due, a line break and the indentation.
  @inline(__always)
  private mutating func next(_ sink: inout ByteSink) {
    let separated = separate()
    let indentation = 2 * depth
    sink.withUnsafeSpace(indentation + 2) { out in
      Self.lineBreak(separated: separated, indentation: indentation, into: out)
    }
  }

  /// Stores `,` when `separated`, a line break and `indentation` spaces at
  /// `out` (room for `indentation + 2` bytes); returns the bytes stored.
  @inline(__always)
  private static func lineBreak(separated: Bool, indentation: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
    let at = separated ? 1 : 0
    if separated { out[0] = UInt8(ascii: ",") }
    out[at] = 0x0A
    (out + at + 1).update(repeating: UInt8(ascii: " "), count: indentation)
    return at + 1 + indentation
  }

  /// Stores `bytes` between quotes, as they are (the caller has checked that
  /// none needs an escape).
  ///
  /// - Complexity: O(`bytes.count`).
  @inline(__always)
  static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ sink: inout ByteSink) {
    sink.withUnsafeSpace(bytes.count + 2) { out in
      out[0] = UInt8(ascii: "\"")
      if let base = bytes.baseAddress { (out + 1).update(from: base, count: bytes.count) }
      out[bytes.count + 1] = UInt8(ascii: "\"")
      return bytes.count + 2
    }
  }

  /// Writes `text` as a JSON string the way `JSONEncoder` does (with
  /// `.withoutEscapingSlashes`): `"` and `\` escaped, `\b \f \n \r \t`, the
  /// other C0 controls as `\u00xx`, everything else (DEL and non-ASCII
  /// included) as it is.
  ///
  /// - Complexity: O(length of `text`).
  public static func string(_ text: String, _ sink: inout ByteSink) {
    var text = text
    text.withUTF8 { string(bytes: $0, &sink) }
  }

  /// ``string(_:_:)`` for the UTF-8 bytes of a text: one copy when no byte
  /// needs an escape (``JSONEscapes/plain(_:visible:)``), else byte by byte.
  ///
  /// - Complexity: O(`bytes.count`).
  static func string(bytes: UnsafeBufferPointer<UInt8>, _ sink: inout ByteSink) {
    if JSONEscapes.plain(bytes, visible: false) {
      quoted(bytes, &sink)
      return
    }
    sink.append(UInt8(ascii: "\""))
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
    sink.append(UInt8(ascii: "\""))
  }

  /// The lower-case hexadecimal digit of `value` (below 16).
  @inline(__always)
  static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }

  /// Writes a finite `Double` as `JSONEncoder` does: its shortest
  /// round-trip `description`, without a trailing `.0` (`1`, `-0`, `0.5`,
  /// `1e-05`, `1e+20`).
  ///
  /// - Complexity: O(1).
  public static func number(_ value: Double, _ sink: inout ByteSink) {
    precondition(value.isFinite, "JSON has no non-finite numbers")
    sink.appendShortest(value, droppingPointZero: true)
  }

  /// Writes an integer.
  ///
  /// - Complexity: O(digits).
  public static func integer(_ value: Int, _ sink: inout ByteSink) {
    sink.appendDecimal(value)
  }

  /// Writes `true` or `false`.
  ///
  /// - Complexity: O(1).
  public static func bool(_ value: Bool, _ sink: inout ByteSink) {
    if value { sink.append("true" as StaticString) } else { sink.append("false" as StaticString) }
  }
}
