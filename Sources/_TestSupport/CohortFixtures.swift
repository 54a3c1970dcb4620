import CohortGenerator
import CompetencyModel

/// Small hand-made and generated cohorts for tests.
public enum CohortFixtures {
  /// A mentor with the given levels and capacity.
  public static func mentor(
    _ id: String, levels: [Double], capacity: Int = 1, department: String? = nil, manager: String? = nil,
    offset: Int? = nil, seniority: Double? = nil, languages: [String] = []
  ) -> Mentor {
    Mentor(
      person: Person(
        id: id, name: "Mentor \(id)", department: department, manager: manager, utcOffsetMinutes: offset,
        seniority: seniority, languages: languages, levels: levels),
      capacity: capacity)
  }

  /// A mentee with the given levels and goals.
  public static func mentee(
    _ id: String, levels: [Double], goals: [Double?], department: String? = nil, manager: String? = nil,
    offset: Int? = nil, seniority: Double? = nil, languages: [String] = []
  ) -> Mentee {
    Mentee(
      person: Person(
        id: id, name: "Mentee \(id)", department: department, manager: manager, utcOffsetMinutes: offset,
        seniority: seniority, languages: languages, levels: levels),
      goals: goals)
  }

  /// A generated cohort of the given size.
  public static func generated(mentees: Int, mentors: Int, competencies: Int, seed: UInt64) -> Cohort {
    CohortGenerator(.init(mentees: mentees, mentors: mentors, competencies: competencies, seed: seed)).generate()
      .cohort
  }
}
