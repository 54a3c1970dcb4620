/// What MentorMatch knows of one person in a cohort, mentor or mentee.
///
/// Invariants: `id` is non-empty; `levels` has one entry per competency of the
/// cohort, each in ``CompetencyScale/range``; `languages` are lower-cased and
/// unique; `utcOffsetMinutes`, when known, is within ±14 hours.
public struct Person: Sendable, Hashable {
  /// The person's identifier, unique within the person's file. The same
  /// identifier in the mentor and the mentee file means the same person.
  public var id: String
  /// The display name.
  public var name: String
  /// The e-mail address, if given.
  public var email: String?
  /// The department or team, if given.
  public var department: String?
  /// The identifier of the person's manager, if given.
  public var manager: String?
  /// The offset of the person's working time zone from UTC, in minutes.
  public var utcOffsetMinutes: Int?
  /// The seniority grade (a larger number is more senior), if given.
  public var seniority: Double?
  /// The languages the person works in, lower-cased.
  public var languages: [String]
  /// The current competency levels, one per cohort competency (a view that
  /// may share one allocation with the rest of the cohort read from a file).
  public var levels: CompetencyLevels
  /// The ids of the people on the other side this person would like to be
  /// paired with, most preferred first.
  public var preferences: [String]

  /// Nothing (no bytes, always equal, hashes nothing): a stored property
  /// with an initial value, so the compiler's memberwise initializer (which
  /// ``init(id:name:email:department:manager:utcOffsetMinutes:seniority:languages:levels:preferences:)``
  /// delegates to) has a signature of its own, beside the public one.
  private var built = Built()

  /// The type of ``built``: empty.
  private struct Built: Sendable, Hashable {}
}

extension Person {
  /// Creates a person.
  ///
  /// - Complexity: O(`levels.count`) (copies the levels into storage of their own).
  public init(
    id: String, name: String, email: String? = nil, department: String? = nil, manager: String? = nil,
    utcOffsetMinutes: Int? = nil, seniority: Double? = nil, languages: [String] = [], levels: [Double],
    preferences: [String] = []
  ) {
    self.init(
      id: id, name: name, email: email, department: department, manager: manager,
      utcOffsetMinutes: utcOffsetMinutes, seniority: seniority, languages: languages,
      levels: CompetencyLevels(levels), preferences: preferences)
  }

  /// Creates a person whose levels are `levels` (no copy).
  ///
  /// Built by the compiler's memberwise initializer (in an extension, so
  /// that the type has one), which makes the person as one value written
  /// once into its place. An initializer that sets the ten fields one by
  /// one (as this one did, inlined into the cohort reader) has the
  /// optimizer keep the person in a stack slot and load it twice, one
  /// load copied (a retain of each field) and the other destroyed (a
  /// release of each): about 440 instructions per person, which this form
  /// does not spend (`Docs/performance.md`, eighteenth session, `cohort17`).
  ///
  /// - Complexity: O(1).
  public init(
    id: String, name: String, email: String? = nil, department: String? = nil, manager: String? = nil,
    utcOffsetMinutes: Int? = nil, seniority: Double? = nil, languages: [String] = [], levels: CompetencyLevels,
    preferences: [String] = []
  ) {
    precondition(!id.isEmpty, "A person needs a non-empty id")
    self.init(
      id: id, name: name, email: email, department: department, manager: manager,
      utcOffsetMinutes: utcOffsetMinutes, seniority: seniority, languages: languages, levels: levels,
      preferences: preferences, built: Built())
  }
}

/// A person who offers mentoring, up to `capacity` mentees at once.
///
/// Invariant: `capacity >= 0`.
public struct Mentor: Sendable, Hashable {
  /// Who the mentor is, with current competency levels.
  public var person: Person
  /// The most mentees this mentor takes in the cohort.
  public var capacity: Int

  /// Creates a mentor.
  public init(person: Person, capacity: Int) {
    precondition(capacity >= 0, "A mentor's capacity cannot be negative")
    self.person = person
    self.capacity = capacity
  }

  /// The mentor's identifier.
  public var id: String { person.id }
}

/// A person who seeks a mentor to grow towards goal levels.
///
/// Invariant: `goals` has one entry per cohort competency; a `nil` entry means
/// no goal in that competency; every goal is in ``CompetencyScale/range``.
public struct Mentee: Sendable, Hashable {
  /// Who the mentee is, with current competency levels.
  public var person: Person
  /// The goal level per competency, `nil` where the mentee set none (a view
  /// that may share one allocation with the rest of the cohort read from a file).
  public var goals: CompetencyGoals
  /// How many different mentors the mentee asks for, `1...maximumMentorsWanted`.
  public var mentorsWanted = 1

  /// The most mentors one mentee may ask for (`mentors_wanted`).
  public static let maximumMentorsWanted = 10

  /// Creates a mentee.
  ///
  /// - Complexity: O(`goals.count`) (copies the goals into storage of their own).
  public init(person: Person, goals: [Double?], mentorsWanted: Int = 1) {
    self.init(person: person, goals: CompetencyGoals(goals), mentorsWanted: mentorsWanted)
  }

  /// Creates a mentee whose goals are `goals` (no copy).
  ///
  /// - Complexity: O(1).
  public init(person: Person, goals: CompetencyGoals, mentorsWanted: Int = 1) {
    precondition((1...Self.maximumMentorsWanted).contains(mentorsWanted), "mentorsWanted out of range")
    self.person = person
    self.goals = goals
    self.mentorsWanted = mentorsWanted
  }

  /// The mentee's identifier.
  public var id: String { person.id }

  /// The growth the mentee seeks in competency `index`: how far the goal is
  /// above the current level, or zero.
  ///
  /// - Complexity: O(1).
  public func gap(_ index: Int) -> Double {
    guard let goal = goals[index] else { return 0 }
    return max(goal - person.levels[index], 0)
  }
}
