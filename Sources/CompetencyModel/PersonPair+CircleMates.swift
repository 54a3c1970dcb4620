extension PersonPair {
  /// The unordered pairs of members sharing a circle, each with the smaller
  /// id first (in ``menteeID``): the circle-mates not to put together again,
  /// whether read from a circle history file or from the ledger.
  ///
  /// - Parameter circles: Each circle's member ids.
  /// - Complexity: O(Σ circle size²).
  public static func circleMates(_ circles: [[String]]) -> Set<PersonPair> {
    var pairs = Set<PersonPair>()
    for circle in circles {
      for (i, a) in circle.enumerated() {
        for b in circle[(i + 1)...] where a != b {
          pairs.insert(a < b ? PersonPair(menteeID: a, mentorID: b) : PersonPair(menteeID: b, mentorID: a))
        }
      }
    }
    return pairs
  }
}
