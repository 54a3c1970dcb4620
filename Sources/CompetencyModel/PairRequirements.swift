/// A programme's explicit pair rules: pairs that must be made and pairs that
/// must never be made, whatever their fit.
///
/// Invariants (checked by the readers against the cohort): every id exists;
/// a mentee appears in at most one must-pair; no mentor has more must-pairs
/// than places; no must-pair is also a never-pair or excluded by a hard rule.
public struct PairRequirements: Sendable, Hashable {
  /// Pairs made before the optimisation, in file order.
  public var must: [PersonPair]
  /// Pairs never made.
  public var never: Set<PersonPair>

  /// Creates requirements (none by default).
  public init(must: [PersonPair] = [], never: Set<PersonPair> = []) {
    self.must = must
    self.never = never
  }

  /// Whether there is nothing to require.
  public var isEmpty: Bool { must.isEmpty && never.isEmpty }
}
