import Assignment
import CompetencyModel

/// A mid-programme re-match: a recorded plan, what changed since (pairs that
/// ended, people who left, people who joined), and the optimal plan that
/// keeps every continuing pair.
///
/// Without ``reoptimise`` every continuing pair (a recorded pair whose mentee
/// and mentor are both still in the cohort and that did not end) is fixed,
/// and every other mentee — released by an ended pair or a leaving mentor,
/// unmatched before, or new — is matched optimally over the places left: the
/// most mentees matched, then the highest total fit, by the same certified
/// solver as `match`. With ``reoptimise`` = `c`, continuing pairs may move
/// too: the objective is the most mentees matched, then every continuing
/// mentee kept matched (a move gives them another mentor, never none), then
/// the total fit plus `c` for each continuing pair kept, so a pair moves
/// only when the moves gain more than `c` each (exact: the bonuses are part
/// of the solved objective; ties keep the pair). The continuing mentees'
/// pairs of that solve are then fixed and the rest re-solved (the same
/// optimum, explained like `match`).
///
/// Invariants of the result: every ended pair (``ended`` and the
/// `neverAgain` pairs given) is absent from the plan; without
/// ``reoptimise`` every continuing pair is in it; the plan respects every
/// mentor's capacity.
public struct Rematch: Sendable {
  /// Why a recorded pair is not continuing.
  public enum EndReason: String, Sendable, Equatable {
    /// Listed as ended.
    case ended
    /// The mentee left.
    case menteeLeft = "mentee left"
    /// The mentor left.
    case mentorLeft = "mentor left"
  }

  /// A pair that ended with this re-match.
  public struct EndedPair: Sendable, Equatable {
    public var pair: PersonPair
    public var reason: EndReason
  }

  /// A continuing pair that the re-optimised plan moved.
  public struct Move: Sendable, Equatable {
    public var menteeID: String
    public var fromMentorID: String
    public var toMentorID: String?
  }

  /// Why the recorded plan cannot be continued in this cohort.
  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// A mentor keeps more continuing pairs than the capacity the cohort now gives.
    case overCapacity(mentorID: String, continuing: Int, capacity: Int)
    /// A recorded pair names someone who is neither in the cohort nor among the leavers.
    case unknownPerson(pair: PersonPair, id: String)
    /// A continuing mentee is also in a `must` pair rule with another mentor.
    case conflictingRequirement(menteeID: String, continuingMentorID: String, requiredMentorID: String)

    public var description: String {
      switch self {
      case .overCapacity(let mentor, let continuing, let capacity):
        return
          "mentor \(mentor) keeps \(continuing) continuing pairs but now has capacity \(capacity); raise the capacity or end pairs"
      case .unknownPerson(let pair, let id):
        return
          "the recorded pair \(pair.menteeID)–\(pair.mentorID) names \(id), who is neither in the cohort nor a leaver; give the joiners of earlier re-matches again, or list \(id) as a leaver"
      case .conflictingRequirement(let mentee, let continuing, let required):
        return
          "mentee \(mentee) continues with \(continuing) but the pair rules require \(required); end one of the two"
      }
    }
  }

  /// The re-matched plan (continuing pairs explained as such).
  public var plan: PairingPlan
  /// Continuing pairs kept, by mentee id.
  public var kept: [PersonPair]
  /// Pairs new in this plan (mentees released, unmatched before, or joined), by mentee id.
  public var new: [PersonPair]
  /// Recorded pairs that ended, by mentee id.
  public var ended: [EndedPair]
  /// Continuing pairs moved by ``reoptimise``, by mentee id.
  public var moved: [Move]
  /// The bonus given to each continuing pair kept, when re-optimising.
  public var reoptimise: Double?

  /// Re-matches a recorded plan after changes.
  ///
  /// - Parameters:
  ///   - cohort: The cohort now: leavers removed, joiners added.
  ///   - configuration: Weights, rules and thresholds.
  ///   - history: Pairs of earlier cohorts not to repeat.
  ///   - requirements: The programme's pair rules.
  ///   - recorded: The recorded plan's pairs in force (its latest version's active pairs).
  ///   - endedNow: Pairs listed as ended now.
  ///   - neverAgain: Pairs that ended in earlier versions.
  ///   - leavers: Ids of the people who left (not in `cohort`).
  ///   - reoptimise: The bonus of keeping a continuing pair, or `nil` to keep them all.
  /// - Throws: ``Problem`` (and nothing else) when the continuing pairs
  ///   cannot all be kept. The throw is untyped on purpose: with
  ///   `throws(Problem)` the Swift 6.3.1 compiler's debug build of this
  ///   initialiser crashed in the copy of the finished value (a null
  ///   reference, `RematchTests`), depending on the layout of the plan.
  /// - Complexity: one certified solve of the cohort (two with `reoptimise`).
  public init(
    cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [],
    requirements: PairRequirements = PairRequirements(), recorded: [PersonPair], endedNow: Set<PersonPair>,
    neverAgain: Set<PersonPair> = [], leavers: Set<String> = [], reoptimise: Double? = nil
  ) throws {
    let menteeIndex = cohort.menteeIndexByID
    let mentorIndex = cohort.mentorIndexByID
    var continuing: [PersonPair] = []
    var ended: [EndedPair] = []
    for pair in recorded.sorted(by: { ($0.menteeID, $0.mentorID) < ($1.menteeID, $1.mentorID) }) {
      for id in [pair.menteeID, pair.mentorID]
      where menteeIndex[id] == nil && mentorIndex[id] == nil && !leavers.contains(id) {
        throw Problem.unknownPerson(pair: pair, id: id)
      }
      if endedNow.contains(pair) {
        ended.append(EndedPair(pair: pair, reason: .ended))
      } else if menteeIndex[pair.menteeID] == nil {
        ended.append(EndedPair(pair: pair, reason: .menteeLeft))
      } else if mentorIndex[pair.mentorID] == nil {
        ended.append(EndedPair(pair: pair, reason: .mentorLeft))
      } else {
        continuing.append(pair)
      }
    }
    var loads: [String: Int] = [:]
    for pair in continuing { loads[pair.mentorID, default: 0] += 1 }
    for (id, load) in loads.sorted(by: { $0.key < $1.key }) {
      let capacity = cohort.mentors[mentorIndex[id]!].capacity
      if load > capacity { throw Problem.overCapacity(mentorID: id, continuing: load, capacity: capacity) }
    }
    let continuingMentees = Set(continuing.map(\.menteeID))
    for must in requirements.must where continuingMentees.contains(must.menteeID) {
      if let own = continuing.first(where: { $0.menteeID == must.menteeID }), own.mentorID != must.mentorID {
        throw Problem.conflictingRequirement(
          menteeID: must.menteeID, continuingMentorID: own.mentorID, requiredMentorID: must.mentorID)
      }
    }
    let never = requirements.never.union(endedNow).union(neverAgain).union(ended.map(\.pair))
    let otherMust = requirements.must.filter { !continuingMentees.contains($0.menteeID) }
    var fixed = continuing
    if let bonus = reoptimise {
      fixed = Self.continuingAssignment(
        cohort: cohort, configuration: configuration, history: history, must: otherMust, never: never,
        continuing: continuing, bonus: bonus)
    }
    let kept = Set(continuing).intersection(fixed)
    let keep = continuing.filter { kept.contains($0) }
    var plan = CohortMatcher.match(
      cohort, configuration: configuration, history: history,
      requirements: PairRequirements(must: otherMust + fixed, never: never))
    let movedTo = Set(fixed).subtracting(kept)
    for index in plan.pairs.indices
    where plan.pairs[index].highlights.first == "required by the programme's pair rules" {
      let pair = PersonPair(menteeID: plan.pairs[index].menteeID, mentorID: plan.pairs[index].mentorID)
      if kept.contains(pair) {
        plan.pairs[index].highlights[0] = "continuing pair, kept from the recorded plan"
      } else if movedTo.contains(pair), let bonus = reoptimise {
        plan.pairs[index].highlights[0] = "continuing mentee moved: the moves gain more than \(bonus) each"
      }
    }
    let mentorOf = Dictionary(uniqueKeysWithValues: plan.pairs.map { ($0.menteeID, $0.mentorID) })
    self.plan = plan
    self.kept = keep
    self.ended = ended
    self.moved = continuing.filter { !kept.contains($0) }.map {
      Move(menteeID: $0.menteeID, fromMentorID: $0.mentorID, toMentorID: mentorOf[$0.menteeID])
    }
    self.new = plan.pairs.filter { !continuingMentees.contains($0.menteeID) }.map {
      PersonPair(menteeID: $0.menteeID, mentorID: $0.mentorID)
    }
    self.reoptimise = reoptimise
  }

  /// The continuing mentees' pairs in an optimal plan when each kept pair
  /// earns `bonus` and each continuing mentee matched earns a priority
  /// larger than any difference in total fit: one certified solve with those
  /// amounts added to the scores (a continuing pair allowed even where the
  /// rules would now exclude it), pairs of `must` fixed first.
  static func continuingAssignment(
    cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair>, must: [PersonPair],
    never: Set<PersonPair>, continuing: [PersonPair], bonus: Double
  ) -> [PersonPair] {
    let model = FitModel(cohort: cohort, configuration: configuration)
    let rules = PairRules(cohort, configuration: configuration, history: history, never: never)
    let required = CohortMatcher.requiredPairs(PairRequirements(must: must), in: cohort)
    var capacities = cohort.mentors.map(\.capacity)
    for (_, j) in required { capacities[j] -= 1 }
    let menteeIndex = cohort.menteeIndexByID
    let mentorIndex = cohort.mentorIndexByID
    // Larger than any difference in total fit between two plans: a score is at most the
    // competency weight plus the side terms (twice that, for safety), and a bonus.
    let terms = configuration.effectiveTerms
    let priority = Double(cohort.mentees.count + 1) * (2 * (terms.competency + terms.sideSum) + bonus + 1)
    var bonuses: [Int: (column: Int, score: Double)] = [:]
    var row = [Double](repeating: 0, count: cohort.mentors.count)
    for pair in continuing {
      let i = menteeIndex[pair.menteeID]!
      let j = mentorIndex[pair.mentorID]!
      row.withUnsafeMutableBufferPointer { model.fillScores(mentees: i..<(i + 1), into: $0) }
      bonuses[i] = (j, row[j] + bonus + priority)
    }
    let source = AdjustedScoreSource(
      base: AdjustedScoreSource(
        base: CohortScoreSource(model: model, rules: rules), bonuses: bonuses, rowPriority: priority),
      removed: Set(required.map(\.0)))
    let (solved, _) = CohortMatcher.solvePhase(
      source, cohort: cohort, capacities: capacities, used: required, configuration: configuration,
      candidatesPerMentee: nil, warmStart: nil)
    return continuing.compactMap { pair in
      solved.solution.columnOfRow[menteeIndex[pair.menteeID]!].map {
        PersonPair(menteeID: pair.menteeID, mentorID: cohort.mentors[$0].id)
      }
    }
  }
}
