import CompetencyModel

/// How two plans of the same cohort differ: which mentees keep their mentor,
/// which change or lose or gain one, and how the summary figures move.
///
/// Invariants: `kept + changed.count + lost.count + gained.count + unmatchedInBoth`
/// equals the number of mentees.
public struct PlanComparison: Sendable, Equatable {
  /// A mentee whose pairing differs between the plans.
  public struct Change: Sendable, Equatable {
    /// The mentee's id.
    public var menteeID: String
    /// The mentor in the first plan, if any.
    public var before: String?
    /// The mentor in the second plan, if any.
    public var after: String?
  }

  /// Mentees with the same mentor in both plans.
  public var kept: Int
  /// Mentees matched in both plans, to different mentors.
  public var changed: [Change]
  /// Mentees matched in the first plan only.
  public var lost: [Change]
  /// Mentees matched in the second plan only.
  public var gained: [Change]
  /// Mentees unmatched in both.
  public var unmatchedInBoth: Int
  /// The figures `(name, first, second)`: matched, total fit, mean fit,
  /// lowest fit, goal coverage and cross-department share.
  public var figures: [(name: String, first: Double?, second: Double?)]

  /// Compares two plans of the same cohort.
  ///
  /// - Complexity: O(mentees).
  public init(_ first: PairingPlan, _ second: PairingPlan) {
    let cohort = first.model.cohort
    precondition(cohort.mentees.map(\.id) == second.model.cohort.mentees.map(\.id), "Plans of different cohorts")
    var kept = 0
    var changed: [Change] = []
    var lost: [Change] = []
    var gained: [Change] = []
    var neither = 0
    for (i, mentee) in cohort.mentees.enumerated() {
      let a = first.solution.columnOfRow[i].map { first.model.cohort.mentors[$0].id }
      let b = second.solution.columnOfRow[i].map { second.model.cohort.mentors[$0].id }
      switch (a, b) {
      case (nil, nil): neither += 1
      case (let x?, let y?) where x == y: kept += 1
      case (.some, .some): changed.append(Change(menteeID: mentee.id, before: a, after: b))
      case (.some, nil): lost.append(Change(menteeID: mentee.id, before: a, after: nil))
      case (nil, .some): gained.append(Change(menteeID: mentee.id, before: nil, after: b))
      }
    }
    self.kept = kept
    self.changed = changed
    self.lost = lost
    self.gained = gained
    unmatchedInBoth = neither
    let s1 = first.summary
    let s2 = second.summary
    figures = [
      ("matched", Double(s1.matched), Double(s2.matched)), ("total fit", s1.totalScore, s2.totalScore),
      ("mean fit", s1.meanScore, s2.meanScore), ("lowest fit", s1.minimumScore, s2.minimumScore),
      ("goal coverage", first.metrics.goalCoverage, second.metrics.goalCoverage),
      ("cross-department share", first.metrics.crossDepartmentShare, second.metrics.crossDepartmentShare),
    ]
  }

  public static func == (a: PlanComparison, b: PlanComparison) -> Bool {
    a.kept == b.kept && a.changed == b.changed && a.lost == b.lost && a.gained == b.gained
      && a.unmatchedInBoth == b.unmatchedInBoth
      && zip(a.figures, b.figures).allSatisfy { $0.name == $1.name && $0.first == $1.first && $0.second == $1.second }
  }
}
