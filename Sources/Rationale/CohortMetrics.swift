import CompetencyModel

/// The programme measures of a plan beyond fit: how many of the mentees'
/// growth goals their mentors cover, per competency and in all, and how many
/// pairs cross a department line.
///
/// A *goal* is a competency where the mentee's goal level is above their
/// current level; it is *covered* when the mentor's level (with several
/// mentors, the highest of their levels) is at or above the goal level. Invariants: `goalsCovered <= goals`; per competency likewise,
/// and the per-competency counts add up to the totals; `crossDepartmentPairs
/// <= pairsWithKnownDepartments`.
public struct CohortMetrics: Sendable, Equatable, Codable {
  /// Goal and coverage counts of one competency over the matched pairs.
  public struct CompetencyCoverage: Sendable, Equatable, Codable {
    /// The competency.
    public var competency: String
    /// Matched mentees with a goal in it.
    public var goals: Int
    /// Of those, how many have a mentor at or above their goal level.
    public var covered: Int
  }

  /// Growth goals of matched mentees (each mentee's goals once, however many mentors).
  public var goals: Int
  /// Of those, goals whose mentor is at or above the goal level.
  public var goalsCovered: Int
  /// The share of goals covered, `nil` without goals.
  public var goalCoverage: Double?
  /// The same per competency, in cohort order.
  public var coverageByCompetency: [CompetencyCoverage]
  /// Pairs where both departments are known.
  public var pairsWithKnownDepartments: Int
  /// Of those, pairs across departments.
  public var crossDepartmentPairs: Int
  /// The share of cross-department pairs, `nil` when no pair has both departments.
  public var crossDepartmentShare: Double?

  /// The metrics of `pairs` in `cohort`.
  ///
  /// - Complexity: O(`pairs · competencies`).
  public init(cohort: Cohort, pairs: [(mentee: Int, mentor: Int)]) {
    var goals = [Int](repeating: 0, count: cohort.competencies.count)
    var covered = [Int](repeating: 0, count: cohort.competencies.count)
    var known = 0
    var cross = 0
    // A mentee with several mentors counts each goal once, covered when any
    // of the mentors covers it (the highest level among them).
    var best: [Int: [Double]] = [:]
    for (i, j) in pairs {
      let levels = cohort.mentors[j].person.levels
      best[i] = best[i].map { zip($0, levels).map { max($0, $1) } } ?? Array(levels)
    }
    for (i, levels) in best {
      let mentee = cohort.mentees[i]
      for c in cohort.competencies.indices where mentee.gap(c) > 0 {
        goals[c] += 1
        if let goal = mentee.goals[c], levels[c] >= goal { covered[c] += 1 }
      }
    }
    for (i, j) in pairs {
      let mentee = cohort.mentees[i]
      let mentor = cohort.mentors[j].person
      if let a = mentee.person.department, let b = mentor.department {
        known += 1
        if a.lowercased() != b.lowercased() { cross += 1 }
      }
    }
    self.goals = goals.reduce(0, +)
    goalsCovered = covered.reduce(0, +)
    goalCoverage = self.goals == 0 ? nil : Double(goalsCovered) / Double(self.goals)
    coverageByCompetency = cohort.competencies.indices.map {
      CompetencyCoverage(competency: cohort.competencies[$0], goals: goals[$0], covered: covered[$0])
    }
    pairsWithKnownDepartments = known
    crossDepartmentPairs = cross
    crossDepartmentShare = known == 0 ? nil : Double(cross) / Double(known)
  }
}
