// The reference GEMM of the scaling runs: one dense double-precision
// n × m × k product `A · Bᵀ` (A is n × k, B is m × k) through the LinearAlgebra
// module (BLAS `dgemm`, all of BLAS's threads), the yardstick `match`'s time is
// divided by in Benchmarks/scale/run.sh. The n × m result is produced in blocks
// of rows into one reused buffer (a 100,000 × 20,000 result would need 16 GB),
// which does the same flops as one call.
//
//   gemm-timing [N M K [BLOCK_ROWS]]       defaults 100000 20000 64 5000
// Prints one line: `gemm n=… m=… k=… seconds=… gflops=…`.
import Dispatch
import Foundation
import LinearAlgebra

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let n = arguments.count > 0 ? arguments[0] : 100_000
let m = arguments.count > 1 ? arguments[1] : 20_000
let k = arguments.count > 2 ? arguments[2] : 64
let blockRows = arguments.count > 3 ? arguments[3] : 5_000
guard n > 0, m > 0, k > 0, blockRows > 0 else {
  print("usage: gemm-timing [N M K [BLOCK_ROWS]], all positive")
  exit(64)
}

/// A fixed pseudo-random matrix (the values do not change BLAS's speed).
func matrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
  var state = seed
  var elements = [Double](repeating: 0, count: rows * columns)
  for index in elements.indices {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    elements[index] = Double(state >> 11) / Double(1 << 53)
  }
  return Matrix(rows: rows, columns: columns, elements: elements)
}

let a = matrix(rows: n, columns: k, seed: 1)
let b = matrix(rows: m, columns: k, seed: 2)
var buffer = [Double](repeating: 0, count: min(blockRows, n) * m)
var checksum = 0.0
let start = DispatchTime.now().uptimeNanoseconds
buffer.withUnsafeMutableBufferPointer { out in
  var row = 0
  while row < n {
    let rows = row..<min(row + blockRows, n)
    a.multiplyRows(rows, byTransposeOf: b, into: out)
    checksum += out[0]
    row = rows.upperBound
  }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let gflops = 2 * Double(n) * Double(m) * Double(k) / seconds / 1e9
print("gemm n=\(n) m=\(m) k=\(k) seconds=\(seconds) gflops=\(gflops) checksum=\(checksum)")
