import CompetencyModel
import Interchange
import Testing
import _TestSupport

/// The loop errors of manager links taken in row order, the direct way: a
/// link is refused when its manager already reaches its person through the
/// links kept (searched afresh for every link).
private func naiveCycles(_ links: [(person: String, manager: String, position: String)]) -> [String] {
  var managers: [String: [String]] = [:]
  var found: [String] = []
  for link in links {
    if link.person == link.manager {
      found.append("\(link.position): '\(link.person)' is listed as their own manager")
      continue
    }
    if managers[link.person]?.contains(link.manager) == true { continue }
    var parent: [String: String] = [:]
    var visited: Set<String> = [link.manager]
    var stack = [link.manager]
    var path: [String]?
    while let current = stack.popLast() {
      if current == link.person {
        var walk = [current]
        while let previous = parent[walk[0]] { walk.insert(previous, at: 0) }
        path = walk
        break
      }
      for next in managers[current] ?? [] where visited.insert(next).inserted {
        parent[next] = current
        stack.append(next)
      }
    }
    if let path {
      let loop = ([link.person] + path).joined(separator: " → ")
      found.append(
        "\(link.position): manager cycle: \(loop); a reporting line cannot loop back to the same person")
      continue
    }
    managers[link.person, default: []].append(link.manager)
  }
  return found
}

@Suite struct ManagerCycleTests {
  /// Random files of up to 30 people whose managers are mostly earlier rows
  /// (a forest), sometimes later rows or themselves (loops), some people in
  /// both files: the reader's errors are the direct check's, in order.
  @Test func loopErrorsAgreeWithADirectCheck() {
    var rng = SplitMix(seed: 11)
    var loops = 0
    var twoManagers = 0
    for _ in 0..<400 {
      let people = Int.random(in: 1...30, using: &rng)
      let ids = (0..<people).map { "p\($0)" }
      func manager(_ k: Int) -> String {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: return ids[k]
        case 1...3: return ids[Int.random(in: 0..<people, using: &rng)]
        case 4...6: return "outside\(Int.random(in: 0..<3, using: &rng))"
        case 7: return ""
        default: return k == 0 ? "" : ids[Int.random(in: 0..<k, using: &rng)]
        }
      }
      var mentorRows: [(String, String)] = []
      var menteeRows: [(String, String)] = []
      for (k, id) in ids.enumerated() {
        let side = Int.random(in: 0..<6, using: &rng)
        if side < 3 { mentorRows.append((id, manager(k))) }
        if side > 1 { menteeRows.append((id, manager(k))) }
      }
      if side2(mentorRows, menteeRows) { twoManagers += 1 }
      let mentors =
        "id,name,capacity,level:a,manager\n" + mentorRows.map { "\($0.0),N,1,4,\($0.1)\n" }.joined()
      let mentees = "id,name,goal:a,level:a,manager\n" + menteeRows.map { "\($0.0),N,3,1,\($0.1)\n" }.joined()
      var links: [(person: String, manager: String, position: String)] = []
      for (row, (id, boss)) in mentorRows.enumerated() where !boss.isEmpty {
        links.append((id, boss, "mentors.csv:\(row + 2):\(id.count + 8)"))
      }
      for (row, (id, boss)) in menteeRows.enumerated() where !boss.isEmpty {
        links.append((id, boss, "mentees.csv:\(row + 2):\(id.count + 8)"))
      }
      let expected = naiveCycles(links)
      loops += expected.count
      var found: [String] = []
      do {
        _ = try CohortReader.parse(mentors: mentors, mentees: mentees)
      } catch {
        found = error.errors.filter { $0.severity == .error }.map {
          "\($0.file):\($0.line):\($0.column): \($0.message)"
        }
      }
      #expect(found.sorted() == expected.sorted())
    }
    #expect(loops > 50)
    #expect(twoManagers > 50)
  }

  /// Whether someone is in both files with a manager in each.
  private func side2(_ mentors: [(String, String)], _ mentees: [(String, String)]) -> Bool {
    let bosses = Dictionary(uniqueKeysWithValues: mentors.filter { !$0.1.isEmpty })
    return mentees.contains { !$0.1.isEmpty && bosses[$0.0] != nil }
  }

  @Test func aLongLoopIsReportedOnce() throws {
    // 20,000 mentees in one loop (e_k reports to e_k+1, the last to e0),
    // listed top first: every link but the last extends the chain downwards.
    let depth = 20_000
    var mentees = "id,name,goal:a,level:a,manager\n"
    for k in (0..<depth).reversed() { mentees += "e\(k),N,3,1,e\((k + 1) % depth)\n" }
    let found = problems { () throws(InputErrors) in
      try CohortReader.parse(mentors: "id,name,capacity,level:a\nm,M,1,4\n", mentees: mentees)
    }
    #expect(positions(found) == ["mentees.csv:\(depth + 1):10"])
    #expect(found.first?.message.hasPrefix("manager cycle: e0 → e1 → e2 → ") == true)
    #expect(found.first?.message.contains("→ e\(depth - 1) → e0;") == true)
  }
}
