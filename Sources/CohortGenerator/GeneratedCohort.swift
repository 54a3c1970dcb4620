import CompetencyModel

/// What ``CohortGenerator/generate()`` makes: a cohort and the pairs of a
/// fictional previous cohort.
public struct GeneratedCohort: Sendable, Hashable {
  /// One mentoring pair of an earlier cohort.
  public struct PreviousPair: Sendable, Hashable {
    /// The mentee's id (a current mentee's id, or a former participant's).
    public var menteeID: String
    /// The mentor's id (a current mentor's id, or a former participant's).
    public var mentorID: String

    /// Creates a pair.
    public init(menteeID: String, mentorID: String) {
      self.menteeID = menteeID
      self.mentorID = mentorID
    }
  }

  /// The generated cohort.
  public var cohort: Cohort
  /// The pairs of the previous cohort, some naming current mentees and
  /// mentors so that the no-repeat rule excludes them.
  public var history: [PreviousPair]

  /// Creates a generated cohort.
  public init(cohort: Cohort, history: [PreviousPair]) {
    self.cohort = cohort
    self.history = history
  }
}
