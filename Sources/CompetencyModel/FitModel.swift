import LinearAlgebra

/// Scores every mentee against every mentor.
///
/// The score of mentee `i` and mentor `j` is a weighted sum of six terms, each in `0...1`:
///
/// - **competency**: the covered growth, the weighted share of the mentee's
///   need (goal above current level) that the mentor's levels cover; see
///   ``GrowthCoverage`` for the formula and its exact matrix form. A mentor at
///   or below the mentee's level in a competency adds nothing there; a mentor
///   at or above every goal scores 1.
/// - **seniority**, **cross-department** and **timezone**: see ``ScoreTerms``.
/// - **mentee preference** and **mentor preference**: see ``PreferenceTable``.
///
/// `score = Σ_t weight_t · term_t` with the weights of
/// ``MatchingConfiguration/effectiveTerms`` (side terms capped below the
/// competency weight), and ``breakdown(mentee:mentor:)`` splits one pair's
/// score into named components that sum to it.
public struct FitModel: Sendable {
  /// The cohort being scored.
  public let cohort: Cohort
  /// The configuration in force.
  public let configuration: MatchingConfiguration
  /// The term weights in force (``MatchingConfiguration/effectiveTerms``).
  public let terms: MatchingConfiguration.TermWeights
  /// The weight of each competency, in cohort order.
  public let competencyWeights: [Double]
  /// The covered-growth term's matrices.
  public let coverage: GrowthCoverage
  /// The non-competency terms by category of person.
  let termTable: PairTermTable
  /// The stated preferences.
  let preferences: PreferenceTable

  /// Prepares the model.
  ///
  /// - Complexity: O(`mentees · goals + mentors · columns`), columns at most
  ///   11 per competency on a half-level scale (see ``GrowthCoverage``).
  public init(cohort: Cohort, configuration: MatchingConfiguration) {
    self.cohort = cohort
    self.configuration = configuration
    terms = configuration.effectiveTerms
    let weights = configuration.weights(for: cohort.competencies)
    competencyWeights = weights
    coverage = GrowthCoverage(cohort: cohort, weights: weights, headroom: configuration.headroomCredit)
    termTable = PairTermTable(cohort: cohort, terms: terms, configuration: configuration)
    preferences = PreferenceTable(cohort: cohort, terms: terms)
  }

  /// The (unweighted) competency term of every pair, by one BLAS product of
  /// the dense coefficients and the mentor ramps.
  ///
  /// - Complexity: O(`mentees · mentors · columns`) flops; O(`mentees · columns`) memory.
  public func competencyFit() -> Matrix {
    coverage.allPairs()
  }

  /// Whether mentee `i` has a growth goal: a goal above the current level in
  /// a competency of non-zero weight.
  ///
  /// - Complexity: O(`competencies`).
  public func hasGrowthGoal(mentee i: Int) -> Bool {
    cohort.competencies.indices.contains { cohort.mentees[i].gap($0) > 0 && competencyWeights[$0] > 0 }
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
  /// `buffer`, row-major `mentees.count × mentors`: the competency term by
  /// the sparse coefficients times the mentor ramps (one fused multiply-add
  /// per non-zero and pair, two or three per goal; see
  /// ``GrowthCoverage/fill(mentees:into:scale:adding:)``), with the
  /// seniority, timezone and cross-department terms (a table lookup per pair)
  /// added in the same kernel before each store, then the few listed pairs'
  /// preference terms.
  ///
  /// Bit for bit ``fillScoresInSteps(mentees:into:)``, the same additions in
  /// the same order: `competency + (table + cross)`, then `+ preference`.
  ///
  /// - Parameters:
  ///   - mentees: The block of mentees.
  ///   - buffer: At least `mentees.count · mentors` elements.
  /// - Complexity: O(`mentees.count · goals · mentors`) flops plus
  ///   O(`mentees.count · mentors`).
  public func fillScores(mentees range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    let m = cohort.mentors.count
    termTable.withRowAddends { addend in
      coverage.fill(mentees: range, into: buffer, scale: terms.competency, adding: addend)
    }
    for (r, i) in range.enumerated() {
      preferences.add(mentee: i, to: UnsafeMutableBufferPointer(rebasing: buffer[(r * m)..<((r + 1) * m)]))
    }
  }

  /// ``fillScores(mentees:into:)`` in its earlier steps: the competency term
  /// stored first, then a walk per row adding the other terms. The reference
  /// the fused fill is tested against, bit for bit.
  ///
  /// - Complexity: as ``fillScores(mentees:into:)``, with a second pass over `buffer`.
  func fillScoresInSteps(mentees range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    let m = cohort.mentors.count
    coverage.fill(mentees: range, into: buffer, scale: terms.competency)
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
    let terms = self.terms
    var contributions: [ScoreBreakdown.CompetencyContribution] = []
    for (c, value) in coverage.contributions(mentee: i, mentor: j).sorted(by: { $0.key < $1.key }) {
      contributions.append(
        .init(
          competency: c, name: cohort.competencies[c], menteeLevel: mentee.person.levels[c],
          goal: mentee.goals[c] ?? mentee.person.levels[c], mentorLevel: mentor.person.levels[c],
          value: terms.competency * max(value, 0)))
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
