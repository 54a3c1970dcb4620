import CompetencyModel

/// The people one `explain` asks about, as indices into the cohort: a
/// mentee, and the mentors to compare with the plan's choice.
///
/// Invariant: ``mentee`` is a valid index of the cohort's mentees and every
/// element of ``mentors`` a valid index of its mentors.
public struct PairQuery: Sendable, Equatable {
  /// The mentee's index.
  public var mentee: Int
  /// The mentors' indices (empty when no mentor was named).
  public var mentors: [Int]

  /// Looks up a mentee and, optionally, a mentor by id.
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - menteeID: The mentee's id.
  ///   - mentorID: A mentor's id, if any.
  /// - Throws: ``CohortCheckError`` naming the first id the cohort does not hold.
  /// - Complexity: O(mentees + mentors).
  public init(cohort: Cohort, menteeID: String, mentorID: String? = nil) throws(CohortCheckError) {
    guard let i = cohort.mentees.firstIndex(where: { $0.id == menteeID }) else {
      throw CohortCheckError("no mentee has the id '\(menteeID)'")
    }
    mentee = i
    mentors = []
    if let mentorID {
      guard let j = cohort.mentors.firstIndex(where: { $0.id == mentorID }) else {
        throw CohortCheckError("no mentor has the id '\(mentorID)'")
      }
      mentors = [j]
    }
  }
}
