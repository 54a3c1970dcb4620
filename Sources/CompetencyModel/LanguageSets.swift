/// Each person's languages as a bit set over the cohort's languages, so that
/// the shared-language rule is a word-wise AND.
///
/// Only languages listed on both sides can be shared, so only they get a
/// bit: a language only one side lists costs nothing per pair.
///
/// Invariant: bit `b` stands for the `b`-th distinct language listed by some
/// mentor and some mentee, in order of first appearance among the mentors;
/// every person's set is `wordCount` words, stored contiguously.
public struct LanguageSets: Sendable {
  /// The number of 64-bit words per person.
  public let wordCount: Int
  /// The mentees' sets, `wordCount` words each.
  let menteeWords: [UInt64]
  /// The mentors' sets, `wordCount` words each.
  let mentorWords: [UInt64]
  /// Whether each mentee lists any language.
  let menteeListsAny: [Bool]
  /// Whether each mentor lists any language.
  let mentorListsAny: [Bool]

  /// Indexes the languages of `cohort`.
  ///
  /// - Complexity: O(total languages listed).
  public init(_ cohort: Cohort) {
    var menteeSide: Set<String> = []
    for mentee in cohort.mentees { menteeSide.formUnion(mentee.person.languages) }
    var index: [String: Int] = [:]
    for mentor in cohort.mentors {
      for language in mentor.person.languages where index[language] == nil && menteeSide.contains(language) {
        index[language] = index.count
      }
    }
    let words = max(1, (index.count + 63) / 64)
    wordCount = words
    func pack(_ people: [Person]) -> [UInt64] {
      var result = [UInt64](repeating: 0, count: people.count * words)
      for (p, person) in people.enumerated() {
        for language in person.languages {
          guard let b = index[language] else { continue }
          result[p * words + b / 64] |= 1 << UInt64(b % 64)
        }
      }
      return result
    }
    menteeWords = pack(cohort.mentees.map(\.person))
    mentorWords = pack(cohort.mentors.map(\.person))
    menteeListsAny = cohort.mentees.map { !$0.person.languages.isEmpty }
    mentorListsAny = cohort.mentors.map { !$0.person.languages.isEmpty }
  }

  /// Whether the shared-language rule excludes the pair: both list languages
  /// and they share none.
  ///
  /// - Complexity: O(`wordCount`).
  @inline(__always)
  public func excludes(mentee i: Int, mentor j: Int) -> Bool {
    guard menteeListsAny[i], mentorListsAny[j] else { return false }
    for w in 0..<wordCount where menteeWords[i * wordCount + w] & mentorWords[j * wordCount + w] != 0 {
      return false
    }
    return true
  }

  /// Sets `row[j]` to `.nan` for every mentor `j` that ``excludes(mentee:mentor:)`` mentee `i`.
  ///
  /// - Complexity: O(`mentors · wordCount`).
  public func exclude(mentee i: Int, in row: UnsafeMutableBufferPointer<Double>) {
    guard menteeListsAny[i] else { return }
    guard wordCount == 1 else {
      for j in 0..<row.count where excludes(mentee: i, mentor: j) { row[j] = .nan }
      return
    }
    // One word per person: a mask and a test per mentor.
    let mine = menteeWords[i]
    mentorWords.withUnsafeBufferPointer { words in
      mentorListsAny.withUnsafeBufferPointer { lists in
        for j in 0..<row.count where lists[j] && words[j] & mine == 0 { row[j] = .nan }
      }
    }
  }
}
