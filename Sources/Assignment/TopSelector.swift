/// Keeps the `capacity` largest keys offered, ties to the smaller index (a
/// column, for a row's candidates; a row, for a column's).
struct TopSelector {
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

  let capacity: Int
  var keys: [Double] = []
  var cols: [Int] = []
  /// A value carried along with each kept key.
  var payloads: [Double] = []

  init(capacity: Int) { self.capacity = capacity }

  mutating func reset() {
    keys.removeAll(keepingCapacity: true)
    cols.removeAll(keepingCapacity: true)
    payloads.removeAll(keepingCapacity: true)
  }

  /// Whether (a, ca) ranks below (b, cb): smaller key, or equal key and larger column.
  @inline(__always)
  static func below(_ a: Double, _ ca: Int, _ b: Double, _ cb: Int) -> Bool { a < b || (a == b && ca > cb) }

  @inline(__always)
  mutating func offer(_ key: Double, column: Int, payload: Double = 0) {
    if keys.count < capacity {
      keys.append(key)
      cols.append(column)
      payloads.append(payload)
      siftUp(keys.count - 1)
    } else if Self.below(keys[0], cols[0], key, column) {
      keys[0] = key
      cols[0] = column
      payloads[0] = payload
      siftDown(0)
    }
  }

  mutating func siftUp(_ start: Int) {
    var k = start
    while k > 0 {
      let p = (k - 1) / 2
      if Self.below(keys[k], cols[k], keys[p], cols[p]) {
        keys.swapAt(k, p)
        cols.swapAt(k, p)
        payloads.swapAt(k, p)
        k = p
      } else {
        break
      }
    }
  }

  mutating func siftDown(_ start: Int) {
    var k = start
    while true {
      let l = 2 * k + 1
      if l >= keys.count { break }
      var c = l
      if l + 1 < keys.count && Self.below(keys[l + 1], cols[l + 1], keys[l], cols[l]) { c = l + 1 }
      if Self.below(keys[c], cols[c], keys[k], cols[k]) {
        keys.swapAt(k, c)
        cols.swapAt(k, c)
        payloads.swapAt(k, c)
        k = c
      } else {
        break
      }
    }
  }

  /// The kept keys, best first.
  func sorted() -> [(Double, Int)] {
    zip(keys, cols).sorted { Self.below($1.0, $1.1, $0.0, $0.1) }
  }

  /// The kept keys with their payloads, best first.
  func sortedWithPayloads() -> [(key: Double, column: Int, payload: Double)] {
    keys.indices.map { (keys[$0], cols[$0], payloads[$0]) }.sorted { Self.below($1.key, $1.column, $0.key, $0.column) }
  }
}
