import CompetencyModel

/// What ``CohortGenerator/generate()`` makes: a cohort and the pairs of a
/// fictional previous cohort.
public struct GeneratedCohort: Sendable, Hashable {
  /// One mentoring pair of an earlier cohort: the model's ``PersonPair``, so
  /// a history converts to the matching rules' `Set<PersonPair>` directly.
  public typealias PreviousPair = PersonPair

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
