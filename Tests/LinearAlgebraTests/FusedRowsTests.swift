import LinearAlgebra
import Testing
import _TestSupport

/// The fused sparse-row products (``SparseRowMatrix/multiplyRowsFused(_:by:into:scale:)``
/// and the one-byte ``ByteStepMatrix`` form) against the chain of fused
/// multiply-adds they promise, written out here entry by entry, and against
/// the BLAS `daxpy` form.
@Suite struct FusedRowsTests {
  /// A sparse matrix with 0 to 8 entries per row (some stored zeros, some
  /// repeated columns) and a dense right operand on a half-level grid.
  func operands(rows: Int, inner: Int, columns: Int, seed: UInt64) -> (SparseRowMatrix, Matrix) {
    var g = SplitMix(seed: seed)
    var a = SparseRowMatrix(columns: inner)
    for r in 0..<rows {
      let count = r == 1 ? 0 : Int(g.next(upTo: 9))
      a.appendRow(
        (0..<count).map { k in
          (Int(g.next(upTo: Double(inner))), k == 2 ? 0 : g.next(upTo: 2) - 1)
        })
    }
    var b = Matrix(rows: inner, columns: columns)
    for i in 0..<inner {
      for j in 0..<columns { b[i, j] = (g.next(upTo: 11)).rounded(.down) * 0.5 }
    }
    return (a, b)
  }

  /// `acc = fma(scale · value, b[column, j], acc)` over the row's non-zero
  /// entries in order, from +0: what both fused forms must return, bit for bit.
  func reference(_ a: SparseRowMatrix, _ b: Matrix, row: Int, column j: Int, scale: Double) -> Double {
    var acc = 0.0
    for (column, value) in a.entries(ofRow: row) where value != 0 {
      acc = acc.addingProduct(scale * value, b[column, j])
    }
    return acc
  }

  @Test(arguments: [(1, 1), (1, 7), (5, 8), (13, 9), (3, 17), (20, 101), (2, 1000)])
  func fusedFormsEqualTheFusedMultiplyAddChainBitForBit(rows: Int, columns: Int) throws {
    for seed in UInt64(1)...3 {
      let (a, b) = operands(rows: rows, inner: 23, columns: columns, seed: seed)
      let compact = try #require(ByteStepMatrix(exactly: b, steps: [0.5]))
      let block = (rows > 2 ? 1 : 0)..<rows
      let scale = 0.75
      var fused = [Double](repeating: .nan, count: block.count * columns)
      var bytes = [Double](repeating: .nan, count: block.count * columns)
      var daxpy = [Double](repeating: .nan, count: block.count * columns)
      fused.withUnsafeMutableBufferPointer { a.multiplyRowsFused(block, by: b, into: $0, scale: scale) }
      bytes.withUnsafeMutableBufferPointer { a.multiplyRows(block, by: compact, into: $0, scale: scale) }
      daxpy.withUnsafeMutableBufferPointer { a.multiplyRows(block, by: b, into: $0, scale: scale) }
      for (r, row) in block.enumerated() {
        for j in 0..<columns {
          let expected = reference(a, b, row: row, column: j, scale: scale)
          #expect(fused[r * columns + j].bitPattern == expected.bitPattern)
          #expect(bytes[r * columns + j].bitPattern == expected.bitPattern)
          // BLAS daxpy may or may not fuse its multiply-add; within rounding either way.
          #expect(abs(daxpy[r * columns + j] - expected) <= 1e-14 * max(1, abs(expected)) * 8)
        }
      }
    }
  }

  /// Both fused forms with a ``FusedRowAddend`` per row against the chain
  /// plus the addend written out here: `chain + table[c]` for a row without a
  /// group, `chain + (table[c] + (weight or +0))` for one with a group.
  @Test(arguments: [(1, 1), (5, 8), (13, 9), (3, 17), (20, 101)])
  func addendFormsEqualTheChainPlusTheAddendBitForBit(rows: Int, columns: Int) throws {
    for seed in UInt64(1)...3 {
      let (a, b) = operands(rows: rows, inner: 23, columns: columns, seed: seed)
      let compact = try #require(ByteStepMatrix(exactly: b, steps: [0.5]))
      var g = SplitMix(seed: seed &+ 100)
      // Two row categories of three column categories, values of any size.
      let table = (0..<6).map { _ in g.next(upTo: 0.3) - (seed == 2 ? 0.1 : 0) }
      let categories = (0..<columns).map { _ in Int32(g.next(upTo: 3)) }
      let groups = (0..<columns).map { _ in Int32(g.next(upTo: 4)) - 1 }  // -1 is unknown
      let rowGroup = (0..<rows).map { r in Int32(r % 4) - 1 }
      let weight = 0.0625 + Double(seed)
      let block = (rows > 2 ? 1 : 0)..<rows
      let scale = 0.75
      var fused = [Double](repeating: .nan, count: block.count * columns)
      var bytes = [Double](repeating: .nan, count: block.count * columns)
      table.withUnsafeBufferPointer { t in
        categories.withUnsafeBufferPointer { c in
          groups.withUnsafeBufferPointer { d in
            let addend = { (row: Int) in
              FusedRowAddend(
                table: t.baseAddress! + (row % 2) * 3, categories: c.baseAddress!, groups: d.baseAddress!,
                group: rowGroup[row], groupWeight: weight)
            }
            fused.withUnsafeMutableBufferPointer {
              a.multiplyRowsFused(block, by: b, into: $0, scale: scale, adding: addend)
            }
            bytes.withUnsafeMutableBufferPointer {
              a.multiplyRows(block, by: compact, into: $0, scale: scale, adding: addend)
            }
          }
        }
      }
      var weighted = 0
      for (r, row) in block.enumerated() {
        for j in 0..<columns {
          let chain = reference(a, b, row: row, column: j, scale: scale)
          let term = table[(row % 2) * 3 + Int(categories[j])]
          let expected: Double
          if rowGroup[row] < 0 {
            expected = chain + term
          } else {
            let differ = groups[j] >= 0 && groups[j] != rowGroup[row]
            if differ { weighted += 1 }
            expected = chain + (term + (differ ? weight : 0))
          }
          #expect(fused[r * columns + j].bitPattern == expected.bitPattern)
          #expect(bytes[r * columns + j].bitPattern == expected.bitPattern)
        }
      }
      if rows >= 5 && columns >= 8 { #expect(weighted > 0) }
    }
  }

  @Test func aByteStepCopyIsExactOrRefused() throws {
    let halves = Matrix([[0, 0.5, 5], [1.5, 0, 127.5]])
    let compact = try #require(ByteStepMatrix(exactly: halves, steps: [0.5]))
    #expect(compact.step == 0.5)
    #expect(compact.codes == [0, 1, 10, 3, 0, 255])
    for r in 0..<2 {
      for c in 0..<3 { #expect(compact[r, c].bitPattern == halves[r, c].bitPattern) }
    }
    // The first step that fits is taken.
    let quarters = Matrix([[0.25, 1]])
    #expect(ByteStepMatrix(exactly: quarters, steps: [0.5, 0.25])?.step == 0.25)
    // Not a multiple, too large, negative, negative zero, not finite: refused.
    #expect(ByteStepMatrix(exactly: Matrix([[0.3]]), steps: [0.5, 0.25]) == nil)
    #expect(ByteStepMatrix(exactly: Matrix([[128]]), steps: [0.5]) == nil)
    #expect(ByteStepMatrix(exactly: Matrix([[-0.5]]), steps: [0.5]) == nil)
    #expect(ByteStepMatrix(exactly: Matrix([[-0.0]]), steps: [0.5]) == nil)
    #expect(ByteStepMatrix(exactly: Matrix([[.nan]]), steps: [0.5]) == nil)
    #expect(ByteStepMatrix(exactly: Matrix([[1]]), steps: []) == nil)
    // An empty matrix has nothing to refuse.
    #expect(ByteStepMatrix(exactly: Matrix(rows: 0, columns: 4), steps: [0.5])?.codes.isEmpty == true)
  }

  @Test func realLevelsKeepTheEightByteForm() {
    // 2.4 − 0.5 is no multiple of a half or a quarter: the fused Matrix form serves such operands.
    #expect(ByteStepMatrix(exactly: Matrix([[max(2.4 - 0.5, 0)]]), steps: [0.5, 0.25]) == nil)
  }
}
