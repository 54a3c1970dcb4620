import Assignment
import CompetencyModel

/// What pairing a mentee with a mentor other than the plan's would mean,
/// computed exactly: the pair is fixed and the rest of the cohort re-solved.
///
/// Invariants: `matchedChange <= 0` and, when `matchedChange == 0`,
/// `totalScoreChange <= 0` (up to rounding): the plan is optimal, so forcing
/// any pair can only cost the cohort.
public struct PairAlternative: Sendable, Equatable {
  /// Why the pair is not in the plan.
  public enum Status: Sendable, Equatable {
    /// It is the plan's pair.
    case chosen
    /// The mentee's pair is required by the programme's pair rules.
    case required
    /// The exact cost is not computed under a department cap.
    case notComputed
    /// A rule excludes it.
    case excluded(Exclusion)
    /// The mentor offers no places this cohort.
    case noCapacity
    /// It is allowed, but the optimum made other pairs; forcing it changes the
    /// cohort's matched count and total fit by the amounts given.
    case tradeOff
  }

  /// The mentor's index.
  public var mentorIndex: Int
  /// The mentor's id.
  public var mentorID: String
  /// The pair's score (rules not applied).
  public var score: Double
  /// The pair's score components.
  public var breakdown: ScoreBreakdown
  /// Why the pair is or is not in the plan.
  public var status: Status
  /// With the pair forced: the change in matched mentees (0 or negative).
  public var matchedChange: Int
  /// With the pair forced: the change in total fit.
  public var totalScoreChange: Double
  /// The mentees who hold this mentor's places in the plan.
  public var placesHeldBy: [String]
}

extension PairingPlan {
  /// Explains why mentee `i` is or is not paired with mentor `j`, with the
  /// exact cost of forcing the pair.
  ///
  /// - Parameters:
  ///   - i: The mentee's index.
  ///   - j: The mentor's index.
  /// - Returns: The pair's status, score and, for an allowed pair outside the
  ///   plan, the change in matched mentees and total fit if it were forced.
  /// - Complexity: one warm-started certified solve of the cohort.
  public func alternative(mentee i: Int, mentor j: Int) -> PairAlternative {
    let cohort = model.cohort
    var row = [Double](repeating: 0, count: cohort.mentors.count)
    row.withUnsafeMutableBufferPointer { model.fillScores(mentees: i..<(i + 1), into: $0) }
    let score = row[j]
    let heldBy = pairs.filter { $0.mentorIndex == j }.map(\.menteeID)
    var alternative = PairAlternative(
      mentorIndex: j, mentorID: cohort.mentors[j].id, score: score, breakdown: model.breakdown(mentee: i, mentor: j),
      status: .tradeOff, matchedChange: 0, totalScoreChange: 0, placesHeldBy: heldBy)
    if solution.columnOfRow[i] == j {
      alternative.status = .chosen
    } else if requiredMentees.contains(i) {
      alternative.status = .required
    } else if let exclusion = rules.exclusion(mentee: i, mentor: j, score: score) {
      alternative.status = .excluded(exclusion)
    } else if cohort.mentors[j].capacity == 0 {
      alternative.status = .noCapacity
    } else if model.configuration.rules.maxMenteesPerDepartment != nil {
      alternative.status = .notComputed
    } else {
      // Fix the pair (and the programme's required pairs), then solve the rest
      // optimally: those rows removed, one place fewer at each of their mentors.
      var capacities = cohort.mentors.map(\.capacity)
      capacities[j] -= 1
      var fixedTotal = score
      for k in requiredMentees {
        let mentor = solution.columnOfRow[k]!
        capacities[mentor] -= 1
        fixedTotal += pairs.first { $0.menteeIndex == k }?.score ?? 0
      }
      let base = CohortScoreSource(model: model, rules: rules)
      let fixed = Set(requiredMentees + [i])
      var assigned = 0
      var total = 0.0
      if menteesMatchedLast.isEmpty {
        let (rest, _) = CertifiedAssignment.solve(
          AdjustedScoreSource(base: base, removed: fixed), capacities: capacities, warmStart: solution)
        assigned = rest.assignedCount
        total = rest.totalScore
      } else {
        // As the plan was made: the mentees with goals first, then the others on the places left.
        let (first, _) = CertifiedAssignment.solve(
          AdjustedScoreSource(base: base, removed: fixed.union(menteesMatchedLast)), capacities: capacities)
        let residual = zip(capacities, first.loads).map { $0 - $1 }
        let goalRows = Set(cohort.mentees.indices).subtracting(menteesMatchedLast)
        let (second, _) = CertifiedAssignment.solve(
          AdjustedScoreSource(base: base, removed: fixed.union(goalRows)), capacities: residual)
        assigned = first.assignedCount + second.assignedCount
        total = first.totalScore + second.totalScore
      }
      alternative.matchedChange = assigned + 1 + requiredMentees.count - solution.assignedCount
      alternative.totalScoreChange = total + fixedTotal - solution.totalScore
    }
    return alternative
  }

  /// The mentee's best-scoring mentors, each explained as in
  /// ``alternative(mentee:mentor:)``, best first.
  ///
  /// - Parameters:
  ///   - i: The mentee's index.
  ///   - count: How many mentors to explain.
  /// - Complexity: up to `count` certified solves.
  public func alternatives(mentee i: Int, count: Int) -> [PairAlternative] {
    let cohort = model.cohort
    var row = [Double](repeating: 0, count: cohort.mentors.count)
    row.withUnsafeMutableBufferPointer { model.fillScores(mentees: i..<(i + 1), into: $0) }
    let order = cohort.mentors.indices.sorted { row[$0] != row[$1] ? row[$0] > row[$1] : $0 < $1 }
    return order.prefix(count).map { alternative(mentee: i, mentor: $0) }
  }
}
