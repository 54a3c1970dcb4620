import LinearAlgebra

/// Scores every mentee against every mentor.
///
/// The score of mentee `i` and mentor `j` is a weighted sum of terms, each in `0...1`:
///
/// - **competency**: `Σ_c N[i, c] · S[j, c]`, where `N[i, c] = w_c · gap(i, c) / Σ_c' w_c' · gap(i, c')`
///   is the share of the mentee's weighted growth need in competency `c`
///   (`gap` = goal above current level) and `S[j, c] = level(j, c) / 5` is the
///   mentor's strength there. It is 1 when the mentor is expert in every
///   competency the mentee wants to grow in. All pairs come from one BLAS
///   product `N · Sᵀ`.
/// - **seniority**, **cross-department** and **timezone**: see ``ScoreTerms``.
///
/// `score = Σ_t weight_t · term_t`, and ``breakdown(mentee:mentor:)`` splits one
/// pair's score into named components that sum to it.
///
/// Invariant: `needs` is `mentees x competencies`, `strengths` is
/// `mentors x competencies`, both with entries in `0...1`.
public struct FitModel: Sendable {
  /// The cohort being scored.
  public let cohort: Cohort
  /// The configuration in force.
  public let configuration: MatchingConfiguration
  /// The weight of each competency, in cohort order.
  public let competencyWeights: [Double]
  /// The normalised weighted needs, one row per mentee.
  public let needs: Matrix
  /// The mentors' strengths (level / 5), one row per mentor.
  public let strengths: Matrix
  /// The non-competency terms by category of person.
  let termTable: PairTermTable
  /// The stated preferences.
  let preferences: PreferenceTable

  /// Prepares the model.
  ///
  /// - Complexity: O(`(mentees + mentors) · competencies`).
  public init(cohort: Cohort, configuration: MatchingConfiguration) {
    self.cohort = cohort
    self.configuration = configuration
    let k = cohort.competencies.count
    let weights = configuration.weights(for: cohort.competencies)
    competencyWeights = weights
    var needs = Matrix(rows: cohort.mentees.count, columns: k)
    for (i, mentee) in cohort.mentees.enumerated() {
      var total = 0.0
      for c in 0..<k { total += weights[c] * mentee.gap(c) }
      guard total > 0 else { continue }
      for c in 0..<k { needs[i, c] = weights[c] * mentee.gap(c) / total }
    }
    var strengths = Matrix(rows: cohort.mentors.count, columns: k)
    for (j, mentor) in cohort.mentors.enumerated() {
      for c in 0..<k { strengths[j, c] = mentor.person.levels[c] / CompetencyScale.maximum }
    }
    self.needs = needs
    self.strengths = strengths
    termTable = PairTermTable(cohort: cohort, configuration: configuration)
    preferences = PreferenceTable(cohort: cohort, configuration: configuration)
  }

  /// The competency term of every pair, `needs · strengthsᵀ`, by BLAS.
  ///
  /// - Complexity: O(`mentees · mentors · competencies`) flops.
  public func competencyFit() -> Matrix {
    needs.multiplied(by: strengths, transposingOther: true)
  }

  /// The total score of every pair (rules not applied), `mentees x mentors`.
  ///
  /// - Complexity: O(`mentees · mentors · competencies`) flops in BLAS plus
  ///   O(`mentees · mentors`) for the other terms.
  public func scores() -> Matrix {
    var result = Matrix(rows: cohort.mentees.count, columns: cohort.mentors.count)
    result.withUnsafeMutableElements { fillScores(mentees: 0..<cohort.mentees.count, into: $0) }
    return result
  }

  /// Writes the total scores (rules not applied) of a block of mentees into
  /// `buffer`, row-major `mentees.count × mentors`: one BLAS product for the
  /// competency term, then a table lookup per pair for the other terms.
  ///
  /// - Parameters:
  ///   - mentees: The block of mentees.
  ///   - buffer: At least `mentees.count · mentors` elements.
  /// - Complexity: O(`mentees.count · mentors · competencies`) flops plus
  ///   O(`mentees.count · mentors`).
  public func fillScores(mentees range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    let m = cohort.mentors.count
    needs.multiplyRows(range, byTransposeOf: strengths, into: buffer, scale: configuration.terms.competency)
    for (r, i) in range.enumerated() {
      let row = UnsafeMutableBufferPointer(rebasing: buffer[(r * m)..<((r + 1) * m)])
      termTable.addTerms(mentee: i, to: row)
      preferences.add(mentee: i, to: row)
    }
  }

  /// One pair's score split into named, weighted components that sum to the
  /// pair's entry of ``scores()`` (up to rounding).
  ///
  /// - Parameters:
  ///   - mentee: The mentee's index in the cohort.
  ///   - mentor: The mentor's index in the cohort.
  /// - Complexity: O(`competencies`).
  public func breakdown(mentee i: Int, mentor j: Int) -> ScoreBreakdown {
    let mentee = cohort.mentees[i]
    let mentor = cohort.mentors[j]
    let terms = configuration.terms
    var contributions: [ScoreBreakdown.CompetencyContribution] = []
    for c in 0..<cohort.competencies.count where needs[i, c] > 0 {
      contributions.append(
        .init(
          competency: c, name: cohort.competencies[c], menteeLevel: mentee.person.levels[c],
          goal: mentee.goals[c] ?? mentee.person.levels[c], mentorLevel: mentor.person.levels[c],
          value: terms.competency * needs[i, c] * strengths[j, c]))
    }
    contributions.sort { $0.value != $1.value ? $0.value > $1.value : $0.competency < $1.competency }
    let seniority =
      terms.seniority
      * ScoreTerms.seniority(
        mentee: mentee.person.seniority, mentor: mentor.person.seniority, idealGap: configuration.idealSeniorityGap)
    let cross =
      terms.crossDepartment
      * ScoreTerms.crossDepartment(mentee: mentee.person.department, mentor: mentor.person.department)
    let timezone =
      terms.timezone
      * ScoreTerms.timezoneOverlap(
        mentee: mentee.person.utcOffsetMinutes, mentor: mentor.person.utcOffsetMinutes,
        workdayHours: configuration.workdayHours)
    return ScoreBreakdown(
      competencies: contributions, seniority: seniority, crossDepartment: cross, timezone: timezone,
      preference: preferences.weighted(mentee: i, mentor: j))
  }
}
