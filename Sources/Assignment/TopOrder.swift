/// The order of the passes' top-k lists (``TopLists``): larger keys first,
/// ties to the smaller index; and a tie-breaking rotation of column indices.
enum TopOrder {
  /// A row-dependent rotation of column indices used to break ties, so that
  /// rows with many equal scores keep different columns rather than all the
  /// lowest-numbered ones. Deterministic: it depends only on the row and column.
  @inline(__always)
  static func spread(_ column: Int, row: Int, columns: Int) -> Int {
    (column + row &* 7919) % max(columns, 1)
  }

  /// The column a ``spread(_:row:columns:)`` index stands for.
  @inline(__always)
  static func unspread(_ index: Int, row: Int, columns: Int) -> Int {
    let m = max(columns, 1)
    return ((index - row &* 7919) % m + m) % m
  }

  /// Whether (a, ca) ranks below (b, cb): smaller key, or equal key and larger index.
  @inline(__always)
  static func below(_ a: Double, _ ca: Int, _ b: Double, _ cb: Int) -> Bool { a < b || (a == b && ca > cb) }
}
