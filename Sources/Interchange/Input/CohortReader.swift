import Assignment
import CompetencyModel
import Foundation

/// A cohort read from its files, with the warnings found on the way.
public struct CohortReadResult: Sendable, Hashable {
  /// The cohort.
  public var cohort: Cohort
  /// Problems that did not stop the read (unknown columns, mentees with
  /// nothing to grow toward, ...), in report order.
  public var warnings: [InputError]
  /// The line of each mentor's row in the mentors file, aligned with
  /// `cohort.mentors`.
  public var mentorLines: [Int]
  /// The line of each mentee's row in the mentees file, aligned with
  /// `cohort.mentees`.
  public var menteeLines: [Int]

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - warnings: The warnings.
  ///   - mentorLines: The line of each mentor's row.
  ///   - menteeLines: The line of each mentee's row.
  /// - Complexity: O(1).
  public init(cohort: Cohort, warnings: [InputError], mentorLines: [Int], menteeLines: [Int]) {
    self.cohort = cohort
    self.warnings = warnings
    self.mentorLines = mentorLines
    self.menteeLines = menteeLines
  }
}

/// Reads a cohort from `mentors.csv` and `mentees.csv`.
///
/// The format is documented in `Docs/cohort-format.md`. The reader checks
/// everything and collects every problem across both files, so that one run
/// lists all of them: cell errors (bad numbers, levels, time zones, empty ids
/// or names, duplicate ids), header errors (missing or duplicate columns, no
/// `level:` columns for mentors, no `goal:` columns for mentees) and a loop in
/// the `manager` links across both files. Warnings (unknown columns, a mentee
/// with no goal above the current level) do not stop the read.
public enum CohortReader {
  /// Reads the cohort in `source`.
  ///
  /// - Parameters:
  ///   - source: The two files, or one people file with a `role` column.
  ///   - mapping: How the files' headers and level scales map to the native
  ///     ones (default: the native format).
  ///   - referenceDate: The date at which IANA time-zone names are resolved,
  ///     so daylight saving time is deterministic (default 2026-01-01T00:00:00Z).
  /// - Returns: The cohort, warnings and row lines.
  /// - Throws: ``InputErrors`` with every error and warning of both files, in
  ///   report order, when there is at least one error.
  /// - Complexity: O(size of the files) plus O(*p* · *d*) for the manager
  ///   check of *p* people whose reporting chains are *d* long.
  public static func read(
    _ source: CohortSource, mapping: CohortMapping = CohortMapping(),
    referenceDate: Date = TimeZoneParser.defaultReferenceDate
  )
    throws(InputErrors) -> CohortReadResult
  {
    if source.isPeopleFile {
      return try read(
        people: CohortFileText.load(path: source.mentorsPath), file: source.mentorsPath, mapping: mapping,
        referenceDate: referenceDate)
    }
    return try read(
      mentors: CohortFileText.load(path: source.mentorsPath), mentorsFile: source.mentorsPath,
      mentees: CohortFileText.load(path: source.menteesPath), menteesFile: source.menteesPath,
      mapping: mapping, referenceDate: referenceDate)
  }

  /// Reads a cohort from one people file's text: a `role` column says who
  /// mentors (`mentor`), who is mentored (`mentee`) and who does both
  /// (`both`: a mentor with their levels and a mentee with their goals,
  /// under one id, never paired with themselves).
  ///
  /// - Parameters:
  ///   - people: The file's content.
  ///   - file: The file's name for problem reports.
  ///   - mapping: How the file's headers and level scales map to the native ones.
  ///   - referenceDate: The date at which IANA time-zone names are resolved.
  /// - Returns: The cohort (mentors and mentees in file order), warnings and
  ///   row lines.
  /// - Throws: ``InputErrors`` with every error and warning, in report order,
  ///   when there is at least one error.
  /// - Complexity: As ``read(_:mapping:referenceDate:)``.
  public static func parse(
    people: String, file: String = "people.csv", mapping: CohortMapping = CohortMapping(),
    referenceDate: Date = TimeZoneParser.defaultReferenceDate
  ) throws(InputErrors) -> CohortReadResult {
    try read(people: .text(.success(people)), file: file, mapping: mapping, referenceDate: referenceDate)
  }

  /// Reads a cohort from the two files' texts.
  ///
  /// - Parameters:
  ///   - mentors: The mentors file's content.
  ///   - mentees: The mentees file's content.
  ///   - mentorsFile: The mentors file's name for problem reports.
  ///   - menteesFile: The mentees file's name for problem reports.
  ///   - mapping: How the files' headers and level scales map to the native ones.
  ///   - referenceDate: The date at which IANA time-zone names are resolved.
  /// - Returns: The cohort, warnings and row lines.
  /// - Throws: ``InputErrors`` with every error and warning, in report order,
  ///   when there is at least one error.
  /// - Complexity: As ``read(_:mapping:referenceDate:)``.
  public static func parse(
    mentors: String, mentees: String, mentorsFile: String = "mentors.csv",
    menteesFile: String = "mentees.csv", mapping: CohortMapping = CohortMapping(),
    referenceDate: Date = TimeZoneParser.defaultReferenceDate
  ) throws(InputErrors) -> CohortReadResult {
    try read(
      mentors: .text(.success(mentors)), mentorsFile: mentorsFile, mentees: .text(.success(mentees)),
      menteesFile: menteesFile, mapping: mapping,
      referenceDate: referenceDate)
  }

  private static func read(
    mentors: CohortFileText, mentorsFile: String, mentees: CohortFileText,
    menteesFile: String, mapping: CohortMapping, referenceDate: Date
  ) throws(InputErrors) -> CohortReadResult {
    var problems: [InputError] = []
    var mentorFile = CohortFileParser.read(
      mentors, file: mentorsFile, side: .mentors, referenceDate: referenceDate, mapping: mapping,
      problems: &problems)
    var menteeFile = CohortFileParser.read(
      mentees, file: menteesFile, side: .mentees, referenceDate: referenceDate, mapping: mapping,
      problems: &problems)
    return try assemble(mentorFile: &mentorFile, menteeFile: &menteeFile, problems: problems)
  }

  private static func read(
    people: CohortFileText, file: String, mapping: CohortMapping, referenceDate: Date
  ) throws(InputErrors) -> CohortReadResult {
    var problems: [InputError] = []
    var peopleFile = CohortFileParser.read(
      people, file: file, side: .people, referenceDate: referenceDate, mapping: mapping, problems: &problems)
    var noOtherFile: CohortFileParser? = nil
    return try assemble(mentorFile: &peopleFile, menteeFile: &noOtherFile, problems: problems)
  }

  /// The cohort of the parsed files: the mentors are the mentors file's rows
  /// whose role mentors, the mentees the mentees file's rows whose role is
  /// mentored (a people file, passed as `mentorFile` alone, is both).
  ///
  /// The rows are moved out of the parsers into the people, not copied.
  private static func assemble(
    mentorFile: inout CohortFileParser?, menteeFile: inout CohortFileParser?, problems: [InputError]
  ) throws(InputErrors) -> CohortReadResult {
    var problems = problems
    let samePeopleFile = mentorFile?.side == .people
    let menteeColumns = samePeopleFile ? mentorFile?.columns : menteeFile?.columns
    let menteesFile = (samePeopleFile ? mentorFile?.file : menteeFile?.file) ?? ""
    // The competencies: the union, mentors first, in first-seen order, then
    // those only multi-select goal lists name.
    var competencies: [String] = []
    var competencyIndex: [String: Int] = [:]
    // (Only multi-select goal columns list goals: without them, no row is looked at.)
    let listRows = menteeColumns?.goalLists.isEmpty == false ? (samePeopleFile ? mentorFile : menteeFile)?.rows : nil
    let listed = (listRows ?? []).lazy.filter(\.role.isMentored).flatMap(\.listedGoals).map {
      (key: $0.key, display: $0.display)
    }
    for column in (mentorFile?.columns.competenciesInOrder ?? []).map({ (key: $0.key, display: $0.display) })
      + (samePeopleFile ? [] : menteeFile?.columns.competenciesInOrder ?? []).map({
        (key: $0.key, display: $0.display)
      }) + listed
    where competencyIndex[column.key] == nil {
      competencyIndex[column.key] = competencies.count
      competencies.append(column.display)
    }
    // The manager check runs beside the people's assembly, on each file's
    // links moved out of its parser (not copied into one array).
    var firstLinks: [CohortFileParser.ManagerLink] = []
    var secondLinks: [CohortFileParser.ManagerLink] = []
    if mentorFile != nil { swap(&firstLinks, &mentorFile!.managerLinks) }
    if menteeFile != nil { swap(&secondLinks, &menteeFile!.managerLinks) }
    let links = (first: firstLinks, second: secondLinks)
    let linkFiles = (first: mentorFile?.file ?? "", second: menteeFile?.file ?? "")
    let cycles = ResultSlots<[InputError]>(count: 1)
    let cycleCheck = DispatchGroup()
    DispatchQueue.global().async(group: cycleCheck) {
      cycles.put(managerCycles(first: links.first, second: links.second, files: linkFiles), at: 0)
    }

    var mentorList: [Mentor] = []
    var mentorLines: [Int] = []
    var menteeList: [Mentee] = []
    var menteeLines: [Int] = []
    var growthWarnings: [InputError] = []
    let hasGoalColumns = menteeColumns.map { !$0.goals.isEmpty || !$0.goalLists.isEmpty } ?? false
    /// Moves `file`'s rows into mentors and mentees, in file order (on every core).
    func take(_ file: inout CohortFileParser?, mentors: Bool, mentees: Bool) {
      guard let slots = file?.slots(competencyIndex: competencyIndex) else { return }
      var rows = file?.takeRows() ?? []
      let people = CohortPeople.build(
        &rows, slots: slots, mentors: mentors, mentees: mentees, hasGoalColumns: hasGoalColumns,
        menteesFile: menteesFile)
      // (An empty list takes the other's storage: no copies.)
      func join<Element>(_ list: inout [Element], _ more: [Element]) {
        if list.isEmpty { list = more } else { list += more }
      }
      join(&mentorList, people.mentors)
      join(&mentorLines, people.mentorLines)
      join(&menteeList, people.mentees)
      join(&menteeLines, people.menteeLines)
      join(&growthWarnings, people.growthWarnings)
    }
    take(&mentorFile, mentors: true, mentees: samePeopleFile)
    take(&menteeFile, mentors: false, mentees: true)
    cycleCheck.wait()
    problems += cycles.take(0)
    problems += growthWarnings
    if problems.contains(where: { $0.severity == .error }) { throw InputErrors(problems) }
    return CohortReadResult(
      // Unique competencies and ids, one level and goal per competency: checked above.
      cohort: Cohort(checkedCompetencies: competencies, mentors: mentorList, mentees: menteeList),
      warnings: problems.sorted(by: InputError.reportOrder),
      mentorLines: mentorLines, menteeLines: menteeLines)
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
  private static func managerCycles(
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
