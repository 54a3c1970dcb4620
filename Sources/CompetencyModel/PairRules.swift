/// The hard rules of a cohort in a form that answers for any pair, or a block
/// of pairs, without a dense mentees × mentors matrix.
///
/// Rules that concern few pairs (same person, reporting line, history) are
/// kept per mentee; the shared-language rule is a bit-set test and the
/// minimum score a comparison, both evaluated on demand.
///
/// Invariant: `listed[i]` holds each mentor index at most once, with the first
/// applicable rule in the order of ``Exclusion``.
public struct PairRules: Sendable {
  /// The number of mentees.
  public let mentees: Int
  /// The number of mentors.
  public let mentors: Int
  /// The sparse exclusions of each mentee that has any, by mentor index.
  let listed: [Int: [Int: Exclusion]]
  let languages: LanguageSets?
  /// The configured minimum score, if any.
  public let minimumScore: Double?

  /// Prepares the rules of `configuration` for `cohort`.
  ///
  /// - Complexity: O(`(mentees + mentors) · log(mentees + mentors) + reporting-line pairs
  ///   + history + languages listed`).
  public init(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [],
    never: Set<PersonPair> = []
  ) {
    mentees = cohort.mentees.count
    mentors = cohort.mentors.count
    minimumScore = configuration.minimumScore
    let rules = configuration.rules
    var listed: [Int: [Int: Exclusion]] = [:]
    func exclude(_ i: Int, _ j: Int, _ e: Exclusion) {
      if let existing = listed[i]?[j], existing <= e { return }
      listed[i, default: [:]][j] = e
    }
    let mentorIndex = cohort.mentorIndexByID
    let menteeIndex = cohort.menteeIndexByID
    if rules.excludeSelf {
      for (i, mentee) in cohort.mentees.enumerated() {
        if let j = mentorIndex[mentee.id] { exclude(i, j, .samePerson) }
      }
    }
    if rules.excludeReportingLine {
      // Both directions from the indexed lines, without walking a chain per person.
      let lines = ReportingLines(cohort)
      for (i, j) in lines.pairs(lower: cohort.mentees.map(\.id), upper: mentorIndex) { exclude(i, j, .reportingLine) }
      for (j, i) in lines.pairs(lower: cohort.mentors.map(\.id), upper: menteeIndex) { exclude(i, j, .reportingLine) }
    }
    if rules.excludePreviousPairs {
      for pair in history {
        if let i = menteeIndex[pair.menteeID], let j = mentorIndex[pair.mentorID] { exclude(i, j, .previousPair) }
      }
    }
    for pair in never {
      if let i = menteeIndex[pair.menteeID], let j = mentorIndex[pair.mentorID] { exclude(i, j, .neverPair) }
    }
    self.listed = listed
    languages = rules.requireSharedLanguage ? LanguageSets(cohort) : nil
  }

  /// The rule excluding the pair, or `nil` when it is allowed.
  ///
  /// - Parameters:
  ///   - i: The mentee's index.
  ///   - j: The mentor's index.
  ///   - score: The pair's score, for the minimum-score rule.
  /// - Complexity: O(1) expected.
  @inline(__always)
  public func exclusion(mentee i: Int, mentor j: Int, score: Double) -> Exclusion? {
    if let e = listed[i]?[j] { return e }
    if let languages, languages.excludes(mentee: i, mentor: j) { return .noSharedLanguage }
    if let minimumScore, score < minimumScore { return .belowMinimumScore }
    return nil
  }

  /// Writes the exclusion code (0 = allowed) of every pair of a block of
  /// mentees, given the block's scores.
  ///
  /// - Parameters:
  ///   - rows: The mentees of the block.
  ///   - scores: `rows.count × mentors` scores, row-major.
  ///   - codes: `rows.count × mentors` codes to fill.
  /// - Complexity: O(`rows.count · mentors · language words`).
  public func fill(
    rows: Range<Int>, scores: UnsafeBufferPointer<Double>, codes: UnsafeMutableBufferPointer<UInt8>
  ) {
    let m = mentors
    precondition(scores.count >= rows.count * m && codes.count >= rows.count * m, "Block buffers are too small")
    for (r, i) in rows.enumerated() {
      let base = r * m
      let list = listed[i]
      for j in 0..<m {
        var code: UInt8 = 0
        if let e = list?[j] {
          code = e.rawValue
        } else if let languages, languages.excludes(mentee: i, mentor: j) {
          code = Exclusion.noSharedLanguage.rawValue
        } else if let minimumScore, scores[base + j] < minimumScore {
          code = Exclusion.belowMinimumScore.rawValue
        }
        codes[base + j] = code
      }
    }
  }

  /// Replaces the score of every pair of a block that a rule excludes by
  /// `.nan`, the solver's mark of a forbidden pair.
  ///
  /// - Parameters:
  ///   - rows: The mentees of the block.
  ///   - scores: `rows.count × mentors` scores, row-major, rules not applied.
  /// - Complexity: O(`rows.count · mentors · language words`).
  public func mask(rows: Range<Int>, scores: UnsafeMutableBufferPointer<Double>) {
    let m = mentors
    precondition(scores.count >= rows.count * m, "The block buffer is too small")
    for (r, i) in rows.enumerated() {
      let base = r * m
      if let minimumScore {
        for j in 0..<m where scores[base + j] < minimumScore { scores[base + j] = .nan }
      }
      if let languages {
        languages.exclude(mentee: i, in: UnsafeMutableBufferPointer(rebasing: scores[base..<(base + m)]))
      }
      if let list = listed[i] {
        for j in list.keys { scores[base + j] = .nan }
      }
    }
  }
}
