/// A dense, row-major matrix of `Double` values.
///
/// Element `(row, column)` is stored at `elements[row * columns + column]`, so
/// each row is contiguous, which suits the per-row scans of the assignment
/// solver and the BLAS calls in ``Matrix/multiplied(by:transposingSelf:transposingOther:scale:)``.
///
/// ```swift
/// var m = Matrix(rows: 2, columns: 3)
/// m[1, 2] = 4
/// ```
///
/// Invariants: `rows >= 0`, `columns >= 0`, `elements.count == rows * columns`,
/// and `rows * columns < 2^31` so that every dimension fits the 32-bit
/// integers of BLAS and LAPACK.
public struct Matrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The elements in row-major order.
  public internal(set) var elements: [Double]

  /// The largest element count BLAS and LAPACK can address with 32-bit integers.
  public static let maximumElementCount = Int(Int32.max)

  /// Creates a matrix filled with `value`.
  ///
  /// - Parameters:
  ///   - rows: The number of rows, at least zero.
  ///   - columns: The number of columns, at least zero.
  ///   - value: The value of every element.
  /// - Complexity: O(`rows * columns`).
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    precondition(
      rows.multipliedReportingOverflow(by: columns).partialValue < Matrix.maximumElementCount
        && !rows.multipliedReportingOverflow(by: columns).overflow,
      "Matrix of \(rows) x \(columns) exceeds the 32-bit index range of BLAS")
    self.rows = rows
    self.columns = columns
    self.elements = Array(repeating: value, count: rows * columns)
  }

  /// Creates a matrix from row-major elements.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - elements: `rows * columns` values in row-major order.
  /// - Complexity: O(1) beyond the array copy-on-write.
  public init(rows: Int, columns: Int, elements: [Double]) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    precondition(elements.count == rows * columns, "Matrix needs \(rows * columns) elements, got \(elements.count)")
    precondition(elements.count < Matrix.maximumElementCount, "Matrix exceeds the 32-bit index range of BLAS")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// Creates a matrix from an array of equally long rows.
  ///
  /// - Parameter rowArrays: The rows; all must have the same length.
  /// - Complexity: O(`rows * columns`).
  public init(_ rowArrays: [[Double]]) {
    let columns = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == columns }, "All rows of a Matrix must have the same length")
    self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
  }

  /// Reads or writes the element at `(row, column)`.
  ///
  /// - Complexity: O(1).
  public subscript(row: Int, column: Int) -> Double {
    get {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
      return elements[row * columns + column]
    }
    set {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
      elements[row * columns + column] = newValue
    }
  }

  /// Gives `body` mutable access to the row-major elements; the count cannot change.
  ///
  /// - Complexity: O(1) plus `body`.
  public mutating func withUnsafeMutableElements<R>(
    _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R
  ) rethrows -> R {
    try elements.withUnsafeMutableBufferPointer(body)
  }

  /// The elements of one row, as a new array.
  ///
  /// - Complexity: O(`columns`).
  public func row(_ index: Int) -> [Double] {
    precondition(index >= 0 && index < rows, "Matrix row out of range")
    return Array(elements[index * columns..<(index + 1) * columns])
  }

  /// The transpose, a `columns x rows` matrix.
  ///
  /// - Complexity: O(`rows * columns`).
  public func transposed() -> Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for r in 0..<rows {
      for c in 0..<columns {
        result.elements[c * rows + r] = elements[r * columns + c]
      }
    }
    return result
  }

  /// Multiplies each column `c` by `factors[c]`.
  ///
  /// - Parameter factors: One factor per column.
  /// - Complexity: O(`rows * columns`).
  public mutating func scaleColumns(by factors: [Double]) {
    precondition(factors.count == columns, "scaleColumns needs one factor per column")
    elements.withUnsafeMutableBufferPointer { buffer in
      for r in 0..<rows {
        let base = r * columns
        for c in 0..<columns { buffer[base + c] *= factors[c] }
      }
    }
  }

  /// Multiplies each row `r` by `factors[r]`.
  ///
  /// - Parameter factors: One factor per row.
  /// - Complexity: O(`rows * columns`).
  public mutating func scaleRows(by factors: [Double]) {
    precondition(factors.count == rows, "scaleRows needs one factor per row")
    elements.withUnsafeMutableBufferPointer { buffer in
      for r in 0..<rows {
        let base = r * columns
        let f = factors[r]
        for c in 0..<columns { buffer[base + c] *= f }
      }
    }
  }
}
