import Assignment
import Foundation

extension ScoreTableReader {
  /// A score file as the `solve` command reads it: whole-number scores as
  /// bytes when it can, else as doubles.
  public enum SolveScores: Sendable {
    /// Every cell empty or a short whole number, from 128 below to 126 above the first.
    case whole(WholeScoreTable)
    /// Any other score file.
    case decimal(ScoreTable)
  }

  /// Reads a score file for `solve`: when the file is plainly well formed
  /// and every score is a short whole number (at most 15 digits, an optional
  /// sign and an optional fraction of zeros, not `−0`) from 128 below to 126
  /// above the first score of the file,
  /// its scores go straight from the text to one byte per pair
  /// (``WholeScoreTable``), on every core, without the doubles; the moment a
  /// cell is anything else, the file is read as ``read(path:)`` reads it,
  /// with the same table and the same errors.
  ///
  /// - Parameter path: The file's path; also the name in problem reports.
  /// - Returns: The scores, as bytes or as doubles.
  /// - Throws: ``InputErrors`` with every problem, as ``read(path:)``.
  /// - Complexity: O(size of the file).
  public static func readForSolve(path: String) throws(InputErrors) -> SolveScores {
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let failure):
      throw InputErrors([InputError.unreadable(file: path, reason: failure.reason)])
    }
    return try solveScores(data, file: path)
  }

  /// ``readForSolve(path:)`` on a file's content already in memory: the
  /// same fast path, fallback and errors (the fuzz target's and the tests'
  /// entry).
  ///
  /// - Parameters:
  ///   - text: The file's content.
  ///   - file: The file name for problem reports.
  /// - Returns: The scores, as bytes or as doubles.
  /// - Throws: ``InputErrors`` with every problem, as ``parse(_:file:)``.
  /// - Complexity: O(length of `text`).
  public static func parseForSolve(_ text: String, file: String) throws(InputErrors) -> SolveScores {
    try solveScores(Data(text.utf8), file: file)
  }

  /// The body of ``readForSolve(path:)`` once the bytes are read.
  private static func solveScores(_ data: Data, file path: String) throws(InputErrors) -> SolveScores {
    let fast: SolveScores? = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let layout = FastLayout(bytes) else { return nil }
      if let whole = parseWholeNumbers(bytes, layout: layout) { return .whole(whole) }
      return parseWellFormed(bytes, layout: layout).map(SolveScores.decimal)
    }
    if let fast { return fast }
    switch CSVTable.text(of: data, path: path) {
    case .success(let text): return .decimal(try parseCarefully(text, file: path))
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// The whole-number table of a plainly well-formed file (see
  /// ``readForSolve(path:)``), or `nil`. The codes are `score − origin + 128`,
  /// `origin` the first score of the first data row (0 when it has none), so
  /// scores from `origin − 128` to `origin + 126` fit.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWholeNumbers(_ bytes: UnsafeBufferPointer<UInt8>, layout: FastLayout) -> WholeScoreTable? {
    guard let origin = firstWholeScore(bytes, from: layout.dataStart) else { return nil }
    guard let (menteeIDs, codes, parts) = fill(bytes, layout: layout, cells: WholeCells(origin: origin)) else {
      return nil
    }
    var low = WholeScoreMatrix.forbidden
    var high: UInt8 = 0
    for part in parts where part.low <= part.high {
      low = min(low, part.low)
      high = max(high, part.high)
    }
    let matrix = WholeScoreMatrix(
      rows: menteeIDs.count, columns: layout.mentorIDs.count, offset: origin - 128,
      codes: codes, codeRange: low <= high ? low...high : nil)
    return WholeScoreTable(menteeIDs: menteeIDs, mentorIDs: layout.mentorIDs, matrix: matrix)
  }

  /// The first non-empty score of the first data line from `from` (blank
  /// lines skipped), 0 when that line has none or there is no data line, or
  /// `nil` when it is not a short whole number (nor is the file, then, a
  /// whole-number table) or the line is unusual.
  ///
  /// - Complexity: O(length of the line).
  private static func firstWholeScore(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var index = from
    let count = bytes.count
    while index < count {
      guard let end = WellFormedCSV.lineEnd(bytes, from: index, limit: count) else { return nil }
      if end.contentEnd == index {
        index = end.next
        continue
      }
      let base = bytes.baseAddress!
      var cursor = index
      while cursor < end.contentEnd && base[cursor] != CSVTokenizer.comma { cursor += 1 }
      while cursor < end.contentEnd {
        cursor += 1
        let start = cursor
        while cursor < end.contentEnd && base[cursor] != CSVTokenizer.comma { cursor += 1 }
        let cell = WellFormedCSV.trimmed(base, start, cursor)
        if cell.isEmpty { continue }
        return WholeCells.wholeNumber(base + cell.lowerBound, count: cell.count)
      }
      return 0
    }
    return 0
  }

  /// Score cells as codes `score − origin + 128` in `0...254` (255 for an
  /// empty cell), with the least and greatest code seen.
  struct WholeCells: FastCells {
    static var blank: UInt8 { WholeScoreMatrix.forbidden }
    let origin: Int
    /// The least code seen (255 when none).
    var low = WholeScoreMatrix.forbidden
    /// The greatest code seen (0 when none).
    var high: UInt8 = 0

    init(origin: Int) { self.origin = origin }

    @inline(__always)
    mutating func value(_ text: UnsafePointer<UInt8>, count: Int) -> UInt8? {
      guard let whole = Self.wholeNumber(text, count: count) else { return nil }
      let code = whole &- origin &+ 128
      guard code >= 0 && code < Int(WholeScoreMatrix.forbidden) else { return nil }
      let byte = UInt8(truncatingIfNeeded: code)
      low = min(low, byte)
      high = max(high, byte)
      return byte
    }

    /// The value of a cell ``shortWholeNumber(_:count:)`` reads as a whole
    /// number, except `−0` (whose double, `−0.0`, is not a plain level):
    /// an optional sign, 1 to 15 digits, an optional fraction of zeros.
    ///
    /// - Complexity: O(`count`).
    @inline(__always)
    static func wholeNumber(_ text: UnsafePointer<UInt8>, count: Int) -> Int? {
      guard let (negative, value) = ScoreTableReader.signedDigits(text, count: count) else { return nil }
      if negative && value == 0 { return nil }
      return negative ? -value : value
    }
  }
}
