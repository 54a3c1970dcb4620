import CompetencyModel

/// Mentees' picks as hard choices, with a cascade when a pick cannot be
/// honoured: each mentee gets their first pick if it can be made, else the
/// next, else is matched freely with the rest of the cohort.
///
/// ```swift
/// let cascade = ChoiceCascade(cohort, configuration: config, choices: picks)
/// let plan = CohortMatcher.match(cohort, configuration: config, requirements: cascade.requirements)
/// ```
///
/// The picks are settled rank by rank. In round `r`, each mentee not yet
/// settled proposes their pick `r`; a pick a rule excludes is passed over;
/// each mentor takes, of the proposals, as many as places are left (after the
/// programme's required pairs and the earlier rounds), highest fit first
/// (ties to the lower mentee index). Since each mentee proposes one mentor
/// per round, this takes the most picks of rank `r`, then the largest fit
/// among them, given the earlier rounds: the result is the lexicographic
/// optimum of (picks of rank 1, their fit, picks of rank 2, their fit, …)
/// whenever fits do not tie. The honoured picks are then fixed as required
/// pairs and the rest of the cohort is matched optimally on the places left.
///
/// - Complexity: O(`picks · log(picks)` + `mentees with picks · mentors · competencies`).
public struct ChoiceCascade: Sendable {
  /// What happened to one mentee's picks.
  public enum Outcome: Sendable, Equatable {
    /// Pick `rank` was honoured; `passedOver` says why each earlier pick was not.
    case honoured(rank: Int, mentor: Int, passedOver: [String])
    /// No pick could be honoured; the mentee is matched freely.
    case free(passedOver: [String])
    /// The programme's pair rules already require a pair for this mentee.
    case required
  }

  /// One outcome per mentee; `nil` for a mentee without picks.
  public var outcomes: [Outcome?]
  /// The honoured picks as (mentee, mentor) indices.
  public var honoured: [(mentee: Int, mentor: Int)]
  /// The programme's requirements plus the honoured picks as required pairs.
  public var requirements: PairRequirements

  /// Settles the picks of `choices`.
  ///
  /// - Parameters:
  ///   - cohort: The people.
  ///   - configuration: Weights and rules (for fits and exclusions).
  ///   - history: Pairs of earlier cohorts, not to be repeated.
  ///   - requirements: The programme's pair rules.
  ///   - choices: The picks.
  public init(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [],
    requirements: PairRequirements = PairRequirements(), choices: MenteeChoices
  ) {
    let model = FitModel(cohort: cohort, configuration: configuration)
    let rules = PairRules(cohort, configuration: configuration, history: history, never: requirements.never)
    let m = cohort.mentors.count
    var places = cohort.mentors.map(\.capacity)
    let required = CohortMatcher.requiredPairs(requirements, in: cohort)
    for (_, j) in required { places[j] -= 1 }
    let requiredRows = Set(required.map(\.0))
    var outcomes = [Outcome?](repeating: nil, count: cohort.mentees.count)
    var passedOver = [[String]](repeating: [], count: cohort.mentees.count)
    var scores: [Int: [Double]] = [:]
    var open: [Int] = []
    for i in cohort.mentees.indices where !choices.picks[i].isEmpty {
      if requiredRows.contains(i) {
        outcomes[i] = .required
        continue
      }
      var row = [Double](repeating: 0, count: m)
      row.withUnsafeMutableBufferPointer { model.fillScores(mentees: i..<(i + 1), into: $0) }
      scores[i] = row
      open.append(i)
    }
    var honoured: [(mentee: Int, mentor: Int)] = []
    let rounds = choices.picks.map(\.count).max() ?? 0
    for r in 0..<rounds {
      var proposals: [Int: [Int]] = [:]
      for i in open where choices.picks[i].count > r {
        let j = choices.picks[i][r]
        let label = "pick \(r + 1) \(cohort.mentors[j].id)"
        if let exclusion = rules.exclusion(mentee: i, mentor: j, score: scores[i]![j]) {
          passedOver[i].append("\(label): \(exclusion.explanation)")
        } else if places[j] <= 0 {
          passedOver[i].append("\(label): no place left")
        } else {
          proposals[j, default: []].append(i)
        }
      }
      var settled: Set<Int> = []
      for (j, proposers) in proposals {
        let order = proposers.sorted { scores[$0]![j] != scores[$1]![j] ? scores[$0]![j] > scores[$1]![j] : $0 < $1 }
        for (k, i) in order.enumerated() {
          if k < places[j] {
            outcomes[i] = .honoured(rank: r + 1, mentor: j, passedOver: passedOver[i])
            honoured.append((i, j))
            settled.insert(i)
          } else {
            passedOver[i].append(
              "pick \(r + 1) \(cohort.mentors[j].id): its places went to picks of higher fit or earlier rank")
          }
        }
        places[j] -= min(places[j], order.count)
      }
      open.removeAll { settled.contains($0) }
    }
    for i in open { outcomes[i] = .free(passedOver: passedOver[i]) }
    honoured.sort { $0.mentee < $1.mentee }
    var extended = requirements
    extended.must += honoured.map {
      PersonPair(menteeID: cohort.mentees[$0.mentee].id, mentorID: cohort.mentors[$0.mentor].id)
    }
    self.outcomes = outcomes
    self.honoured = honoured
    self.requirements = extended
  }
}
