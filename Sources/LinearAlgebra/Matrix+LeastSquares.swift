internal import CLapack

/// The minimum-norm least-squares solution of `A x ≈ b`, with diagnostics.
///
/// Invariants: `solution.count` is the column count of `A`; `singularValues`
/// are non-negative and in decreasing order; `rank <= min(rows, columns)`.
public struct LeastSquaresSolution: Sendable, Equatable {
  /// The vector `x` minimising `‖A x − b‖₂`, of least norm among minimisers.
  public var solution: [Double]
  /// The singular values of `A`, largest first.
  public var singularValues: [Double]
  /// The effective rank of `A` at the cut-off used.
  public var rank: Int
}

extension Matrix {
  /// Solves the least-squares problem `min ‖self · x − rhs‖₂` with LAPACK `dgelsd`
  /// (divide-and-conquer SVD), which also handles rank-deficient matrices.
  ///
  /// ```swift
  /// let fit = try design.leastSquares(rhs: outcomes)
  /// ```
  ///
  /// - Parameters:
  ///   - rhs: The right-hand side, one entry per row.
  ///   - relativeCutoff: Singular values below `relativeCutoff * σ_max` count as zero.
  /// - Returns: The solution, the singular values and the effective rank.
  /// - Throws: ``LinearAlgebraError`` if LAPACK reports a failure.
  /// - Complexity: O(`rows * columns²`) for `rows >= columns`.
  public func leastSquares(rhs: [Double], relativeCutoff: Double = 1e-12) throws -> LeastSquaresSolution {
    guard rhs.count == rows else {
      throw LinearAlgebraError.dimensionMismatch("right-hand side has \(rhs.count) entries for \(rows) rows")
    }
    let m = rows
    let n = columns
    if n == 0 { return LeastSquaresSolution(solution: [], singularValues: [], rank: 0) }
    let ldb = max(m, n, 1)
    var a = elements
    var b = [Double](repeating: 0, count: ldb)
    for i in 0..<m { b[i] = rhs[i] }
    var s = [Double](repeating: 0, count: min(m, n))
    var rank: Int32 = 0
    let info = a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        s.withUnsafeMutableBufferPointer { sp in
          LAPACKE_dgelsd(
            LAPACK_ROW_MAJOR, Int32(m), Int32(n), 1, ap.baseAddress, Int32(max(n, 1)),
            bp.baseAddress, 1, sp.baseAddress, relativeCutoff, &rank)
        }
      }
    }
    if info < 0 { throw LinearAlgebraError.invalidArgument(routine: "dgelsd", argument: Int(-info)) }
    if info > 0 { throw LinearAlgebraError.svdDidNotConverge(offDiagonals: Int(info)) }
    return LeastSquaresSolution(solution: Array(b[0..<n]), singularValues: s, rank: Int(rank))
  }

  /// Solves `self · x = rhs` for a symmetric positive-definite `self` with
  /// LAPACK `dposv` (Cholesky), as in ridge regression's normal equations.
  ///
  /// - Parameter rhs: The right-hand side, one entry per row.
  /// - Returns: The solution vector.
  /// - Throws: ``LinearAlgebraError/notPositiveDefinite(minorOrder:)`` when
  ///   the Cholesky factorisation fails.
  /// - Complexity: O(`n³`) for an `n x n` matrix.
  public func solvePositiveDefinite(rhs: [Double]) throws -> [Double] {
    guard rows == columns else {
      throw LinearAlgebraError.dimensionMismatch("dposv needs a square matrix, got \(rows) x \(columns)")
    }
    guard rhs.count == rows else {
      throw LinearAlgebraError.dimensionMismatch("right-hand side has \(rhs.count) entries for \(rows) rows")
    }
    let n = rows
    if n == 0 { return [] }
    var a = elements
    var b = rhs
    let info = a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        LAPACKE_dposv(
          LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), 1, ap.baseAddress, Int32(n),
          bp.baseAddress, 1)
      }
    }
    if info < 0 { throw LinearAlgebraError.invalidArgument(routine: "dposv", argument: Int(-info)) }
    if info > 0 { throw LinearAlgebraError.notPositiveDefinite(minorOrder: Int(info)) }
    return b
  }
}
