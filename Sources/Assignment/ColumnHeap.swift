/// A binary min-heap of columns keyed by distance, then by whether the column
/// is full (columns with room first, so a path ends as soon as it can), then
/// by index. Stale entries are skipped by the caller.
struct ColumnHeap {
  struct Entry {
    var distance: Double
    var full: Bool
    var column: Int

    @inline(__always)
    static func < (a: Entry, b: Entry) -> Bool {
      if a.distance != b.distance { return a.distance < b.distance }
      if a.full != b.full { return !a.full }
      return a.column < b.column
    }
  }

  var entries: [Entry] = []

  mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

  mutating func push(distance: Double, full: Bool, column: Int) {
    entries.append(Entry(distance: distance, full: full, column: column))
    var k = entries.count - 1
    while k > 0 {
      let parent = (k - 1) / 2
      if entries[k] < entries[parent] {
        entries.swapAt(k, parent)
        k = parent
      } else {
        break
      }
    }
  }

  mutating func popMinimum() -> Entry? {
    guard let first = entries.first else { return nil }
    let last = entries.removeLast()
    if entries.isEmpty { return first }
    entries[0] = last
    var k = 0
    let count = entries.count
    while true {
      let left = 2 * k + 1
      if left >= count { break }
      var child = left
      if left + 1 < count && entries[left + 1] < entries[left] { child = left + 1 }
      if entries[child] < entries[k] {
        entries.swapAt(k, child)
        k = child
      } else {
        break
      }
    }
    return first
  }
}
