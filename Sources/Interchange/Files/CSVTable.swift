import Foundation

/// A CSV file parsed into a header and records, every field keeping the line
/// and column where it starts so that readers can point at bad cells.
///
/// The format is strict RFC 4180 (see `CSVTokenizer`): comma separators,
/// CRLF or LF line ends, `"`-quoted fields with `""` escapes and embedded
/// line breaks, and an optional UTF-8 byte order mark. Blank records (every
/// field empty) are skipped; the first remaining record is the header, and
/// every later record must have as many fields as the header.
///
/// ```swift
/// let table = try CSVTable.parse("id,name\nm1,Ada\n", file: "mentors.csv")
/// table.records[0][1].value  // "Ada", at line 2, column 4
/// ```
public struct CSVTable: Sendable, Hashable {
  /// One cell and where it starts.
  public struct Field: Sendable, Hashable {
    /// The cell's text, unquoted and unescaped, not trimmed.
    public var value: String
    /// The 1-based line of the cell's first character (its opening quote when quoted).
    public var line: Int
    /// The 1-based column, in characters, of the cell's first character.
    public var column: Int

    /// Creates a field.
    ///
    /// - Parameters:
    ///   - value: The text.
    ///   - line: The 1-based line.
    ///   - column: The 1-based column.
    /// - Complexity: O(1).
    public init(value: String, line: Int, column: Int) {
      self.value = value
      self.line = line
      self.column = column
    }
  }

  /// One row of the file.
  public struct Record: Sendable, Hashable {
    /// The cells, in column order.
    public var fields: [Field]
    /// The 1-based line the record starts on.
    public var line: Int

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - fields: The cells.
    ///   - line: The line the record starts on.
    /// - Complexity: O(1).
    public init(fields: [Field], line: Int) {
      self.fields = fields
      self.line = line
    }

    /// The number of cells.
    public var count: Int { fields.count }

    /// The cell in column `index` (0-based).
    ///
    /// - Complexity: O(1).
    public subscript(index: Int) -> Field { fields[index] }
  }

  /// The file name used in problem reports.
  public var file: String
  /// The header row.
  public var header: Record
  /// The data rows, without blank ones.
  public var records: [Record]

  /// Creates a table from parts.
  ///
  /// - Parameters:
  ///   - file: The file name for problem reports.
  ///   - header: The header row.
  ///   - records: The data rows.
  /// - Complexity: O(1).
  public init(file: String, header: Record, records: [Record]) {
    self.file = file
    self.header = header
    self.records = records
  }

  /// Parses a whole file's text.
  ///
  /// - Parameters:
  ///   - text: The file's content.
  ///   - file: The file name used in problem reports.
  ///   - expectedHeader: An example header row, quoted in the message when the
  ///     file is empty.
  /// - Returns: The table.
  /// - Throws: ``InputErrors`` listing every quoting problem and every record
  ///   whose field count differs from the header's, or that the file is empty.
  /// - Complexity: O(*n*) for *n* bytes (plus a character count of the text
  ///   before each field on lines with non-ASCII text).
  public static func parse(_ text: String, file: String, expectedHeader: String? = nil)
    throws(InputErrors)
    -> CSVTable
  {
    var errors: [InputError] = []
    let table = collect(text, file: file, expectedHeader: expectedHeader, errors: &errors)
    if let table, errors.isEmpty { return table }
    throw InputErrors(errors)
  }

  /// Reads and parses a file.
  ///
  /// - Parameters:
  ///   - path: The file's path; also the file name used in problem reports.
  ///   - expectedHeader: An example header row, quoted in the message when the
  ///     file is empty.
  /// - Returns: The table.
  /// - Throws: ``InputErrors``: the file cannot be read or is not UTF-8
  ///   (one error), or the problems ``parse(_:file:expectedHeader:)`` reports.
  /// - Complexity: O(size of the file).
  public static func read(path: String, expectedHeader: String? = nil) throws(InputErrors)
    -> CSVTable
  {
    let text: String
    switch loadText(path: path) {
    case .success(let loaded): text = loaded
    case .failure(let error): throw InputErrors([error])
    }
    return try parse(text, file: path, expectedHeader: expectedHeader)
  }

  /// Parses `text`, appending problems to `errors` instead of throwing.
  ///
  /// - Returns: The table (without the records that had problems), or `nil`
  ///   when there is no header.
  static func collect(
    _ text: String, file: String, expectedHeader: String?, errors: inout [InputError]
  ) -> CSVTable? {
    var header: Record?
    var records: [Record] = []
    scan(text, file: file, expectedHeader: expectedHeader, errors: &errors) { record, isHeader in
      if isHeader { header = record } else { records.append(record) }
    }
    return header.map { CSVTable(file: file, header: $0, records: records) }
  }

  /// Parses `text` one record at a time, so that a reader needs memory for
  /// one record rather than the whole table.
  ///
  /// - Parameters:
  ///   - text: The file's content.
  ///   - file: The file name for problem reports.
  ///   - expectedHeader: An example header row for the empty-file message.
  ///   - errors: Where problems are appended: quoting problems, records with
  ///     the wrong field count (which are not handed on), an empty file.
  ///   - onRecord: Called with the header (`isHeader` true) and then with
  ///     every well-formed, non-blank data record, in file order.
  /// - Complexity: O(*n*) for *n* bytes.
  static func scan(
    _ text: String, file: String, expectedHeader: String?, errors: inout [InputError],
    _ onRecord: (_ record: Record, _ isHeader: Bool) -> Void
  ) {
    var text = text
    text.withUTF8 { bytes in
      var headerCount: Int?
      var tokenizer = CSVTokenizer(bytes: bytes, file: file)
      var shortOrLong: [InputError] = []
      tokenizer.run { fields, line, malformed in
        if fields.allSatisfy(\.isEmpty) && !malformed { return }
        func record() -> Record {
          Record(
            fields: fields.map {
              Field(value: $0.string(in: bytes), line: $0.line, column: $0.column)
            },
            line: line)
        }
        guard let headerCount else {
          headerCount = fields.count
          onRecord(record(), true)
          return
        }
        if malformed { return }
        if fields.count != headerCount {
          shortOrLong.append(
            InputError(
              file: file, line: line, column: 1,
              message:
                "this row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header "
                + "has \(headerCount); enclose any field that contains a comma in quotes"))
          return
        }
        onRecord(record(), false)
      }
      errors += tokenizer.errors + shortOrLong
      if headerCount == nil && tokenizer.errors.isEmpty {
        let example = expectedHeader.map { " such as '\($0)'" } ?? ""
        errors.append(
          InputError(
            file: file, line: 1, column: 1,
            message:
              "the file is empty; expected a header row\(example) followed by one row per record"))
      }
    }
  }

  /// Loads a file as UTF-8 text.
  ///
  /// - Returns: The text, or an error at line 1, column 1 when the file cannot
  ///   be read, or at the first bad byte when it is not UTF-8.
  static func loadText(path: String) -> Result<String, InputError> {
    // An ASCII file is read straight into its text; anything else, and every failure, as bytes.
    if let text = InputFile.readASCIIText(path) { return .success(text) }
    return loadTextFromBytes(path: path)
  }

  /// Loads any file as UTF-8 text by its bytes: ``loadText(path:)``'s path
  /// for a file that is not all ASCII (or cannot be read).
  ///
  /// - Returns: As ``loadText(path:)``.
  /// - Complexity: O(size of the file).
  static func loadTextFromBytes(path: String) -> Result<String, InputError> {
    switch InputFile.read(path) {
    case .success(let bytes): return text(of: bytes, path: path)
    case .failure(let error): return .failure(InputError.unreadable(file: path, reason: error.reason))
    }
  }

  /// A file's bytes as UTF-8 text.
  ///
  /// - Returns: The text, or an error at the first bad byte when it is not UTF-8.
  static func text(of data: Data, path: String) -> Result<String, InputError> {
    let text: String? = data.withUnsafeBytes { raw in
      String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
    }
    if let text { return .success(text) }
    return .failure(invalidUTF8(data, file: path))
  }

  /// The error for the first byte of `data` that is not valid UTF-8.
  private static func invalidUTF8(_ data: Data, file: String) -> InputError {
    let bytes = [UInt8](data)
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    parsing: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .error: break parsing
      case .emptyInput: break parsing
      }
    }
    let lineStart = bytes[..<offset].lastIndex(of: CSVTokenizer.lineFeed).map { $0 + 1 } ?? 0
    let line = bytes[..<offset].reduce(1) { $1 == CSVTokenizer.lineFeed ? $0 + 1 : $0 }
    let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
    let byte = offset < bytes.count ? String(bytes[offset], radix: 16, uppercase: true) : "?"
    return InputError(
      file: file, line: line, column: column,
      message: "the file is not valid UTF-8 (byte 0x\(byte) here); save it with UTF-8 encoding")
  }
}
