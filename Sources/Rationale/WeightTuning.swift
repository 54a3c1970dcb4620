import CompetencyModel
import LinearAlgebra

/// Learns competency and term weights from the outcomes of earlier pairs, by
/// ridge regression on each pair's unweighted score terms, solved with LAPACK
/// (`dposv` on the normal equations), the ridge penalty chosen by k-fold
/// cross-validation, and weights kept non-negative by dropping negative
/// features and refitting (an active-set loop).
///
/// The features of a pair are the terms the score weighs: each competency's
/// covered growth, the share of the mentee's need that the mentor covers there
/// (``GrowthCoverage``, with unit competency weights), and the seniority, cross-department,
/// timezone and preference terms. Competency weights are reported relative to
/// their mean (the competency term weight carries the scale), as the
/// configuration writes them.
///
/// Invariants: weights are non-negative; `standardErrors` has one entry per
/// feature; `crossValidatedError` and `currentError` are root-mean-square
/// errors over the held-out folds.
public struct WeightTuning: Sendable {
  /// One observed pair.
  public struct Outcome: Sendable, Equatable {
    public var menteeIndex: Int
    public var mentorIndex: Int
    public var value: Double

    public init(menteeIndex: Int, mentorIndex: Int, value: Double) {
      self.menteeIndex = menteeIndex
      self.mentorIndex = mentorIndex
      self.value = value
    }
  }

  /// The feature names, in order.
  public var features: [String]
  /// The fitted coefficient of each feature (non-negative).
  public var coefficients: [Double]
  /// Their standard errors (from the ridge covariance).
  public var standardErrors: [Double]
  /// Whether each feature varies in the data at all (a constant one, such as
  /// preferences nobody stated, cannot be learnt: its coefficient is 0 and
  /// the configuration keeps its current weight, see ``configuredWeights``).
  public var informative: [Bool]
  /// The intercept.
  public var intercept: Double
  /// The ridge penalty chosen by cross-validation.
  public var penalty: Double
  /// The cross-validated RMS error of the tuned model.
  public var crossValidatedError: Double
  /// The cross-validated RMS error of the current weights (fitted scale and intercept only).
  public var currentError: Double
  /// The number of outcomes used.
  public var observations: Int
  /// Whether the data are too few for the number of features to trust the fit.
  public var tooLittleData: Bool
  /// The outcome units per unit of the current score: the slope of the
  /// outcomes fitted on the current scores (1 when that slope is not
  /// positive). Weights the data cannot inform keep their current values
  /// times this scale, so they keep their weight relative to the rest.
  public var scale: Double
  /// The weight written to the configuration for each feature: the fitted
  /// coefficient when the feature is ``informative``, else the current
  /// weight times ``scale``.
  public var configuredWeights: [Double]
  /// The current configuration's `minimum_score`, and the tuned one:
  /// rescaled so that it excludes the same number of the cohort's pairs
  /// under the tuned scores as it does under the current ones.
  public var minimumScore: (current: Double, tuned: Double)?
  /// Whether the tuned model predicts the held-out outcomes better than the
  /// current weights (a lower cross-validated RMS error).
  public var beatsCurrent: Bool { crossValidatedError < currentError }
  /// The tuned configuration: `base` with the fitted weights.
  public var configuration: MatchingConfiguration

  static let termFeatures = MatchingConfiguration.TermWeights.Key.sideTerms.map(\.rawValue)

  /// Fits the weights.
  ///
  /// - Parameters:
  ///   - cohort: The people the outcomes are about, as they were when paired.
  ///   - base: The configuration in force (its rules and other settings are kept).
  ///   - outcomes: The observed pairs and their outcome values.
  ///   - folds: The number of cross-validation folds.
  /// - Throws: ``WeightTuningError`` for non-finite outcomes or current
  ///   scores (checked before LAPACK is called), ``LinearAlgebraError`` if
  ///   LAPACK fails.
  /// - Complexity: O(`outcomes · features² + penalties · folds · features³`).
  public init(cohort: Cohort, base: MatchingConfiguration, outcomes given: [Outcome], folds: Int = 5) throws {
    // The same outcomes give the same fit whatever their order: sort by pair
    // identity, and assign folds by a hash of it.
    let outcomes = given.sorted {
      let a = (cohort.mentees[$0.menteeIndex].id, cohort.mentors[$0.mentorIndex].id)
      let b = (cohort.mentees[$1.menteeIndex].id, cohort.mentors[$1.mentorIndex].id)
      return a != b ? a < b : $0.value < $1.value
    }
    var unit = base
    unit.competencyWeights = [:]
    unit.defaultCompetencyWeight = 1
    let model = FitModel(cohort: cohort, configuration: unit)
    let k = cohort.competencies.count
    features = cohort.competencies.map { "competency:\($0)" } + Self.termFeatures
    let p = features.count
    // Rows of unweighted features.
    var rows: [[Double]] = []
    var current: [Double] = []
    let scoring = FitModel(cohort: cohort, configuration: base)
    for outcome in outcomes {
      let i = outcome.menteeIndex
      let j = outcome.mentorIndex
      // Covered growth per competency with unit competency weights.
      let covered = model.coverage.contributions(mentee: i, mentor: j)
      var x = (0..<k).map { covered[$0] ?? 0 }
      let mentee = cohort.mentees[i].person
      let mentor = cohort.mentors[j].person
      for key in MatchingConfiguration.TermWeights.Key.sideTerms {
        switch key {
        case .competency: preconditionFailure("the competency term is not a side term")
        case .seniority:
          x.append(
            ScoreTerms.seniority(mentee: mentee.seniority, mentor: mentor.seniority, idealGap: base.idealSeniorityGap))
        case .crossDepartment:
          x.append(ScoreTerms.crossDepartment(mentee: mentee.department, mentor: mentor.department))
        case .timezone:
          x.append(
            ScoreTerms.timezoneOverlap(
              mentee: mentee.utcOffsetMinutes, mentor: mentor.utcOffsetMinutes, workdayHours: base.workdayHours))
        case .menteePreference:
          let rank = mentee.preferences.firstIndex(of: mentor.id)
          x.append(rank.map { Double(mentee.preferences.count - $0) / Double(mentee.preferences.count) } ?? 0)
        case .mentorPreference:
          let rank = mentor.preferences.firstIndex(of: mentee.id)
          x.append(rank.map { Double(mentor.preferences.count - $0) / Double(mentor.preferences.count) } ?? 0)
        }
      }
      rows.append(x)
      current.append(scoring.breakdown(mentee: i, mentor: j).total)
    }
    let y = outcomes.map(\.value)
    // LAPACK rejects non-finite input with a bare argument number: say why first.
    let badOutcomes = y.filter { !$0.isFinite }.count
    if badOutcomes > 0 { throw WeightTuningError.nonFiniteOutcomes(count: badOutcomes) }
    let badScores = current.filter { !$0.isFinite }.count
    if badScores > 0 { throw WeightTuningError.nonFiniteScores(count: badScores) }
    observations = outcomes.count
    informative = (0..<p).map { c in rows.contains { $0[c] != rows.first?[c] } }
    tooLittleData = outcomes.count < 5 * p
    let foldCount = max(2, min(folds, outcomes.count))
    let fold = outcomes.map {
      Self.fold(menteeID: cohort.mentees[$0.menteeIndex].id, mentorID: cohort.mentors[$0.mentorIndex].id, of: foldCount)
    }
    let penalties = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100]
    var bestPenalty = penalties[0]
    var bestError = Double.infinity
    for penalty in penalties {
      let error = try Self.crossValidate(rows: rows, y: y, fold: fold, folds: foldCount, penalty: penalty)
      if error < bestError - 1e-15 {
        bestError = error
        bestPenalty = penalty
      }
    }
    penalty = bestPenalty
    crossValidatedError = bestError
    currentError = try Self.crossValidate(rows: current.map { [$0] }, y: y, fold: fold, folds: foldCount, penalty: 1e-9)
    let slope = try Self.ridge(rows: current.map { [$0] }, y: y, penalty: 1e-9, active: [true]).coefficients[0]
    scale = slope.isFinite && slope > 0 ? slope : 1
    let fit = try Self.fitNonNegative(rows: rows, y: y, penalty: bestPenalty)
    coefficients = zip(fit.coefficients, informative).map { $1 ? $0 : 0 }
    standardErrors = zip(fit.standardErrors, informative).map { $1 ? $0 : .nan }
    intercept = fit.intercept
    // Weights the data cannot inform keep their current values, on the tuned scale.
    let terms = base.effectiveTerms
    let currentWeights =
      base.weights(for: cohort.competencies).map { $0 * terms.competency }
      + MatchingConfiguration.TermWeights.Key.sideTerms.map { terms[$0] }
    let (fitted, known, perUnit) = (coefficients, informative, scale)
    configuredWeights = (0..<p).map { known[$0] ? fitted[$0] : currentWeights[$0] * perUnit }
    // The configuration: competency term weight = mean competency coefficient,
    // per-competency weights relative to it; other terms directly.
    var tuned = base
    let competencyCoefficients = Array(configuredWeights[0..<k])
    let mean = competencyCoefficients.reduce(0, +) / Double(max(k, 1))
    tuned.terms.competency = mean
    tuned.defaultCompetencyWeight = 1
    tuned.competencyWeights = [:]
    if mean > 0 {
      for (c, name) in cohort.competencies.enumerated() {
        tuned.competencyWeights[name] = competencyCoefficients[c] / mean
      }
    }
    for (offset, key) in MatchingConfiguration.TermWeights.Key.sideTerms.enumerated() {
      tuned.terms[key] = configuredWeights[k + offset]
    }
    // The threshold moves with the scores: it excludes as many of the cohort's pairs as before.
    if let threshold = base.minimumScore {
      let rescaled = Self.rescaledThreshold(
        threshold, current: FitModel(cohort: cohort, configuration: base).scores().elements,
        tuned: FitModel(cohort: cohort, configuration: tuned).scores().elements)
      tuned.minimumScore = rescaled
      minimumScore = (threshold, rescaled)
    } else {
      minimumScore = nil
    }
    configuration = tuned
  }

  /// The cross-validation fold of a pair: a hash (64-bit FNV-1a) of its
  /// mentee and mentor ids, so it does not depend on the order or source
  /// of the outcomes.
  ///
  /// - Complexity: O(length of the ids).
  public static func fold(menteeID: String, mentorID: String, of folds: Int) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in menteeID.utf8 + [0x1F] + mentorID.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return Int(hash % UInt64(folds))
  }

  /// A threshold on the current scores moved to the tuned scores so that the
  /// same number of pairs falls below it: with `below` pairs under
  /// `threshold` now, the `below`-th smallest tuned score (the smallest when
  /// none is below; just above the largest when all are).
  ///
  /// - Complexity: O(`n log n`) for `n` pairs.
  static func rescaledThreshold(_ threshold: Double, current: [Double], tuned: [Double]) -> Double {
    let below = current.filter { $0 < threshold }.count
    let sorted = tuned.filter(\.isFinite).sorted()
    guard let last = sorted.last else { return threshold }
    return below < sorted.count ? sorted[below] : last.nextUp
  }

  /// Ridge fit with an intercept (not penalised): centres the data, solves
  /// `(XᵀX + λI) β = Xᵀy` by Cholesky.
  static func ridge(rows: [[Double]], y: [Double], penalty: Double, active: [Bool]) throws -> (
    coefficients: [Double], intercept: Double, inverse: Matrix?
  ) {
    let p = rows.first?.count ?? 0
    let n = rows.count
    let columns = (0..<p).filter { active[$0] }
    guard n > 0 else { return ([Double](repeating: 0, count: p), 0, nil) }
    let meanY = y.reduce(0, +) / Double(n)
    let means = columns.map { c in rows.reduce(0) { $0 + $1[c] } / Double(n) }
    var x = Matrix(rows: n, columns: columns.count)
    for r in 0..<n { for (k, c) in columns.enumerated() { x[r, k] = rows[r][c] - means[k] } }
    var gram = x.multiplied(by: x, transposingSelf: true)
    for k in 0..<columns.count { gram[k, k] += penalty }
    let rhs = x.multiplied(by: Matrix(rows: n, columns: 1, elements: y.map { $0 - meanY }), transposingSelf: true)
    let beta = try gram.solvePositiveDefinite(rhs: rhs.elements)
    var coefficients = [Double](repeating: 0, count: p)
    for (k, c) in columns.enumerated() { coefficients[c] = beta[k] }
    let intercept = meanY - zip(columns.indices, columns).reduce(0) { $0 + beta[$1.0] * means[$1.0] }
    return (coefficients, intercept, gram)
  }

  /// Ridge with non-negative coefficients: drop the most negative feature and
  /// refit until none is negative.
  static func fitNonNegative(rows: [[Double]], y: [Double], penalty: Double) throws -> (
    coefficients: [Double], standardErrors: [Double], intercept: Double
  ) {
    let p = rows.first?.count ?? 0
    var active = [Bool](repeating: true, count: p)
    while true {
      let fit = try ridge(rows: rows, y: y, penalty: penalty, active: active)
      if let worst = (0..<p).filter({ active[$0] && fit.coefficients[$0] < 0 }).min(by: {
        fit.coefficients[$0] < fit.coefficients[$1]
      }) {
        active[worst] = false
        continue
      }
      // Standard errors: σ² · diag((XᵀX + λI)⁻¹), σ² from the residuals.
      var errors = [Double](repeating: 0, count: p)
      let columns = (0..<p).filter { active[$0] }
      let residual = zip(rows, y).map { row, value in
        value - fit.intercept - zip(row, fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
      }
      let dof = max(1, rows.count - columns.count - 1)
      let variance = residual.reduce(0) { $0 + $1 * $1 } / Double(dof)
      if let gram = fit.inverse {
        for (k, c) in columns.enumerated() {
          var unit = [Double](repeating: 0, count: columns.count)
          unit[k] = 1
          let column = try gram.solvePositiveDefinite(rhs: unit)
          errors[c] = (variance * column[k]).squareRoot()
        }
      }
      return (fit.coefficients, errors, fit.intercept)
    }
  }

  /// The RMS error of the non-negative ridge fit on held-out folds
  /// (observation `r` is in fold `fold[r]`).
  static func crossValidate(rows: [[Double]], y: [Double], fold of: [Int], folds: Int, penalty: Double) throws -> Double
  {
    var squared = 0.0
    var count = 0
    for fold in 0..<folds {
      let train = rows.indices.filter { of[$0] != fold }
      let test = rows.indices.filter { of[$0] == fold }
      guard !train.isEmpty, !test.isEmpty else { continue }
      let fit = try fitNonNegative(rows: train.map { rows[$0] }, y: train.map { y[$0] }, penalty: penalty)
      for r in test {
        let prediction = fit.intercept + zip(rows[r], fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        squared += (prediction - y[r]) * (prediction - y[r])
        count += 1
      }
    }
    return count == 0 ? .nan : (squared / Double(count)).squareRoot()
  }
}
