/// A dense, row-major matrix whose every entry is a whole multiple of one
/// step, `code · step` with `code` in `0...255`, stored as one byte per entry.
///
/// It is a compact copy of a ``Matrix`` for products that stream its rows
/// (``SparseRowMatrix/multiplyRows(_:by:into:scale:)``):
/// the mentor ramps of a half-level cohort (entries `0, 0.5, …, 5`) take
/// one byte instead of eight, so 704 ramp rows × 20,000 mentors fit in
/// 14 MB instead of 113 MB.
///
/// ```swift
/// let ramps = Matrix([[0, 0.5, 5], [1.5, 0, 2]])
/// let compact = ByteStepMatrix(exactly: ramps, steps: [0.5])!   // codes 0, 1, 10 / 3, 0, 4
/// ```
///
/// Invariants: `codes.count == rows · columns`; `Double(codes[r · columns + c]) · step`
/// equals, bit for bit, the entry of the matrix it was made from.
public struct ByteStepMatrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The step every entry is a multiple of.
  public let step: Double
  /// The entries' multiples of ``step``, row-major.
  public let codes: [UInt8]

  /// The compact copy of `matrix` with the first of `steps` that represents
  /// every entry exactly (`Double(code) · step` is the entry, bit for bit,
  /// with `code` in `0...255`), or `nil` when none does.
  ///
  /// - Complexity: O(`rows · columns · steps.count`).
  public init?(exactly matrix: Matrix, steps: [Double]) {
    for step in steps where step > 0 && step.isFinite {
      var codes = [UInt8](repeating: 0, count: matrix.elements.count)
      var exact = true
      for (k, value) in matrix.elements.enumerated() {
        let multiple = (value / step).rounded()
        guard multiple >= 0 && multiple <= 255, Double(UInt8(multiple)) * step == value,
          value.sign == .plus
        else {
          exact = false
          break
        }
        codes[k] = UInt8(multiple)
      }
      if exact {
        self.rows = matrix.rows
        self.columns = matrix.columns
        self.step = step
        self.codes = codes
        return
      }
    }
    return nil
  }

  /// The entry at `(row, column)`, `Double(code) · step`.
  ///
  /// - Complexity: O(1).
  public subscript(row: Int, column: Int) -> Double {
    precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
    return Double(codes[row * columns + column]) * step
  }
}
