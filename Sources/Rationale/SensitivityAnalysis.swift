import Assignment
import CompetencyModel
import Foundation

/// How robust a plan is to the weights: re-match the cohort many times with
/// randomly perturbed weights (each multiplied by `exp(spread · z)`, `z`
/// standard normal, from the caller's generator), warm-started from the plan, and count
/// how often each mentee keeps their mentor; and, one weight at a time, how
/// many pairs change when that weight alone moves by ±`spread`.
///
/// The perturbations apply to the weights in force (after
/// `fit.side_terms_limit`, ``MatchingConfiguration/effectiveTerms``) and the
/// limit is not re-applied to them, so that each weight's own effect is
/// measured: raising a side weight does not scale the others down.
///
/// Invariants: every stability is in `0...1`; runs are reproducible from a seeded generator.
public struct SensitivityAnalysis: Sendable {
  /// One weight's effect.
  public struct WeightEffect: Sendable, Equatable {
    /// The weight's name (`competency`, …, or `competency:<name>`).
    public var weight: String
    /// Pairs that change when the weight goes down by `spread`.
    public var changedWhenLower: Int
    /// Pairs that change when the weight goes up by `spread`.
    public var changedWhenHigher: Int
  }

  /// For each mentee matched in the plan, the share of runs keeping their mentor.
  public var stability: [(menteeID: String, mentorID: String, share: Double)]
  /// The weights, most influential first.
  public var effects: [WeightEffect]
  /// The number of random runs.
  public var runs: Int

  /// Analyses `plan` of `cohort`, drawing the perturbations from `generator`
  /// (pass a seeded generator for reproducible runs).
  /// Each re-match is reported as a step to `progress` (default: nowhere;
  /// the analysis is the same whatever it is).
  ///
  /// - Complexity: `runs + 2 · weights` warm-started matches.
  public init(
    plan: PairingPlan, history: Set<PersonPair> = [], requirements: PairRequirements = PairRequirements(),
    runs: Int, spread: Double, using generator: inout some RandomNumberGenerator,
    progress: ProgressReporter = .silent
  ) {
    progress.phase("re-matching under perturbed weights")
    var done = 0
    let cohort = plan.model.cohort
    var base = plan.model.configuration
    base.terms = plan.model.terms
    base.sideTermsLimit = nil
    let total = runs + 2 * Self.weightNames(base, competencies: cohort.competencies).count
    func match(_ configuration: MatchingConfiguration) -> [Int?] {
      defer {
        done += 1
        progress.step(done, of: total)
      }
      return CohortMatcher.match(
        cohort, configuration: configuration, history: history, requirements: requirements, warmStart: plan
      ).solution.columnOfRow
    }
    let baseline = plan.solution.columnOfRow
    var kept = [Int](repeating: 0, count: cohort.mentees.count)
    for _ in 0..<runs {
      var configuration = base
      func factor() -> Double {
        // Box–Muller from the given generator.
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &generator)
        let u2 = Double.random(in: 0..<1, using: &generator)
        return Foundation.exp(spread * (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * .pi * u2))
      }
      Self.scale(&configuration, by: factor)
      let columns = match(configuration)
      for i in cohort.mentees.indices where baseline[i] != nil && columns[i] == baseline[i] { kept[i] += 1 }
    }
    stability = cohort.mentees.indices.compactMap { i in
      guard let j = baseline[i] else { return nil }
      return (cohort.mentees[i].id, cohort.mentors[j].id, runs == 0 ? 1 : Double(kept[i]) / Double(runs))
    }
    var effects: [WeightEffect] = []
    for name in Self.weightNames(base, competencies: cohort.competencies) {
      var counts: [Int] = []
      for direction in [-1.0, 1.0] {
        var configuration = base
        Self.set(&configuration, weight: name, factor: 1 + direction * spread, competencies: cohort.competencies)
        let columns = match(configuration)
        counts.append(cohort.mentees.indices.filter { columns[$0] != baseline[$0] }.count)
      }
      effects.append(WeightEffect(weight: name, changedWhenLower: counts[0], changedWhenHigher: counts[1]))
    }
    self.effects = effects.sorted {
      let a = $0.changedWhenLower + $0.changedWhenHigher
      let b = $1.changedWhenLower + $1.changedWhenHigher
      return a != b ? a > b : $0.weight < $1.weight
    }
    self.runs = runs
  }

  /// The term weights, as the configuration names them.
  static let termNames = MatchingConfiguration.TermWeights.Key.allCases.map(\.rawValue)

  static func weightNames(_ configuration: MatchingConfiguration, competencies: [String]) -> [String] {
    termNames + competencies.map { "competency:\($0)" }
  }

  /// Multiplies every weight by a fresh factor.
  static func scale(_ configuration: inout MatchingConfiguration, by factor: () -> Double) {
    for key in MatchingConfiguration.TermWeights.Key.allCases { configuration.terms[key] *= factor() }
    configuration.defaultCompetencyWeight *= factor()
    for name in configuration.competencyWeights.keys.sorted() { configuration.competencyWeights[name]! *= factor() }
  }

  /// Multiplies one named weight by `factor`.
  static func set(
    _ configuration: inout MatchingConfiguration, weight name: String, factor: Double, competencies: [String]
  ) {
    if let key = MatchingConfiguration.TermWeights.Key(rawValue: name) {
      configuration.terms[key] *= factor
    } else {
      let competency = String(name.dropFirst("competency:".count))
      let current = configuration.weights(for: [competency])[0]
      configuration.competencyWeights = configuration.competencyWeights.filter {
        $0.key.lowercased() != competency.lowercased()
      }
      configuration.competencyWeights[competency] = current * factor
    }
  }
}
