/// One cohort of a mentoring programme: the competency model and the people.
///
/// Invariants: competency names are unique; every person's `levels` (and every
/// mentee's `goals`) has `competencies.count` entries; mentor ids are unique
/// among mentors and mentee ids among mentees (one id may appear on both
/// sides: that person both mentors and is mentored).
public struct Cohort: Sendable, Hashable {
  /// The competency names, in file order.
  public var competencies: [String]
  /// The mentors, in file order.
  public var mentors: [Mentor]
  /// The mentees, in file order.
  public var mentees: [Mentee]

  /// Creates a cohort, checking the invariants.
  public init(competencies: [String], mentors: [Mentor], mentees: [Mentee]) {
    if let broken = Self.brokenInvariant(competencies: competencies, mentors: mentors, mentees: mentees) {
      preconditionFailure(broken)
    }
    self.competencies = competencies
    self.mentors = mentors
    self.mentees = mentees
  }

  /// Creates a cohort whose invariants the caller has already established
  /// (the cohort reader checks every id and level as it reads); they are
  /// checked again in debug builds only.
  ///
  /// - Complexity: O(1) (O(people × competencies) in debug builds).
  package init(checkedCompetencies competencies: [String], mentors: [Mentor], mentees: [Mentee]) {
    assert(
      Self.brokenInvariant(competencies: competencies, mentors: mentors, mentees: mentees) == nil,
      Self.brokenInvariant(competencies: competencies, mentors: mentors, mentees: mentees) ?? "")
    self.competencies = competencies
    self.mentors = mentors
    self.mentees = mentees
  }

  /// The first of the type's invariants that these parts break, as a
  /// sentence, or `nil` when they keep them all.
  ///
  /// - Complexity: O(people × competencies).
  private static func brokenInvariant(competencies: [String], mentors: [Mentor], mentees: [Mentee]) -> String? {
    if Set(competencies).count != competencies.count { return "Competency names must be unique" }
    if !(mentors.allSatisfy { $0.person.levels.count == competencies.count }
      && mentees.allSatisfy { $0.person.levels.count == competencies.count && $0.goals.count == competencies.count })
    {
      return "Every person needs one level per competency"
    }
    if Set(mentors.map(\.id)).count != mentors.count { return "Mentor ids must be unique" }
    if Set(mentees.map(\.id)).count != mentees.count { return "Mentee ids must be unique" }
    return nil
  }

  /// Each mentee's index, by id.
  ///
  /// - Complexity: O(`mentees`).
  public var menteeIndexByID: [String: Int] {
    Dictionary(uniqueKeysWithValues: mentees.enumerated().map { ($1.id, $0) })
  }

  /// Each mentor's index, by id.
  ///
  /// - Complexity: O(`mentors`).
  public var mentorIndexByID: [String: Int] {
    Dictionary(uniqueKeysWithValues: mentors.enumerated().map { ($1.id, $0) })
  }

  /// The total number of places the mentors offer, saturating at `Int.max`
  /// (the readers bound each capacity, so the sum never gets near it).
  ///
  /// - Complexity: O(`mentors.count`).
  public var totalCapacity: Int {
    mentors.reduce(0) { total, mentor in
      let (sum, overflow) = total.addingReportingOverflow(mentor.capacity)
      return overflow ? Int.max : sum
    }
  }
}
