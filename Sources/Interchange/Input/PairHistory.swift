import CompetencyModel

/// The pairs made in earlier cohorts, which the matching rules can exclude.
public struct PairHistory: Sendable, Hashable {
  /// The pairs.
  public var pairs: Set<PersonPair>

  /// Creates a history.
  ///
  /// - Parameter pairs: The pairs (default none).
  /// - Complexity: O(1).
  public init(pairs: Set<PersonPair> = []) {
    self.pairs = pairs
  }

  /// Whether the mentee and mentor were paired before.
  ///
  /// - Parameters:
  ///   - menteeID: The mentee's identifier.
  ///   - mentorID: The mentor's identifier.
  /// - Returns: `true` when the history lists the pair.
  /// - Complexity: O(length of the identifiers).
  public func contains(menteeID: String, mentorID: String) -> Bool {
    pairs.contains(PersonPair(menteeID: menteeID, mentorID: mentorID))
  }
}
