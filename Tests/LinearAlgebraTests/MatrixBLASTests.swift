import CohortGenerator
import LinearAlgebra
import Testing

func randomMatrix(_ rows: Int, _ columns: Int, _ generator: inout SeededRandomNumberGenerator) -> Matrix {
  Matrix(
    rows: rows, columns: columns,
    elements: (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &generator) })
}

func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
  var c = Matrix(rows: a.rows, columns: b.columns)
  for i in 0..<a.rows {
    for j in 0..<b.columns {
      var s = 0.0
      for k in 0..<a.columns { s += a[i, k] * b[k, j] }
      c[i, j] = s
    }
  }
  return c
}

func maxDifference(_ a: Matrix, _ b: Matrix) -> Double {
  zip(a.elements, b.elements).map { abs($0 - $1) }.max() ?? 0
}

@Suite struct MatrixBLASTests {
  @Test(arguments: [(1, 1, 1), (3, 4, 5), (17, 9, 33), (64, 1, 7), (5, 0, 3)])
  func productMatchesTheDefinitionForEveryTransposition(shape: (Int, Int, Int)) {
    var g = SeededRandomNumberGenerator(seed: UInt64(shape.0 * 1000 + shape.1 * 10 + shape.2))
    let (m, k, n) = shape
    let a = randomMatrix(m, k, &g)
    let b = randomMatrix(k, n, &g)
    let expected = naiveProduct(a, b)
    #expect(maxDifference(a.multiplied(by: b), expected) < 1e-12)
    #expect(maxDifference(a.transposed().multiplied(by: b, transposingSelf: true), expected) < 1e-12)
    #expect(maxDifference(a.multiplied(by: b.transposed(), transposingOther: true), expected) < 1e-12)
    let both = a.transposed().multiplied(by: b.transposed(), transposingSelf: true, transposingOther: true, scale: 2)
    #expect(maxDifference(both, naiveProduct(a, b).scaled(2)) < 1e-12)
  }

  @Test func matrixVectorProductMatchesTheDefinition() {
    var g = SeededRandomNumberGenerator(seed: 11)
    let a = randomMatrix(7, 5, &g)
    let x = (0..<5).map { _ in Double.random(in: -1...1, using: &g) }
    let y = a.multiplied(by: x)
    for i in 0..<7 {
      let expected = (0..<5).reduce(0.0) { $0 + a[i, $1] * x[$1] }
      #expect(abs(y[i] - expected) < 1e-12)
    }
  }

  @Test func scalingRowsAndColumns() {
    var m = Matrix([[1, 2], [3, 4]])
    m.scaleColumns(by: [10, 100])
    #expect(m == Matrix([[10, 200], [30, 400]]))
    m.scaleRows(by: [0.1, 1])
    #expect(m == Matrix([[1, 20], [30, 400]]))
  }
}

extension Matrix {
  func scaled(_ factor: Double) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: elements.map { $0 * factor })
  }
}

@Suite struct MatrixBlockProductTests {
  @Test func aBlockOfRowsMatchesTheFullProduct() {
    var g = SeededRandomNumberGenerator(seed: 21)
    let a = randomMatrix(9, 6, &g)
    let b = randomMatrix(4, 6, &g)
    let full = a.multiplied(by: b, transposingOther: true)
    var buffer = [Double](repeating: .nan, count: 3 * 4)
    buffer.withUnsafeMutableBufferPointer { a.multiplyRows(5..<8, byTransposeOf: b, into: $0, scale: 2) }
    for r in 0..<3 {
      for c in 0..<4 { #expect(abs(buffer[r * 4 + c] - 2 * full[5 + r, c]) < 1e-12) }
    }
  }
}
