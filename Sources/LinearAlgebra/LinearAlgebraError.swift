/// A failure reported by LAPACK, turned into a Swift error.
///
/// LAPACK routines return an `info` code: negative means an invalid argument
/// (a programming error here, reported rather than trapped so that callers can
/// surface it), positive means the computation did not succeed on this input.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The routine rejected argument number `argument` (LAPACK `info < 0`).
  case invalidArgument(routine: String, argument: Int)
  /// The singular value decomposition did not converge (`dgelsd`, `info > 0`).
  case svdDidNotConverge(offDiagonals: Int)
  /// The matrix is not positive definite (`dposv`, `info > 0`): the leading
  /// minor of this order is not positive.
  case notPositiveDefinite(minorOrder: Int)
  /// The shapes of the operands do not fit the operation.
  case dimensionMismatch(String)

  public var description: String {
    switch self {
    case .invalidArgument(let routine, let argument):
      return "LAPACK \(routine) rejected argument \(argument)"
    case .svdDidNotConverge(let count):
      return "the singular value decomposition did not converge (\(count) off-diagonal elements)"
    case .notPositiveDefinite(let order):
      return "the matrix is not positive definite (leading minor of order \(order))"
    case .dimensionMismatch(let detail):
      return "dimension mismatch: \(detail)"
    }
  }
}
