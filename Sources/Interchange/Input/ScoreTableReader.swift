import Assignment
import Foundation

/// Reads `SCORES.csv`, the input of the `solve` command.
///
/// ```
/// mentee,m1,m2,m3
/// e1,0.75,,1e-3
/// e2,-2.5,0.5,0
/// ```
///
/// The first header cell must be `mentee` (case-insensitive); the others are
/// mentor identifiers. Each row is a mentee identifier and one score per
/// mentor: a finite decimal (`0.75`, `-2.5`, `1e-3`) of magnitude at most
/// ``AssignmentProblem/maximumScoreMagnitude`` (`1e300`), or an empty cell
/// for a forbidden pair. Identifiers are trimmed and a formula neutralisation is
/// undone (see ``CSVWriter/unneutralized(_:)``); duplicates are errors.
public enum ScoreTableReader {
  /// Reads a score file.
  ///
  /// - Parameter path: The file's path; also the name in problem reports.
  /// - Returns: The table.
  /// - Throws: ``InputErrors`` with every problem.
  /// - Complexity: O(size of the file). A regular file of a megabyte or
  ///   more is mapped (``MappedFile``) rather than copied for the fast path;
  ///   anything the fast path declines, a smaller file, a stream, or a file
  ///   changed while mapped is read into memory as before, so the table and
  ///   every error are the same.
  public static func read(path: String) throws(InputErrors) -> ScoreTable {
    if let table = MappedFile.withBytes(ofRegularFile: path, minimumSize: 1 << 20, parseWellFormed) { return table }
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let failure):
      throw InputErrors([InputError.unreadable(file: path, reason: failure.reason)])
    }
    if let table = data.withUnsafeBytes({ parseWellFormed($0.bindMemory(to: UInt8.self)) }) { return table }
    switch CSVTable.text(of: data, path: path) {
    case .success(let text): return try parseCarefully(text, file: path)
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// Reads a score table from its text.
  ///
  /// - Parameters:
  ///   - text: The file's content.
  ///   - file: The file name for problem reports.
  /// - Returns: The table.
  /// - Throws: ``InputErrors`` with every problem: bad CSV, a first header
  ///   cell other than `mentee`, empty or duplicate identifiers, cells that
  ///   are not finite decimals.
  /// - Complexity: O(length of `text`); scores are parsed straight from the
  ///   UTF-8 bytes.
  public static func parse(_ text: String, file: String) throws(InputErrors) -> ScoreTable {
    var text = text
    if let table = text.withUTF8(parseWellFormed) { return table }
    return try parseCarefully(text, file: file)
  }

  /// ``parse(_:file:)`` without the fast path: the tokenizer, which reports
  /// every problem at its file:line:column.
  static func parseCarefully(_ text: String, file: String) throws(InputErrors) -> ScoreTable {
    var text = text
    var problems: [InputError] = []
    let table: ScoreTable? = text.withUTF8 { bytes in
      var reader = Reader(bytes: bytes, file: file)
      var tokenizer = CSVTokenizer(bytes: bytes, file: file)
      tokenizer.run { fields, line, malformed in
        reader.record(fields, line: line, malformed: malformed)
      }
      problems = tokenizer.errors + reader.problems
      guard let mentorIDs = reader.mentorIDs else {
        if tokenizer.errors.isEmpty {
          problems.append(
            InputError(
              file: file, line: 1, column: 1,
              message:
                "the file is empty; expected a header row such as 'mentee,<mentor id>,...' followed by "
                + "one row of scores per mentee"))
        }
        return nil
      }
      return problems.isEmpty
        ? ScoreTable(menteeIDs: reader.menteeIDs, mentorIDs: mentorIDs, scores: reader.scores) : nil
    }
    guard let table else { throw InputErrors(problems) }
    return table
  }

  /// Where the score of mentee `row` and mentor `column` is in a score file's
  /// text, for messages about a cell.
  ///
  /// - Parameters:
  ///   - row: A mentee index (the `row`-th data row, blank lines skipped).
  ///   - column: A mentor index.
  ///   - text: The file's content, as ``parse(_:file:)`` read it.
  ///   - file: The file name.
  /// - Returns: The cell's line and column, or `nil` when there is no such cell.
  /// - Complexity: O(length of `text`).
  public static func location(row: Int, column: Int, in text: String, file: String) -> (line: Int, column: Int)? {
    var text = text
    return text.withUTF8 { bytes in
      var tokenizer = CSVTokenizer(bytes: bytes, file: file)
      var record = -1
      var found: (line: Int, column: Int)?
      tokenizer.run { fields, _, malformed in
        if found != nil || (!malformed && fields.allSatisfy(\.isEmpty)) { return }
        if record == row, column + 1 < fields.count {
          found = (fields[column + 1].line, fields[column + 1].column)
        }
        record += 1
      }
      return found
    }
  }

  /// The state of one read.
  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var mentorIDs: [String]?
    var menteeIDs: [String] = []
    var scores: [Double] = []
    var problems: [InputError] = []
    var menteeLines: [String: Int] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
      self.bytes = bytes
      self.file = file
    }

    mutating func report(_ field: RawField, _ message: String) {
      problems.append(
        InputError(file: file, line: field.line, column: field.column, message: message))
    }

    mutating func record(_ fields: [RawField], line: Int, malformed: Bool) {
      if !malformed && fields.allSatisfy(\.isEmpty) { return }
      guard let mentorIDs else {
        header(fields)
        return
      }
      if malformed { return }
      guard fields.count == mentorIDs.count + 1 else {
        problems.append(
          InputError(
            file: file, line: line, column: 1,
            message:
              "this row has \(fields.count) fields but the header has \(mentorIDs.count + 1); "
              + "expected a mentee id and one score per mentor"))
        return
      }
      let id = CellText.clean(fields[0].string(in: bytes))
      if id.isEmpty {
        report(fields[0], "empty mentee id; every row starts with a mentee id")
      } else if let first = menteeLines[id] {
        report(fields[0], "duplicate mentee '\(id)'; line \(first) already gives their scores")
      } else {
        menteeLines[id] = line
      }
      menteeIDs.append(id)
      for field in fields[1...] {
        scores.append(score(field))
      }
    }

    mutating func header(_ fields: [RawField]) {
      let first = CellText.trimmed(fields[0].string(in: bytes))
      if first.lowercased() != "mentee" {
        report(
          fields[0],
          "the first header cell is '\(first)'; expected 'mentee', then one mentor id per column "
            + "(mentee,<mentor id>,...)")
      }
      var ids: [String] = []
      var seen: [String: Int] = [:]
      for (index, field) in fields.enumerated().dropFirst() {
        let id = CellText.clean(field.string(in: bytes))
        if id.isEmpty {
          report(
            field, "empty mentor id in the header; every column after 'mentee' needs a mentor id")
        } else if let column = seen[id] {
          report(field, "duplicate mentor '\(id)'; header column \(column + 1) already has it")
        } else {
          seen[id] = index
        }
        ids.append(id)
      }
      mentorIDs = ids
    }

    /// The score in `field`; `.nan` when empty, and also (after reporting)
    /// when the cell is not a finite decimal.
    mutating func score(_ field: RawField) -> Double {
      var start = field.start
      var end = field.end
      if !field.escaped {
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start == end { return .nan }
        if let value = DecimalParser.parse(
          bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])),
          value.isFinite
        {
          if abs(value) <= AssignmentProblem.maximumScoreMagnitude { return value }
          let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          report(
            field,
            "score \(text) is too large in magnitude; expected a score between -1e300 and 1e300 "
              + "(rescale the scores: only their differences matter)")
          return .nan
        }
      }
      let text = CellText.trimmed(field.string(in: bytes))
      if text.isEmpty { return .nan }
      report(
        field,
        DecimalParser.notANumber(
          text,
          expected: "a score (a finite decimal such as 0.75), or an empty cell for a forbidden pair"
        ))
      return .nan
    }
  }
}
