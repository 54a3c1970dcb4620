/// The stated preferences of a cohort as score terms: a person who lists `L`
/// people gives the `r`-th of them `(L − r + 1) / L` (1 for the first choice,
/// `1/L` for the last), and nothing to anyone unlisted. Ids that name nobody
/// on the other side are ignored.
///
/// Invariant: every stored value is in `(0, 1]`; only listed pairs are stored.
struct PreferenceTable: Sendable {
  /// Per mentee index, per mentor index: the mentee's and the mentor's term.
  let entries: [Int: [Int: (mentee: Double, mentor: Double)]]
  let menteeWeight: Double
  let mentorWeight: Double

  init(cohort: Cohort, terms: MatchingConfiguration.TermWeights) {
    let mentorIndex = cohort.mentorIndexByID
    let menteeIndex = cohort.menteeIndexByID
    var entries: [Int: [Int: (mentee: Double, mentor: Double)]] = [:]
    for (i, mentee) in cohort.mentees.enumerated() {
      let list = mentee.person.preferences
      for (r, id) in list.enumerated() {
        guard let j = mentorIndex[id] else { continue }
        entries[i, default: [:]][j, default: (0, 0)].mentee = Double(list.count - r) / Double(list.count)
      }
    }
    for (j, mentor) in cohort.mentors.enumerated() {
      let list = mentor.person.preferences
      for (r, id) in list.enumerated() {
        guard let i = menteeIndex[id] else { continue }
        entries[i, default: [:]][j, default: (0, 0)].mentor = Double(list.count - r) / Double(list.count)
      }
    }
    self.entries = entries
    menteeWeight = terms.menteePreference
    mentorWeight = terms.mentorPreference
  }

  /// The weighted preference term of a pair.
  ///
  /// - Complexity: O(1) expected.
  func weighted(mentee i: Int, mentor j: Int) -> Double {
    guard let value = entries[i]?[j] else { return 0 }
    return menteeWeight * value.mentee + mentorWeight * value.mentor
  }

  /// Adds the weighted preference terms of mentee `i`'s listed pairs to `row`.
  ///
  /// - Complexity: O(listed pairs of the mentee).
  func add(mentee i: Int, to row: UnsafeMutableBufferPointer<Double>) {
    guard let listed = entries[i] else { return }
    for (j, value) in listed { row[j] += menteeWeight * value.mentee + mentorWeight * value.mentor }
  }
}
