import CompetencyModel

/// One circle-formation instance, prepared for fast evaluation: the
/// participants' covered-growth coefficients (from ``GrowthCoverage``), their
/// conflicts (reporting lines, earlier circle-mates), languages, grades,
/// departments and time zones.
///
/// The covered-growth measure is taken from ``GrowthCoverage`` built on a
/// cohort whose mentors and mentees are both the participants: a member's
/// coverage in competency `c` from peer `j` is `Σ value · ramps[column, j]`
/// over the member's coefficients of `c`. That contribution rises with the
/// peer's level, so the best peer of a circle in `c` is the one with the
/// highest level in `c`.
///
/// Invariants: every array is indexed by participant `0..<count`; conflicts
/// are symmetric; `rampRows` is `columns × count`, row-major.
public struct CircleProblem: Sendable {
  /// The participants, in input order.
  public let participants: [Mentee]
  /// The competency names.
  public let competencies: [String]
  /// The settings.
  public let settings: CircleSettings
  /// The number of participants.
  public var count: Int { participants.count }

  /// Per participant: its goal competencies, each with the range of its
  /// coefficient entries in `entryColumn` / `entryValue`.
  let goalStart: [Int]
  let goalCompetency: [Int]
  let goalEntryStart: [Int]
  let entryColumn: [Int]
  let entryValue: [Double]
  /// `ramps[column * count + j]`: the ramp of column `column` at peer `j`'s level.
  let ramps: [Double]
  /// The competency levels, `levels[j * k + c]`.
  let levels: [Double]
  /// Sorted conflicting partners of each participant.
  let conflicts: [[Int32]]
  let grade: [Double?]
  /// Interned lower-cased departments, -1 when unknown.
  let department: [Int32]
  let offset: [Int?]
  let languageWords: Int
  let languages: [UInt64]
  let listsLanguage: [Bool]

  /// Prepares an instance.
  ///
  /// - Parameters:
  ///   - participants: The people to group (a cohort's mentees, or people in
  ///     the mentee format); ids must be unique.
  ///   - competencies: The competency names.
  ///   - managers: Extra people whose `manager` links complete the reporting
  ///     lines (for example the cohort's mentors); may be empty.
  ///   - settings: The sizes, rules and weights.
  /// - Complexity: O(`n · goals + columns · n + n · depth`) for `n` participants.
  public init(participants: [Mentee], competencies: [String], managers: [Person] = [], settings: CircleSettings) {
    let n = participants.count
    let k = competencies.count
    self.participants = participants
    self.competencies = competencies
    self.settings = settings
    let weights = settings.competencyWeights.isEmpty ? Array(repeating: 1.0, count: k) : settings.competencyWeights
    precondition(weights.count == k, "One competency weight per competency")
    let peers = participants.map { Mentor(person: $0.person, capacity: 0) }
    let cohort = Cohort(competencies: competencies, mentors: peers, mentees: participants)
    let coverage = GrowthCoverage(cohort: cohort, weights: weights, headroom: settings.headroom)
    var goalStart = [0]
    var goalCompetency: [Int] = []
    var goalEntryStart = [0]
    var entryColumn: [Int] = []
    var entryValue: [Double] = []
    for i in 0..<n {
      var byCompetency: [Int: [(Int, Double)]] = [:]
      for (column, value) in coverage.coefficients.entries(ofRow: i) {
        byCompetency[coverage.columnCompetency[column], default: []].append((column, value))
      }
      for c in byCompetency.keys.sorted() {
        goalCompetency.append(c)
        for (column, value) in byCompetency[c]! {
          entryColumn.append(column)
          entryValue.append(value)
        }
        goalEntryStart.append(entryColumn.count)
      }
      goalStart.append(goalCompetency.count)
    }
    self.goalStart = goalStart
    self.goalCompetency = goalCompetency
    self.goalEntryStart = goalEntryStart
    self.entryColumn = entryColumn
    self.entryValue = entryValue
    self.ramps = coverage.ramps.elements
    var levels = [Double](repeating: 0, count: n * k)
    for (j, p) in participants.enumerated() {
      for c in 0..<k { levels[j * k + c] = p.person.levels[c] }
    }
    self.levels = levels

    var conflictSets = [Set<Int32>](repeating: [], count: n)
    let index = Dictionary(participants.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
    if settings.excludeReportingLine {
      // Everyone whose manager link may matter, once each, without levels.
      var seen: Set<String> = []
      var people: [Mentee] = []
      for person in participants.map(\.person) + managers where seen.insert(person.id).inserted {
        var stripped = person
        stripped.levels = []
        people.append(Mentee(person: stripped, goals: []))
      }
      let lines = ReportingLines(Cohort(competencies: [], mentors: [], mentees: people))
      for (i, p) in participants.enumerated() {
        for boss in lines.managers(above: p.id) {
          if let j = index[boss], Int(j) != i {
            conflictSets[i].insert(j)
            conflictSets[Int(j)].insert(Int32(i))
          }
        }
      }
    }
    for pair in settings.earlierPairs {
      if let a = index[pair.menteeID], let b = index[pair.mentorID], a != b {
        conflictSets[Int(a)].insert(b)
        conflictSets[Int(b)].insert(a)
      }
    }
    self.conflicts = conflictSets.map { $0.sorted() }
    self.grade = participants.map(\.person.seniority)
    var departments: [String: Int32] = [:]
    self.department = participants.map { p -> Int32 in
      guard let name = p.person.department?.lowercased() else { return -1 }
      if let d = departments[name] { return d }
      departments[name] = Int32(departments.count)
      return Int32(departments.count - 1)
    }
    self.offset = participants.map(\.person.utcOffsetMinutes)
    var languageIndex: [String: Int] = [:]
    for p in participants {
      for language in p.person.languages where languageIndex[language] == nil {
        languageIndex[language] = languageIndex.count
      }
    }
    let words = max(1, (languageIndex.count + 63) / 64)
    var packed = [UInt64](repeating: 0, count: n * words)
    for (i, p) in participants.enumerated() {
      for language in p.person.languages {
        let b = languageIndex[language]!
        packed[i * words + b / 64] |= 1 << UInt64(b % 64)
      }
    }
    self.languageWords = words
    self.languages = packed
    self.listsLanguage = participants.map { settings.requireSharedLanguage && !$0.person.languages.isEmpty }
  }

  // MARK: - Pairwise rules

  /// Whether `i` and `j` may share a circle as far as pairs go: no reporting
  /// line or earlier circle between them, grades within the limit, a common
  /// language when both list languages.
  ///
  /// - Complexity: O(log conflicts + language words).
  public func compatible(_ i: Int, _ j: Int) -> Bool {
    if i == j { return false }
    if let limit = settings.maximumSeniorityGap, let a = grade[i], let b = grade[j], abs(a - b) > limit {
      return false
    }
    if listsLanguage[i] && listsLanguage[j] {
      var shared = false
      for w in 0..<languageWords where languages[i * languageWords + w] & languages[j * languageWords + w] != 0 {
        shared = true
        break
      }
      if !shared { return false }
    }
    return !hasConflict(i, j)
  }

  @inline(__always)
  func hasConflict(_ i: Int, _ j: Int) -> Bool {
    let list = conflicts[i]
    if list.isEmpty { return false }
    var low = 0
    var high = list.count
    let target = Int32(j)
    while low < high {
      let mid = (low + high) / 2
      if list[mid] < target { low = mid + 1 } else { high = mid }
    }
    return low < list.count && list[low] == target
  }

  // MARK: - Evaluation

  /// The covered-growth coverage of member `i` by peer `j` in `i`'s `g`-th goal.
  @inline(__always)
  func contribution(goal g: Int, peer j: Int) -> Double {
    var sum = 0.0
    for e in goalEntryStart[g]..<goalEntryStart[g + 1] {
      sum += entryValue[e] * ramps[entryColumn[e] * count + j]
    }
    return sum
  }

  /// The pair's covered-growth term, `i` learning from `j` (the one-to-one measure).
  ///
  /// - Complexity: O(goals of `i`).
  public func pairCoverage(member i: Int, peer j: Int) -> Double {
    var sum = 0.0
    for g in goalStart[i]..<goalStart[i + 1] { sum += contribution(goal: g, peer: j) }
    return sum
  }

  /// Member `i`'s coverage in circle `members`: per goal competency, the
  /// best peer's contribution, summed.
  ///
  /// - Complexity: O(goals of `i` · members).
  public func coverage(member i: Int, in members: [Int]) -> Double {
    let k = competencies.count
    var sum = 0.0
    for g in goalStart[i]..<goalStart[i + 1] {
      let c = goalCompetency[g]
      var best = -1
      var bestLevel = -1.0
      for j in members where j != i && levels[j * k + c] > bestLevel {
        bestLevel = levels[j * k + c]
        best = j
      }
      if best >= 0 { sum += contribution(goal: g, peer: best) }
    }
    return sum
  }

  /// The peer member `i` learns goal competency `c` from in `members`, with
  /// the share of `i`'s need covered, or `nil` when no peer is above `i`.
  ///
  /// - Complexity: O(goals of `i` · members).
  public func teacher(member i: Int, competency c: Int, in members: [Int]) -> (peer: Int, share: Double)? {
    let k = competencies.count
    for g in goalStart[i]..<goalStart[i + 1] where goalCompetency[g] == c {
      var best = -1
      var bestLevel = -1.0
      for j in members where j != i && levels[j * k + c] > bestLevel {
        bestLevel = levels[j * k + c]
        best = j
      }
      guard best >= 0 else { return nil }
      let share = contribution(goal: g, peer: best)
      return share > 0 ? (best, share) : nil
    }
    return nil
  }

  /// The goal competencies of member `i` (those with a weighted need).
  public func goalCompetencies(of i: Int) -> [Int] { Array(goalCompetency[goalStart[i]..<goalStart[i + 1]]) }

  /// The share of the working day all members with a known time zone share:
  /// `max(0, W − arc) / W`, where `arc` is the shortest arc of the 24-hour
  /// clock holding every member's offset; 1 when fewer than two are known.
  ///
  /// - Complexity: O(members log members).
  public func sharedHoursShare(_ members: [Int]) -> Double {
    // The known offsets in a temporary buffer, insertion-sorted (circles are
    // small): no heap allocation on the search's hot path.
    let largestGap = withUnsafeTemporaryAllocation(of: Int.self, capacity: max(members.count, 1)) { known -> Int? in
      var count = 0
      for i in members {
        guard let minutes = offset[i] else { continue }
        let value = ((minutes % 1440) + 1440) % 1440
        var t = count
        while t > 0 && known[t - 1] > value {
          known[t] = known[t - 1]
          t -= 1
        }
        known[t] = value
        count += 1
      }
      guard count >= 2 else { return nil }
      var gap = known[0] + 1440 - known[count - 1]
      for t in 1..<count { gap = max(gap, known[t] - known[t - 1]) }
      return gap
    }
    guard let largestGap else { return 1 }
    let arcHours = Double(1440 - largestGap) / 60
    return max(0, settings.workdayHours - arcHours) / settings.workdayHours
  }

  /// The share of `i`'s circle-mates from another known department (0 when
  /// `i`'s department is unknown): the mean of
  /// ``ScoreTerms/crossDepartment(mentee:mentor:)`` over the mates, on
  /// interned department names.
  ///
  /// - Complexity: O(members).
  public func mix(member i: Int, in members: [Int]) -> Double {
    guard members.count > 1, department[i] >= 0 else { return 0 }
    var other = 0
    for j in members where j != i && department[j] >= 0 && department[j] != department[i] { other += 1 }
    return Double(other) / Double(members.count - 1)
  }

  /// The objective of one circle: the sum over its members of coverage plus
  /// the weighted mix and shared hours.
  ///
  /// - Complexity: O(members² · goals).
  public func value(of members: [Int]) -> Double {
    guard !members.isEmpty else { return 0 }
    let hours = settings.sharedHours > 0 ? sharedHoursShare(members) : 0
    var total = 0.0
    for i in members {
      total += coverage(member: i, in: members)
      if settings.crossDepartment > 0 { total += settings.crossDepartment * mix(member: i, in: members) }
      if offset[i] != nil { total += settings.sharedHours * hours }
    }
    return total
  }

  /// The number of broken hard rules in one circle: conflicting or
  /// incompatible pairs (reporting line, earlier circle-mates, grade gap),
  /// plus, over the languages the members list, the fewest members lacking
  /// one (0 exactly when they share a language).
  ///
  /// - Complexity: O(members² · log conflicts).
  public func violations(of members: [Int]) -> Int {
    var count = 0
    for (a, i) in members.enumerated() {
      for j in members[(a + 1)...] {
        if hasConflict(i, j) { count += 1 }
        if let limit = settings.maximumSeniorityGap, let x = grade[i], let y = grade[j], abs(x - y) > limit {
          count += 1
        }
      }
    }
    if settings.requireSharedLanguage {
      // The fewest members who lack one language, over the languages listed:
      // 0 exactly when the listing members share one.
      // The union in a temporary buffer: no heap allocation per evaluation.
      count += withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(languageWords, 1)) { union -> Int in
        union.initialize(repeating: 0)
        var listing = 0
        for i in members where listsLanguage[i] {
          listing += 1
          for w in 0..<languageWords { union[w] |= languages[i * languageWords + w] }
        }
        guard listing > 1 else { return 0 }
        var fewest = listing
        for w in 0..<languageWords {
          var bits = union[w]
          while bits != 0 {
            let bit = bits & (~bits &+ 1)
            bits &= bits &- 1
            var lacking = 0
            for i in members where listsLanguage[i] && languages[i * languageWords + w] & bit == 0 { lacking += 1 }
            fewest = min(fewest, lacking)
          }
        }
        return fewest
      }
    }
    return count
  }

  /// The broken rules of one circle, in words, for error messages.
  func describeViolations(of members: [Int]) -> [String] {
    var result: [String] = []
    let id = { (i: Int) in self.participants[i].id }
    for (a, i) in members.enumerated() {
      for j in members[(a + 1)...] {
        if hasConflict(i, j) { result.append("\(id(i)) and \(id(j)) share a reporting line or an earlier circle") }
        if let limit = settings.maximumSeniorityGap, let x = grade[i], let y = grade[j], abs(x - y) > limit {
          result.append("\(id(i)) and \(id(j)) differ by more than \(limit) grades")
        }
      }
    }
    if violations(of: members) > result.count {
      // The pairwise rules account for the rest: the language rule broke.
      result.append("\(members.map(id).joined(separator: ", ")) share no language")
    }
    return result
  }
}
