import CompetencyModel

/// Lookup tables built once per ``CohortGenerator/generate()`` call, and the
/// per-person draws that use them.
struct Tables {
  let competencyNames: [String]
  let departmentNames: [String]
  let departmentCumulative: [Double]
  /// Level shift of department `d` in competency `c`, at `d * competencies + c`.
  let levelShift: [Double]
  /// Goal weight of department `d` in competency `c`, at `d * competencies + c`.
  let goalWeight: [Double]
  let zoneCumulative: [Double]
  let zoneOffsets: [Int]
  /// The chance that a person in a zone with a non-English local language
  /// lists only that language, so that ``CohortGenerator/Parameters/localLanguageOnlyShare``
  /// of everybody does.
  let localOnlyChance: Double
  let firstStems: [String]
  let lastStems: [String]
  let menteeGrades: [Double]
  let mentorGrades: [Double]
  let overlapGrades: [Double]
  let parameters: CohortGenerator.Parameters

  init(parameters p: CohortGenerator.Parameters) {
    parameters = p
    competencyNames = (0..<p.competencies).map(Catalogue.competencyName)
    let departments = (0..<p.departments).map(Catalogue.department)
    departmentNames = departments.map(\.name)
    departmentCumulative = cumulativeSums(departments.map(\.weight))
    var shift = [Double](repeating: 0, count: p.departments * p.competencies)
    var weight = [Double](repeating: 0, count: p.departments * p.competencies)
    for d in 0..<p.departments {
      for c in 0..<p.competencies {
        let affinity = Catalogue.affinity(department: d, competency: c)
        shift[d * p.competencies + c] = affinity.levelShift
        weight[d * p.competencies + c] = affinity.goalWeight
      }
    }
    levelShift = shift
    goalWeight = weight
    zoneCumulative = cumulativeSums(Catalogue.zones.map(\.weight))
    zoneOffsets = Catalogue.zoneOffsets
    let localWeight = Catalogue.zones.filter { $0.localLanguage != nil }.reduce(0) {
      $0 + $1.weight
    }
    let totalWeight = Catalogue.zones.reduce(0) { $0 + $1.weight }
    localOnlyChance = min(1, p.localLanguageOnlyShare * totalWeight / localWeight)
    firstStems = Catalogue.firstNames.map(Self.emailStem)
    lastStems = Catalogue.lastNames.map(Self.emailStem)
    menteeGrades = cumulativeSums(CohortGenerator.menteeGradeWeights)
    mentorGrades = cumulativeSums(CohortGenerator.mentorGradeWeights)
    overlapGrades = cumulativeSums(CohortGenerator.overlapGradeWeights)
  }

  /// A name lower-cased with everything but ASCII letters dropped.
  static func emailStem(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) })
  }

  /// One drawn person with the facts the generator needs afterwards.
  struct PersonDraw {
    var person: Person
    var department: Int
    var grade: Int
  }

  /// Draws a person's attributes and levels (no manager).
  ///
  /// - Complexity: O(competencies).
  func drawPerson(
    id: String, sequence: Int, grades: [Double], using rng: inout SeededRandomNumberGenerator
  ) -> PersonDraw {
    let department = rng.index(cumulative: departmentCumulative)
    let grade = rng.index(cumulative: grades) + 1
    let zone = rng.index(cumulative: zoneCumulative)
    let local = Catalogue.zones[zone].localLanguage
    let languages: [String]
    if let local, rng.chance(localOnlyChance) {
      languages = [local]
    } else if rng.chance(parameters.secondLanguageShare) {
      languages = [
        "en", local ?? Catalogue.secondLanguages[rng.below(Catalogue.secondLanguages.count)],
      ]
    } else {
      languages = ["en"]
    }
    let first = rng.below(Catalogue.firstNames.count)
    let last = rng.below(Catalogue.lastNames.count)

    let base = CohortGenerator.gradeOneLevel + CohortGenerator.levelPerGrade * Double(grade - 1)
    let aptitude = rng.bell(CohortGenerator.aptitudeDeviation)
    let row = department * parameters.competencies
    var levels = [Double](repeating: 0, count: parameters.competencies)
    for c in 0..<parameters.competencies {
      let raw = base + levelShift[row + c] + aptitude + rng.bell(CohortGenerator.noiseDeviation)
      levels[c] =
        (min(max(raw, CompetencyScale.minimum), CompetencyScale.maximum) * 2).rounded() / 2
    }
    let person = Person(
      id: id, name: Catalogue.firstNames[first] + " " + Catalogue.lastNames[last],
      email: firstStems[first] + "." + lastStems[last] + String(sequence) + "@example.com",
      department: departmentNames[department], utcOffsetMinutes: zoneOffsets[zone],
      seniority: Double(grade),
      languages: languages, levels: levels)
    return PersonDraw(person: person, department: department, grade: grade)
  }

  /// Draws a mentee's goals: `goalCountRange` competencies among those at
  /// level 4 or below, weighted by the department's affinity (strong 3,
  /// neutral 2, weak 1), each goal 1, 1.5 or 2 levels above the current level,
  /// capped at 5; `nil` elsewhere.
  ///
  /// - Complexity: O(competencies × goals).
  func drawGoals(
    levels: [Double], department: Int, scratch: inout [Double],
    using rng: inout SeededRandomNumberGenerator
  ) -> [Double?] {
    let count = levels.count
    var goals = [Double?](repeating: nil, count: count)
    let wanted = min(rng.integer(in: parameters.goalCountRange), count)
    let row = department * count
    var total = 0.0
    for c in 0..<count {
      let weight = levels[c] <= CohortGenerator.goalEligibleLevel ? goalWeight[row + c] : 0
      scratch[c] = weight
      total += weight
    }
    var picked = 0
    while picked < wanted, total > 0 {
      let target = rng.unit() * total
      var running = 0.0
      var choice = -1
      for c in 0..<count where scratch[c] > 0 {
        choice = c
        running += scratch[c]
        if running > target { break }
      }
      total -= scratch[choice]
      scratch[choice] = 0
      let step = CohortGenerator.goalSteps[rng.below(CohortGenerator.goalSteps.count)]
      goals[choice] = min(levels[choice] + step, CompetencyScale.maximum)
      picked += 1
    }
    return goals
  }
}
