/// Applies the configured hard rules to a cohort.
public enum EligibilityRules {
  /// The eligibility of every pair under `configuration.rules`, and, when
  /// `scores` is given and a minimum score is configured, the minimum.
  ///
  /// ```swift
  /// let eligibility = EligibilityRules.evaluate(cohort, configuration: config, history: pairs)
  /// ```
  ///
  /// - Parameters:
  ///   - cohort: The cohort.
  ///   - configuration: The rules and the minimum score.
  ///   - history: Pairs made in earlier cohorts.
  ///   - scores: The pair scores, row-major, for the minimum-score rule.
  /// - Returns: The eligibility matrix.
  /// - Complexity: O(`mentees · mentors · ⌈languages / 64⌉`) plus
  ///   O(`(mentees + mentors) · depth`) for reporting lines of that depth.
  public static func evaluate(
    _ cohort: Cohort, configuration: MatchingConfiguration, history: Set<PersonPair> = [], scores: [Double]? = nil
  ) -> EligibilityMatrix {
    let n = cohort.mentees.count
    let m = cohort.mentors.count
    var matrix = EligibilityMatrix(mentees: n, mentors: m)
    let rules = configuration.rules
    var mentorIndex: [String: Int] = [:]
    for (j, mentor) in cohort.mentors.enumerated() { mentorIndex[mentor.id] = j }
    var menteeIndex: [String: Int] = [:]
    for (i, mentee) in cohort.mentees.enumerated() { menteeIndex[mentee.id] = i }

    if rules.excludeSelf {
      for (i, mentee) in cohort.mentees.enumerated() {
        if let j = mentorIndex[mentee.id] { matrix.exclude(mentee: i, mentor: j, because: .samePerson) }
      }
    }
    if rules.excludeReportingLine {
      let lines = ReportingLines(cohort)
      for (i, mentee) in cohort.mentees.enumerated() {
        for manager in lines.managers(above: mentee.id) {
          if let j = mentorIndex[manager] { matrix.exclude(mentee: i, mentor: j, because: .reportingLine) }
        }
      }
      for (j, mentor) in cohort.mentors.enumerated() {
        for manager in lines.managers(above: mentor.id) {
          if let i = menteeIndex[manager] { matrix.exclude(mentee: i, mentor: j, because: .reportingLine) }
        }
      }
    }
    if rules.excludePreviousPairs {
      for pair in history {
        if let i = menteeIndex[pair.menteeID], let j = mentorIndex[pair.mentorID] {
          matrix.exclude(mentee: i, mentor: j, because: .previousPair)
        }
      }
    }
    if rules.requireSharedLanguage {
      let languages = LanguageSets(cohort)
      for i in 0..<n where !languages.mentees[i].isEmpty {
        for j in 0..<m where !languages.mentors[j].isEmpty {
          if !languages.mentees[i].intersects(languages.mentors[j]) {
            matrix.exclude(mentee: i, mentor: j, because: .noSharedLanguage)
          }
        }
      }
    }
    if let minimum = configuration.minimumScore, let scores {
      precondition(scores.count == n * m, "Scores must be mentees x mentors")
      for k in 0..<(n * m) where scores[k] < minimum {
        matrix.exclude(mentee: k / max(m, 1), mentor: k % max(m, 1), because: .belowMinimumScore)
      }
    }
    return matrix
  }
}
