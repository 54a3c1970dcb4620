import CohortGenerator
import CompetencyModel

/// A grouping of the participants into circles, with its objective and the
/// bound it is measured against.
///
/// Invariants: `circles` partitions `0..<problem.count`; each circle is
/// sorted and circles are ordered by their first member; every size is in
/// the settings' range; `objective <= bound.total + 1e-9` when
/// `violations == 0`.
public struct CircleFormation: Sendable {
  /// The circles, each a sorted list of participant indexes.
  public let circles: [[Int]]
  /// The objective (see ``CircleSettings``).
  public let objective: Double
  /// The upper bound.
  public let bound: CircleBound
  /// The number of broken hard rules (0 for a valid grouping).
  public let violations: Int
  /// Improvement rounds run by the local search.
  public let rounds: Int

  /// The relative gap to the bound, `(bound − objective) / bound` (0 when the bound is 0).
  public var gap: Double { bound.total > 0 ? max(0, bound.total - objective) / bound.total : 0 }

  /// Forms circles: a constructive start, then a seeded local search of
  /// moves and swaps between circles with perturbation restarts, for the
  /// fewest circles possible (and one more, up to 200 participants); the
  /// best grouping wins.
  ///
  /// The result depends only on the problem and `settings.seed`.
  ///
  /// - Throws: ``CircleError/sizesCannotSplit(participants:minimum:maximum:)``
  ///   when the count cannot be split; ``CircleError/rulesUnsatisfied(details:)``
  ///   when the search ends with a broken rule.
  /// - Complexity: O(`n² · goals`) for the bound and candidate lists, then
  ///   O(`rounds · n · candidates · size³ · goals`) for the search.
  public static func form(_ problem: CircleProblem) throws(CircleError) -> CircleFormation {
    let settings = problem.settings
    guard let counts = settings.feasibleCircleCounts(participants: problem.count) else {
      throw .sizesCannotSplit(
        participants: problem.count, minimum: settings.minimumSize, maximum: settings.maximumSize)
    }
    let stranded = strandedByLanguage(problem)
    if !stranded.isEmpty { throw .rulesUnsatisfied(details: Array(stranded.prefix(5))) }
    let bound = CircleBound(problem)
    let candidates = CandidatePeers(problem, count: 8)
    var best: CircleSearch? = nil
    // Small instances also try one circle more (smaller circles can mix
    // better); large ones keep the fewest circles, the largest.
    let extra = problem.count <= 200 ? 1 : 0
    for k in counts.lowerBound...min(counts.upperBound, counts.lowerBound + extra) {
      var search = CircleSearch(problem: problem, circleCount: k, candidates: candidates)
      search.construct()
      search.improve()
      search.perturbAndImprove(kicks: settings.kicks ?? max(1, min(40, 2000 / max(problem.count, 1))))
      if let current = best {
        if (search.totalViolations, -search.totalValue) < (current.totalViolations, -current.totalValue) {
          best = search
        }
      } else {
        best = search
      }
    }
    let result = best!
    if result.totalViolations > 0 {
      let details = result.members.filter { problem.violations(of: $0) > 0 }.flatMap {
        problem.describeViolations(of: $0)
      }
      throw .rulesUnsatisfied(details: Array(details.prefix(5)))
    }
    let circles = result.members.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    return CircleFormation(
      circles: circles, objective: circles.reduce(0) { $0 + problem.value(of: $1) }, bound: bound,
      violations: 0, rounds: result.roundsRun)
  }

  /// Baselines for comparison: the constructive start alone (`greedy`), or
  /// participants in a seeded random order cut into circles of balanced
  /// sizes (`random`). Neither repairs broken rules; ``violations`` counts them.
  public enum Baseline: String, Sendable, CaseIterable {
    /// The greedy constructive start, without local search.
    case greedy
    /// A seeded random grouping.
    case random
  }

  /// Forms circles by a baseline.
  ///
  /// - Throws: ``CircleError/sizesCannotSplit(participants:minimum:maximum:)``.
  /// - Complexity: O(`n² · goals`) (the bound and candidate lists).
  public static func baseline(_ kind: Baseline, _ problem: CircleProblem) throws(CircleError) -> CircleFormation {
    let settings = problem.settings
    guard let counts = settings.feasibleCircleCounts(participants: problem.count) else {
      throw .sizesCannotSplit(
        participants: problem.count, minimum: settings.minimumSize, maximum: settings.maximumSize)
    }
    let k = counts.lowerBound
    switch kind {
    case .greedy:
      var search = CircleSearch(problem: problem, circleCount: k, candidates: CandidatePeers(problem, count: 8))
      search.construct()
      return CircleFormation(problem: problem, circles: search.members)
    case .random:
      var random = SeededRandomNumberGenerator(seed: settings.seed)
      var order = Array(0..<problem.count)
      for t in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(t, Int(random.next() % UInt64(t + 1))) }
      var circles: [[Int]] = []
      var start = 0
      for c in 0..<k {
        let size = problem.count / k + (c < problem.count % k ? 1 : 0)
        circles.append(Array(order[start..<start + size]))
        start += size
      }
      return CircleFormation(problem: problem, circles: circles)
    }
  }

  /// The participants no circle can hold under the language rule: someone
  /// who lists languages needs `minimumSize − 1` others who list one of the
  /// same language or list none.
  ///
  /// - Complexity: O(`n · languages`).
  static func strandedByLanguage(_ problem: CircleProblem) -> [String] {
    guard problem.settings.requireSharedLanguage else { return [] }
    var speakers: [String: Int] = [:]
    var silent = 0
    for p in problem.participants {
      if p.person.languages.isEmpty { silent += 1 }
      for language in Set(p.person.languages) { speakers[language, default: 0] += 1 }
    }
    let needed = problem.settings.minimumSize
    return problem.participants.compactMap { p in
      guard !p.person.languages.isEmpty else { return nil }
      let best = p.person.languages.map { speakers[$0, default: 0] + silent }.max()!
      guard best < needed else { return nil }
      return
        "\(p.id) works in \(p.person.languages.joined(separator: ", ")) and only \(best - 1) other participant"
        + "\(best == 2 ? "" : "s") share\(best == 2 ? "s" : "") one of these or list none, for circles of at least \(needed)"
    }
  }

  /// A formation of given circles (for comparisons: random or greedy groupings).
  ///
  /// - Precondition: `circles` partitions the participants.
  public init(problem: CircleProblem, circles: [[Int]], bound: CircleBound? = nil) {
    precondition(circles.flatMap { $0 }.sorted() == Array(0..<problem.count), "Circles must partition the participants")
    let sorted = circles.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    self.circles = sorted
    self.objective = sorted.reduce(0) { $0 + problem.value(of: $1) }
    self.bound = bound ?? CircleBound(problem)
    self.violations = sorted.reduce(0) { $0 + problem.violations(of: $1) }
    self.rounds = 0
  }

  init(circles: [[Int]], objective: Double, bound: CircleBound, violations: Int, rounds: Int) {
    self.circles = circles
    self.objective = objective
    self.bound = bound
    self.violations = violations
    self.rounds = rounds
  }
}

/// For each participant, the compatible peers it gains most with: the
/// largest `coverage(i←j) + coverage(j←i)`, and the reverse lists.
struct CandidatePeers: Sendable {
  let peers: [[Int]]

  init(_ problem: CircleProblem, count: Int) {
    let n = problem.count
    var peers = [[Int]](repeating: [], count: n)
    for i in 0..<n {
      var top: [(Double, Int)] = []
      for j in 0..<n where problem.compatible(i, j) {
        let gain = problem.pairCoverage(member: i, peer: j) + problem.pairCoverage(member: j, peer: i)
        if top.count < count {
          top.append((gain, j))
          top.sort { $0 > $1 }
        } else if gain > top[top.count - 1].0 {
          top[top.count - 1] = (gain, j)
          top.sort { $0 > $1 }
        }
      }
      peers[i] = top.map(\.1)
    }
    var reverse = [[Int]](repeating: [], count: n)
    for i in 0..<n { for j in peers[i] { reverse[j].append(i) } }
    self.peers = (0..<n).map { i in
      var seen = Set(peers[i])
      return peers[i] + reverse[i].prefix(count).filter { seen.insert($0).inserted }
    }
  }
}

/// The mutable state of one search at a fixed circle count.
struct CircleSearch {
  let problem: CircleProblem
  let candidates: CandidatePeers
  var members: [[Int]]
  var circleOf: [Int]
  var value: [Double]
  var violationCount: [Int]
  var random: SeededRandomNumberGenerator
  let penalty: Double
  var roundsRun = 0

  init(problem: CircleProblem, circleCount: Int, candidates: CandidatePeers) {
    self.problem = problem
    self.candidates = candidates
    members = Array(repeating: [], count: circleCount)
    circleOf = Array(repeating: -1, count: problem.count)
    value = Array(repeating: 0, count: circleCount)
    violationCount = Array(repeating: 0, count: circleCount)
    random = SeededRandomNumberGenerator(seed: problem.settings.seed &+ UInt64(circleCount) &* 0x9E37_79B9)
    let s = problem.settings
    penalty = 2 * Double(s.maximumSize) * (1 + s.crossDepartment + s.sharedHours) + 1
  }

  var totalValue: Double { value.reduce(0, +) }
  var totalViolations: Int { violationCount.reduce(0, +) }

  /// Penalised score of a circle.
  func score(_ circle: [Int]) -> (Double, Int) {
    let v = problem.violations(of: circle)
    return (problem.value(of: circle) - penalty * Double(v), v)
  }

  /// Greedy insertion, most constrained participants first: each goes to the
  /// candidate circle with the best change in penalised score, keeping room
  /// for every circle to reach the minimum size.
  mutating func construct() {
    let n = problem.count
    let k = members.count
    let minimum = problem.settings.minimumSize
    let maximum = problem.settings.maximumSize
    let degree = (0..<n).map { i in candidates.peers[i].count }
    let tiebreak = (0..<n).map { _ in random.next() }
    let order = (0..<n).sorted { (degree[$0], tiebreak[$0]) < (degree[$1], tiebreak[$1]) }
    var deficit = k * minimum
    var remaining = n
    for p in order {
      var options = Set<Int>()
      for q in candidates.peers[p] where circleOf[q] >= 0 { options.insert(circleOf[q]) }
      for _ in 0..<4 { options.insert(Int(random.next() % UInt64(k))) }
      if let empty = members.firstIndex(where: \.isEmpty) { options.insert(empty) }
      let mustReduceDeficit = remaining - 1 < deficit
      if mustReduceDeficit {
        for c in 0..<k where members[c].count < minimum { options.insert(c) }
      }
      var bestCircle = -1
      var bestDelta = -Double.infinity
      for c in options.sorted() {
        let size = members[c].count
        if size >= maximum { continue }
        if mustReduceDeficit && size >= minimum { continue }
        let (s, _) = score(members[c] + [p])
        let delta = s - (value[c] - penalty * Double(violationCount[c]))
        if delta > bestDelta + 1e-12 {
          bestDelta = delta
          bestCircle = c
        }
      }
      if bestCircle < 0 {
        // Every sampled circle is full or closed: take the first allowed one.
        bestCircle = (0..<k).first { c in
          members[c].count < maximum && (!mustReduceDeficit || members[c].count < minimum)
        }!
      }
      if members[bestCircle].count < minimum { deficit -= 1 }
      remaining -= 1
      members[bestCircle].append(p)
      circleOf[p] = bestCircle
      let (s, v) = score(members[bestCircle])
      value[bestCircle] = s + penalty * Double(v)
      violationCount[bestCircle] = v
    }
  }

  /// Rounds of best-improvement over each participant's neighbourhood (moves
  /// to and swaps with the circles of its candidate peers and two random
  /// circles) until a round improves nothing or the round limit is reached.
  mutating func improve() {
    let n = problem.count
    let k = members.count
    guard k > 1 else { return }
    let minimum = problem.settings.minimumSize
    let maximum = problem.settings.maximumSize
    // Scratch buffers for the trial circles, reused across every evaluation.
    var without = [Int]()
    var trial = [Int]()
    var swapped = [Int]()
    without.reserveCapacity(maximum + 1)
    trial.reserveCapacity(maximum + 1)
    swapped.reserveCapacity(maximum + 1)
    for _ in 0..<problem.settings.roundLimit(participants: n) {
      roundsRun += 1
      var improved = false
      var order = Array(0..<n)
      for t in stride(from: n - 1, to: 0, by: -1) {
        order.swapAt(t, Int(random.next() % UInt64(t + 1)))
      }
      for p in order {
        let a = circleOf[p]
        var targets = Set<Int>()
        if k <= 12 || violationCount[a] > 0 {
          // Few circles, or a broken rule to repair: try every circle.
          for c in 0..<k where c != a { targets.insert(c) }
        }
        for q in candidates.peers[p] where circleOf[q] != a { targets.insert(circleOf[q]) }
        for _ in 0..<2 {
          let c = Int(random.next() % UInt64(k))
          if c != a { targets.insert(c) }
        }
        without.removeAll(keepingCapacity: true)
        for m in members[a] where m != p { without.append(m) }
        let (sWithout, _) = score(without)
        var bestDelta = 1e-9
        var bestMove: (target: Int, partner: Int?)? = nil
        for b in targets.sorted() {
          let base = current(a) + current(b)
          if members[a].count > minimum && members[b].count < maximum {
            trial.removeAll(keepingCapacity: true)
            trial.append(contentsOf: members[b])
            trial.append(p)
            let (sB, _) = score(trial)
            let delta = sWithout + sB - base
            if delta > bestDelta {
              bestDelta = delta
              bestMove = (b, nil)
            }
          }
          for q in members[b] {
            // The same member orders as `without + [q]` and `members[b]` with
            // q replaced by p, in reused buffers: no allocation per trial.
            trial.removeAll(keepingCapacity: true)
            trial.append(contentsOf: without)
            trial.append(q)
            let (sA, _) = score(trial)
            swapped.removeAll(keepingCapacity: true)
            for m in members[b] { swapped.append(m == q ? p : m) }
            let (sB, _) = score(swapped)
            let delta = sA + sB - base
            if delta > bestDelta {
              bestDelta = delta
              bestMove = (b, q)
            }
          }
        }
        if let move = bestMove {
          apply(p: p, from: a, to: move.target, swapWith: move.partner)
          improved = true
        }
      }
      if !improved { break }
    }
  }

  /// Iterated local search: from the best grouping so far, swap random
  /// pairs of participants between random circles (a tenth of them), improve
  /// again, and keep the result when it is better; `kicks` times.
  mutating func perturbAndImprove(kicks: Int) {
    let k = members.count
    guard k > 1 else { return }
    var best = (members, circleOf, value, violationCount)
    var bestKey = (totalViolations, totalValue)
    for _ in 0..<kicks {
      for _ in 0..<(problem.count / 10 + 2) {
        let a = Int(random.next() % UInt64(k))
        var b = Int(random.next() % UInt64(k - 1))
        if b >= a { b += 1 }
        let p = members[a][Int(random.next() % UInt64(members[a].count))]
        let q = members[b][Int(random.next() % UInt64(members[b].count))]
        apply(p: p, from: a, to: b, swapWith: q)
      }
      improve()
      let key = (totalViolations, totalValue)
      if key.0 < bestKey.0 || (key.0 == bestKey.0 && key.1 > bestKey.1 + 1e-12) {
        best = (members, circleOf, value, violationCount)
        bestKey = key
      } else {
        (members, circleOf, value, violationCount) = best
      }
    }
  }

  /// The penalised score of circle `c` as stored.
  func current(_ c: Int) -> Double { value[c] - penalty * Double(violationCount[c]) }

  mutating func apply(p: Int, from a: Int, to b: Int, swapWith q: Int?) {
    members[a].removeAll { $0 == p }
    if let q {
      members[b].removeAll { $0 == q }
      members[a].append(q)
      circleOf[q] = a
    }
    members[b].append(p)
    circleOf[p] = b
    for c in [a, b] {
      let (s, v) = score(members[c])
      value[c] = s + penalty * Double(v)
      violationCount[c] = v
    }
  }
}
