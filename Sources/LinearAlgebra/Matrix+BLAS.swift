internal import CLapack

extension Matrix {
  /// The product `scale * op(self) * op(other)`, computed by BLAS `dgemm`.
  ///
  /// `op(X)` is `X` or its transpose. For example the competency term of
  /// every pair is `coefficients.dense().multiplied(by: ramps)`: one row per
  /// mentee, one column per mentor (see `GrowthCoverage`).
  ///
  /// ```swift
  /// let product = a.multiplied(by: b, transposingOther: true)   // a · bᵀ
  /// ```
  ///
  /// - Parameters:
  ///   - other: The right operand.
  ///   - transposingSelf: Whether to use the transpose of `self`.
  ///   - transposingOther: Whether to use the transpose of `other`.
  ///   - scale: A factor applied to the product.
  /// - Returns: A matrix with the rows of `op(self)` and the columns of `op(other)`.
  /// - Complexity: O(`m * n * k`) flops in BLAS, for an `m x k` by `k x n` product.
  public func multiplied(
    by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false, scale: Double = 1
  ) -> Matrix {
    let m = transposingSelf ? columns : rows
    let k = transposingSelf ? rows : columns
    let k2 = transposingOther ? other.columns : other.rows
    let n = transposingOther ? other.rows : other.columns
    precondition(k == k2, "Matrix product needs inner dimensions to agree (\(k) vs \(k2))")
    var result = Matrix(rows: m, columns: n)
    if m == 0 || n == 0 { return result }
    if k == 0 { return result }
    elements.withUnsafeBufferPointer { a in
      other.elements.withUnsafeBufferPointer { b in
        result.elements.withUnsafeMutableBufferPointer { c in
          cblas_dgemm(
            CblasRowMajor,
            transposingSelf ? CblasTrans : CblasNoTrans,
            transposingOther ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            scale,
            a.baseAddress, Int32(max(columns, 1)),
            b.baseAddress, Int32(max(other.columns, 1)),
            0,
            c.baseAddress, Int32(max(n, 1)))
        }
      }
    }
    return result
  }

  /// The matrix-vector product `self * vector`, computed by BLAS `dgemv`.
  ///
  /// - Parameter vector: A vector with `columns` entries.
  /// - Returns: A vector with `rows` entries.
  /// - Complexity: O(`rows * columns`).
  public func multiplied(by vector: [Double]) -> [Double] {
    precondition(vector.count == columns, "Matrix-vector product needs \(columns) entries, got \(vector.count)")
    var result = [Double](repeating: 0, count: rows)
    if rows == 0 || columns == 0 { return result }
    elements.withUnsafeBufferPointer { a in
      vector.withUnsafeBufferPointer { x in
        result.withUnsafeMutableBufferPointer { y in
          cblas_dgemv(
            CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns), 1, a.baseAddress, Int32(columns),
            x.baseAddress, 1, 0, y.baseAddress, 1)
        }
      }
    }
    return result
  }
}

extension Matrix {
  /// Writes `scale · self[rows, :] · otherᵀ` into `buffer` (row-major,
  /// `rows.count × other.rows`), by BLAS `dgemm` on the block of rows in place.
  ///
  /// This is how all-pairs scores are produced one block of mentees at a
  /// time, without holding the whole mentees × mentors matrix.
  ///
  /// - Parameters:
  ///   - rows: The rows of `self` to multiply.
  ///   - other: The right operand, used transposed; its column count equals ours.
  ///   - buffer: At least `rows.count · other.rows` elements.
  ///   - scale: A factor applied to the product.
  /// - Complexity: O(`rows.count · other.rows · columns`) flops in BLAS.
  public func multiplyRows(
    _ rows: Range<Int>, byTransposeOf other: Matrix, into buffer: UnsafeMutableBufferPointer<Double>,
    scale: Double = 1
  ) {
    precondition(rows.lowerBound >= 0 && rows.upperBound <= self.rows, "Row block out of range")
    precondition(other.columns == columns, "Inner dimensions must agree (\(columns) vs \(other.columns))")
    let m = rows.count
    let n = other.rows
    precondition(buffer.count >= m * n, "The buffer holds \(buffer.count) elements, the block needs \(m * n)")
    if m == 0 || n == 0 { return }
    if columns == 0 {
      for k in 0..<(m * n) { buffer[k] = 0 }
      return
    }
    elements.withUnsafeBufferPointer { a in
      other.elements.withUnsafeBufferPointer { b in
        cblas_dgemm(
          CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(columns), scale,
          a.baseAddress! + rows.lowerBound * columns, Int32(columns), b.baseAddress, Int32(columns), 0,
          buffer.baseAddress, Int32(n))
      }
    }
  }
}
