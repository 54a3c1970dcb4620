import CompetencyModel

/// A seeded generator of realistic mentoring cohorts, for the bundled sample
/// cohort, benchmarks and tests.
///
/// The same ``Parameters`` give an identical cohort on every run and platform:
/// all randomness comes from ``SeededRandomNumberGenerator``, and no output
/// depends on hashing order. `Docs/generator.md` documents every rule and
/// number that shapes the cohort.
///
/// - Complexity: ``generate()`` runs in O((mentees + mentors) × competencies)
///   time, plus O(mentors log mentors) to order each department's managers.
public struct CohortGenerator: Sendable {
  /// What to generate. Every field but the four sizes and seed has a default.
  ///
  /// Invariants: counts are non-negative, `departments >= 1`, the ranges'
  /// lower bounds are non-negative, and every share is in `0...1`.
  public struct Parameters: Sendable, Hashable {
    /// The number of mentees, including the mentors who are also mentees.
    public var mentees: Int
    /// The number of mentors.
    public var mentors: Int
    /// The number of competencies.
    public var competencies: Int
    /// The seed: equal seeds (and parameters) give equal cohorts.
    public var seed: UInt64
    /// The number of departments. Default 8.
    public var departments: Int
    /// The range each mentor's capacity is drawn from, uniformly. Default `1...4`.
    public var capacityRange: ClosedRange<Int>
    /// The share of mentors who are also mentees (under their mentor id).
    /// Default 0.03.
    public var overlapShare: Double
    /// The range of a mentee's number of goal competencies. Default `2...4`.
    public var goalCountRange: ClosedRange<Int>
    /// The share of people who list only their zone's local language (drawn
    /// among people in zones whose local language is not English; at most all
    /// of them). Default 0.04.
    public var localLanguageOnlyShare: Double
    /// The share of the other people who add a second language to English.
    /// Default 0.30.
    public var secondLanguageShare: Double
    /// The share of mentees whose manager is a mentor of the cohort (when
    /// their department has a more senior mentor). Default 0.85.
    public var managedMenteeShare: Double
    /// The size of the previous cohort's history, as a share of `mentees`.
    /// Default 0.5.
    public var historyShare: Double
    /// The share of history pairs whose mentee is a current mentee. Default 0.4.
    public var returningMenteeShare: Double
    /// The share of history pairs whose mentor is a current mentor. Default 0.75.
    public var returningMentorShare: Double

    /// Creates parameters; see each property for its default.
    public init(
      mentees: Int, mentors: Int, competencies: Int, seed: UInt64, departments: Int = 8,
      capacityRange: ClosedRange<Int> = 1...4, overlapShare: Double = 0.03,
      goalCountRange: ClosedRange<Int> = 2...4,
      localLanguageOnlyShare: Double = 0.04, secondLanguageShare: Double = 0.30,
      managedMenteeShare: Double = 0.85,
      historyShare: Double = 0.5, returningMenteeShare: Double = 0.4,
      returningMentorShare: Double = 0.75
    ) {
      self.mentees = mentees
      self.mentors = mentors
      self.competencies = competencies
      self.seed = seed
      self.departments = departments
      self.capacityRange = capacityRange
      self.overlapShare = overlapShare
      self.goalCountRange = goalCountRange
      self.localLanguageOnlyShare = localLanguageOnlyShare
      self.secondLanguageShare = secondLanguageShare
      self.managedMenteeShare = managedMenteeShare
      self.historyShare = historyShare
      self.returningMenteeShare = returningMenteeShare
      self.returningMentorShare = returningMentorShare
    }

    /// The parameters of the bundled sample cohort: 240 mentees, 100 mentors,
    /// 16 competencies, seed 2026.
    public static let sample = Parameters(mentees: 240, mentors: 100, competencies: 16, seed: 2026)
  }

  /// What this generator makes.
  public let parameters: Parameters

  /// Creates a generator, checking the parameters' invariants.
  public init(_ parameters: Parameters) {
    let p = parameters
    precondition(
      p.mentees >= 0 && p.mentors >= 0 && p.competencies >= 0, "Counts cannot be negative")
    precondition(p.departments >= 1, "A cohort needs at least one department")
    precondition(p.capacityRange.lowerBound >= 0, "Capacities cannot be negative")
    precondition(p.goalCountRange.lowerBound >= 0, "Goal counts cannot be negative")
    for share in [
      p.overlapShare, p.localLanguageOnlyShare, p.secondLanguageShare, p.managedMenteeShare,
      p.historyShare,
      p.returningMenteeShare, p.returningMentorShare,
    ] {
      precondition((0...1).contains(share), "Shares must be in 0...1")
    }
    self.parameters = parameters
  }

  /// The name the generator gives competency `index` (0-based): a realistic
  /// workplace competency for the first 48, then `"Competency <index + 1>"`.
  public static func competencyName(_ index: Int) -> String { Catalogue.competencyName(index) }

  /// The name the generator gives department `index` (0-based): a realistic
  /// department for the first 20, then `"Department <index + 1>"`.
  public static func departmentName(_ index: Int) -> String { Catalogue.department(index).name }

  // MARK: Shape constants (documented in Docs/generator.md)

  /// Relative weights of seniority grades 1...8 for mentees.
  static let menteeGradeWeights: [Double] = [16, 24, 24, 17, 10, 5, 3, 1]
  /// Relative weights of seniority grades 1...8 for mentors.
  static let mentorGradeWeights: [Double] = [0, 1, 4, 10, 20, 25, 22, 18]
  /// Relative weights of seniority grades 1...8 for mentors who are also mentees.
  static let overlapGradeWeights: [Double] = [0, 0, 2, 5, 5, 2, 0, 0]
  /// The mean level of grade 1; each grade above adds ``levelPerGrade``.
  static let gradeOneLevel = 1.0
  /// The level each seniority grade adds.
  static let levelPerGrade = 0.4
  /// The standard deviation of a person's overall aptitude.
  static let aptitudeDeviation = 0.35
  /// The standard deviation of the per-competency noise.
  static let noiseDeviation = 0.6
  /// A mentee picks goals only where the current level is at most this.
  static let goalEligibleLevel = 4.0
  /// How far above the current level a goal is, each step equally likely.
  static let goalSteps = [1.0, 1.5, 2.0]
  /// Each manager in a department's tree has about this many direct reports
  /// among the mentors.
  static let managerSpan = 4
  /// Former mentors of the history, as a share of current mentors (at least 1).
  static let formerMentorShare = 0.25

  /// Stream salts: one independent random stream per purpose.
  enum Salt {
    static let mentor: UInt64 = 0x4D45_4E54_4F52_0001
    static let mentee: UInt64 = 0x4D45_4E54_4545_0002
    static let overlapGoals: UInt64 = 0x4F56_4552_4C41_0003
    static let overlap: UInt64 = 0x4F56_4552_4C41_0004
    static let managers: UInt64 = 0x4D41_4E41_4745_0005
    static let history: UInt64 = 0x4849_5354_4F52_0006
  }

  // MARK: Generation

  /// Generates the cohort and its history.
  ///
  /// - Complexity: O((mentees + mentors) × competencies + mentors log mentors).
  public func generate() -> GeneratedCohort {
    let p = parameters
    let tables = Tables(parameters: p)
    let overlapCount = min(p.mentees, Int((p.overlapShare * Double(p.mentors)).rounded()))
    let plainMenteeCount = p.mentees - overlapCount

    // History sizes first: former participants' ids share the id width.
    let historyCount = Int((p.historyShare * Double(p.mentees)).rounded())
    let returningMentees = min(
      p.mentees, Int((p.returningMenteeShare * Double(historyCount)).rounded()))
    let formerMentees = historyCount - returningMentees
    let formerMentors = max(1, Int((Self.formerMentorShare * Double(p.mentors)).rounded()))
    let largestNumber = max(plainMenteeCount + formerMentees, p.mentors + formerMentors)
    let ids = IDFormatter(largestNumber: largestNumber)

    // Which mentors are also mentees.
    var isOverlap = [Bool](repeating: false, count: p.mentors)
    do {
      var rng = SeededRandomNumberGenerator.stream(seed: p.seed, salt: Salt.overlap)
      var order = Array(0..<p.mentors)
      for k in 0..<overlapCount {
        order.swapAt(k, k + rng.below(p.mentors - k))
        isOverlap[order[k]] = true
      }
    }

    // Mentors.
    var mentors: [Mentor] = []
    mentors.reserveCapacity(p.mentors)
    var mentorGrades: [Int] = []
    mentorGrades.reserveCapacity(p.mentors)
    var mentorDepartments: [Int] = []
    mentorDepartments.reserveCapacity(p.mentors)
    for index in 0..<p.mentors {
      var rng = SeededRandomNumberGenerator.stream(seed: p.seed, salt: Salt.mentor, index: index)
      let draw = tables.drawPerson(
        id: ids.mentor(index + 1), sequence: index + 1,
        grades: isOverlap[index] ? tables.overlapGrades : tables.mentorGrades, using: &rng)
      mentorGrades.append(draw.grade)
      mentorDepartments.append(draw.department)
      mentors.append(Mentor(person: draw.person, capacity: rng.integer(in: p.capacityRange)))
    }

    // Each department's reporting tree among mentors, most senior first.
    var rankedMentors = [[Int]](repeating: [], count: p.departments)
    for index in 0..<p.mentors { rankedMentors[mentorDepartments[index]].append(index) }
    // moreSeniorCount[d][g]: how many of department d's mentors have a grade above g.
    var moreSeniorCount = [[Int]](repeating: [Int](repeating: 0, count: 10), count: p.departments)
    do {
      var rng = SeededRandomNumberGenerator.stream(seed: p.seed, salt: Salt.managers)
      for department in 0..<p.departments {
        rankedMentors[department].sort {
          mentorGrades[$0] != mentorGrades[$1] ? mentorGrades[$0] > mentorGrades[$1] : $0 < $1
        }
        let ranked = rankedMentors[department]
        for position in ranked.indices.dropFirst() {
          let base = (position - 1) / Self.managerSpan
          let managerPosition = rng.integer(in: max(0, base - 2)...base)
          mentors[ranked[position]].person.manager = mentors[ranked[managerPosition]].id
        }
        for grade in 0..<10 {
          moreSeniorCount[department][grade] = ranked.prefix { mentorGrades[$0] > grade }.count
        }
      }
    }

    // Mentees: plain ones get E ids; mentors who are also mentees sit at
    // evenly spread positions under their mentor id.
    let overlapMentors = (0..<p.mentors).filter { isOverlap[$0] }
    var goalScratch = [Double](repeating: 0, count: p.competencies)
    var mentees: [Mentee] = []
    mentees.reserveCapacity(p.mentees)
    var nextOverlap = 0
    var plainNumber = 0
    for slot in 0..<p.mentees {
      if nextOverlap < overlapCount, slot == (2 * nextOverlap + 1) * p.mentees / (2 * overlapCount) {
        let mentorIndex = overlapMentors[nextOverlap]
        nextOverlap += 1
        var rng = SeededRandomNumberGenerator.stream(
          seed: p.seed, salt: Salt.overlapGoals, index: mentorIndex)
        let person = mentors[mentorIndex].person
        let goals = tables.drawGoals(
          levels: Array(person.levels), department: mentorDepartments[mentorIndex], scratch: &goalScratch,
          using: &rng)
        mentees.append(Mentee(person: person, goals: goals))
        continue
      }
      plainNumber += 1
      var rng = SeededRandomNumberGenerator.stream(
        seed: p.seed, salt: Salt.mentee, index: plainNumber - 1)
      var draw = tables.drawPerson(
        id: ids.mentee(plainNumber), sequence: p.mentors + plainNumber, grades: tables.menteeGrades,
        using: &rng)
      let goals = tables.drawGoals(
        levels: Array(draw.person.levels), department: draw.department, scratch: &goalScratch, using: &rng)
      if rng.chance(p.managedMenteeShare) {
        let eligible = moreSeniorCount[draw.department][draw.grade]
        if eligible > 0 {
          let position = eligible / 2 + rng.below(eligible - eligible / 2)
          draw.person.manager = mentors[rankedMentors[draw.department][position]].id
        }
      }
      mentees.append(Mentee(person: draw.person, goals: goals))
    }

    let history = makeHistory(
      mentees: mentees, mentors: mentors, ids: ids, returning: returningMentees,
      former: formerMentees, formerMentors: formerMentors, firstFormerMentee: plainMenteeCount + 1)
    let cohort = Cohort(competencies: tables.competencyNames, mentors: mentors, mentees: mentees)
    return GeneratedCohort(cohort: cohort, history: history)
  }

  /// The previous cohort's pairs: `returning` current mentees and `former`
  /// departed ones, each with one mentor (current or former), shuffled.
  private func makeHistory(
    mentees: [Mentee], mentors: [Mentor], ids: IDFormatter, returning: Int, former: Int,
    formerMentors: Int, firstFormerMentee: Int
  ) -> [GeneratedCohort.PreviousPair] {
    let p = parameters
    var rng = SeededRandomNumberGenerator.stream(seed: p.seed, salt: Salt.history)
    var menteeIDs: [String] = []
    menteeIDs.reserveCapacity(returning + former)
    var order = Array(0..<mentees.count)
    for k in 0..<returning {
      order.swapAt(k, k + rng.below(mentees.count - k))
      menteeIDs.append(mentees[order[k]].id)
    }
    for k in 0..<former { menteeIDs.append(ids.mentee(firstFormerMentee + k)) }

    var history: [GeneratedCohort.PreviousPair] = []
    history.reserveCapacity(menteeIDs.count)
    for menteeID in menteeIDs {
      var mentorID: String? = nil
      if !mentors.isEmpty, rng.chance(p.returningMentorShare) {
        for _ in 0..<3 {
          let candidate = mentors[rng.below(mentors.count)].id
          if candidate != menteeID {
            mentorID = candidate
            break
          }
        }
      }
      history.append(
        .init(
          menteeID: menteeID,
          mentorID: mentorID ?? ids.mentor(p.mentors + 1 + rng.below(formerMentors))))
    }
    for k in stride(from: history.count - 1, to: 0, by: -1) {
      history.swapAt(k, rng.below(k + 1))
    }
    return history
  }
}

/// Formats ids: `M00001` for mentors, `E00001` for mentees, zero-padded to a
/// common width (at least 5 digits).
struct IDFormatter {
  let width: Int

  init(largestNumber: Int) {
    width = max(5, String(largestNumber).count)
  }

  func mentor(_ number: Int) -> String { format("M", number) }
  func mentee(_ number: Int) -> String { format("E", number) }

  private func format(_ prefix: String, _ number: Int) -> String {
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
