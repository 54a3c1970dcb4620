import Testing
import _TestSupport

@testable import Interchange

/// ``ManagerCycles``' quick check for links without a loop against the full
/// check, and the mentees' growth test against a plain loop.
struct ManagerCyclesQuickCheckTests {
  /// Whether the links between two different people (both ends among the
  /// links' people) form a loop, by a depth-first search of each person.
  private func hasLoop(_ links: [CohortFileParser.ManagerLink]) -> Bool {
    let people = Set(links.filter { $0.person != $0.manager }.map(\.person))
    var managers: [String: [String]] = [:]
    for link in links where link.person != link.manager && people.contains(link.manager) {
      managers[link.person, default: []].append(link.manager)
    }
    for start in people {
      var seen: Set<String> = []
      var stack = managers[start] ?? []
      while let current = stack.popLast() {
        if current == start { return true }
        if seen.insert(current).inserted { stack += managers[current] ?? [] }
      }
    }
    return false
  }

  /// Seeded link sets of up to 40 people in two files (forests, people in
  /// both files with two managers, managers outside the files, people who
  /// are their own manager, repeated links, loops): ``ManagerCycles/find(first:second:files:)``
  /// gives exactly the full check's problems, in order, and the quick check
  /// answers exactly when the links form no loop.
  @Test func quickCheckAgreesWithTheFullCheck() {
    var random = SplitMix(seed: 12)
    var quick = 0
    var full = 0
    var ownManagers = 0
    for round in 0..<3000 {
      let people = Int.random(in: 1...40, using: &random)
      let loopy = round % 2 == 0
      func link(_ k: Int, line: Int) -> CohortFileParser.ManagerLink {
        let manager: String
        switch Int.random(in: 0..<40, using: &random) {
        case 0: manager = "p\(k)"
        case 1...3: manager = "outside\(Int.random(in: 0..<4, using: &random))"
        case 4...9 where loopy: manager = "p\(Int.random(in: 0..<people, using: &random))"
        default: manager = k == 0 ? "outside0" : "p\(Int.random(in: 0..<k, using: &random))"
        }
        return CohortFileParser.ManagerLink(person: "p\(k)", manager: manager, line: line, column: 3)
      }
      var first: [CohortFileParser.ManagerLink] = []
      var second: [CohortFileParser.ManagerLink] = []
      for k in 0..<people {
        let side = Int.random(in: 0..<8, using: &random)
        if side < 4 { first.append(link(k, line: first.count + 2)) }
        if side > 2 { second.append(link(k, line: second.count + 2)) }
        if side == 7, let last = second.last { second.append(last) }  // the same link twice
      }
      let files = (first: "mentors.csv", second: "mentees.csv")
      let expected = ManagerCycles.search(first: first, second: second, files: files)
      #expect(ManagerCycles.find(first: first, second: second, files: files) == expected)
      let answer = ManagerCycles.withoutLoops(first: first, second: second, files: files)
      #expect((answer == nil) == hasLoop(first + second))
      if let answer {
        quick += 1
        #expect(answer == expected)
        if !answer.isEmpty { ownManagers += 1 }
      } else {
        full += 1
      }
    }
    #expect(quick > 500)
    #expect(full > 300)
    #expect(ownManagers > 300)
  }

  /// Ids that are not ASCII, written in the managers' cells in another but
  /// canonically equivalent form ("e" and U+0301 for "é"), are one person
  /// each: the quick check steps aside for them (`nil`, unless every link
  /// is a person's own), and ``ManagerCycles/find(first:second:files:)``
  /// gives the full check's problems, loops or not.
  @Test func idsThatAreNotASCIIGoToTheFullCheck() {
    var random = SplitMix(seed: 14)
    var loops = 0
    var ownManagers = 0
    for round in 0..<400 {
      let people = Int.random(in: 2...30, using: &random)
      func id(_ k: Int, asWritten: Bool) -> String { asWritten ? "p\u{E9}\(k)" : "pe\u{301}\(k)" }
      var first: [CohortFileParser.ManagerLink] = []
      var second: [CohortFileParser.ManagerLink] = []
      for k in 0..<people {
        let target =
          round % 2 == 0 || k == 0
          ? Int.random(in: 0..<max(k, 1), using: &random) : Int.random(in: 0..<people, using: &random)
        let manager = k == 0 && round % 2 == 0 ? "outside" : id(target, asWritten: Bool.random(using: &random))
        let link = CohortFileParser.ManagerLink(
          person: id(k, asWritten: true), manager: manager, line: k + 2, column: 5)
        if Bool.random(using: &random) { first.append(link) } else { second.append(link) }
      }
      let files = (first: "mentors.csv", second: "mentees.csv")
      let expected = ManagerCycles.search(first: first, second: second, files: files)
      #expect(ManagerCycles.find(first: first, second: second, files: files) == expected)
      // (Links of people who are their own manager only are answered without hashing an id.)
      let onlyOwnManagers = (first + second).allSatisfy { $0.person == $0.manager }
      let answer = ManagerCycles.withoutLoops(first: first, second: second, files: files)
      #expect(answer == (onlyOwnManagers ? expected : nil))
      if hasLoop(first + second) { loops += 1 }
      if expected.contains(where: { $0.message.hasSuffix("is listed as their own manager") }) { ownManagers += 1 }
    }
    #expect(loops > 50 && loops < 350)
    #expect(ownManagers > 100)
  }

  /// No links, and links whose managers are all outside: no problem.
  @Test func linksWithoutPeopleAboveAreKept() {
    let files = (first: "a.csv", second: "b.csv")
    #expect(ManagerCycles.withoutLoops(first: [], second: [], files: files) == [])
    let links = (0..<100).map {
      CohortFileParser.ManagerLink(person: "e\($0)", manager: "boss", line: $0 + 2, column: 9)
    }
    #expect(ManagerCycles.withoutLoops(first: links, second: links, files: files) == [])
  }

  /// ``CohortPeople/isAnyAbove(_:_:count:)`` against a plain loop on seeded
  /// goals (mostly missing, NaN) and levels of 0 to 70 competencies.
  @Test func growthAgreesWithAPlainLoop() {
    var random = SplitMix(seed: 13)
    var grows = 0
    for _ in 0..<5000 {
      let count = Int.random(in: 0...70, using: &random)
      let levels = (0..<count).map { _ in Double(Int.random(in: 0...50, using: &random)) / 10 }
      let goals = (0..<count).map { k in
        Int.random(in: 0..<12, using: &random) == 0
          ? levels[k] + Double(Int.random(in: -2...2, using: &random)) / 10 : Double.nan
      }
      let expected = zip(goals, levels).contains { $0 > $1 }
      if expected { grows += 1 }
      #expect(CohortPeople.isAnyAbove(goals, levels, count: count) == expected)
    }
    #expect(grows > 1000)
  }
}
