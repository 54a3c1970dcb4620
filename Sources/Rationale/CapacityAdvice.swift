import Assignment
import CompetencyModel

/// What one more place at a mentor would change in an optimal plan: how many
/// more mentees would be matched and how much total fit the cohort would gain.
///
/// The gain is exact, computed from the optimal plan's duals without
/// re-solving. With `u` the mentee values, `v` the mentor prices and
/// `a(i, j) = score(i, j) + bonus` the adjusted scores, every allowed pair's
/// reduced cost `c(i, j) = u[i] + v[j] − a(i, j)` is non-negative and zero on
/// the plan's pairs. One more place at mentor `j₀` is used by a chain of moves:
/// mentee `i₁` takes it, leaving their mentor `j₁` a free place, which
/// mentee `i₂` takes, … until an unmatched mentee takes the last free place
/// (one more matched) or it stays empty. The change of the adjusted objective
/// along a chain telescopes to `v[j₀] − Σ c − (v[jₖ] when the last place stays
/// empty)`, so the best chain is a shortest path with non-negative costs:
/// one Dijkstra from all chain ends at once gives every mentor's best chain
/// (min-cost-flow augmentation; Ahuja, Magnanti and Orlin, *Network Flows*,
/// 1993, ch. 9). Re-solving with the capacity raised by one gives the same
/// figures (tested on seeded cohorts).
///
/// Scope: the plan's optimisation, that is the mentees whose pairs the pair
/// rules do not fix; with `rules.goal_mentees_first` and mentees without a
/// growth goal, the mentees with goals (the first priority).
public struct CapacityAdvice: Sendable, Equatable, Codable {
  /// A mentor, by id and name.
  public struct MentorRef: Sendable, Equatable, Codable {
    /// The mentor's id.
    public var id: String
    /// The mentor's name.
    public var name: String

    /// A mentor by id and name.
    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  /// The mentor who would get the places.
  public var mentor: MentorRef
  /// The places added (always 1: the figures are for one more place).
  public var extraPlaces: Int
  /// How many more mentees the plan would match: 0 or 1.
  public var matchedGain: Int
  /// How much the total fit would grow (with `matchedGain == 1`, possibly
  /// less than 0 when matching one more costs the others fit).
  public var fitGain: Double
  /// The id of the unmatched mentee the chain ends at, when `matchedGain == 1`.
  public var newlyMatched: String?
  /// The chain of moves that uses the place, in order: the first mentee
  /// takes the new place at ``mentor``, each next one takes the place the
  /// one before left; the last is ``newlyMatched`` (no `from`), or, when
  /// nobody more is matched, the last place left stays empty
  /// (``placeLeftFree``). Pairs of the plan not named here are unchanged.
  public var moves: [Move] = []
  /// The mentor whose place the chain leaves empty (when `matchedGain == 0`).
  public var placeLeftFree: String? = nil

  /// One mentee's move in a chain: ids of the mentee and the mentors.
  ///
  /// Invariant: the ids are the plan's cohort's: `mentee` a mentee's,
  /// `from` (when set) and `to` mentors'.
  public struct Move: Sendable, Equatable, Codable {
    /// The mentee who moves.
    public var mentee: String
    /// The mentor the mentee leaves (`nil`: the mentee was unmatched).
    public var from: String?
    /// The mentor the mentee moves to.
    public var to: String

    /// A move of mentee `mentee` from mentor `from` (`nil`: unmatched) to mentor `to`.
    public init(mentee: String, from: String?, to: String) {
      self.mentee = mentee
      self.from = from
      self.to = to
    }
  }

  /// Advice as ``compute(for:limit:)`` gives it; `moves` and `placeLeftFree`
  /// as documented on the properties.
  public init(
    mentor: MentorRef, extraPlaces: Int, matchedGain: Int, fitGain: Double, newlyMatched: String?,
    moves: [Move] = [], placeLeftFree: String? = nil
  ) {
    self.mentor = mentor
    self.extraPlaces = extraPlaces
    self.matchedGain = matchedGain
    self.fitGain = fitGain
    self.newlyMatched = newlyMatched
    self.moves = moves
    self.placeLeftFree = placeLeftFree
  }

  /// The most entries a plan's summary lists.
  public static let listed = 10

  /// Every mentor whose one more place would improve the plan, best first
  /// (more matched, then more fit, compared exactly in whole units of the
  /// quantum, then mentor order), or `nil` when the
  /// plan's objective is out of scope (department caps, fairness objective).
  /// Empty when every mentee the plan optimises is matched: the advice is for
  /// the unmatched, and the two passes are then not spent.
  ///
  /// - Parameters:
  ///   - plan: An optimal plan from ``CohortMatcher/match(_:configuration:history:requirements:candidatesPerMentee:warmStart:)``.
  ///   - limit: The most entries returned.
  /// - Complexity: two scoring passes, O(`mentees · mentors · competencies`),
  ///   plus O(`allowed pairs · log mentors`) for the shortest paths; memory
  ///   O(`mentees + mentors`) besides one row of scores.
  public static func compute(for plan: PairingPlan, limit: Int = listed) -> [CapacityAdvice]? {
    guard let solver = Solver(plan) else { return nil }
    guard plan.unmatched.contains(where: { solver.active[$0.menteeIndex] }) else { return [] }
    let (gains, labels) = solver.gains()
    let mentors = plan.model.cohort.mentors
    // Best first by the exact gain in whole units (more matched outweighs
    // any fit), then in mentor order: equal gains are not ordered by rounding.
    let order = gains.indices.filter { gains[$0].matched > 0 || gains[$0].fit > solver.tolerance }.sorted {
      let (a, b) = (gains[$0], gains[$1])
      if a.units != b.units { return a.units > b.units }
      return $0 < $1
    }
    return order.prefix(limit).map { j in
      var advice = CapacityAdvice(
        mentor: MentorRef(id: mentors[j].id, name: mentors[j].person.name), extraPlaces: 1,
        matchedGain: gains[j].matched, fitGain: gains[j].fit,
        newlyMatched: gains[j].newlyMatched.map { plan.model.cohort.mentees[$0].id })
      if let mover = gains[j].mover {
        let first = Solver.Label(cost: 0, mentee: mover, freed: plan.solution.columnOfRow[mover])
        advice.setChain(solver.chain(at: j, first: first, labels: labels), in: plan)
      }
      return advice
    }
  }

  /// The best single extra place that would match unmatched mentee `mentee`:
  /// the mentor to give it to and the gain, or `nil` when no extra place
  /// anywhere would match them (or the objective is out of scope).
  ///
  /// - Complexity: O(`mentees · mentors · competencies`) in the worst case.
  public static func forUnmatched(mentee: Int, in plan: PairingPlan) -> CapacityAdvice? {
    guard plan.solution.columnOfRow[mentee] == nil, let solver = Solver(plan), solver.active[mentee] else {
      return nil
    }
    guard let (j, fit, labels) = solver.bestPlace(for: mentee) else { return nil }
    let mentor = plan.model.cohort.mentors[j]
    var advice = CapacityAdvice(
      mentor: MentorRef(id: mentor.id, name: mentor.person.name), extraPlaces: 1, matchedGain: 1, fitGain: fit,
      newlyMatched: plan.model.cohort.mentees[mentee].id)
    advice.setChain(solver.chain(at: j, first: labels[j], labels: labels), in: plan)
    return advice
  }

  /// Sets ``moves`` and ``placeLeftFree`` from a chain of indices.
  mutating func setChain(_ chain: (moves: [(mentee: Int, from: Int?, to: Int)], leftFree: Int?), in plan: PairingPlan) {
    let cohort = plan.model.cohort
    moves = chain.moves.map {
      Move(
        mentee: cohort.mentees[$0.mentee].id, from: $0.from.map { cohort.mentors[$0].id }, to: cohort.mentors[$0.to].id)
    }
    placeLeftFree = chain.leftFree.map { cohort.mentors[$0].id }
  }
}

extension CapacityAdvice {
  /// The shortest-path machinery over one plan.
  struct Solver {
    let plan: PairingPlan
    let n: Int
    let m: Int
    /// Mentees in the optimisation.
    var active: [Bool]
    /// Mentors whose places the optimisation priced (capacity left after required pairs).
    var priced: [Bool]
    let bonus: Double
    let tolerance: Double
    /// The solver's quantum `q`: reduced costs and gains are compared in
    /// whole units of it, exactly (see `Docs/solver.md`, "The quantum").
    let quantum: Double
    /// The mentor prices in whole units (exact: prices are whole numbers of quanta).
    let priceUnits: [Double]

    init?(_ plan: PairingPlan) {
      let configuration = plan.model.configuration
      guard configuration.rules.maxMenteesPerDepartment == nil, configuration.objective == .total,
        plan.certificate.quantum > 0
      else { return nil }
      self.plan = plan
      quantum = plan.certificate.quantum
      priceUnits = plan.solution.columnPrices.map { $0 / plan.certificate.quantum }
      let cohort = plan.model.cohort
      n = cohort.mentees.count
      m = cohort.mentors.count
      active = [Bool](repeating: true, count: n)
      var capacity = cohort.mentors.map(\.capacity)
      for i in plan.requiredMentees {
        active[i] = false
        if let j = plan.solution.columnOfRow[i] { capacity[j] -= 1 }
      }
      for i in plan.menteesMatchedLast { active[i] = false }
      priced = capacity.map { $0 > 0 }
      bonus = plan.solution.cardinalityBonus
      tolerance = 1e-9 * max(1, bonus)
    }

    /// Mentee `i`'s masked scores (`.nan`: not allowed).
    func scores(_ i: Int, into row: inout [Double]) {
      row.withUnsafeMutableBufferPointer { buffer in
        plan.model.fillScores(mentees: i..<(i + 1), into: buffer)
        plan.rules.mask(rows: i..<(i + 1), scores: buffer)
      }
    }

    /// `u[i] − a(i, j)` for a pair of mentee `i` with this score, in whole
    /// units: `round(((u[i] − B) − score) / q)`. `u[i] − B` is exact (whole
    /// numbers of quanta), so ties between chains are exact equalities.
    func slackUnits(_ i: Int, score: Double) -> Double {
      (((plan.solution.rowValues[i] - bonus) - score) / quantum).rounded()
    }

    /// The reduced cost `u[i] + v[j] − a(i, j)` of an allowed pair at a
    /// priced mentor, in whole units, clamped at 0 (rounding).
    func reducedUnits(_ i: Int, _ j: Int, score: Double) -> Double {
      max(0, slackUnits(i, score: score) + priceUnits[j])
    }

    /// A chain's end as seen from a free place: its cost and what it changes.
    struct Label {
      /// In whole units of the quantum.
      var cost: Double
      var matched = 0
      var fit = 0.0
      var newlyMatched: Int? = nil
      /// The mentee who takes the free place (`nil`: it stays empty).
      var mentee: Int? = nil
      /// The mentor whose place that mentee leaves, where the chain goes on
      /// (`nil`: the mentee was unmatched, and the chain ends).
      var freed: Int? = nil
      /// How many of the plan's pairs the chain changes (its moves of
      /// mentees who had a mentor): among chains of equal cost, the search
      /// keeps the fewest.
      var changed = 0

      /// Whether this label's chain is preferred to `other`'s: cheaper, or
      /// as cheap and changing fewer pairs.
      func precedes(_ other: Label) -> Bool {
        cost < other.cost || (cost == other.cost && changed < other.changed)
      }
    }

    /// The moves of the chain that uses a free place at mentor `j`, taken by
    /// `first`, then following `labels` (acyclic: a label points only at
    /// mentors the search finished before it), and the mentor whose place
    /// is left empty at the end, if any.
    ///
    /// - Complexity: O(chain length).
    func chain(at j: Int, first: Label, labels: [Label]) -> (
      moves: [(mentee: Int, from: Int?, to: Int)], leftFree: Int?
    ) {
      var moves: [(mentee: Int, from: Int?, to: Int)] = []
      var label = first
      var place = j
      while let mentee = label.mentee {
        moves.append((mentee, label.freed, place))
        guard let freed = label.freed, moves.count <= m else { return (moves, nil) }
        place = freed
        label = labels[freed]
      }
      return (moves, place)
    }

    /// For every priced mentor, the cheapest use of one free place there
    /// (leaving it empty costs its price).
    func freePlaceLabels() -> [Label] {
      let solution = plan.solution
      var label = (0..<m).map { Label(cost: priced[$0] ? priceUnits[$0] : .infinity) }
      var row = [Double](repeating: 0, count: m)
      // Chains that end at an unmatched mentee.
      for i in 0..<n where active[i] && solution.columnOfRow[i] == nil {
        scores(i, into: &row)
        for j in 0..<m where priced[j] && !row[j].isNaN {
          let next = Label(cost: reducedUnits(i, j, score: row[j]), matched: 1, fit: row[j], newlyMatched: i, mentee: i)
          if next.precedes(label[j]) { label[j] = next }
        }
      }
      extendChains(&label, toUnpriced: false)
      return label
    }

    /// Extends chains from `label`'s costs, in place: a Dijkstra over the
    /// priced mentors in which a mentee at mentor *j* moves on to mentor *k*,
    /// leaving *j*'s place to the chain that reached it; each label keeps
    /// the cheapest chain's cost, matched count, fit change and newly
    /// matched mentee, and among chains of equal cost (whole units, compared
    /// exactly) the one that changes the fewest pairs: the key is
    /// lexicographic, (cost, pairs changed), with non-negative steps, so the
    /// search stays exact. Further ties keep the chain found first. The one
    /// search of ``freePlaceLabels()`` and ``bestPlace(for:)``.
    ///
    /// With `toUnpriced`, a mentee may also move to a mentor without priced
    /// places (the extra place itself): that mentor's label is then `−gain`
    /// (no price), final once the search ends, and never searched from.
    ///
    /// With `pruned` (only when every mentor is priced), the labels are those
    /// of chains needing the extra place, and the search stops once the
    /// cheapest label left costs more than the highest price less the best
    /// gain `v[k] − cost` found so far: no chain still to come could gain as
    /// much (gains are whole units, so the comparison is exact), and the
    /// labels with the best gain are already final, so ``bestPlace(for:)``
    /// chooses the same place and chain as from the whole search.
    ///
    /// - Complexity: O(*n* · *m* + *m* log *m*) score lookups and heap steps;
    ///   pruned, the mentees at the mentors searched before the stop.
    func extendChains(_ label: inout [Label], toUnpriced: Bool, pruned: Bool = false) {
      let solution = plan.solution
      var menteesAt = [[Int]](repeating: [], count: m)
      for i in 0..<n where active[i] {
        if let j = solution.columnOfRow[i] { menteesAt[j].append(i) }
      }
      var heap = MinHeap()
      for j in 0..<m where priced[j] && label[j].cost.isFinite { heap.push(label[j].cost, label[j].changed, j) }
      var done = [Bool](repeating: false, count: m)
      var row = [Double](repeating: 0, count: m)
      let pruned = pruned && priced.allSatisfy { $0 }
      let highest = priceUnits.max() ?? 0
      var best = -Double.infinity
      if pruned {
        for k in 0..<m where label[k].cost.isFinite { best = max(best, priceUnits[k] - label[k].cost) }
      }
      while let (cost, changed, j) = heap.pop() {
        if done[j] || cost != label[j].cost || changed != label[j].changed { continue }
        if pruned && cost > highest - best { break }
        done[j] = true
        // A mentee at j moves to mentor k, leaving j the free place.
        for i in menteesAt[j] {
          scores(i, into: &row)
          let current = row[j]
          for k in 0..<m where k != j && !done[k] && !row[k].isNaN {
            if !priced[k] && !toUnpriced { continue }
            let step = priced[k] ? reducedUnits(i, k, score: row[k]) : slackUnits(i, score: row[k])
            let next = Label(
              cost: cost + step, matched: label[j].matched, fit: row[k] - current + label[j].fit,
              newlyMatched: label[j].newlyMatched, mentee: i, freed: j, changed: changed + 1)
            if next.precedes(label[k]) {
              label[k] = next
              if priced[k] { heap.push(next.cost, next.changed, k) }
              if pruned { best = max(best, priceUnits[k] - next.cost) }
            }
          }
        }
      }
    }

    /// Every mentor's gain from one more place: (matched, fit, newly matched
    /// mentee, the mentee who takes the place, the gain of the adjusted
    /// objective in whole units: 0 when nothing is gained), and the free places' labels
    /// that the rest of each chain follows (``chain(at:first:labels:)``).
    /// Among chains of equal gain (whole units, exactly), the one that
    /// changes the fewest pairs.
    func gains() -> (
      gains: [(matched: Int, fit: Double, newlyMatched: Int?, mover: Int?, units: Double)], labels: [Label]
    ) {
      let label = freePlaceLabels()
      let solution = plan.solution
      var best = [(gain: Double, changed: Int, matched: Int, fit: Double, newlyMatched: Int?, mover: Int?)](
        repeating: (0, .max, 0, 0, nil, nil), count: m)
      var row = [Double](repeating: 0, count: m)
      for i in 0..<n where active[i] {
        scores(i, into: &row)
        let from = solution.columnOfRow[i]
        // Mentee i takes the new place at j; their own place (if any) goes on down the chain.
        let rest = from.map { label[$0] } ?? Label(cost: 0, matched: 1, fit: 0, newlyMatched: i)
        guard rest.cost.isFinite else { continue }
        let left = from.map { row[$0] } ?? 0
        let changed = rest.changed + (from == nil ? 0 : 1)
        for j in 0..<m where j != from && !row[j].isNaN {
          let gain = -slackUnits(i, score: row[j]) - rest.cost
          if gain > best[j].gain || (gain == best[j].gain && changed < best[j].changed) {
            best[j] = (gain, changed, rest.matched, row[j] - left + rest.fit, rest.newlyMatched, i)
          }
        }
      }
      let gains = best.map {
        $0.gain > 0 ? ($0.matched, $0.fit, $0.newlyMatched, $0.mover, $0.gain) : (0, 0, nil, nil, 0)
      }
      return (gains, label)
    }

    /// The mentor whose one more place would match `mentee` with the least
    /// loss to the others, and the fit the cohort would gain: a Dijkstra from
    /// the mentee over the chains that make room for them; with the labels
    /// the chain follows (``chain(at:first:labels:)`` from the mentor's label).
    /// Among places of equal gain (whole units, exactly), the chain that
    /// changes the fewest pairs, then the first mentor.
    func bestPlace(for mentee: Int) -> (Int, Double, [Label])? {
      var label = [Label](repeating: Label(cost: .infinity), count: m)
      var row = [Double](repeating: 0, count: m)
      scores(mentee, into: &row)
      for j in 0..<m where !row[j].isNaN {
        // At a mentor without priced places the mentee can take only the
        // extra place itself: the label is −gain, the pair's adjusted score
        // (u = 0 for the unmatched mentee).
        let cost = priced[j] ? reducedUnits(mentee, j, score: row[j]) : slackUnits(mentee, score: row[j])
        label[j] = Label(cost: cost, fit: row[j], mentee: mentee)
      }
      extendChains(&label, toUnpriced: true, pruned: true)
      // The extra place goes where the chain arrives: its gain is v[k] − cost
      // for a priced mentor, −cost for an unpriced one.
      var best: (j: Int, gain: Double)? = nil
      for k in 0..<m where label[k].cost.isFinite {
        let gain = (priced[k] ? priceUnits[k] : 0) - label[k].cost
        if let b = best, gain < b.gain || (gain == b.gain && label[k].changed >= label[b.j].changed) { continue }
        best = (k, gain)
      }
      guard let top = best, top.gain > 0 else { return nil }
      // Scores off the quantum's grid (the certificate not exact) are
      // rounded to whole units pair by pair, each by less than one unit: a
      // chain's gain in units is then within 2 · pairs changed + 1 units of
      // its gain in scores, and two places within both chains' bounds of
      // each other may gain the same. Among those, the fewest pairs changed.
      if !plan.certificate.exact {
        func bound(_ k: Int) -> Double { Double(2 * label[k].changed + 1) }
        for k in 0..<m where label[k].cost.isFinite && label[k].changed < label[best!.j].changed {
          let gain = (priced[k] ? priceUnits[k] : 0) - label[k].cost
          if top.gain - gain <= bound(k) + bound(top.j) { best = (k, gain) }
        }
      }
      return (best!.j, label[best!.j].fit, label)
    }
  }

  /// A binary min-heap of (cost, pairs changed, value) entries, ordered by
  /// cost, then pairs changed.
  struct MinHeap {
    private var items: [(Double, Int, Int)] = []

    private static func less(_ a: (Double, Int, Int), _ b: (Double, Int, Int)) -> Bool {
      a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    mutating func push(_ key: Double, _ changed: Int, _ value: Int) {
      items.append((key, changed, value))
      var child = items.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard Self.less(items[child], items[parent]) else { break }
        items.swapAt(child, parent)
        child = parent
      }
    }

    mutating func pop() -> (Double, Int, Int)? {
      guard let top = items.first else { return nil }
      let last = items.removeLast()
      if !items.isEmpty {
        items[0] = last
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var smallest = parent
          if left < items.count && Self.less(items[left], items[smallest]) { smallest = left }
          if right < items.count && Self.less(items[right], items[smallest]) { smallest = right }
          if smallest == parent { break }
          items.swapAt(parent, smallest)
          parent = smallest
        }
      }
      return top
    }
  }
}
