/// The chains of managers in a cohort, from the `manager` field of every
/// person in either file, indexed so that "is one of these two people above
/// the other" needs no walk up a chain.
///
/// Every person (or manager named by someone) is a node whose parent is
/// their manager. The nodes on trees (every chain ends at someone without a
/// manager) get Euler-tour intervals: `x` is above `y` exactly when
/// `enter[x] < enter[y] <= last[x]`. Chains that run into a loop (the readers
/// reject loops, but a cohort built in code may hold one) are walked instead.
///
/// Invariant: a chain never repeats a person, so a loop cannot make it loop.
public struct ReportingLines: Sendable {
  /// The node of each id.
  private var node: [String: Int] = [:]
  /// The ids of the nodes.
  private var ids: [String] = []
  /// Each node's manager's node, or -1.
  private var parent: [Int] = []
  /// Each node's position in a depth-first walk of the trees (-1: on or below a loop).
  private var enter: [Int] = []
  /// The last position in each node's subtree.
  private var last: [Int] = []

  /// Collects the manager of every person; when one id appears on both
  /// sides, the first manager given (mentors first) counts.
  ///
  /// - Complexity: O(`mentors + mentees`).
  public init(_ cohort: Cohort) {
    func index(_ id: String) -> Int {
      if let known = node[id] { return known }
      node[id] = ids.count
      ids.append(id)
      parent.append(-1)
      return ids.count - 1
    }
    var hasManager: Set<Int> = []
    for person in cohort.mentors.map(\.person) + cohort.mentees.map(\.person) {
      let p = index(person.id)
      if let manager = person.manager, !manager.isEmpty, !hasManager.contains(p) {
        hasManager.insert(p)
        parent[p] = index(manager)
      }
    }
    // Children lists (compressed), then an iterative depth-first walk from each root.
    let count = ids.count
    var start = [Int](repeating: 0, count: count + 1)
    for p in 0..<count where parent[p] >= 0 { start[parent[p] + 1] += 1 }
    for p in 0..<count { start[p + 1] += start[p] }
    var fill = start
    var children = [Int](repeating: 0, count: start[count])
    for p in 0..<count where parent[p] >= 0 {
      children[fill[parent[p]]] = p
      fill[parent[p]] += 1
    }
    enter = [Int](repeating: -1, count: count)
    last = [Int](repeating: -1, count: count)
    var clock = 0
    var stack: [(node: Int, next: Int)] = []
    for root in 0..<count where parent[root] < 0 {
      enter[root] = clock
      clock += 1
      stack.append((root, start[root]))
      while let top = stack.last {
        if top.next < start[top.node + 1] {
          let child = children[top.next]
          stack[stack.count - 1].next += 1
          enter[child] = clock
          clock += 1
          stack.append((child, start[child]))
        } else {
          last[top.node] = clock - 1
          stack.removeLast()
        }
      }
    }
  }

  /// The ids above `id`: its manager, their manager, and so on.
  ///
  /// - Complexity: O(depth of the chain).
  public func managers(above id: String) -> [String] {
    var chain: [String] = []
    var seen: Set<String> = [id]
    guard var current = node[id] else { return [] }
    while parent[current] >= 0, seen.insert(ids[parent[current]]).inserted {
      current = parent[current]
      chain.append(ids[current])
    }
    return chain
  }

  /// Every pair of one person from `lower` and one from `upperIndex` in
  /// which the upper person is somewhere above the lower one.
  ///
  /// ```swift
  /// let mentorAbove = lines.pairs(lower: cohort.mentees.map(\.id), upper: cohort.mentorIndexByID)
  /// ```
  ///
  /// - Parameters:
  ///   - lower: The ids of the people below, by index.
  ///   - upperIndex: The index of each person above, by id.
  /// - Returns: (index in `lower`, index in `upperIndex`) of each such pair, once.
  /// - Complexity: O((`lower + upper`) · log(`lower`) + pairs found), plus
  ///   O(depth) for each person whose chain runs into a loop.
  public func pairs(lower: [String], upper upperIndex: [String: Int]) -> [(lower: Int, upper: Int)] {
    var found: [(lower: Int, upper: Int)] = []
    // People on trees, by their position in the walk.
    var placed: [(position: Int, index: Int)] = []
    for (k, id) in lower.enumerated() {
      guard let p = node[id] else { continue }
      if enter[p] >= 0 {
        placed.append((enter[p], k))
      } else {
        for manager in managers(above: id) {
          if let u = upperIndex[manager] { found.append((k, u)) }
        }
      }
    }
    placed.sort { $0.position < $1.position }
    for (id, u) in upperIndex {
      guard let p = node[id], enter[p] >= 0 else { continue }
      // The first placed person after `p` in the walk, then everyone inside `p`'s subtree.
      var low = 0
      var high = placed.count
      while low < high {
        let middle = (low + high) / 2
        if placed[middle].position <= enter[p] { low = middle + 1 } else { high = middle }
      }
      while low < placed.count && placed[low].position <= last[p] {
        found.append((placed[low].index, u))
        low += 1
      }
    }
    return found
  }
}
