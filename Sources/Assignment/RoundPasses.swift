/// The first pass over all pairs, as the rounds of ``CertifiedAssignment``
/// use it: ``CandidatePruning`` (any score source, warm or cold start) or
/// ``LevelPruning`` (few whole-number levels, cold start).
protocol RoundPruning {
  /// The kept pairs.
  var candidates: CandidateSet { get }
  /// The lowest and highest eligible score (`+∞…−∞` when there is none).
  var low: Double { get }
  var high: Double { get }
  /// The number of allowed pairs (in any column).
  var allowed: Int { get }
}

/// A pricing pass over all pairs, as the rounds of ``CertifiedAssignment``
/// use it: ``PricingPass`` or ``LevelPricing``.
///
/// Invariant: ``certificateViolations`` is meaningful only when
/// ``certificateChecked``; a plan is returned only from a pass with
/// `certificateChecked && certificateViolations.isEmpty`.
protocol RoundPricing {
  /// Pairs outside the candidates with a negative reduced cost.
  var violations: Int { get }
  /// Whether every eligible score was a multiple of the quantum (no rounding).
  var onGrid: Bool { get }
  /// Rows left unassigned that have an eligible pair.
  var unassignedRowsWithPairs: Int { get }
  /// Each row's most violated pairs, to add to the candidates.
  var additions: CandidateList { get }
  /// The certificate over every eligible pair of the plan as it would be
  /// returned: empty when it holds or when it was not checked.
  var certificateViolations: [CertificateViolation] { get }
  /// Whether the certificate was checked over every eligible pair.
  var certificateChecked: Bool { get }
}

extension CandidatePruning: RoundPruning {}
extension LevelPruning: RoundPruning {}
extension PricingPass: RoundPricing {}
extension LevelPricing: RoundPricing {}
