/// A field as ``CSVTokenizer`` found it: a byte range of the input and the
/// place where the field starts.
struct RawField {
  /// The offset of the first content byte (after an opening quote).
  var start: Int
  /// The offset just past the last content byte (before a closing quote).
  var end: Int
  /// Whether the field was quoted.
  var quoted: Bool
  /// Whether the content holds `""` escapes that must be collapsed.
  var escaped: Bool
  /// The 1-based line of the field's first character (its opening quote when quoted).
  var line: Int
  /// The 1-based column, in characters, of the field's first character.
  var column: Int

  /// Whether the field has no content.
  var isEmpty: Bool { start == end }

  /// The field's text, with `""` escapes collapsed.
  ///
  /// - Parameter bytes: The buffer the field was found in.
  /// - Returns: The field's value.
  /// - Complexity: O(length of the field).
  func string(in bytes: UnsafeBufferPointer<UInt8>) -> String {
    let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
    guard escaped else { return String(decoding: slice, as: UTF8.self) }
    var unescaped: [UInt8] = []
    unescaped.reserveCapacity(slice.count)
    var index = 0
    while index < slice.count {
      let byte = slice[index]
      unescaped.append(byte)
      // Inside a closed quoted field every quote is the first of a `""` pair.
      index += byte == CSVTokenizer.quote ? 2 : 1
    }
    return String(decoding: unescaped, as: UTF8.self)
  }
}

/// A small, strict RFC 4180 tokenizer that reports the line and column of
/// every field and of every problem.
///
/// We write our own rather than use a CSV package because the packages we
/// checked (yaslab/CSV.swift, swiftcsv/SwiftCSV) neither report line and
/// column positions nor reject malformed quoting, and MentorMatch must point
/// users at the file, line and column of each problem.
///
/// The grammar: fields are separated by commas and records by CRLF or LF; a
/// field is either unquoted (no quote, comma, CR or LF inside) or enclosed in
/// double quotes, with `""` standing for one quote and commas, CR and LF
/// allowed inside. A UTF-8 byte order mark at the very start is skipped.
/// Problems (an unterminated quote, a quote inside an unquoted field,
/// characters after a closing quote, a CR without LF) are collected, and the
/// tokenizer carries on after each so that one run reports them all.
///
/// The tokenizer works on UTF-8 bytes; columns are counted in `Character`s
/// only on lines that hold non-ASCII text, so ASCII input costs one pass.
struct CSVTokenizer {
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let carriageReturn = UInt8(ascii: "\r")
  static let lineFeed = UInt8(ascii: "\n")

  /// The input.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The file name used in problem reports.
  let file: String
  /// The problems found so far.
  private(set) var errors: [InputError] = []

  /// The offset of the next byte to read.
  private var index = 0
  /// The current 1-based line.
  private var line = 1
  /// A byte offset on the current line whose column is `anchorColumn`.
  private var anchor = 0
  /// The column of `anchor`.
  private var anchorColumn = 1
  /// The bitwise OR of every byte scanned since `anchor`: below 0x80 when
  /// they were all ASCII.
  private var seen: UInt8 = 0

  /// Creates a tokenizer over `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 text.
  ///   - file: The file name for problem reports.
  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
  }

  /// Splits the input into records and hands each to `onRecord`, blank
  /// records included (the caller decides what blank means).
  ///
  /// - Parameter onRecord: Called once per record with its fields (valid only
  ///   during the call), the line the record starts on, and whether a problem
  ///   was reported inside it.
  /// - Complexity: O(*n*) for *n* bytes of ASCII; lines with non-ASCII text
  ///   add a character count of the text before each field on them.
  mutating func run(_ onRecord: (_ fields: [RawField], _ line: Int, _ malformed: Bool) -> Void) {
    let count = bytes.count
    if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      index = 3
      anchor = 3
    }
    var fields: [RawField] = []
    while index < count {
      fields.removeAll(keepingCapacity: true)
      let recordLine = line
      var malformed = false
      while true {
        let fieldLine = line
        let fieldColumn = column(at: index)
        if index < count && bytes[index] == Self.quote {
          guard let field = quotedField(line: fieldLine, column: fieldColumn, malformed: &malformed)
          else {
            // Unterminated: the field ran to the end of the input.
            fields.append(
              RawField(
                start: count, end: count, quoted: true, escaped: false, line: fieldLine,
                column: fieldColumn))
            onRecord(fields, recordLine, true)
            return
          }
          fields.append(field)
        } else {
          fields.append(unquotedField(line: fieldLine, column: fieldColumn, malformed: &malformed))
        }
        if index >= count { break }
        let byte = bytes[index]
        if byte == Self.comma {
          index += 1
          continue
        }
        if byte == Self.carriageReturn {
          if index + 1 < count && bytes[index + 1] == Self.lineFeed {
            index += 2
          } else {
            report(
              column(at: index),
              "a carriage return (CR) not followed by a line feed (LF); end lines with CRLF or LF")
            malformed = true
            index += 1
          }
        } else {
          index += 1  // LF
        }
        startLine(at: index)
        break
      }
      onRecord(fields, recordLine, malformed)
    }
  }

  /// Reads a quoted field whose opening quote is at `index`.
  ///
  /// - Returns: The field, or `nil` when the input ends before its closing quote.
  private mutating func quotedField(
    line fieldLine: Int, column fieldColumn: Int, malformed: inout Bool
  )
    -> RawField?
  {
    let count = bytes.count
    index += 1
    let start = index
    var escaped = false
    while true {
      guard index < count else {
        report(
          fieldLine, fieldColumn,
          "this quoted field is never closed; add the closing quote (\"), "
            + "and write a quote inside a field as \"\"")
        malformed = true
        return nil
      }
      let byte = bytes[index]
      if byte == Self.quote {
        if index + 1 < count && bytes[index + 1] == Self.quote {
          escaped = true
          index += 2
          continue
        }
        break
      }
      index += 1
      if byte == Self.lineFeed {
        startLine(at: index)
      } else {
        seen |= byte
      }
    }
    let field = RawField(
      start: start, end: index, quoted: true, escaped: escaped, line: fieldLine, column: fieldColumn
    )
    index += 1
    if index < count {
      let byte = bytes[index]
      if byte != Self.comma && byte != Self.lineFeed && byte != Self.carriageReturn {
        report(
          column(at: index),
          "unexpected text after the closing quote of a field; a quoted field must end at a comma "
            + "or the line end (write a quote inside a field as \"\")")
        malformed = true
        while index < count {
          let byte = bytes[index]
          if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
          seen |= byte
          index += 1
        }
      }
    }
    return field
  }

  /// Reads an unquoted field starting at `index`.
  private mutating func unquotedField(
    line fieldLine: Int, column fieldColumn: Int, malformed: inout Bool
  )
    -> RawField
  {
    let count = bytes.count
    let start = index
    var reported = false
    while index < count {
      let byte = bytes[index]
      if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
      if byte == Self.quote && !reported {
        report(
          column(at: index),
          "a quote inside an unquoted field; enclose the whole field in quotes "
            + "and write the quote as \"\"")
        reported = true
        malformed = true
      }
      seen |= byte
      index += 1
    }
    return RawField(
      start: start, end: index, quoted: false, escaped: false, line: fieldLine, column: fieldColumn)
  }

  /// Notes that a new line starts at byte `offset`.
  private mutating func startLine(at offset: Int) {
    line += 1
    anchor = offset
    anchorColumn = 1
    seen = 0
  }

  /// The column of byte `offset` on the current line. Must be called with
  /// non-decreasing offsets, before the byte at `offset` is scanned.
  private mutating func column(at offset: Int) -> Int {
    if seen < 0x80 { return anchorColumn + (offset - anchor) }
    let text = UnsafeBufferPointer(rebasing: bytes[anchor..<offset])
    anchorColumn += String(decoding: text, as: UTF8.self).count
    anchor = offset
    seen = 0
    return anchorColumn
  }

  private mutating func report(_ column: Int, _ message: String) {
    report(line, column, message)
  }

  private mutating func report(_ line: Int, _ column: Int, _ message: String) {
    errors.append(InputError(file: file, line: line, column: column, message: message))
  }
}
