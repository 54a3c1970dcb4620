import Foundation

/// The loop check of a cohort's `manager` links: a link that would close a
/// reporting loop is reported at its manager cell and left out, in row
/// order (the mentors file's links, then the mentees file's).
///
/// Most cohorts have no loop at all, and then the only problems are the
/// people listed as their own manager: ``find(first:second:files:)`` tells
/// that case first by a topological sort of the links, and only a cohort
/// whose links do form a loop goes through the full check,
/// ``search(first:second:files:)``, which decides link by link which are
/// kept.
enum ManagerCycles {
  /// Finds loops in the manager links, in row order (`first`'s, then
  /// `second`'s): a link that would close a loop is reported at its manager
  /// cell (in `files.first` for a link of `first`, else in `files.second`)
  /// and left out; a person listed as their own manager is reported there
  /// too.
  ///
  /// The same problems, in the same order, as ``search(first:second:files:)``.
  ///
  /// - Complexity: O(*p*) expected for *p* links without a loop; else that
  ///   of ``search(first:second:files:)`` besides.
  static func find(
    first: [CohortFileParser.ManagerLink], second: [CohortFileParser.ManagerLink],
    files: (first: String, second: String)
  ) -> [InputError] {
    if let problems = withoutLoops(first: first, second: second, files: files) { return problems }
    return search(first: first, second: second, files: files)
  }

  /// The problems of the links when those between two different people
  /// form no loop (a topological sort removes every person): then every
  /// such link is kept, and the only problems are the people listed as
  /// their own manager, in row order. `nil` when the links form a loop, or
  /// when an id is not ASCII (the full check then decides).
  ///
  /// Only the people of the links are nodes, found by their hash (as
  /// ``IDTable`` hashes an ASCII text) in a table made once for all the
  /// links, whose entries point at a link of the person (no text is
  /// copied); a manager who is nobody's person has no link of their own,
  /// so no loop passes through them, and a link to them is left out of the
  /// sort.
  ///
  /// - Complexity: O(*p*) expected for *p* links.
  static func withoutLoops(
    first: [CohortFileParser.ManagerLink], second: [CohortFileParser.ManagerLink],
    files: (first: String, second: String)
  ) -> [InputError]? {
    guard first.count + second.count > 0 else { return [] }
    guard first.count + second.count < 1 << 30 else { return nil }  // (nodes and links as `Int32`)
    return first.withUnsafeBufferPointer { first in
      second.withUnsafeBufferPointer { second in
        var graph = LinkGraph(first: first, second: second)
        defer { graph.deallocate() }
        guard graph.findPeople(), graph.findManagers(), graph.sortsTopologically() else { return nil }
        var problems: [InputError] = []
        problems.reserveCapacity(graph.ownManagers)
        for number in 0..<graph.links where graph.person[number] < 0 {
          let link = graph.link(number)
          problems.append(
            link.pointee.error(
              "'\(link.pointee.person)' is listed as their own manager",
              file: number < first.count ? files.first : files.second))
        }
        return problems
      }
    }
  }

  /// The links of both files as a graph between their people, for
  /// ``withoutLoops(first:second:files:)``: its buffers are allocated once
  /// at their final sizes (no growth, no copy on write) and freed by
  /// ``deallocate()``.
  private struct LinkGraph {
    let first: UnsafeBufferPointer<CohortFileParser.ManagerLink>
    let second: UnsafeBufferPointer<CohortFileParser.ManagerLink>
    /// The number of links.
    let links: Int
    /// Hashes texts as ``IDTable`` does.
    let hasher = IDTable()
    /// The people's table: a node + 1 per slot, 0 when empty; at most half full.
    let slots: UnsafeMutableBufferPointer<Int32>
    /// For each node, a link whose person it is, and the person's hash.
    let representative: UnsafeMutableBufferPointer<Int32>
    let hashes: UnsafeMutableBufferPointer<UInt64>
    /// For each link, its person's node and its manager's (-1: a person
    /// listed as their own manager; a manager who is nobody's person).
    let person: UnsafeMutableBufferPointer<Int32>
    let manager: UnsafeMutableBufferPointer<Int32>
    /// The number of people, and of links from a person to themselves.
    var nodes = 0
    var ownManagers = 0

    init(
      first: UnsafeBufferPointer<CohortFileParser.ManagerLink>,
      second: UnsafeBufferPointer<CohortFileParser.ManagerLink>
    ) {
      self.first = first
      self.second = second
      links = first.count + second.count
      var size = 16
      while size < 2 * links { size <<= 1 }
      slots = .allocate(capacity: size)
      slots.initialize(repeating: 0)
      representative = .allocate(capacity: links)
      hashes = .allocate(capacity: links)
      person = .allocate(capacity: links)
      person.initialize(repeating: -1)
      manager = .allocate(capacity: links)
      manager.initialize(repeating: -1)
    }

    func deallocate() {
      slots.deallocate()
      representative.deallocate()
      hashes.deallocate()
      person.deallocate()
      manager.deallocate()
    }

    /// The address of link `number` (`first`'s, then `second`'s).
    @inline(__always)
    func link(_ number: Int) -> UnsafePointer<CohortFileParser.ManagerLink> {
      number < first.count ? first.baseAddress! + number : second.baseAddress! + (number - first.count)
    }

    /// The node of `text`, hashed `hash`, or -1, with the slot where it is
    /// or would go.
    @inline(__always)
    func find(_ text: String, hash: UInt64) -> (node: Int, slot: Int) {
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let held = Int(slots[slot])
        if held == 0 { return (-1, slot) }
        if hashes[held - 1] == hash && link(Int(representative[held - 1])).pointee.person == text {
          return (held - 1, slot)
        }
        slot = (slot + 1) & mask
      }
    }

    /// Gives each link's person a node (the same for the same id); `false`
    /// when an id is not ASCII.
    ///
    /// - Complexity: O(links) expected.
    mutating func findPeople() -> Bool {
      for number in 0..<links {
        let link = link(number)
        if link.pointee.person == link.pointee.manager {
          ownManagers += 1
          continue
        }
        guard let hash = hasher.hash(of: link.pointee.person) else { return false }
        let (known, slot) = find(link.pointee.person, hash: hash)
        if known >= 0 {
          person[number] = Int32(truncatingIfNeeded: known)
          continue
        }
        slots[slot] = Int32(truncatingIfNeeded: nodes + 1)
        representative[nodes] = Int32(truncatingIfNeeded: number)
        hashes[nodes] = hash
        person[number] = Int32(truncatingIfNeeded: nodes)
        nodes += 1
      }
      return true
    }

    /// Gives each link's manager the node of the same person, when the
    /// manager is someone's person; `false` when a manager is not ASCII.
    ///
    /// - Complexity: O(links) expected.
    func findManagers() -> Bool {
      for number in 0..<links where person[number] >= 0 {
        let link = link(number)
        guard let hash = hasher.hash(of: link.pointee.manager) else { return false }
        manager[number] = Int32(truncatingIfNeeded: find(link.pointee.manager, hash: hash).node)
      }
      return true
    }

    /// Whether the links between people form no loop: Kahn's sort removes
    /// a person nobody left reports to, until none is left.
    ///
    /// - Complexity: O(people + links).
    func sortsTopologically() -> Bool {
      guard nodes > 0 else { return true }
      // The links from each person (compressed lists), the number to each,
      // and the people ready to be removed, in buffers of their final sizes.
      let start = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodes + 1)
      let incoming = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodes)
      let ready = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodes)
      defer {
        start.deallocate()
        incoming.deallocate()
        ready.deallocate()
      }
      start.initialize(repeating: 0)
      incoming.initialize(repeating: 0)
      var edges = 0
      for number in 0..<links where person[number] >= 0 && manager[number] >= 0 {
        start[Int(person[number]) + 1] &+= 1
        incoming[Int(manager[number])] &+= 1
        edges += 1
      }
      for v in 0..<nodes { start[v + 1] &+= start[v] }
      // (`start[v]` counts up to `start[v + 1]` while `v`'s links are filled, then goes back.)
      let targets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(edges, 1))
      defer { targets.deallocate() }
      for number in 0..<links where person[number] >= 0 && manager[number] >= 0 {
        let v = Int(person[number])
        targets[Int(start[v])] = manager[number]
        start[v] &+= 1
      }
      for v in stride(from: nodes, to: 0, by: -1) { start[v] = start[v - 1] }
      start[0] = 0
      var readyCount = 0
      for v in 0..<nodes where incoming[v] == 0 {
        ready[readyCount] = Int32(truncatingIfNeeded: v)
        readyCount += 1
      }
      var next = 0
      while next < readyCount {
        let v = Int(ready[next])
        next += 1
        for edge in Int(start[v])..<Int(start[v + 1]) {
          let w = Int(targets[edge])
          incoming[w] &-= 1
          if incoming[w] == 0 {
            ready[readyCount] = Int32(truncatingIfNeeded: w)
            readyCount += 1
          }
        }
      }
      return readyCount == nodes
    }
  }

  /// Finds loops in the manager links, in row order (`first`'s, then
  /// `second`'s): a link that would close a loop is reported at its manager
  /// cell (in `files.first` for a link of `first`, else in `files.second`)
  /// and left out.
  ///
  /// A link can close a loop only inside a strongly connected component of
  /// all the links (found first, in linear time): every other link is kept
  /// unchecked, so a cohort without loops costs O(*p*). Inside a component,
  /// while nobody has two managers kept there, the links kept form a forest,
  /// and a union–find that knows each tree's top person answers "is the
  /// person already above their new manager" without walking the chain;
  /// after that, a search of the component's links kept answers it.
  ///
  /// - Complexity: O(*p* · α(*p*)) for *p* links, plus O(size of the
  ///   component) per loop reported and per link checked in a component
  ///   where someone has two managers.
  static func search(
    first: [CohortFileParser.ManagerLink], second: [CohortFileParser.ManagerLink],
    files: (first: String, second: String)
  ) -> [InputError] {
    let secondFileStart = first.count
    var node = IDTable()
    node.reserveCapacity(2 * (first.count + second.count))
    var ids: [String] = []
    func index(_ id: String) -> Int {
      if let known = node.insert(id, value: ids.count) { return known }
      ids.append(id)
      return ids.count - 1
    }
    // (A loop, not `map`: a closure calling `index` made every access to
    // `node` and `ids` checked at run time.)
    var ends: [(Int, Int)] = []
    ends.reserveCapacity(first.count + second.count)
    for links in [first, second] {
      for link in links {
        ends.append(link.person == link.manager ? (-1, -1) : (index(link.person), index(link.manager)))
      }
    }
    let count = ids.count
    // All the links as compressed adjacency lists, then their components.
    var start = [Int](repeating: 0, count: count + 1)
    for (person, _) in ends where person >= 0 { start[person + 1] += 1 }
    for p in 0..<count { start[p + 1] += start[p] }
    var fill = start
    var targets = [Int](repeating: 0, count: start[count])
    for (person, manager) in ends where person >= 0 {
      targets[fill[person]] = manager
      fill[person] += 1
    }
    let component = components(count: count, start: start, targets: targets)
    var managers = KeptManagers(count: count)
    // Union–find over the links kept inside components; `top[r]` is the
    // person at the top of root `r`'s tree.
    var set = Array(0..<count)
    var size = [Int](repeating: 1, count: count)
    var top = Array(0..<count)
    var inside = [Int](repeating: 0, count: count)
    var forest: [Int: Bool] = [:]
    func find(_ x: Int) -> Int {
      var x = x
      while set[x] != x {
        set[x] = set[set[x]]
        x = set[x]
      }
      return x
    }
    var problems: [InputError] = []
    var number = -1
    for links in [first, second] {
      for link in links {
        number += 1
        let (person, manager) = ends[number]
        let file = number < secondFileStart ? files.first : files.second
        if person < 0 {
          problems.append(link.error("'\(link.person)' is listed as their own manager", file: file))
          continue
        }
        if managers.contains(manager, for: person) { continue }
        let c = component[person]
        if c == component[manager] {
          let isForest = forest[c] ?? true
          // In a forest, `person` (without a manager there yet) is the top of
          // its tree: it is above `manager` exactly when they share a tree.
          let closes =
            isForest && inside[person] == 0
            ? top[find(manager)] == person
            : chain(from: manager, to: person, in: managers, component: component) != nil
          if closes, let path = chain(from: manager, to: person, in: managers, component: component) {
            let loop = ([person] + path).map { ids[$0] }.joined(separator: " → ")
            problems.append(
              link.error("manager cycle: \(loop); a reporting line cannot loop back to the same person", file: file)
            )
            continue
          }
          if inside[person] > 0 { forest[c] = false }
          inside[person] += 1
          if forest[c] ?? true {
            let below = find(person)
            let above = find(manager)
            let newTop = top[above]
            let (small, large) = size[below] < size[above] ? (below, above) : (above, below)
            set[small] = large
            size[large] += size[small]
            top[large] = newTop
          }
        }
        managers.append(manager, for: person)
      }
    }
    return problems
  }

  /// A path of manager links from `start` to `target`, both included,
  /// searched within `target`'s component (where every such path lies).
  ///
  /// - Complexity: O(links kept in the component).
  private static func chain(from start: Int, to target: Int, in managers: KeptManagers, component: [Int]) -> [Int]? {
    var parent: [Int: Int] = [:]
    var visited: Set<Int> = [start]
    var stack = [start]
    while let current = stack.popLast() {
      if current == target {
        var path = [current]
        while let previous = parent[path[path.count - 1]] { path.append(previous) }
        return path.reversed()
      }
      for next in managers[current] where component[next] == component[target] && visited.insert(next).inserted {
        parent[next] = current
        stack.append(next)
      }
    }
    return nil
  }

  /// The strongly connected component of each node of a graph given as
  /// compressed adjacency lists (Tarjan's algorithm, without recursion).
  ///
  /// - Complexity: O(nodes + edges).
  private static func components(count: Int, start: [Int], targets: [Int]) -> [Int] {
    var order = [Int](repeating: -1, count: count)
    var low = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var component = [Int](repeating: -1, count: count)
    var stack: [Int] = []
    var calls: [(node: Int, next: Int)] = []
    var counter = 0
    var found = 0
    func open(_ v: Int) {
      order[v] = counter
      low[v] = counter
      counter += 1
      stack.append(v)
      onStack[v] = true
      calls.append((v, start[v]))
    }
    for root in 0..<count where order[root] < 0 {
      open(root)
      while let (v, next) = calls.last {
        if next < start[v + 1] {
          calls[calls.count - 1].next += 1
          let w = targets[next]
          if order[w] < 0 {
            open(w)
          } else if onStack[w] {
            low[v] = min(low[v], order[w])
          }
          continue
        }
        calls.removeLast()
        if let caller = calls.last?.node { low[caller] = min(low[caller], low[v]) }
        guard low[v] == order[v] else { continue }
        while let w = stack.popLast() {
          onStack[w] = false
          component[w] = found
          if w == v { break }
        }
        found += 1
      }
    }
    return component
  }
}
