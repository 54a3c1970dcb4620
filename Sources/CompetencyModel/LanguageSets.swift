/// Each person's languages as a bit set over the cohort's languages, so that
/// the shared-language rule is a word-wise AND.
///
/// Invariant: bit `b` of a set stands for the `b`-th distinct language, in
/// order of first appearance (mentors first).
public struct LanguageSets: Sendable {
  /// A set of language indices.
  public struct Set64: Sendable, Equatable {
    var words: [UInt64]
    /// Whether no language is in the set.
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
    /// Whether the sets share a language.
    ///
    /// - Complexity: O(words).
    public func intersects(_ other: Set64) -> Bool {
      for k in 0..<min(words.count, other.words.count) where words[k] & other.words[k] != 0 { return true }
      return false
    }
  }

  /// The mentees' language sets.
  public let mentees: [Set64]
  /// The mentors' language sets.
  public let mentors: [Set64]

  /// Indexes the languages of `cohort`.
  ///
  /// - Complexity: O(total languages listed).
  public init(_ cohort: Cohort) {
    var index: [String: Int] = [:]
    for person in cohort.mentors.map(\.person) + cohort.mentees.map(\.person) {
      for language in person.languages where index[language] == nil { index[language] = index.count }
    }
    let wordCount = max(1, (index.count + 63) / 64)
    func set(_ person: Person) -> Set64 {
      var words = [UInt64](repeating: 0, count: wordCount)
      for language in person.languages {
        let b = index[language]!
        words[b / 64] |= 1 << UInt64(b % 64)
      }
      return Set64(words: words)
    }
    mentors = cohort.mentors.map { set($0.person) }
    mentees = cohort.mentees.map { set($0.person) }
  }
}
