import CompetencyModel

extension ProgrammeLedger {
  /// The pairs of a cohort's next version: the new plan's pairs, then the
  /// pairs of the version before that end — those that had ended already and
  /// those in `ending` — so that an ended pair is never made again.
  ///
  /// An ended pair is carried as the version before recorded it (its score
  /// and rule break), with status ``PairStatus/ended``, in that version's
  /// order; a pair the new plan makes again is not carried. A pair of
  /// `ending` that the version before does not hold is ignored.
  ///
  /// - Parameters:
  ///   - active: The new plan's pairs, as they are to be stored.
  ///   - ending: Pairs of the version before that end with this version.
  ///   - previous: The pairs of the version before (active and ended), or
  ///     empty for a cohort's first version.
  /// - Returns: `active`, then the carried ended pairs.
  /// - Complexity: O(active + ending + previous), expected.
  public static func nextVersionPairs(
    active: [VersionPair], ending: Set<PersonPair> = [], previous: [VersionPair]
  ) -> [VersionPair] {
    let current = Set(active.map(\.pair))
    var carried: [VersionPair] = []
    for var pair in previous
    where (pair.status == .ended || ending.contains(pair.pair)) && !current.contains(pair.pair) {
      pair.status = .ended
      carried.append(pair)
    }
    return active + carried
  }
}
