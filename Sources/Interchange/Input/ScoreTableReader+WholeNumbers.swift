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
    // A large regular file is mapped rather than copied for the fast path;
    // anything it declines (or a file changed meanwhile) is read as before.
    if let fast = MappedFile.withBytes(ofRegularFile: path, minimumSize: 1 << 20, fastSolveScores) { return fast }
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let failure):
      throw InputErrors([InputError.unreadable(file: path, reason: failure.reason)])
    }
    return try solveScores(data, file: path)
  }

  /// The first step of ``readForSolve(path:)`` alone: the scores of a
  /// regular file of a megabyte or more that the fast path reads from its
  /// mapping, else `nil` (the file is then read by ``readForSolve(path:)``'s
  /// other steps). Anything but a regular file of that size is left
  /// untouched: not opened, so a stream or a FIFO is neither read nor
  /// waited on. When it returns scores, ``readForSolve(path:)`` returns the
  /// same for the same file.
  ///
  /// - Parameter path: The file's path.
  /// - Returns: The scores, or `nil`.
  /// - Complexity: O(size of the file).
  public static func readMappedForSolve(path: String) -> SolveScores? {
    guard MappedFile.isRegularFile(path, minimumSize: 1 << 20) else { return nil }
    return MappedFile.withBytes(ofRegularFile: path, minimumSize: 1 << 20, fastSolveScores)
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
    let fast: SolveScores? = data.withUnsafeBytes { raw in fastSolveScores(raw.bindMemory(to: UInt8.self)) }
    if let fast { return fast }
    switch CSVTable.text(of: data, path: path) {
    case .success(let text): return .decimal(try parseCarefully(text, file: path))
    case .failure(let error): throw InputErrors([error])
    }
  }

  /// The fast path of ``readForSolve(path:)`` on a file's bytes: the
  /// whole-number table, else the well-formed table of doubles, else `nil`
  /// (the careful path then reads the file).
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  private static func fastSolveScores(_ bytes: UnsafeBufferPointer<UInt8>) -> SolveScores? {
    guard let layout = FastLayout(bytes) else { return nil }
    if let whole = parseWholeNumbers(bytes, layout: layout) { return .whole(whole) }
    return parseWellFormed(bytes, layout: layout).map(SolveScores.decimal)
  }

  /// The whole-number table of a plainly well-formed file (see
  /// ``readForSolve(path:)``), or `nil`. The codes are parsed as
  /// `score − origin + 128`, `origin` the first score of the first data row
  /// (0 when it has none), so scores from `origin − 128` to `origin + 126`
  /// fit; then shifted in place so that the least allowed score has code 0
  /// (`score − lowest`): maximising, the codes are then the solver's level
  /// ranks themselves, which ``CertifiedAssignment/solve(whole:capacities:sense:candidatesPerRow:)``
  /// shares instead of copying.
  ///
  /// - Complexity: O(*n*) for *n* bytes, over the available cores.
  static func parseWholeNumbers(_ bytes: UnsafeBufferPointer<UInt8>, layout: FastLayout) -> WholeScoreTable? {
    guard let origin = firstWholeScore(bytes, from: layout.dataStart) else { return nil }
    guard case (let menteeIDs, var codes, let parts)? = fill(bytes, layout: layout, cells: WholeCells(origin: origin))
    else {
      return nil
    }
    var low = WholeScoreMatrix.forbidden
    var high: UInt8 = 0
    for part in parts {
      let bounds = part.bounds
      guard bounds.low <= bounds.high else { continue }
      low = min(low, bounds.low)
      high = max(high, bounds.high)
    }
    guard low <= high else {
      let matrix = WholeScoreMatrix(
        rows: menteeIDs.count, columns: layout.mentorIDs.count, offset: origin - 128, codes: codes, codeRange: nil)
      return WholeScoreTable(menteeIDs: menteeIDs, mentorIDs: layout.mentorIDs, matrix: matrix)
    }
    shiftCodes(&codes, down: low, workers: layout.cuts.count - 1)
    let matrix = WholeScoreMatrix(
      rows: menteeIDs.count, columns: layout.mentorIDs.count, offset: origin - 128 + Int(low),
      codes: codes, codeRange: 0...(high - low))
    return WholeScoreTable(menteeIDs: menteeIDs, mentorIDs: layout.mentorIDs, matrix: matrix)
  }

  /// Subtracts `low` from every code but ``WholeScoreMatrix/forbidden``, in
  /// place, on `workers` threads; `low` is at most every such code.
  ///
  /// - Complexity: O(`codes.count`).
  static func shiftCodes(_ codes: inout [UInt8], down low: UInt8, workers: Int) {
    guard low > 0 else { return }
    let count = codes.count
    let parts = max(1, min(workers, count / (1 << 18) + 1))
    codes.withUnsafeMutableBufferPointer { buffer in
      let shared = SharedPointer(buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: parts) { w in
        let codes = shared.base
        for k in (count * w / parts)..<(count * (w + 1) / parts) {
          let code = codes[k]
          codes[k] = code == WholeScoreMatrix.forbidden ? code : code &- low
        }
      }
    }
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
  /// empty cell), with the least and greatest code seen (``bounds``).
  struct WholeCells: FastCells {
    static var blank: UInt8 { WholeScoreMatrix.forbidden }
    static var packsDigits: Bool { true }
    let origin: Int
    /// The least code seen cell by cell (255 when none).
    var low = WholeScoreMatrix.forbidden
    /// The greatest code seen cell by cell (0 when none).
    var high: UInt8 = 0
    /// Bit `d` set when ``packedDigits(_:)`` read a cell `d`.
    var digitsSeen: UInt16 = 0
    /// `128 − origin` in each 16-bit lane, when every digit's code
    /// `d − origin + 128` lies in `0...254`; else `nil` (no packed reads).
    let laneBias: UInt64?

    init(origin: Int) {
      self.origin = origin
      laneBias = origin >= -117 && origin <= 128 ? UInt64(128 - origin) &* 0x0001_0001_0001_0001 : nil
    }

    /// The least and greatest code seen, packed or not (`255…0` when none).
    var bounds: (low: UInt8, high: UInt8) {
      guard digitsSeen != 0 else { return (low, high) }
      let least = UInt8(truncatingIfNeeded: digitsSeen.trailingZeroBitCount + 128 - origin)
      let greatest = UInt8(truncatingIfNeeded: 15 - digitsSeen.leadingZeroBitCount + 128 - origin)
      return (min(low, least), max(high, greatest))
    }

    /// Four cells `d,d,d,d,` at once, by 16-bit lanes (SWAR): the commas in
    /// the odd bytes, digits `0x30…0x39` in the even ones (`lane + 0xC6`
    /// carries into bit 8 exactly from `0x3A` on, `lane + 0xD0` exactly from
    /// `0x30` on), codes `d + 128 − origin` packed into four bytes; or two
    /// cells `d.0,d.0,` by 32-bit lanes the same way. A cell of one digit,
    /// with or without the fraction `.0`, is the whole number `d` (`−0`
    /// needs a sign), so each code is the one ``value(_:count:)`` gives.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func packedDigits(_ window: UInt64) -> (values: UInt32, cells: Int)? {
      guard let laneBias else { return nil }
      if window & 0xFF00_FF00_FF00_FF00 == 0x2C00_2C00_2C00_2C00 {
        let lanes = window & 0x00FF_00FF_00FF_00FF
        guard (lanes &+ 0x00C6_00C6_00C6_00C6) & 0x0100_0100_0100_0100 == 0,
          (lanes &+ 0x00D0_00D0_00D0_00D0) & 0x0100_0100_0100_0100 == 0x0100_0100_0100_0100
        else { return nil }
        let digits = lanes &- 0x0030_0030_0030_0030
        digitsSeen |=
          (1 &<< UInt16(truncatingIfNeeded: digits & 0xF))
          | (1 &<< UInt16(truncatingIfNeeded: (digits &>> 16) & 0xF))
          | (1 &<< UInt16(truncatingIfNeeded: (digits &>> 32) & 0xF))
          | (1 &<< UInt16(truncatingIfNeeded: digits &>> 48))
        let codes = digits &+ laneBias
        let values = UInt32(
          truncatingIfNeeded: (codes & 0xFF) | ((codes &>> 8) & 0xFF00) | ((codes &>> 16) & 0xFF_0000)
            | ((codes &>> 24) & 0xFF00_0000))
        return (values, 4)
      }
      guard window & 0xFFFF_FF00_FFFF_FF00 == 0x2C30_2E00_2C30_2E00 else { return nil }
      let lanes = window & 0x0000_00FF_0000_00FF
      guard (lanes &+ 0x0000_00C6_0000_00C6) & 0x0000_0100_0000_0100 == 0,
        (lanes &+ 0x0000_00D0_0000_00D0) & 0x0000_0100_0000_0100 == 0x0000_0100_0000_0100
      else { return nil }
      let digits = lanes &- 0x0000_0030_0000_0030
      digitsSeen |=
        (1 &<< UInt16(truncatingIfNeeded: digits & 0xF)) | (1 &<< UInt16(truncatingIfNeeded: digits &>> 32))
      // `laneBias` has 128 − origin in bits 0–7 and 32–39 too.
      let codes = digits &+ (laneBias & 0x0000_00FF_0000_00FF)
      return (UInt32(truncatingIfNeeded: (codes & 0xFF) | ((codes &>> 24) & 0xFF00)), 2)
    }

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
