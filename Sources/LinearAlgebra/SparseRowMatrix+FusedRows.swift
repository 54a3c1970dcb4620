internal import CKernels

extension SparseRowMatrix {
  /// Writes `scale · self[rows, :] · other` into `buffer` (row-major,
  /// `rows.count × other.columns`), like
  /// ``multiplyRows(_:by:into:scale:)``, from the one-byte
  /// copy of `other`.
  ///
  /// Each output entry is one chain of fused multiply-adds over the row's
  /// stored entries in order, `acc = fma(scale · value, Double(code) · step, acc)`
  /// from `+0`: bit for bit the value of the `Matrix` form on the matrix
  /// `other` was made from. Per pair it reads one byte per stored entry of
  /// the row instead of eight, and writes the output once.
  ///
  /// - Parameters:
  ///   - rows: The rows of `self` to multiply.
  ///   - other: The right operand, `columns × n`.
  ///   - buffer: At least `rows.count · n` elements.
  ///   - scale: A factor applied to the product.
  /// - Complexity: O(`n ·` stored entries of the rows).
  public func multiplyRows(
    _ rows: Range<Int>, by other: ByteStepMatrix, into buffer: UnsafeMutableBufferPointer<Double>,
    scale: Double = 1
  ) {
    guard let out = fusedOutput(rows, otherRows: other.rows, otherColumns: other.columns, buffer: buffer) else {
      return
    }
    let n = other.columns
    other.codes.withUnsafeBufferPointer { codes in
      guard let base = codes.baseAddress else { return }
      forEachFusedRow(rows, operands: base, stride: n, scale: scale) { r, count, alpha, operands in
        mm_fused_rows_u8(n, count, alpha, operands, other.step, out + r * n)
      }
    }
  }

  /// The ``multiplyRows(_:by:into:scale:)`` product with one
  /// chain of fused multiply-adds per output entry instead of a BLAS `daxpy`
  /// per stored entry: the same bits as the `daxpy` form where BLAS `daxpy`
  /// rounds `y + αx` once (OpenBLAS on FMA processors, checked by the tests),
  /// with one write of the output instead of one read-modify-write per entry.
  ///
  /// - Complexity: O(`n ·` stored entries of the rows).
  public func multiplyRowsFused(
    _ rows: Range<Int>, by other: Matrix, into buffer: UnsafeMutableBufferPointer<Double>, scale: Double = 1
  ) {
    guard let out = fusedOutput(rows, otherRows: other.rows, otherColumns: other.columns, buffer: buffer) else {
      return
    }
    let n = other.columns
    other.elements.withUnsafeBufferPointer { elements in
      guard let base = elements.baseAddress else { return }
      forEachFusedRow(rows, operands: base, stride: n, scale: scale) { r, count, alpha, operands in
        mm_fused_rows_f64(n, count, alpha, operands, out + r * n)
      }
    }
  }

  /// ``multiplyRows(_:by:into:scale:)`` (the one-byte form) with each output
  /// row's ``FusedRowAddend`` added to every entry before it is stored:
  /// entry `j` of row `i` is the chain plus `addend(i)`'s term for column
  /// `j`, the same bits as the product followed by those additions, in one
  /// write of the output.
  ///
  /// - Parameters:
  ///   - rows: The rows of `self` to multiply.
  ///   - other: The right operand, `columns × n`.
  ///   - buffer: At least `rows.count · n` elements.
  ///   - scale: A factor applied to the product.
  ///   - addend: The addend of row `i` of `self` (called once per row, in order).
  /// - Complexity: O(`n ·` (stored entries of the rows + 1)).
  public func multiplyRows(
    _ rows: Range<Int>, by other: ByteStepMatrix, into buffer: UnsafeMutableBufferPointer<Double>,
    scale: Double = 1, adding addend: (Int) -> FusedRowAddend
  ) {
    guard let out = fusedOutput(rows, otherRows: other.rows, otherColumns: other.columns, buffer: buffer) else {
      return
    }
    let n = other.columns
    other.codes.withUnsafeBufferPointer { codes in
      guard let base = codes.baseAddress else { return }
      forEachFusedRow(rows, operands: base, stride: n, scale: scale) { r, count, alpha, operands in
        var terms = addend(rows.lowerBound + r).kernelAddend
        mm_fused_rows_u8_add(n, count, alpha, operands, other.step, &terms, out + r * n)
      }
    }
  }

  /// ``multiplyRowsFused(_:by:into:scale:)`` with each output row's
  /// ``FusedRowAddend`` added before the store, as
  /// ``multiplyRows(_:by:into:scale:adding:)``.
  ///
  /// - Complexity: O(`n ·` (stored entries of the rows + 1)).
  public func multiplyRowsFused(
    _ rows: Range<Int>, by other: Matrix, into buffer: UnsafeMutableBufferPointer<Double>, scale: Double = 1,
    adding addend: (Int) -> FusedRowAddend
  ) {
    guard let out = fusedOutput(rows, otherRows: other.rows, otherColumns: other.columns, buffer: buffer) else {
      return
    }
    let n = other.columns
    other.elements.withUnsafeBufferPointer { elements in
      guard let base = elements.baseAddress else { return }
      forEachFusedRow(rows, operands: base, stride: n, scale: scale) { r, count, alpha, operands in
        var terms = addend(rows.lowerBound + r).kernelAddend
        mm_fused_rows_f64_add(n, count, alpha, operands, &terms, out + r * n)
      }
    }
  }

  /// Checks a fused product's shapes and returns where its output starts,
  /// or `nil` when the product has no columns.
  private func fusedOutput(
    _ rows: Range<Int>, otherRows: Int, otherColumns n: Int, buffer: UnsafeMutableBufferPointer<Double>
  ) -> UnsafeMutablePointer<Double>? {
    precondition(rows.lowerBound >= 0 && rows.upperBound <= self.rows, "Row block out of range")
    precondition(otherRows == columns, "Inner dimensions must agree (\(columns) vs \(otherRows))")
    precondition(buffer.count >= rows.count * n, "The buffer is too small for the block")
    guard n > 0 else { return nil }
    return buffer.baseAddress
  }

  /// The loop both fused products share: for the `r`-th row of the block,
  /// its non-zero stored values times `scale` and the operand rows (`stride`
  /// apart from `base`) they multiply, in storage order, handed to `kernel`
  /// as `count` entries.
  ///
  /// - Complexity: O(stored entries of the rows) plus `kernel`'s work.
  private func forEachFusedRow<Element>(
    _ rows: Range<Int>, operands base: UnsafePointer<Element>, stride: Int, scale: Double,
    _ kernel: (
      _ r: Int, _ count: Int, _ alpha: UnsafePointer<Double>, _ operands: UnsafePointer<UnsafePointer<Element>?>
    ) -> Void
  ) {
    let widest = rows.map { rowStart[$0 + 1] - rowStart[$0] }.max() ?? 0
    var alpha = [Double](repeating: 0, count: max(widest, 1))
    var operands = [UnsafePointer<Element>?](repeating: nil, count: max(widest, 1))
    alpha.withUnsafeMutableBufferPointer { alpha in
      operands.withUnsafeMutableBufferPointer { operands in
        for (r, row) in rows.enumerated() {
          var count = 0
          for k in rowStart[row]..<rowStart[row + 1] where values[k] != 0 {
            alpha[count] = scale * values[k]
            operands[count] = base + Int(columnIndex[k]) * stride
            count += 1
          }
          kernel(r, count, UnsafePointer(alpha.baseAddress!), UnsafePointer(operands.baseAddress!))
        }
      }
    }
  }
}
