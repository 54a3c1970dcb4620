import CompetencyModel

extension Rematch {
  /// The recorded pairs that end with this re-match: those listed as ended
  /// or ended by a leaver (``ended``), and those a move left (``moved``).
  ///
  /// - Complexity: O(ended + moved), expected.
  public var endingPairs: Set<PersonPair> {
    Set(ended.map(\.pair)).union(moved.map { PersonPair(menteeID: $0.menteeID, mentorID: $0.fromMentorID) })
  }
}
