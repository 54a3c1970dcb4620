import Foundation
import Rationale

/// The JSON form of a shortlist, schema `mentor-match/shortlist` version 1:
/// `shortlists[].mentee.id` and `shortlists[].suggestions[].mentor.id` in
/// order (the plan's mentor first), each suggestion with its score (`fit`),
/// the exact cost of forcing it (`cost`) and its reasons. Keys are sorted, so
/// identical shortlists encode to identical bytes. People appear by id and
/// name only (no e-mail addresses).
public struct ShortlistDocument: Codable, Sendable, Equatable {
  /// A person reference.
  public struct PersonRef: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
  }
  /// What forcing a suggestion costs the cohort's optimum.
  public struct Cost: Codable, Sendable, Equatable {
    /// The change in matched pairs (0 or negative).
    public var matchedChange: Int
    /// The change in total fit.
    public var fitChange: Double
  }
  /// One suggestion.
  public struct Suggestion: Codable, Sendable, Equatable {
    public var mentor: PersonRef
    public var fit: Double
    public var inPlan: Bool
    public var cost: Cost
    public var reasons: [String]
  }
  /// One mentee's list.
  public struct Entry: Codable, Sendable, Equatable {
    public var mentee: PersonRef
    public var suggestions: [Suggestion]
  }
  /// A mentor's exposure: the lists they are on and the bound.
  public struct Exposure: Codable, Sendable, Equatable {
    public var mentor: PersonRef
    public var lists: Int
    public var bound: Int
  }

  /// The schema name.
  public var schema = "mentor-match/shortlist"
  /// The schema version.
  public var version = 1
  /// Suggestions asked for per mentee.
  public var size: Int
  /// Whether costs are measured from the plan (see ``Shortlist/costsFromPlan``).
  public var costsFromPlan: Bool
  public var shortlists: [Entry]
  public var exposure: [Exposure]

  /// The document of `shortlist`.
  ///
  /// - Complexity: O(size of the shortlist).
  public init(_ shortlist: Shortlist) {
    let cohort = shortlist.plan.model.cohort
    size = shortlist.size
    costsFromPlan = shortlist.costsFromPlan
    shortlists = shortlist.entries.map { entry in
      Entry(
        mentee: PersonRef(id: entry.menteeID, name: entry.menteeName),
        suggestions: entry.suggestions.map {
          Suggestion(
            mentor: PersonRef(id: $0.mentorID, name: $0.mentorName), fit: $0.score, inPlan: $0.inPlan,
            cost: Cost(matchedChange: $0.matchedChange, fitChange: $0.fitChange), reasons: $0.reasons)
        })
    }
    exposure = cohort.mentors.indices.map {
      Exposure(
        mentor: PersonRef(id: cohort.mentors[$0].id, name: cohort.mentors[$0].person.name),
        lists: shortlist.exposure[$0], bound: shortlist.exposureBound[$0])
    }
  }

  /// The document as pretty-printed JSON with sorted keys and a final newline.
  ///
  /// - Complexity: O(size of the document).
  public func encodedData() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Plain value types with finite numbers: encoding cannot fail.
    return (try! encoder.encode(self)) + Data("\n".utf8)
  }
}
