/// A dense score matrix of whole-number scores within a span of 255 values, one
/// byte per pair, as a reader can write it straight from the text (ratings
/// such as 0–9) without ever holding the scores as doubles.
///
/// A pair's *code* `c` stands for the score `offset + c`; ``forbidden`` (255)
/// marks a forbidden pair. ``CertifiedAssignment/solve(whole:capacities:sense:candidatesPerRow:)``
/// solves it over one byte per pair.
///
/// ```swift
/// // scores 3, forbidden, 5 in one row, offset −125 (codes 128, 255, 130)
/// let matrix = WholeScoreMatrix(rows: 1, columns: 3, offset: -125, codes: [128, 255, 130], codeRange: 128...130)
/// matrix.score(row: 0, column: 2)  // 5.0
/// ```
///
/// Invariants: `codes.count == rows · columns`; ``codeRange`` is the least
/// and greatest code of an allowed pair (`nil` when none is allowed); every
/// score `offset + c` is a whole number of magnitude below `2^52`, so its
/// double is exact (and never `−0.0`).
public struct WholeScoreMatrix: Sendable, Equatable {
  /// The code of a forbidden pair.
  public static let forbidden: UInt8 = 255

  /// The number of rows (mentees).
  public let rows: Int
  /// The number of columns (mentors).
  public let columns: Int
  /// The score of code 0.
  public let offset: Int
  /// Row-major codes, ``forbidden`` for a forbidden pair.
  public let codes: [UInt8]
  /// The least and greatest code of an allowed pair, `nil` when none is allowed.
  public let codeRange: ClosedRange<UInt8>?

  /// Creates a matrix, checking the shape (and, in debug builds, the code range).
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - offset: The score of code 0; `|offset| + 254 < 2^52`.
  ///   - codes: `rows · columns` codes, row-major.
  ///   - codeRange: The least and greatest allowed code, as found by the caller.
  /// - Complexity: O(1) (O(`rows · columns`) in debug builds).
  public init(rows: Int, columns: Int, offset: Int, codes: [UInt8], codeRange: ClosedRange<UInt8>?) {
    precondition(rows >= 0 && columns >= 0 && codes.count == rows * columns, "WholeScoreMatrix shape mismatch")
    precondition(offset.magnitude < 1 << 51, "WholeScoreMatrix offset out of range")
    precondition(codeRange.map { $0.upperBound != Self.forbidden } ?? true, "Code 255 marks a forbidden pair")
    assert(
      {
        let allowed = codes.filter { $0 != Self.forbidden }
        return codeRange == (allowed.isEmpty ? nil : allowed.min()!...allowed.max()!)
      }(), "WholeScoreMatrix code range mismatch")
    self.rows = rows
    self.columns = columns
    self.offset = offset
    self.codes = codes
    self.codeRange = codeRange
  }

  /// The score of pair `(row, column)`, or `nil` when it is forbidden.
  ///
  /// - Complexity: O(1).
  @inlinable
  public func score(row: Int, column: Int) -> Double? {
    let code = codes[row * columns + column]
    return code == Self.forbidden ? nil : Double(offset + Int(code))
  }

  /// The number of levels the allowed scores span (`high − low + 1`), 0 when none is allowed.
  public var levels: Int { codeRange.map { Int($0.upperBound) - Int($0.lowerBound) + 1 } ?? 0 }

  /// The scores as doubles, row-major, `.nan` for a forbidden pair: the
  /// ``AssignmentProblem/scores`` of the same matrix, exactly.
  ///
  /// - Complexity: O(`rows · columns`).
  public var scores: [Double] {
    var byCode = [Double](repeating: .nan, count: 256)
    for code in 0..<255 { byCode[code] = Double(offset + code) }
    return codes.map { byCode[Int($0)] }
  }
}
