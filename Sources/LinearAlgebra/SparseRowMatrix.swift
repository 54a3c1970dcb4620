internal import CLapack

/// A sparse matrix stored by rows (compressed sparse rows): for each row the
/// columns and values of its non-zero entries.
///
/// It is the left operand of products whose rows have only a few non-zeros,
/// such as the mentees' coverage coefficients (a handful of goals each).
///
/// ```swift
/// var a = SparseRowMatrix(columns: 3)
/// a.appendRow([(0, 1.0), (2, -1.0)])
/// let product = a.dense().multiplied(by: b)   // one dgemm, for small matrices
/// ```
///
/// Invariants: `rowStart` has `rows + 1` non-decreasing entries starting at 0
/// and ending at `values.count`; `columnIndex.count == values.count`; every
/// column index is in `0..<columns`.
public struct SparseRowMatrix: Sendable, Equatable {
  /// The number of columns.
  public let columns: Int
  /// Where each row's entries start in ``columnIndex`` and ``values``; the
  /// last element is the number of stored entries.
  public private(set) var rowStart: [Int] = [0]
  /// The column of each stored entry.
  public private(set) var columnIndex: [Int32] = []
  /// The value of each stored entry.
  public private(set) var values: [Double] = []

  /// An empty matrix (no rows) with `columns` columns.
  public init(columns: Int) {
    precondition(columns >= 0 && columns < Int(Int32.max), "Column count out of range")
    self.columns = columns
  }

  /// The number of rows.
  public var rows: Int { rowStart.count - 1 }

  /// Appends a row given by its non-zero entries (zeros may be given; they are kept).
  ///
  /// - Complexity: O(`entries.count`) amortised.
  public mutating func appendRow(_ entries: [(column: Int, value: Double)]) {
    for (column, value) in entries {
      precondition((0..<columns).contains(column), "Column \(column) outside 0..<\(columns)")
      columnIndex.append(Int32(column))
      values.append(value)
    }
    rowStart.append(values.count)
  }

  /// The stored entries of row `row`.
  ///
  /// - Complexity: O(entries of the row).
  public func entries(ofRow row: Int) -> [(column: Int, value: Double)] {
    (rowStart[row]..<rowStart[row + 1]).map { (Int(columnIndex[$0]), values[$0]) }
  }

  /// The same matrix, dense.
  ///
  /// - Complexity: O(`rows · columns`).
  public func dense() -> Matrix {
    var result = Matrix(rows: rows, columns: columns)
    for r in 0..<rows {
      for k in rowStart[r]..<rowStart[r + 1] { result[r, Int(columnIndex[k])] += values[k] }
    }
    return result
  }

  /// Writes `scale · self[rows, :] · other` into `buffer` (row-major,
  /// `rows.count × other.columns`): each stored entry adds a multiple of one
  /// row of `other` with BLAS `daxpy`.
  ///
  /// For rows with `s` stored entries this costs `s · other.columns`
  /// multiply-adds per row, against `self.columns · other.columns` for a dense
  /// product; `other`'s rows are contiguous, so each `daxpy` streams one row.
  ///
  /// - Parameters:
  ///   - rows: The rows of `self` to multiply.
  ///   - other: The right operand, `columns × n`.
  ///   - buffer: At least `rows.count · n` elements.
  ///   - scale: A factor applied to the product.
  /// - Complexity: O(`n ·` stored entries of the rows) flops in BLAS.
  public func multiplyRows(
    _ rows: Range<Int>, by other: Matrix, into buffer: UnsafeMutableBufferPointer<Double>, scale: Double = 1
  ) {
    precondition(rows.lowerBound >= 0 && rows.upperBound <= self.rows, "Row block out of range")
    precondition(other.rows == columns, "Inner dimensions must agree (\(columns) vs \(other.rows))")
    let n = other.columns
    precondition(buffer.count >= rows.count * n, "The buffer is too small for the block")
    guard n > 0, let out = buffer.baseAddress else { return }
    out.update(repeating: 0, count: rows.count * n)
    other.elements.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      for (r, row) in rows.enumerated() {
        for k in rowStart[row]..<rowStart[row + 1] where values[k] != 0 {
          cblas_daxpy(Int32(n), scale * values[k], base + Int(columnIndex[k]) * n, 1, out + r * n, 1)
        }
      }
    }
  }
}
