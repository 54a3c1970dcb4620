/// A mentee and a mentor named by id, as in a history of earlier cohorts or a
/// must-pair list.
///
/// Invariant: both ids are non-empty.
public struct PersonPair: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The mentee's id.
  public var menteeID: String
  /// The mentor's id.
  public var mentorID: String

  /// Creates a pair. Inlinable, so that readers making many pairs in a
  /// loop build them in place (no call across modules per pair).
  ///
  /// - Complexity: O(1).
  @inlinable
  public init(menteeID: String, mentorID: String) {
    precondition(!menteeID.isEmpty && !mentorID.isEmpty, "A pair needs two non-empty ids")
    self.menteeID = menteeID
    self.mentorID = mentorID
  }

  /// `mentee–mentor`.
  public var description: String { "\(menteeID)–\(mentorID)" }

  public static func < (a: PersonPair, b: PersonPair) -> Bool {
    (a.menteeID, a.mentorID) < (b.menteeID, b.mentorID)
  }
}
