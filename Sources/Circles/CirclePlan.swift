import CompetencyModel

/// A formed grouping explained for people: per circle its members, what each
/// member can learn from whom, the departments it mixes, the working hours it
/// shares and a rotating lead schedule; and the summary figures.
///
/// Invariant: `circles` follows the formation's order; every learning line
/// names a peer of the same circle at a level above the member's.
public struct CirclePlan: Sendable {
  /// One thing a member can learn from a circle-mate.
  public struct Learning: Sendable, Hashable {
    /// The competency's name.
    public var competency: String
    /// The peer's id.
    public var peerID: String
    /// The peer's level.
    public var peerLevel: Double
    /// The member's current level.
    public var level: Double
    /// The member's goal.
    public var goal: Double

    /// `learns Negotiation from E0042: 4.5 against goal 4 (from 2.5)`.
    public var sentence: String {
      "learns \(competency) from \(peerID): \(CompetencyScale.format(peerLevel)) against goal "
        + "\(CompetencyScale.format(goal)) (from \(CompetencyScale.format(level)))"
    }
  }

  /// One member of a circle.
  public struct Member: Sendable, Hashable {
    /// The member's id.
    public var id: String
    /// The member's department, if known.
    public var department: String?
    /// The member's coverage: the share of their weighted growth need the circle covers.
    public var coverage: Double
    /// What the member can learn, goal by goal, from whom.
    public var learning: [Learning]
    /// The member's goal competencies no circle-mate stands above the member in.
    public var uncovered: [String]
  }

  /// One session of a circle and who leads it.
  public struct Session: Sendable, Hashable {
    /// The session number, from 1.
    public var number: Int
    /// The week of the programme, from 1.
    public var week: Int
    /// The date, when the programme has a start date.
    public var date: CalendarDate?
    /// The leading member's id.
    public var leadID: String
  }

  /// A circle's facilitator.
  public struct Facilitator: Sendable, Hashable {
    /// The facilitator's id.
    public var id: String
    /// The mean share of the members' growth need the facilitator covers.
    public var fit: Double
    /// Why this facilitator.
    public var rationale: String
  }

  /// One circle.
  public struct Circle: Sendable, Hashable {
    /// The circle's number, from 1.
    public var number: Int
    /// The members.
    public var members: [Member]
    /// The distinct departments, sorted.
    public var departments: [String]
    /// The hours of a working day every member with a known zone shares.
    public var sharedHours: Double
    /// The circle's objective.
    public var value: Double
    /// The rotating lead schedule.
    public var sessions: [Session]
    /// The facilitator, when facilitators were given and one could be assigned.
    public var facilitator: Facilitator?
    /// Why no facilitator, when facilitators were given and none could be.
    public var facilitatorNote: String?
  }

  /// The circles.
  public var circles: [Circle]
  /// The formation's objective.
  public var objective: Double
  /// The upper bound.
  public var bound: Double
  /// The relative gap to the bound.
  public var gap: Double
  /// The share of the members' goals (goal competencies) some circle-mate stands above the member in.
  public var goalsCovered: Double
  /// The mean number of departments per circle.
  public var departmentsPerCircle: Double

  /// Explains `formation`; sessions every `sessionEveryWeeks` weeks over
  /// `weeks` weeks, dated from `start` when given, the lead rotating through
  /// the members in order.
  ///
  /// - Complexity: O(`n · goals · size`).
  public init(
    _ formation: CircleFormation, problem: CircleProblem, weeks: Int = 24, start: CalendarDate? = nil,
    sessionEveryWeeks: Int = 2, facilitators: (people: [Mentor], assignment: CircleFacilitators)? = nil
  ) {
    precondition(weeks >= 1 && sessionEveryWeeks >= 1, "A schedule needs at least one week")
    var goals = 0
    var covered = 0
    var circles: [Circle] = []
    for (number, indexes) in formation.circles.enumerated() {
      var members: [Member] = []
      for i in indexes {
        let person = problem.participants[i]
        var learning: [Learning] = []
        var uncovered: [String] = []
        for c in problem.goalCompetencies(of: i) {
          goals += 1
          if let (peer, _) = problem.teacher(member: i, competency: c, in: indexes) {
            covered += 1
            learning.append(
              Learning(
                competency: problem.competencies[c], peerID: problem.participants[peer].id,
                peerLevel: problem.participants[peer].person.levels[c], level: person.person.levels[c],
                goal: person.goals[c]!))
          } else {
            uncovered.append(problem.competencies[c])
          }
        }
        members.append(
          Member(
            id: person.id, department: person.person.department,
            coverage: problem.coverage(member: i, in: indexes), learning: learning, uncovered: uncovered))
      }
      var departments: [String: String] = [:]
      for m in members {
        if let d = m.department, departments[d.lowercased()] == nil { departments[d.lowercased()] = d }
      }
      let sessions = stride(from: 1, through: weeks, by: sessionEveryWeeks).enumerated().map { s, week in
        Session(
          number: s + 1, week: week, date: start?.adding(days: 7 * (week - 1)), leadID: members[s % members.count].id)
      }
      circles.append(
        Circle(
          number: number + 1, members: members, departments: departments.values.sorted(),
          sharedHours: problem.sharedHoursShare(indexes) * problem.settings.workdayHours,
          value: problem.value(of: indexes), sessions: sessions,
          facilitator: facilitators.flatMap { given in
            given.assignment.facilitatorOfCircle[number].map {
              Facilitator(
                id: given.people[$0].id, fit: given.assignment.fit[number],
                rationale: given.assignment.rationale[number])
            }
          },
          facilitatorNote: facilitators.flatMap { given in
            given.assignment.facilitatorOfCircle[number] == nil ? given.assignment.rationale[number] : nil
          }))
    }
    self.circles = circles
    self.objective = formation.objective
    self.bound = formation.bound.total
    self.gap = formation.gap
    self.goalsCovered = goals > 0 ? Double(covered) / Double(goals) : 0
    self.departmentsPerCircle =
      circles.isEmpty ? 0 : Double(circles.reduce(0) { $0 + $1.departments.count }) / Double(circles.count)
  }
}
