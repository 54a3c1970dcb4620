/// Mentees' ranked picks of mentors (from a shortlist), by cohort index.
///
/// Invariants: one list per mentee, best pick first; each list holds
/// distinct mentor indices.
public struct MenteeChoices: Sendable, Equatable {
  /// For each mentee, the picked mentors' indices, best first (empty: no picks).
  public var picks: [[Int]]

  /// Creates choices from one list per mentee.
  public init(picks: [[Int]]) {
    precondition(picks.allSatisfy { Set($0).count == $0.count }, "A mentee picks each mentor at most once")
    self.picks = picks
  }

  /// The 1-based rank of `mentor` among `mentee`'s picks, or `nil`.
  ///
  /// - Complexity: O(picks of the mentee).
  public func rank(mentee i: Int, mentor j: Int) -> Int? { picks[i].firstIndex(of: j).map { $0 + 1 } }

  /// `cohort` with each mentee who made picks given them as their
  /// `preferences` list (replacing the one of mentees.csv), so the picks
  /// weigh in the score through `weights.mentee_preference`:
  /// `(L − r + 1) / L` times the weight for the pick in place `r` of `L`.
  ///
  /// - Complexity: O(mentees + picks).
  public func asPreferences(of cohort: Cohort) -> Cohort {
    var cohort = cohort
    for i in cohort.mentees.indices where !picks[i].isEmpty {
      cohort.mentees[i].person.preferences = picks[i].map { cohort.mentors[$0].id }
    }
    return cohort
  }
}
